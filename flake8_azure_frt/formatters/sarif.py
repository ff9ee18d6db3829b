"""``--format=afr-sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

GitHub reads only part of SARIF: rule help must be in ``help.text``/``help.markdown`` (it ignores
``helpUri``), only the first location counts, ``partialFingerprints.primaryLocationLineHash`` keeps alerts
stable across pushes, and related locations are linked from ``[text](id)`` in the message.

Findings hidden by ``# noqa: AFRnnn -- reason`` or by the baseline are results too, with ``suppressions``
(``inSource`` or ``external``, the reason as ``justification``), so a viewer shows them as dismissed instead
of losing the audit trail. GitHub code scanning ignores ``suppressions`` and would open alerts for them:
upload ``--format=afr-sarif-unsuppressed`` there. Each rule points at the related EU AI Act Article 5(1)
points through a taxonomy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import PURPOSE_TEXT_KINDS
from ..registry import (
    CLAUSES,
    EU_AI_ACT,
    EU_AI_ACT_TAXONOMY,
    EU_POINTER,
    EU_POINTS,
    INVENTORY_CODES,
    RULES,
    Rule,
    Tier,
)
from .common import TOOL_NAME, BufferedFormatter, EvidenceRef, Place, Report, generic_level

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_PRECISION = {Tier.PROHIBITED: "high", Tier.REVIEW: "medium", Tier.META: "very-high", Tier.INVENTORY: "very-high"}
# Only real prohibited or review uses become security alerts; meta codes are about the analysis.
_SECURITY_SEVERITY = {Tier.PROHIBITED: "8.0", Tier.REVIEW: "5.0"}
_OTHER_DOCS = {
    "E": "https://pycodestyle.pycqa.org/en/latest/intro.html#error-codes",
    "W": "https://pycodestyle.pycqa.org/en/latest/intro.html#error-codes",
    "F": "https://flake8.pycqa.org/en/latest/user/error-codes.html",
    "C9": "https://github.com/PyCQA/mccabe",
}
_MAX_DESCRIPTION = 1024
_TAXA = list(EU_POINTS.values())


def help_text(rule: Rule) -> str:
    parts = [f"{rule.code} {rule.slug}: {rule.title}.", rule.summary]
    for slug in rule.clauses:
        clause = CLAUSES[slug]
        if clause.quote:
            parts.append(f'Clause {slug}: "{clause.quote}" ({clause.sources}; {clause.url}).')
        else:
            parts.append(f"Why: {clause.banned}.")
    if rule.eu_text:
        parts.append(rule.eu_text)
    parts += [
        f"Instead: {rule.instead}",
        f"Known limits: {rule.known_limits}",
        f"Suppress with a reason: # noqa: {rule.code} -- <reason>"
        if rule.tier is not Tier.INVENTORY
        else "Listed only with --azure-frt-inventory; never baselined; a noqa needs no reason",
        f"Rule page: {rule.docs_page} in the flake8-azure-frt source, or run: python -m flake8_azure_frt explain "
        f"{rule.code}",
    ]
    return "\n\n".join(parts)


def help_markdown(rule: Rule) -> str:
    parts = [f"**{rule.code} `{rule.slug}`**: {rule.title} ({rule.tier.value}).", rule.summary]
    for slug in rule.clauses:
        clause = CLAUSES[slug]
        if clause.quote:
            text = f'**Clause [`{slug}`]({clause.url})**: "{clause.quote}" ({clause.sources}).'
            if clause.exceptions:
                text += f" Exceptions: {clause.exceptions}."
            parts.append(text)
        else:
            parts.append(f"**Why**: {clause.banned}.")
    if rule.eu_text:
        parts.append(f"**EU AI Act**: {rule.eu_text}")
    parts += [
        f"**Instead**: {rule.instead}",
        f"**Known limits**: {rule.known_limits}",
        f"**Suppress with a reason**: `# noqa: {rule.code} -- <reason>`"
        if rule.tier is not Tier.INVENTORY
        else "**Listed only with** `--azure-frt-inventory`; never baselined; a `# noqa` needs no reason",
        f"**Rule page**: `{rule.docs_page}` in the flake8-azure-frt source, or "
        f"`python -m flake8_azure_frt explain {rule.code}`",
    ]
    return "\n\n".join(parts)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    tags = list(dict.fromkeys([*rule.clauses, rule.tier.value, "azure-openai", "compliance"]))
    properties: dict[str, Any] = {"tags": tags, "precision": _PRECISION[rule.tier]}
    if rule.tier in _SECURITY_SEVERITY:
        properties["tags"].append("security")
        properties["security-severity"] = _SECURITY_SEVERITY[rule.tier]
    if rule.eu_points or rule.eu_note:
        properties["euAiAct"] = {"points": [p.ident for p in rule.eu], "note": rule.eu_note, "pointer": EU_POINTER}
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.summary[:_MAX_DESCRIPTION]},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": rule.level},
        "properties": properties,
    }
    if rule.eu_points:
        descriptor["relationships"] = [
            {
                "target": {
                    "id": point.ident,
                    "index": _TAXA.index(point),
                    "toolComponent": {"name": EU_AI_ACT_TAXONOMY, "index": 0},
                },
                "kinds": ["relevant"],
                "description": {"text": f"Related point ({EU_POINTER}){f': {rule.eu_note}' if rule.eu_note else ''}"},
            }
            for point in rule.eu
        ]
    return descriptor


def taxonomy() -> dict[str, Any]:
    return {
        "name": EU_AI_ACT_TAXONOMY,
        "fullName": f"{EU_AI_ACT}, Article 5(1): prohibited AI practices",
        "organization": "European Union",
        "isComprehensive": False,
        "shortDescription": {"text": f"Related points of Article 5(1), named as {EU_POINTER}."},
        "taxa": [{"id": p.ident, "name": p.label, "shortDescription": {"text": p.practice}} for p in _TAXA],
    }


def generic_descriptor(code: str, example: str) -> dict[str, Any]:
    """Codes of other flake8 plugins (E501, F401 …): the registry knows nothing about them."""
    docs = next((url for prefix, url in _OTHER_DOCS.items() if code.startswith(prefix)), None)
    text = f"{code}: reported by flake8 or another flake8 plugin, e.g. '{example}'."
    descriptor: dict[str, Any] = {
        "id": code,
        "name": code,
        "shortDescription": {"text": f"flake8 {code}"},
        "fullDescription": {"text": text[:_MAX_DESCRIPTION]},
        "help": {
            "text": text + (f" Docs: {docs}" if docs else ""),
            "markdown": text + (f" [Docs]({docs})" if docs else ""),
        },
        "defaultConfiguration": {"level": generic_level(code)},
        "properties": {"tags": ["flake8"]},
    }
    if docs:
        descriptor["helpUri"] = docs
    return descriptor


def _escape(text: str) -> str:
    # Literal brackets must not read as SARIF embedded links.
    return text.replace("[", "\\[").replace("]", "\\]")


def physical(place: Place, full: bool = False) -> dict[str, Any]:
    """A physicalLocation; ``full`` adds the column range and snippet of the reported line."""
    location: dict[str, Any] = {"artifactLocation": {"uri": quote(place.path), "uriBaseId": SRCROOT}}
    if place.line < 1:
        return location  # only the file is known
    region: dict[str, Any] = {"startLine": place.line}
    if full and place.column:
        region["startColumn"] = place.column
        end = len(place.line_text) + 1
        if not place.cell and end > place.column:
            region.update(endLine=place.line, endColumn=end)
    if full and place.line_text:
        region["snippet"] = {"text": place.line_text}
    location["region"] = region
    if place.cell:
        # The line is the .ipynb file's (where an annotation goes); the cell and its line are what people read.
        location["properties"] = {"notebookCell": place.cell, "cellLine": place.cell_line}
    return location


def _message_and_related(report: Report) -> tuple[str, list[dict[str, Any]]]:
    """The message with each evidence place as an embedded link to a related location."""
    if report.rule is None or report.reason:
        return report.text, []
    items: list[EvidenceRef] = list(report.evidence)
    if report.request:
        where = "wrapper call reaches request" if report.request.via_wrapper else "request"
        items.insert(0, EvidenceRef(f"{where} {report.request.call}", "", report.request.place, False))
    related: list[dict[str, Any]] = []
    parts = []
    for item in items:
        ident = len(related) + 1
        related.append({"id": ident, "physicalLocation": physical(item.place), "message": {"text": item.label}})
        parts.append(f"{_escape(item.label)} ([{_escape(item.where)}]({ident}))")
    rule = report.rule
    if report.facts:  # AFR001: the one-line inventory entry, its media and purposes as related locations
        return _escape(report.text), related
    head = f"{_escape(rule.title)} (clause: {rule.clause_label})"
    if report.place.cell:
        head += f" in {report.place.label}"
    return f"{head}: " + "; ".join(parts) if parts else head, related


def _code_flows(report: Report) -> list[dict[str, Any]]:
    """A wrapper call that reaches a request elsewhere: prompt → wrapper call → request."""
    request = report.request
    if request is None or not request.via_wrapper or request.place == report.place:
        return []

    def step(location: dict[str, Any], text: str, level: int) -> dict[str, Any]:
        return {"location": {"physicalLocation": location, "message": {"text": text}}, "nestingLevel": level}

    steps = [
        step(physical(e.place), e.label, 0)
        for e in report.evidence
        if e.kind in PURPOSE_TEXT_KINDS and (e.other_file or e.place.line != report.line)
    ]
    steps.append(step(physical(report.place, full=True), "wrapper call", 0))
    steps.append(step(physical(request.place), f"request {request.call}", 1))
    return [
        {
            "message": {"text": "a wrapper call passes this purpose to the request"},
            "threadFlows": [{"locations": steps}],
        }
    ]


def result(report: Report, rule_index: int) -> dict[str, Any]:
    text, related = _message_and_related(report)
    out: dict[str, Any] = {
        "ruleId": report.code,
        "ruleIndex": rule_index,
        "level": report.level,
        "message": {"text": text},
        "locations": [{"physicalLocation": physical(report.place, full=True)}],
        "partialFingerprints": {"primaryLocationLineHash": report.fingerprint},
    }
    if related:
        out["relatedLocations"] = related
    flows = _code_flows(report)
    if flows:
        out["codeFlows"] = flows
    if report.facts:
        out["properties"] = {"azureOpenAIRequest": {k: v for k, v in report.facts.items() if k != "summary"}}
    if report.suppressions:
        out["suppressions"] = [
            {"kind": s.kind, "status": "accepted", **({"justification": s.justification} if s.justification else {})}
            for s in report.suppressions
        ]
    return out


def document(reports: list[Report], root: str) -> dict[str, Any]:
    # The inventory code is described only in runs that list requests: without --azure-frt-inventory the
    # document stays what it was before AFR001 existed, byte for byte.
    inventory = any(r.code in INVENTORY_CODES for r in reports)
    known = [r for r in RULES.values() if inventory or r.code not in INVENTORY_CODES]
    rules = [rule_descriptor(r) for r in known]
    index = {r.code: i for i, r in enumerate(known)}
    for report in reports:
        if report.code not in index:
            index[report.code] = len(rules)
            rules.append(generic_descriptor(report.code, report.text))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                        "supportedTaxonomies": [{"name": EU_AI_ACT_TAXONOMY, "index": 0}],
                    }
                },
                "taxonomies": [taxonomy()],
                "originalUriBaseIds": {SRCROOT: {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [result(r, index[r.code]) for r in reports],
            }
        ],
    }


class SarifFormatter(BufferedFormatter):
    include_suppressed = True

    def render(self, reports: list[Report]) -> str:
        shown = reports if self.include_suppressed else [r for r in reports if not r.suppressed]
        return json.dumps(document(shown, self.root()), indent=2, ensure_ascii=False)


class UnsuppressedSarifFormatter(SarifFormatter):
    """``--format=afr-sarif-unsuppressed``: for uploads to GitHub code scanning, which does not read SARIF
    ``suppressions`` and would open an alert (and fail a pull request's check) for every suppressed result."""

    include_suppressed = False
