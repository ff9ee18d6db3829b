"""``--format=afr-rdjson``: reviewdog's Diagnostic Format (``reviewdog -f=rdjson``).

reviewdog's built-in ``-f=flake8`` errorformat is ``%f:%l:%c: %t%n %m``, where ``%t`` is one letter:
``AFR106 …`` does not match it and is dropped without a word. rdjson carries the code as data instead.
Positions are 1-based, columns count UTF-8 bytes, and ``end`` is exclusive (proto/rdf/reviewdog.proto).
Each piece of evidence is a ``related_locations`` entry. Suppressed findings are left out: reviewdog would
comment on them.
"""

from __future__ import annotations

import json
from typing import Any

from .common import TOOL_NAME, BufferedFormatter, Place, Report

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}


def byte_column(line_text: str, column: int) -> int:
    """flake8's 1-based character column as reviewdog's 1-based UTF-8 byte column."""
    if column <= 1 or column - 1 > len(line_text):
        return max(column, 1)
    return len(line_text[: column - 1].encode("utf-8", "surrogatepass")) + 1


def _location(place: Place, full: bool = False) -> dict[str, Any]:
    if place.line < 1:
        return {"path": place.path}
    start = {"line": place.line, "column": byte_column(place.line_text, place.column) if full else 1}
    span: dict[str, Any] = {"start": start}
    if full and not place.cell:
        end = len(place.line_text.encode("utf-8", "surrogatepass")) + 1
        if end > start["column"]:
            span["end"] = {"line": place.line, "column": end}
    return {"path": place.path, "range": span}


def diagnostic(report: Report) -> dict[str, Any]:
    code: dict[str, str] = {"value": report.code}
    where = f"{report.place.path}:{report.place.label}" if report.place.cell else f"{report.path}:{report.line}"
    out: dict[str, Any] = {
        "message": report.text,
        "location": _location(report.place, full=True),
        "severity": _SEVERITY[report.level],
        "code": code,
        "original_output": f"{where}:{report.column}: {report.code} {report.text}",
    }
    related = []
    if report.request:
        kind = "wrapper call reaches request" if report.request.via_wrapper else "request"
        related.append({"message": f"{kind} {report.request.call}", "location": _location(report.request.place)})
    related += [{"message": e.label, "location": _location(e.place)} for e in report.evidence]
    if related:
        out["related_locations"] = related
    if report.rule is None:
        out["source"] = {"name": "flake8"}
    return out


def document(reports: list[Report]) -> dict[str, Any]:
    return {"source": {"name": TOOL_NAME}, "diagnostics": [diagnostic(r) for r in reports if not r.suppressed]}


class RdjsonFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps(document(reports), indent=2, ensure_ascii=False)
