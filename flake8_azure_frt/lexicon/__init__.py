"""Phrase tables and the matcher that reads prompts and context with them.

Precision comes from co-occurrence, not keywords: a purpose phrase must name its object (a person, a face),
a negation in the same clause ("do not identify anyone") cancels it, and words in written-text contexts
("sentiment of this review") do not count as emotion. Each language module fills one ``Language`` table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from . import de, en, es, fr, it, pt
from .table import Language

LANGUAGES: tuple[Language, ...] = (en.LANGUAGE, es.LANGUAGE, fr.LANGUAGE, de.LANGUAGE, pt.LANGUAGE, it.LANGUAGE)

PURPOSES = ("identify", "emotion", "sensitive", "track")

# Sentences end at punctuation, blank lines and list items; a single newline is usually just wrapping.
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n|\n(?=\s*(?:[-*•#>]|\d+[.)])\s)|(?<=[.!?])$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_MAX_TEXT = 20_000


@dataclass(frozen=True)
class Hit:
    category: str
    phrase: str
    strong: bool = True


def normalise(text: str) -> str:
    text = text[:_MAX_TEXT].replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[ \t\r\f\v]+", " ", text).lower()


def identifier_words(name: str) -> str:
    """``isSamePerson`` / ``is_same_person`` → ``is same person``."""
    return _CAMEL.sub(" ", name).replace("_", " ").replace("-", " ").lower().strip()


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", s).strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _negated(sentence: str, start: int, end: int) -> bool:
    """Is [start, end) inside the scope of a negation cue, or followed by a prohibition in its clause?"""
    for lang in LANGUAGES:
        if _compiled(lang.negation).search(sentence, start, end):
            return True  # "identifiziere keine Personen", "n'identifiez pas"
        for cue in _compiled(lang.negation).finditer(sentence, 0, start):
            if cue.end() > start:
                continue
            between = sentence[cue.end() : start]
            if not _compiled(lang.contrast).search(between):
                return True
        tail = sentence[end:]
        stop = _compiled(lang.contrast).search(tail)
        if _compiled(lang.post_negation).search(tail[: stop.start()] if stop else tail):
            return True
    return False


def find_purposes(text: str, *, field: bool = False, loose: bool = False) -> list[Hit]:
    """Prohibited purposes asked for in one prompt text (or, with ``field``, a schema field name)."""
    if field:
        words = identifier_words(text)
        return [
            Hit(cat, words, strong=cat != "identify")
            for lang in LANGUAGES
            for cat, pattern in lang.fields.items()
            if _compiled(pattern).fullmatch(words)
        ]
    hits: list[Hit] = []
    norm = normalise(text)
    for sentence in _clauses(norm):
        sentence = _strip_idioms(sentence)
        for lang in LANGUAGES:
            for cat, patterns in lang.purposes.items():
                for pattern, strong in patterns:
                    for m in _compiled(pattern).finditer(sentence):
                        if loose:
                            # For the cheap gate: any phrase counts, since the pieces may be assembled,
                            # negated or anchored differently once the real prompt is built.
                            hits.append(Hit(cat, m.group(0), strong))
                            break
                        if _negated(sentence, m.start(), m.end()):
                            continue
                        if cat == "identify" and not strong and _about_things(norm, lang):
                            continue
                        if cat == "emotion" and not _emotion_about_person(sentence, lang):
                            continue
                        if cat == "sensitive" and not _compiled(lang.person).search(sentence):
                            continue
                        hits.append(Hit(cat, _excerpt(sentence, m.start(), m.end()), strong))
                        break
    return hits


def _about_things(text: str, lang: Language) -> bool:
    """'Who is this little fellow? Identify the bird' — a weak identity phrase about animals or objects."""
    return bool(_compiled(lang.non_person).search(text)) and not _compiled(lang.person_strict or lang.person).search(
        text
    )


def _strip_idioms(sentence: str) -> str:
    """Phrases that look like negations or purposes but are not (``whether or not``)."""
    return re.sub(r"\bwhether or not\b|\bnot only\b", "whether", sentence)


def _emotion_about_person(sentence: str, lang: Language) -> bool:
    """Emotion words count for people in images, not for the sentiment of written text."""
    if not _compiled(lang.person).search(sentence):
        return False  # "the mood of this landscape photo" is not about a person
    if _compiled(lang.written).search(sentence) and not _compiled(lang.visual).search(sentence):
        return False
    return True


def _excerpt(sentence: str, start: int, end: int) -> str:
    """The match with a few words around it, cut at word boundaries."""
    lo = max(0, start - 25)
    hi = min(len(sentence), end + 25)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space != -1 else start
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space != -1 else end
    return sentence[lo:hi].strip()


def any_field(words: str) -> bool:
    """Does any line of ``words`` (identifiers as words) name a purpose field, in any language?"""
    return any(
        _compiled(f"(?m)^(?:{pattern})$").search(words.lower()) is not None
        for lang in LANGUAGES
        for pattern in lang.fields.values()
    )


def has_visual_anchor(texts: Iterable[str]) -> bool:
    for text in texts:
        norm = normalise(text)
        if any(_compiled(lang.visual).search(norm) for lang in LANGUAGES):
            return True
    return False


def find_context(text: str, category: str) -> str | None:
    """The first phrase of a context category (police, us, non_us, gallery, live, mobile …) in a text."""
    norm = normalise(text).replace("_", " ").replace("/", " ")
    for lang in LANGUAGES:
        pattern = lang.context.get(category)
        if not pattern:
            continue
        for m in _compiled(pattern).finditer(norm):
            sentence_start = max(norm.rfind("\n", 0, m.start()), norm.rfind(". ", 0, m.start())) + 1
            sentence = norm[sentence_start:]
            if category in ("police", "police_weak") and _negated(
                sentence, m.start() - sentence_start, m.end() - sentence_start
            ):
                continue
            return norm[m.start() : m.end()]
    return None


def context_patterns(category: str) -> list[re.Pattern[str]]:
    return [_compiled(lang.context[category]) for lang in LANGUAGES if category in lang.context]
