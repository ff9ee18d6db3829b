"""``--format=afr-json``: a plain JSON list, one object per finding, for scripts and dashboards."""

from __future__ import annotations

import json
from typing import Any

from .common import BufferedFormatter, Report


def item(report: Report) -> dict[str, Any]:
    rule = report.rule
    parsed = report.parsed
    request = parsed.request
    return {
        "code": report.code,
        "slug": rule.slug if rule else None,
        "title": parsed.title if rule else None,
        "clause": rule.clause_label if rule else None,
        "clauses": list(rule.clauses) if rule else [],
        "tier": rule.tier.value if rule else None,
        "level": report.level,
        "message": report.text,
        "location": {"path": report.path, "line": report.line, "column": report.column},
        "request": {"call": request.call, "line": request.line, "via_wrapper": request.via_wrapper}
        if request
        else None,
        "evidence": [
            {"kind": e.kind, "quote": e.quote, "line": e.line, "path": e.path or None} for e in parsed.evidence
        ],
        "reason": parsed.reason if rule and parsed.reason else None,
        "docs_url": report.docs_url,
        "fingerprint": report.fingerprint,
    }


class JsonFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps([item(r) for r in reports], indent=2, ensure_ascii=False)
