"""Can this file produce any AFR1xx/AFR2xx finding at all? Substring scans over the text flake8 already read.

Conservative by construction: a finding needs a request (an Azure/OpenAI word or a request-shaped call) and
either purpose/context vocabulary in the file, or text that may come from elsewhere (a local import, a file
read, an option). A file with no request of its own can still call a wrapper defined in another project file;
it is analysed when it passes that wrapper an image with sharp purpose words, or a prompt read from a file.

Speed: the text is lowered once and searched with ``in`` (a fast C substring search); regexes only confirm
a stem that is already known to be present. A case-insensitive regex alternation over whole files costs
several microseconds per byte, about a fifth of flake8's own time on a large codebase.
"""

from __future__ import annotations

import re

from .settings import Settings

_REQUEST = (
    "azure", "openai", "aoai", "litellm", "langchain", "llama_index", "semantic_kernel", "autogen", "haystack",
    "dspy", "pydantic_ai", "promptflow", "instructor", "api-version", ".chat.completions", ".responses.",
    ".invoke(", ".ainvoke(", ".complete(", ".get_chat_message_content", ".run_sync(",
)  # fmt: skip

# Stems of everything the lexicon and the context rules can match, in every supported language.
_VOCAB = (
    "face", "facial", "visag", "rostro", "cara", "gesicht", "volt", "viso", "visi", "rosto", "emoti", "émoti",
    "emoci", "emoç", "emozi", "gefühl", "mood", "feel", "humeur", "humor", "umore", "stimmung", "express",
    "language", "demeanor", "demeanour", "stress", "anxi", "anger", "angry", "fear", "nervous", "polic",
    "polizei", "carabinier", "gendarm", "sheriff", "trooper", "patrol", "enforcement", "constab", "detective",
    "mugshot", "mug shot", "booking", "inmate", "prison", "jail", "suspect", "sospech", "suspeit", "sospett",
    "verdächt", "wanted", "bolo", "watch", "offender", "arrest", "custody", "gender", "género", "gênero",
    "genre", "geschlecht", "genere", "sex", "ethni", "etni", "race", "raza", "rasse", "razza", "raça", "religi",
    "nationalit", "nacionalid", "nazionalit", "age", "old", "edad", "idade", "âge", "alter", "età", "eta",
    "identif", "recogni", "reconoc", "reconna", "reconhe", "erkenn", "riconosc", "who", "quién", "quien", "quem",
    "qui ", "wer ", "chi ", "same", "misma", "mesma", "même", "selbe", "gleiche", "stessa", "match", "compar",
    "verif", "identit", "name", "nombre", "nom", "track", "follow", "monitor", "surveil", "trace", "re-id",
    "reid", "rastre", "seguir", "suivre", "pister", "verfolg", "traccia", "segui", "whereabout", "bodycam",
    "body", "dash", "drone", "videocapture", "videostream", "cascade", "dlib", "mediapipe", "deepface",
    "insightface", "mtcnn", "retinaface", "faceclient", "celebrit", "selfie", "portrait", "headshot", "person",
    "people", "individu", "crop", "frame",
)  # fmt: skip
_ELSEWHERE = (
    "from .", "import ", "open(", "read_text", ".prompty", ".jinja", ".j2", ".txt", ".yaml", ".yml", ".json",
    ".toml", "getenv", "environ",
)  # fmt: skip

# Without a request of its own: sharp purpose words (confirmed by a regex) next to image words, or a prompt
# file that the code reads.
_SHARP_STEMS = (
    "face", "facial", "emoti", "emoci", "emoç", "emozi", "gesicht", "rostro", "visage", "polic", "polizei",
    "sheriff", "mugshot", "booking", "inmate", "gender", "género", "ethni", "religio", "sexual", "bodycam",
    "body-worn", "body worn", "dashcam", "dash cam", "who is", "who are", "same person", "re-identif",
    "reidentif", "watch list", "watchlist", "celebrit", "quién es", "qui est", "wer ist", "chi è", "quem é",
    "identif", "recogni", "reconoc", "reconna", "erkenn", "riconosc", "reconhe", "name the", "track", "follow",
    "selfie", "mood", "enforcement", "trooper", "patrol", "constab", "gendarm", "carabin", "cjis", "ncic",
    "detective", "jail", "custody", "arrest", "warrant", "suspect", "polizia", "polícia",
)  # fmt: skip
_SHARP = re.compile(
    r"\bfaces?\b|facial|emoti|emoci|emoç|emozi|gesicht|rostro|visage|\bpolic(?:e|ia|ía)\b|polizei|sheriff|"
    r"mugshot|booking.photo|inmate|\bgender|género|ethnic|religio|sexual|bodycam|body.worn|dash.?cam|"
    r"\bwho (?:is|are)\b|same person|re-?identif|watch.?list|celebrit|quién es|qui est|wer ist|chi è|quem é|"
    r"(?:identif\w*|recogni[sz]\w*|reconoc\w*|reconna\w*|erkenn\w*|riconosc\w*|reconhe\w*|name|track\w*|follow\w*) "
    r"(?:the |this |that |each |every |all |any |a |an |la |el |le |die |den |o |il )?(?:\w+ )?(?:person|people|"
    r"individual|man|woman|suspect|driver|customer|shopper|employee|visitor|subject|him|her|them|someone|anyone|"
    r"persona|personne|personen|pessoa|rostro|visage|gesicht)\b|selfie|\bmood\b|law.enforcement|trooper|patrol|"
    r"constab|gendarm|carabin|cjis|ncic|detective|\bjail|custody|\barrest|warrant|suspect|polizia|polícia"
)
_IMAGE = ("photo", "image", "picture", "frame", "camera", "video", "jpg", "jpeg", "png", "b64", "base64", "img")
_PROMPT_FILE = (".txt", ".j2", ".jinja", ".prompty", ".yaml", ".yml", ".md")
_READ = ("read_text", "open(", ".read()", "safe_load", "from_prompty", "prompty.load", "get_template")


def names_request(low: str) -> bool:
    """Could lowered text make a request (a client, an Azure endpoint, an LLM framework)?"""
    return _any(low, _REQUEST)


def sharp(low: str) -> bool:
    """Sharp purpose or context words in lowered text (used on other project files too)."""
    return _any(low, _SHARP_STEMS) and bool(_SHARP.search(low))


def _any(text: str, stems: tuple[str, ...]) -> bool:
    return any(stem in text for stem in stems)


def is_candidate(source: str, settings: Settings) -> bool:
    if settings.all_openai or any(name.rsplit(".", 1)[-1] in source for name in settings.extra_clients):
        return True
    low = source.lower()
    if _any(low, _REQUEST):
        return settings.law_enforcement or _any(low, _VOCAB) or _any(low, _ELSEWHERE)
    if "import" not in low:
        return False
    if _any(low, _SHARP_STEMS) and _any(low, _IMAGE) and _SHARP.search(low):
        return True
    return _any(low, _PROMPT_FILE) and _any(low, _READ)
