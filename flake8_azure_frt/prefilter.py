"""Can this file produce any AFR1xx/AFR2xx finding at all? Substring scans over the text flake8 already read.

Conservative by construction: a finding needs a request (an Azure/OpenAI word or a request-shaped call) and
either purpose/context vocabulary in the file, or text that may come from elsewhere (a local import, a file
read, an option). A file with no request of its own can still call a wrapper defined in another project file;
it is analysed when it passes that wrapper purpose words next to image words, or a prompt read from a file.

The vocabulary stems are derived from the lexicon's own patterns (``lexicon.stems``: a word that every match
of a pattern must contain) and the face-pipeline stems from the surface tables, so a phrase added to the
lexicon is screened in without an edit here. Speed: the text is lowered once and searched with ``in`` (a fast
C substring search); no regex runs over the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from . import lexicon, surfaces
from .lexicon import literals
from .settings import Settings

# A request's own words come from the surface table (package names, HTTP markers); a client that arrives from
# another module leaves only the call's shape or its usual name (surfaces.REQUEST_CALL_SHAPES, CLIENT_NAMES).
_CALL_SHAPES = surfaces.REQUEST_CALL_SHAPES + surfaces.CLIENT_NAMES
_REQUEST = surfaces.REQUEST_STEMS + _CALL_SHAPES
_MARKS = surfaces.REQUEST_MARKERS + _CALL_SHAPES
# Text that may arrive from elsewhere: a local import, a file read (the calls and suffixes of the surface tables,
# as they appear in source), the environment.
_ELSEWHERE = (
    "from .", "import ", "open(", *sorted(n for n in surfaces.FILE_READS | surfaces.ENV_READS if len(n) > 4),
    *surfaces.TEXT_FILE_SUFFIXES, surfaces.ENV_MAPPING,
)  # fmt: skip
# How image bytes show up in code besides the lexicon's visual words.
_IMAGE_CODE = ("jpg", "jpeg", "png", "b64", "base64", "img", "frame", "camera", "video")
_PROMPT_FILE = surfaces.TEXT_FILE_SUFFIXES
# The file-reading calls the analysis follows, as they appear in source (short names only as calls).
_READ = (*sorted(n for n in surfaces.FILE_READS if len(n) > 4), "open(", ".read(", ".load(")


@cache
def vocabulary() -> tuple[str, ...]:
    """Every stem that purpose, police or face-pipeline evidence needs, derived from the knowledge tables."""
    face = literals.word_stems(
        [surfaces.FACE_DETECTORS.pattern, surfaces.FACE_MATCHERS.pattern, surfaces.VIDEO_SOURCES.pattern]
    )
    return literals.minimal(lexicon.stems("purpose") + lexicon.stems("police") + face + ("crop", "cascade"))


@cache
def sharp_vocabulary() -> tuple[str, ...]:
    """Purpose and police stems: what another module must contain to add evidence to a request."""
    return literals.minimal(lexicon.stems("purpose") + lexicon.stems("police"))


@cache
def image_words() -> tuple[str, ...]:
    return literals.minimal(lexicon.stems("visual") + _IMAGE_CODE)


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\x([0-9a-fA-F]{2})")


def _unescaped(source: str) -> str:
    """Escaped characters in string literals (``"\\u8ab0"``) as the analysis will read them; the source as
    written is kept too, since an escape may also stand outside a string."""
    if "\\" not in source or not _ESCAPE.search(source):
        return source
    return source + "\n" + _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2) or m.group(3), 16)), source)


def names_request(low: str) -> bool:
    """Could lowered text make a request (a client, an Azure endpoint, an LLM framework)?"""
    return _any(low, _REQUEST)


def marks_request(low: str) -> bool:
    """Does lowered text mark a request by its markers or call shapes (the packages are asked as imports)?"""
    return _any(low, _MARKS)


def sharp(low: str) -> bool:
    """Purpose or police words in lowered text (used on other project files too)."""
    return _any(low, sharp_vocabulary())


def _any(text: str, stems: tuple[str, ...]) -> bool:
    return any(stem in text for stem in stems)


def is_candidate(source: str, settings: Settings, elsewhere: Callable[[], bool] = lambda: True) -> bool:
    """``elsewhere()``: could another file of the project supply a request (the project screen's answer, asked
    only for a file without a request of its own, before the costlier word scans)."""
    if settings.all_openai or any(name.rsplit(".", 1)[-1] in source for name in settings.extra_clients):
        return True
    low = lexicon.fold(_unescaped(source))
    if _any(low, _REQUEST):
        # the inventory (AFR001) lists every request, with or without evidence
        return settings.inventory or settings.law_enforcement or _any(low, vocabulary()) or _any(low, _ELSEWHERE)
    if "import" not in low or not elsewhere():
        return False
    if _any(low, image_words()) and sharp(low):
        return True
    return _any(low, _PROMPT_FILE) and _any(low, _READ)
