"""``--format=afr-json``: a plain JSON list, one object per finding, for scripts and dashboards.

Findings hidden by a ``# noqa`` or the baseline are listed too, with ``suppressed`` set; the others have
``"suppressed": null``.
"""

from __future__ import annotations

import json
from typing import Any

from .common import BufferedFormatter, Place, Report


def _place(place: Place) -> dict[str, Any]:
    out: dict[str, Any] = {"path": place.path, "line": place.line}
    if place.cell:
        out.update(cell=place.cell, cell_line=place.cell_line)
    return out


def item(report: Report) -> dict[str, Any]:
    rule = report.rule
    request = report.request
    location = _place(report.place)
    location["column"] = report.column
    if report.place.cell:
        location["cell_column"] = report.place.cell_column
    facts = {"request_facts": {k: v for k, v in report.facts.items() if k != "summary"}} if report.facts else {}
    return {
        "code": report.code,
        "slug": rule.slug if rule else None,
        "title": rule.title if rule else None,
        "clause": rule.clause_label if rule else None,
        "clauses": list(rule.clauses) if rule else [],
        "eu_ai_act": {"points": [p.ident for p in rule.eu], "note": rule.eu_note or None} if rule else None,
        "tier": rule.tier.value if rule else None,
        "level": report.level,
        "message": report.text,
        "location": location,
        "request": {"call": request.call, **_place(request.place), "via_wrapper": request.via_wrapper}
        if request
        else None,
        "evidence": [
            {"kind": e.kind, "quote": e.quote, **_place(e.place), "lead": e is report.lead} for e in report.evidence
        ],
        "reason": report.reason if rule and report.reason else None,
        "suppressed": [{"kind": s.kind, "by": s.source, "justification": s.justification} for s in report.suppressions]
        or None,
        "docs_page": report.docs_page,
        "fingerprint": report.fingerprint,
        **facts,  # AFR001 only: the key is absent otherwise, so reports without the inventory stay as they were
    }


class JsonFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps([item(r) for r in reports], indent=2, ensure_ascii=False)
