"""What a finding is: a code at a place, with the evidence that makes it hold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .registry import RULES

_MAX_QUOTE = 70


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: its kind ('prompt', 'image input', 'police context' …), a short quote, a line."""

    kind: str
    line: int
    quote: str = ""
    path: str = ""  # set when the evidence lives in another file of the project

    def render(self) -> str:
        quote = f' "{shorten(self.quote)}"' if self.quote else ""
        if self.path:
            where = f"{self.path} line {self.line}" if self.line else self.path
        else:
            where = f"line {self.line}"
        return f"{self.kind}{quote} ({where})"


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

    @property
    def message(self) -> str:
        rule = RULES[self.code]
        head = f"{self.code} {rule.title} [{rule.clause_label}]"
        if self.reason:
            return f"{head}: {self.reason}"
        parts = []
        if self.request:
            where = "request" if not self.via_wrapper else "wrapper call reaches request"
            at = f"{self.request_path} line" if self.request_path else "line"
            parts.append(f"{where} {self.request} ({at} {self.request_line})")
        parts.extend(e.render() for e in self.evidence)
        return f"{head}: " + "; ".join(parts)


def shorten(text: str, limit: int = _MAX_QUOTE) -> str:
    """One line, bounded length, no quotes that would break the message."""
    flat = re.sub(r"\s+", " ", text).strip().replace('"', "'")
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"
