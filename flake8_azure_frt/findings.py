"""What a finding is: a code at a place, with the evidence that makes it hold.

The flake8 line is short (``MAX_MESSAGE`` characters): the code, the rule title and the one piece of evidence
that sets this code apart, quoted as written. The whole chain (request, every piece of evidence, other files)
stays on the ``Finding`` and reaches the SARIF, rdjson and JSON formatters through ``record.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .registry import RULES

MAX_MESSAGE = 120
_MIN_QUOTE = 24

# Where a line of the checked file is, in words: "line 7", or "cell 3, line 2" for a notebook (notebooks.py).
LineLabel = Callable[[int], str]


class EvidenceKind(str, Enum):
    """Every kind of evidence the package creates, written once: messages and reports show the value.

    A ``str`` so that a kind compares, hashes, formats and serialises as its text (output stays byte-identical);
    some kinds are composed with a detail: ``image input, <how>``, ``police context (ORI)``, ``<kind>: <env>``.
    """

    PROMPT = "prompt"
    PROMPT_FILE = "prompt file"
    SCHEMA_FIELD = "schema field"
    WHOLE_REQUEST = "prompt (whole request)"  # a purpose stated across the request's parts (checker)
    LOCAL_FACE_MATCHER = "local face matcher"
    IMAGE_INPUT = "image input"  # always with how the image goes in: "image input, image_url part"
    IMAGE_DATA_URL = "image data URL"
    FACE_CROP = "face crop"
    FACE_DETECTOR = "face detector"
    BLUR = "blur"
    POLICE_CONTEXT = "police context"
    LAW_ENFORCEMENT_OPTION = "law enforcement (option azure-frt-law-enforcement)"
    US_CONTEXT = "US context"
    JURISDICTION_OPTION = "jurisdiction US (option azure-frt-jurisdiction)"
    NON_US_CONTEXT = "non-US context"
    SUSPECT_GALLERY = "suspect gallery"
    WATCH_LIST = "watch list"
    MOBILE_CAMERA = "mobile camera"
    LIVE_CAMERA = "live camera"
    REQUEST = "request"  # the request call itself: only its place is read

    def __str__(self) -> str:
        return self.value


class Sent(str, Enum):
    """What an inventoried request sends (AFR001's facts, the AI-BOM's data flows), written once."""

    TEXT = "text"
    IMAGES = "images"
    CAMERA_FRAMES = "camera frames"
    FACE_CROPS = "face crops"

    def __str__(self) -> str:
        return self.value

    @property
    def classification(self) -> str:
        """How an AI-BOM data flow names it."""
        return "prompt text" if self is Sent.TEXT else self.value


def image_input(how: str) -> str:
    """The kind of an image sent with a request, with how it goes in: ``image input, image_url part``."""
    return f"{EvidenceKind.IMAGE_INPUT}, {how}"


# Evidence kinds that carry the purpose of a request (what the request asks for); matched as prefixes, so a
# purpose read across the whole request and an environment-named one count too.
PURPOSE_KINDS = (
    EvidenceKind.PROMPT,
    EvidenceKind.PROMPT_FILE,
    EvidenceKind.SCHEMA_FIELD,
    EvidenceKind.LOCAL_FACE_MATCHER,
)
# The purpose as a written text, which is what a wrapper's parameter carries (SARIF code flows); a local face
# matcher is a call in the wrapper's own module, not something a caller passes. Matched exactly.
PURPOSE_TEXT_KINDS = tuple(k for k in PURPOSE_KINDS if k is not EvidenceKind.LOCAL_FACE_MATCHER)
# The evidence that sets each code apart from the codes that fire beside it on the same request, so that
# four findings on one line quote four different things. Matched as prefixes of ``Evidence.kind``.
_LEAD: dict[str, tuple[str, ...]] = {
    "AFR101": (
        EvidenceKind.POLICE_CONTEXT,
        EvidenceKind.LAW_ENFORCEMENT_OPTION,
        EvidenceKind.US_CONTEXT,
        EvidenceKind.JURISDICTION_OPTION,
    ),
    "AFR102": (EvidenceKind.MOBILE_CAMERA, EvidenceKind.LIVE_CAMERA),
    "AFR103": (EvidenceKind.SUSPECT_GALLERY,),
    "AFR201": (EvidenceKind.POLICE_CONTEXT, EvidenceKind.LAW_ENFORCEMENT_OPTION),
    "AFR202": (EvidenceKind.LIVE_CAMERA, EvidenceKind.MOBILE_CAMERA),
    "AFR203": (EvidenceKind.FACE_DETECTOR, EvidenceKind.FACE_CROP),
}


def line_label(line: int) -> str:
    return f"line {line}"


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: its kind ('prompt', 'image input', 'police context' …), a quote, a line."""

    kind: str
    line: int
    quote: str = ""
    path: str = ""  # set when the evidence lives in another file of the project

    def where(self, label: LineLabel = line_label, short: bool = False) -> str:
        if self.path:
            path = os.path.basename(self.path) if short else self.path
            return f"{path} line {self.line}" if self.line else path
        return label(self.line)

    def render(self, label: LineLabel = line_label, limit: int = 70) -> str:
        quote = f' "{shorten(self.quote, limit)}"' if self.quote else ""
        return f"{self.kind}{quote} ({self.where(label)})"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "line": self.line, "quote": self.quote, "path": self.path}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(str(data["kind"]), int(data["line"]), str(data.get("quote", "")), str(data.get("path", "")))


@dataclass(frozen=True)
class Finding:
    code: str
    line: int
    col: int
    evidence: tuple[Evidence, ...] = ()
    request: str = ""
    request_line: int = 0
    request_path: str = ""  # set when the request is in another project file (a wrapper called from here)
    via_wrapper: bool = False
    reason: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # AFR001 only: what the analysis saw at the request (inventory.py), for the message and the reports.
    facts: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # How lines of this file are named in the message; notebooks name cells (set by record.check).
    label: LineLabel = field(default=line_label, compare=False, hash=False, repr=False)

    @property
    def title(self) -> str:
        return RULES[self.code].title

    @property
    def lead(self) -> Evidence | None:
        """The evidence the one-line message quotes (see ``_LEAD``); the purpose otherwise."""
        prefixes: list[str | tuple[str, ...]] = [*_LEAD.get(self.code, ()), PURPOSE_KINDS]
        for prefix in prefixes:
            for item in self.evidence:
                if item.kind.startswith(prefix):
                    return item
        quoted = [e for e in self.evidence if e.quote]
        return quoted[0] if quoted else (self.evidence[0] if self.evidence else None)

    def request_where(self, short: bool = False) -> str:
        if self.request_path:
            path = os.path.basename(self.request_path) if short else self.request_path
            return f"{path} line {self.request_line}"
        return self.label(self.request_line)

    @property
    def message(self) -> str:
        """``AFRnnn <title>: <kind> "<quote>" (<where>)``, at most about ``MAX_MESSAGE`` characters."""
        head = f"{self.code} {self.title}"
        if self.facts:
            return f"{head}: {self.facts.get('summary', '')}"
        if self.reason:
            return f"{head}: {self.reason}"
        # Other files by name only: the full path is in SARIF, rdjson and JSON.
        tail = f", via wrapper ({self.request_where(short=True)})" if self.via_wrapper and self.request else ""
        lead = self.lead
        if lead is None:
            return f"{head}: request {self.request} ({self.request_where(short=True)})" if self.request else head
        where = f" ({lead.where(self.label, short=True)})"
        if not lead.quote:
            return f"{head}: {lead.kind}{where}{tail}"
        room = MAX_MESSAGE - len(head) - len(lead.kind) - len(where) - len(tail) - 5
        return f'{head}: {lead.kind} "{shorten(lead.quote, max(room, _MIN_QUOTE))}"{where}{tail}'

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "line": self.line,
            "col": self.col,
            "evidence": [e.to_dict() for e in self.evidence],
            "request": self.request,
            "request_line": self.request_line,
            "request_path": self.request_path,
            "via_wrapper": self.via_wrapper,
            "reason": self.reason,
            **({"facts": self.facts} if self.facts else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            str(data["code"]),
            int(data["line"]),
            int(data["col"]),
            tuple(Evidence.from_dict(e) for e in data.get("evidence", [])),
            str(data.get("request", "")),
            int(data.get("request_line", 0)),
            str(data.get("request_path", "")),
            bool(data.get("via_wrapper", False)),
            str(data.get("reason", "")),
            facts=dict(data["facts"]) if isinstance(data.get("facts"), dict) else {},
        )


def shorten(text: str, limit: int = 70) -> str:
    """One line, as written, bounded: cut at a word boundary with an ellipsis."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
