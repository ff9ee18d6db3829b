"""``--format=afr-rdjson``: reviewdog's Diagnostic Format (``reviewdog -f=rdjson``).

reviewdog's built-in ``-f=flake8`` errorformat is ``%f:%l:%c: %t%n %m``, where ``%t`` is one letter:
``AFR106 …`` does not match it and is dropped without a word. rdjson carries the code as data instead.
Positions are 1-based, columns count UTF-8 bytes, and ``end`` is exclusive (proto/rdf/reviewdog.proto).
"""

from __future__ import annotations

import json
from typing import Any

from .common import DOCS_HOME, TOOL_NAME, BufferedFormatter, Report

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}


def byte_column(line_text: str, column: int) -> int:
    """flake8's 1-based character column as reviewdog's 1-based UTF-8 byte column."""
    if column <= 1 or column - 1 > len(line_text):
        return max(column, 1)
    return len(line_text[: column - 1].encode("utf-8", "surrogatepass")) + 1


def diagnostic(report: Report) -> dict[str, Any]:
    start = {"line": report.line, "column": byte_column(report.line_text, report.column)}
    span: dict[str, Any] = {"start": start}
    end = len(report.line_text.encode("utf-8", "surrogatepass")) + 1
    if end > start["column"]:
        span["end"] = {"line": report.line, "column": end}
    code: dict[str, str] = {"value": report.code}
    if report.docs_url:
        code["url"] = report.docs_url
    out: dict[str, Any] = {
        "message": report.text,
        "location": {"path": report.path, "range": span},
        "severity": _SEVERITY[report.level],
        "code": code,
        "original_output": f"{report.path}:{report.line}:{report.column}: {report.code} {report.text}",
    }
    if report.rule is None:
        out["source"] = {"name": "flake8"}
    return out


def document(reports: list[Report]) -> dict[str, Any]:
    return {"source": {"name": TOOL_NAME, "url": DOCS_HOME}, "diagnostics": [diagnostic(r) for r in reports]}


class RdjsonFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps(document(reports), indent=2, ensure_ascii=False)
