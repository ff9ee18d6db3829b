"""Can this file produce any AFR1xx/AFR2xx finding at all? A few regex scans over the text flake8 already read.

Conservative by construction: a finding needs a request (an Azure/OpenAI word or a request-shaped call) and
either purpose/context vocabulary in the file, or text that may come from elsewhere (a local import, a file
read, an option). Everything the lexicon can match contains one of the stems below.
"""

from __future__ import annotations

import re

from .settings import Settings

_REQUEST = re.compile(
    r"azure|openai|aoai|litellm|langchain|llama_index|semantic_kernel|autogen|haystack|dspy|pydantic_ai|"
    r"promptflow|instructor|api-version|\.chat\.completions|\.responses\.|\.invoke\(|\.ainvoke\(|\.complete\(|"
    r"\.get_chat_message_content|\.run_sync\(",
    re.IGNORECASE,
)
_VOCAB = re.compile(
    r"face|facial|visag|rostro|\bcaras?\b|gesicht|volt[oi]|\bvis[oi]\b|rosto|emoti|émoti|emoci|emoç|emozi|gefühl|"
    r"mood|feel|humeur|humor|umore|stimmung|expression|express|body.?language|demeanou?r|stress|anxi|anger|angry|"
    r"fear|nervous|polic|polizia|polizei|carabinier|gendarm|sheriff|trooper|patrol|law.?enforcement|constab|"
    r"detective|mugshot|mug.shot|booking|inmate|prison|jail|suspect|sospech|suspeit|sospett|verdächt|wanted|bolo|"
    r"watch.?list|offender|arrest|custody|gender|género|gênero|genre|geschlecht|genere|\bsex|sexo|sesso|ethni|"
    r"etni|\brac[ei]|raza|rasse|razza|raça|religi|sexual|nationalit|nacionalid|nazionalit|\bage\b|\bages\b|"
    r"\bold\b|edad|idade|\bâge|\bälter|\balter\b|\bet[àa]\b|identif|recogni|reconoc|reconna|reconhe|erkenn|"
    r"riconosc|who|quién|quien|quem|\bqui\b|\bwer\b|\bchi\b|same|misma|mesma|même|selbe|gleiche|stessa|match|"
    r"compar|verif|identit|\bname|nombre|\bnom\b|\bnome\b|track|follow|monitor|surveil|trace|re.?id|rastre|"
    r"seguir|suivre|pister|verfolg|traccia|segui|whereabout|bodycam|body.?worn|body.?cam|dash.?cam|dash.?mount|"
    r"drone|videocapture|videostream|cascade|dlib|mediapipe|deepface|insightface|mtcnn|retinaface|faceclient|"
    r"celebrit|selfie|portrait|headshot|person|people|individu|crop|frame",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"^\s*from\s+\.|^\s*from\s+\w+(?:\.\w+)*\s+import|^\s*import\s+\w+|open\(|read_text|\.prompty|\.jinja|"
    r"\.txt|\.ya?ml|\.json|\.toml|getenv|environ",
    re.IGNORECASE | re.MULTILINE,
)


# Without a request of its own, a file can still call a wrapper from another project file: it must then pass
# it a purpose (sharp vocabulary) or a prompt read from a file.
_SHARP = re.compile(
    r"\bfaces?\b|facial|visage|rostro|gesicht|emoti|émoti|emoci|emoç|emozi|police|polic[íi]a|polizei|sheriff|"
    r"mugshot|booking.photo|inmate|suspect|gender|ethnic|religio|sexual|bodycam|body.?worn|dash.?cam|who is|"
    r"who are|same person|identify the|recogni[sz]e|track the|follow the|re.?identif|watch.?list|celebrit",
    re.IGNORECASE,
)
_PROMPT_FILE = re.compile(r"\.(?:txt|j2|jinja2?|prompty|ya?ml|md|json|toml)\b", re.IGNORECASE)
_IMPORT = re.compile(r"^\s*(?:from\s+[\w.]+\s+import|import\s+\w)", re.MULTILINE)


def is_candidate(source: str, settings: Settings) -> bool:
    extra = any(name.rsplit(".", 1)[-1] in source for name in settings.extra_clients)
    if extra or settings.all_openai:
        return True
    if _REQUEST.search(source):
        return settings.law_enforcement or bool(_VOCAB.search(source) or _ELSEWHERE.search(source))
    if not _IMPORT.search(source):
        return False
    return bool(_SHARP.search(source) or (_PROMPT_FILE.search(source) and _ELSEWHERE.search(source)))
