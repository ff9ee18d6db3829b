"""Literal strings that any match of a regex must contain: the screens' stems, derived, never copied by hand.

For a pattern, ``required(pattern)`` returns a set S of lowercase strings such that every string the pattern
matches (case-insensitively) contains at least one member of S as a substring. A cheap ``stem in text`` test
over S is then a conservative screen for the regex: it can let through text the regex rejects, never the other
way round. This is the literal-factor idea behind trigram code search indexes; no maintained Python library
exposes it for ``re`` patterns, so it is written here over the stdlib's own regex parser.
"""

from __future__ import annotations

import keyword
import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

from .stems_table import WORDS

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser as _p
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

_MAX_SET = 48  # strings kept while multiplying out a sequence of alternations
_MAX_UNION = 1024  # members of one required set (a context list of place names is long but still selective)
_MAX_LEN = 24  # stems are cut here: a prefix of a required literal is required too
_MIN_BYTES = 3

Strings = frozenset[str]


_WORD = re.compile(r"\w+")


def _word(literal: str) -> str | None:
    """The literal's longest word (by UTF-8 bytes): also present when the text splits the phrase across lines,
    string parts or identifier words (``is_same_person``)."""
    words = _WORD.findall(literal)
    return max(words, key=_preference) if words else None


def _preference(word: str) -> tuple[bool, bool, int]:
    """Not a keyword, then a content word of three bytes or more, then the longest."""
    size = len(word.encode())
    return (word not in _COMMON, word not in _FUNCTION and size >= _MIN_BYTES, size)


def _lower(strings: Iterable[str]) -> Strings:
    return frozenset(s.lower() for s in strings)


# Words in nearly every Python file: as a stem they would open the screen for everything, so a pattern's
# other required words are preferred (``from one … frames`` screens on the frame words, not on ``from``).
_COMMON = frozenset(k.lower() for k in keyword.kwlist) | {"self", "print", "none", "true", "false", "str", "int"}


# Function words of the eight languages that stand in many phrases and in much ordinary code and text: a
# pattern's other required words are preferred when it has any (weight 1, above keywords, below content words).
_FUNCTION = frozenset(
    {"this", "that", "these", "those", "what", "which", "who", "whom", "whose", "how", "where", "when", "the",
     "and", "with", "from", "for", "are", "was", "were", "his", "her", "their", "your", "our", "its", "one", "all",
     "any", "each", "every", "some", "can", "will", "there", "here", "name", "names", "age", "est", "ist", "sind",
     "die", "der", "das", "den", "dem", "des", "une", "les", "del", "los", "las", "una", "uno", "quel",
     "qual", "het", "een", "zijn", "van", "per", "che", "chi", "non", "pas"}
)  # fmt: skip


def _weight(word: str) -> float:
    """How selective a word is as a screen: keywords nothing, fragments (under three bytes) and function words
    little, other words their length."""
    size = len(word.encode())
    if word in _COMMON:
        return 0
    if size < _MIN_BYTES:
        return size / 10
    return 1 if word in _FUNCTION else size


def _score(s: Strings) -> tuple[float, int]:
    """Longer shortest word first, then fewer members: the most selective screen once cut to words."""
    return (min((_weight(_word(x) or "") for x in s), default=0), -len(s))


def _pick(candidates: list[Strings]) -> Strings | None:
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=_score) if usable else None


def _cut(s: Strings) -> Strings:
    return frozenset(x[:_MAX_LEN] for x in s)


def _analyse(items: Any) -> tuple[Strings | None, Strings | None]:
    """(every string the sequence can match, if few; a required-literal set, if any) for a parsed sequence."""
    cur: Strings | None = frozenset({""})
    exact_whole: Strings | None = frozenset({""})
    candidates: list[Strings] = []
    for op, av in items:
        exact, req = _node(op, av)
        if req is not None:
            candidates.append(req)
        if exact is not None and cur is not None and len(cur) * len(exact) <= _MAX_SET:
            cur = frozenset(a + b for a in cur for b in exact)
        else:
            if cur:
                candidates.append(_cut(cur))
            cur = exact if exact is not None and len(exact) <= _MAX_SET else frozenset({""})
            exact_whole = None
        if exact_whole is not None:
            exact_whole = cur
    if cur:
        candidates.append(_cut(cur))
    return exact_whole, _pick(candidates)


def _node(op: Any, av: Any) -> tuple[Strings | None, Strings | None]:
    if op is _c.LITERAL:
        s = frozenset({chr(av).lower()})
        return s, s
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value).lower())
            elif kind is _c.RANGE and value[1] - value[0] < 8:
                chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
            else:
                return None, None
        if not chars or len(chars) > 8:
            return None, None
        s = frozenset(chars)
        return s, s
    if op is _c.SUBPATTERN:
        return _analyse(av[-1])
    if op is _c.BRANCH:
        exacts: set[str] = set()
        reqs: set[str] = set()
        all_exact = True
        all_req = True
        for branch in av[1]:
            exact, req = _analyse(branch)
            if exact is None:
                all_exact = False
            else:
                exacts |= exact
            if req is None:
                all_req = False
            else:
                reqs |= req
        exact_out = frozenset(exacts) if all_exact and len(exacts) <= _MAX_SET else None
        req_out = frozenset(reqs) if all_req and len(reqs) <= _MAX_UNION else None
        if req_out is None and exact_out is not None and "" not in exact_out:
            req_out = _cut(exact_out)
        return exact_out, req_out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or getattr(_c, "POSSESSIVE_REPEAT", None) is op:
        lo, hi, sub = av
        exact, req = _analyse(sub)
        if lo == 0:
            if hi == 1 and exact is not None:
                return exact | {""}, None
            return None, None
        if lo == hi == 1:
            return exact, req
        return None, req
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None  # zero width; ignoring a lookaround only widens the screen
    if op is _c.ATOMIC_GROUP if hasattr(_c, "ATOMIC_GROUP") else False:
        return _analyse(av)
    return None, None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF …: no literal


@cache
def required(pattern: str) -> Strings | None:
    """A set of lowercase literals one of which every match of ``pattern`` contains; None if there is none."""
    parsed = _p.parse(pattern, re.IGNORECASE)
    _, req = _analyse(parsed.data)
    return req


def word_stems(patterns: Iterable[str]) -> tuple[str, ...]:
    """Word stems one of which any match of any of ``patterns`` contains, minimal (a stem containing another is
    dropped).

    Raises ValueError for a pattern without a useful literal (3 UTF-8 bytes: three Latin letters or one kanji):
    such a pattern would force every screen open, so the vocabulary must not hold one; the tests check every
    entry.
    """
    out: set[str] = set()
    for pattern in patterns:
        words = pattern_words(pattern)
        if words is None:
            raise ValueError(f"no word of {_MIN_BYTES}+ bytes that every match must contain: {pattern[:120]!r}")
        out.update(words)
    return minimal(out)


def pattern_words(pattern: str) -> tuple[str, ...] | None:
    """One pattern's word stems (minimal), None if it has no useful one. Read from the generated table
    (``stems_table.py``) when the pattern is there: deriving all of them costs a few tenths of a second per
    flake8 worker, which a run over a project that never uses Azure OpenAI should not pay. A pattern missing from
    the table (edited since the table was generated) is derived here: the table only saves time."""
    if pattern in WORDS:
        return WORDS[pattern]
    return derive_words(pattern)


@cache
def derive_words(pattern: str) -> tuple[str, ...] | None:
    req = required(pattern)
    words = {_word(s) for s in req} if req is not None else {None}
    if None in words or min(len(str(w).encode()) for w in words) < _MIN_BYTES:
        return None
    return minimal(str(w) for w in words)


def minimal(stems: Iterable[str]) -> tuple[str, ...]:
    """The stems that contain no other stem (a text holding a longer one holds the shorter), sorted."""
    kept: set[str] = set()
    sizes: list[int] = []  # lengths of the kept stems, ascending
    for stem in sorted(set(stems), key=len):
        # Every substring of the stem of a kept length, looked up in a set: a thousand stems of at most
        # _MAX_LEN characters cost milliseconds, where testing each kept stem against each stem cost a tenth of a
        # second per screen at start-up.
        if not any(stem[i : i + n] in kept for n in sizes for i in range(len(stem) - n + 1)):
            kept.add(stem)
            if not sizes or sizes[-1] != len(stem):
                sizes.append(len(stem))
    return tuple(sorted(kept))
