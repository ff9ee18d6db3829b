"""The vocabulary: what prompts ask for and what context code carries, in eight languages.

Knowledge lives in the language modules (``en.py`` … ``ja.py``), one ``Language`` table each: per concept
its patterns and example sentences. This module is the one interpreter of those tables. Precision comes from
meaning, not keywords: a purpose phrase must name its object (a person, a face), a negation in its clause
("do not identify anyone", "identifica a nadie" is not) or a refusal in its sentence cancels it, word senses
that are not evidence (a typeface, a coffee mug) are removed first, and emotion words about written text do
not count. The screens' stems (``stems``) are derived from the same patterns, never copied.

Cost is linear in the text: each clause's negation, contrast and prohibition cues are found once per language
and looked up with ``bisect`` for each candidate purpose.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from . import de, en, es, fr, it, ja, literals, nl, pt
from .table import CONTEXTS, NONE, PURPOSES, Language

__all__ = ["CONTEXTS", "LANGUAGES", "NONE", "PURPOSES", "Hit", "Language"]

LANGUAGES: tuple[Language, ...] = (
    en.LANGUAGE,
    es.LANGUAGE,
    fr.LANGUAGE,
    de.LANGUAGE,
    pt.LANGUAGE,
    it.LANGUAGE,
    nl.LANGUAGE,
    ja.LANGUAGE,
)

# Sentences end at punctuation (Latin and Japanese), blank lines and list items; one newline is usually wrapping.
_SENTENCE = re.compile(
    r"(?<=[.!?;:])\s+|(?<=[。！？])|(?<=[!?])(?=[^\x00-\x7f])|\n\s*\n|\n(?=\s*(?:[-*•#>]|\d+[.)])\s)|(?<=[.!?])$"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_MAX_TEXT = 20_000  # a prompt is read up to here, which bounds the cost of one text


@dataclass(frozen=True)
class Hit:
    category: str
    phrase: str
    strong: bool = True


def fold(text: str) -> str:
    """Lower case, with compatibility forms folded (NFKC: full-width letters, ligatures, the long s) and the
    Turkish dotted and dotless i read as i: what the patterns and the screens' stems are written in."""
    low = text.lower()
    if low.isascii():
        return low
    return unicodedata.normalize("NFKC", low).replace("\u0131", "i").replace("i\u0307", "i")


def normalise(text: str, limit: int = _MAX_TEXT) -> str:
    text = text[:limit].replace("\u2019", "'").replace("\u2018", "'").replace("\u3000", " ")
    return fold(re.sub(r"[ \t\r\f\v]+", " ", text))


def identifier_words(name: str) -> str:
    """``isSamePerson`` / ``is_same_person`` → ``is same person``."""
    return _CAMEL.sub(" ", name).replace("_", " ").replace("-", " ").lower().strip()


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _senses() -> re.Pattern[str] | None:
    patterns = [p for lang in LANGUAGES for p in lang.senses]
    return _compiled("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _strip_senses(text: str) -> str:
    """Blank out word senses that are not evidence, keeping every offset (the filler is one word)."""
    senses = _senses()
    if senses is None:
        return text
    return senses.sub(lambda m: "_" * len(m.group(0)), text)


def _clauses(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", s).strip() for s in _SENTENCE.split(text) if s and s.strip()]


class _Cues(NamedTuple):
    """One language's cue positions in a clause."""

    neg_starts: list[int]
    neg_ends: list[int]
    contrasts: list[int]
    posts: list[int]
    refusal: bool


class _Clause:
    """One sentence, with each language's cue positions found once (so every check is a bisect)."""

    def __init__(self, sentence: str) -> None:
        self.text = sentence
        self.previous = ""
        self._cues: dict[str, _Cues] = {}

    def cues(self, lang: Language) -> _Cues:
        found = self._cues.get(lang.code)
        if found is None:
            s = self.text
            negs = list(_compiled(lang.negation).finditer(s))
            found = _Cues(
                [m.start() for m in negs],
                [m.end() for m in negs],
                [m.start() for m in _compiled(lang.contrast).finditer(s)],
                [m.start() for m in _compiled(lang.post_negation).finditer(s)],
                bool(_compiled(lang.refusal).search(s)),
            )
            self._cues[lang.code] = found
        return found

    def negated(self, start: int, end: int) -> bool:
        """Is [start, end) inside a negation's scope, followed by a prohibition, or in a refusal sentence?"""
        for lang in LANGUAGES:
            neg_starts, neg_ends, contrasts, posts, refusal = self.cues(lang)
            if refusal:
                return True
            # a cue inside the phrase: "identifiziere keine Personen", "n'identifiez pas"
            i = bisect_left(neg_starts, start)
            if i < len(neg_starts) and neg_starts[i] < end:
                return True
            # the last cue before the phrase, with no contrast word between ("do not …, only …")
            j = bisect_right(neg_ends, start) - 1
            if j >= 0:
                k = bisect_left(contrasts, neg_ends[j])
                if k >= len(contrasts) or contrasts[k] >= start:
                    return True
            # a prohibition after it, before the next contrast word ("… is not allowed")
            k = bisect_left(posts, end)
            if k < len(posts):
                c = bisect_left(contrasts, end)
                before_contrast = c >= len(contrasts) or posts[k] < contrasts[c]
                if before_contrast and (lang.post_window is None or posts[k] - end <= lang.post_window):
                    return True
        return False


def may_ask_purpose(text: str) -> bool:
    """The gate's question: could any purpose phrase be in this text? Any match counts, negated or not, and the
    whole text is read, since a screen that stopped at a length would drop findings further on.

    Each candidate pattern is searched once over all clauses joined by newlines, not clause by clause: a match
    inside one clause is a match in the joined text too (no pattern is anchored, and a newline neither is a
    space nor completes a look-behind), so the answer can only be wider than the analysis' own reading.
    """
    norm = _strip_senses(normalise(text, len(text)))
    candidates = _candidates(norm)
    if not candidates:
        return False
    joined = "\n".join(_strip_idioms(clause) for clause in _clauses(norm))
    return any(_compiled(pattern).search(joined) for _, _, pattern, _ in candidates)


def find_purposes(text: str, *, field: bool = False) -> list[Hit]:
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
    norm = _strip_senses(normalise(text))
    candidates = _candidates(norm)
    if not candidates:
        return hits
    previous = ""
    for sentence in _clauses(norm):
        clause = _Clause(_strip_idioms(sentence))
        clause.previous = previous
        previous = clause.text
        for lang, cat, pattern, strong in candidates:
            hit = _first_hit(clause, lang, cat, pattern, strong, norm)
            if hit is not None:
                hits.append(Hit(cat, _as_written(text, hit), strong))
    return hits


_Entry = tuple[Language, str, str, bool]


@cache
def _purpose_table() -> tuple[tuple[_Entry, ...], tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Every purpose pattern in table order, every derived stem, and which patterns each stem screens."""
    entries: list[_Entry] = []
    by_stem: dict[str, list[int]] = {}
    for lang in LANGUAGES:
        for cat, patterns in lang.purposes.items():
            for pattern, strong in patterns:
                for stem in _pattern_stems(pattern):
                    by_stem.setdefault(stem, []).append(len(entries))
                entries.append((lang, cat, pattern, strong))
    return tuple(entries), tuple(by_stem), {k: tuple(v) for k, v in by_stem.items()}


def _candidates(norm: str) -> list[_Entry]:
    """The patterns whose stems occur in the text: one substring scan per stem instead of one regex per
    pattern per sentence (the other patterns cannot match anywhere in it)."""
    entries, stems, by_stem = _purpose_table()
    ids: set[int] = set()
    for stem in stems:
        if stem in norm:
            ids.update(by_stem[stem])
    return [entries[i] for i in sorted(ids)]


@cache
def _pattern_stems(pattern: str) -> tuple[str, ...]:
    """Words one of which every match of ``pattern`` contains (derived; see literals.py)."""
    return literals.word_stems([pattern])


def _first_hit(clause: _Clause, lang: Language, cat: str, pattern: str, strong: bool, norm: str) -> str | None:
    sentence = clause.text
    # A substring test per derived stem is ~50 times cheaper than the regex, and exact: no match without one.
    if not any(stem in sentence for stem in _pattern_stems(pattern)):
        return None
    for m in _compiled(pattern).finditer(sentence):
        if _negated_near(clause, m.start(), m.end()):
            continue
        if cat == "identify" and not strong and _about_things(norm, lang):
            continue
        if cat == "emotion" and not _emotion_about_person(sentence, lang):
            continue
        # the person may be named in the sentence before ("people and objects … Give their gender.")
        if cat in ("sensitive", "criminality") and not _compiled(lang.person).search(sentence + " " + clause.previous):
            continue
        return _excerpt(sentence, m.start(), m.end())
    return None


_SCOPE = 300  # characters around a phrase in which a negation, prohibition or refusal can apply to it


def _negated_near(clause: _Clause, start: int, end: int) -> bool:
    """Negation scope is local: in a very long "sentence" (a run-on template, a data dump) only the text around
    the phrase is read, which also keeps the cost bounded whatever the input."""
    if len(clause.text) <= 2 * _SCOPE:
        return clause.negated(start, end)
    lo, hi = max(0, start - _SCOPE), min(len(clause.text), end + _SCOPE)
    return _Clause(clause.text[lo:hi]).negated(start - lo, end - lo)


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
    # Written-text words of any language ("analyse le sentiment de cet avis"), unless the sentence is visual.
    written = any(_compiled(other.written).search(sentence) for other in LANGUAGES)
    return not written or any(_compiled(other.visual).search(sentence) for other in LANGUAGES)


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


def _as_written(original: str, excerpt: str) -> str:
    """The excerpt as the source wrote it (case, typographic quotes, line breaks folded to spaces)."""
    words = excerpt.split()
    if not words or "_" * 4 in excerpt:
        return excerpt
    pattern = r"\s+".join(re.escape(w).replace("'", "['\u2019\u2018]") for w in words)
    found = re.search(pattern, original[:_MAX_TEXT], re.IGNORECASE)
    return re.sub(r"\s+", " ", found.group(0)) if found else excerpt


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


def find_context(text: str, category: str, limit: int = _MAX_TEXT) -> str | None:
    """The first phrase of a context category (police, us, non_us, gallery, live, mobile …) in a text.

    ``limit``: how much of the text is read (the gate passes the whole length: a screen must not stop early).
    """
    return find_contexts(text, (category,), limit)[category]


def find_contexts(text: str, categories: Iterable[str], limit: int = _MAX_TEXT) -> dict[str, str | None]:
    """``find_context`` for several categories of one text, which is normalised once (normalising and blanking
    word senses cost more than the categories' patterns, which their stems mostly skip)."""
    norm = _strip_senses(normalise(text, limit).replace("_", " ").replace("/", " "))
    return {category: _context_in(norm, category) for category in categories}


def _context_in(norm: str, category: str) -> str | None:
    for lang in LANGUAGES:
        pattern = lang.context.get(category)
        if not pattern:
            continue
        stems = _context_stems(pattern)
        if stems is not None and not any(stem in norm for stem in stems):
            continue
        for m in _compiled(pattern).finditer(norm):
            if category in ("police", "police_weak") and _context_negated(norm, m.start(), m.end()):
                continue
            return norm[m.start() : m.end()]
    return None


@cache
def _context_stems(pattern: str) -> tuple[str, ...] | None:
    """A context pattern's screen; None for one with no useful literal (short place codes), always run."""
    try:
        return literals.word_stems([pattern])
    except ValueError:
        return None


def _context_negated(norm: str, start: int, end: int) -> bool:
    """The clause around a context phrase ("no police involvement"), read within the negation scope."""
    lo, hi = max(start - _SCOPE, 0), min(end + _SCOPE, len(norm))
    begin = max(norm.rfind("\n", lo, start), norm.rfind(". ", lo, start), norm.rfind("。", lo, start), lo - 1) + 1
    stops = [p for p in (norm.find("\n", end, hi), norm.find(". ", end, hi), norm.find("。", end, hi)) if p != -1]
    clause = _Clause(norm[begin : min(stops) if stops else hi])
    return clause.negated(start - begin, end - begin)


# ----------------------------------------------------------------------------------------------------------
# Stems for the screens, derived from the patterns above (see literals.py).

SCREEN_CONTEXTS = ("police", "police_weak")


@cache
def stems(kind: str) -> tuple[str, ...]:
    """Lowercase word stems, one of which any text matching the concepts of ``kind`` must contain.

    ``purpose``: every purpose pattern and schema field of every language; ``police``: police context (the only
    context that can raise a finding without a purpose); ``visual``: image and face words.
    """
    patterns: list[str] = []
    for lang in LANGUAGES:
        if kind == "purpose":
            patterns += [p for pats in lang.purposes.values() for p, _ in pats]
            patterns += list(lang.fields.values())
        elif kind == "police":
            patterns += [lang.context[c] for c in SCREEN_CONTEXTS if c in lang.context]
        elif kind == "visual":
            patterns.append(lang.visual)
        else:
            raise ValueError(kind)
    return literals.word_stems(patterns)


def clear_caches() -> None:
    """Forget everything derived from the tables (after a table is edited at run time, as tests do)."""
    for cached in (stems, _purpose_table, _senses):
        cached.cache_clear()
