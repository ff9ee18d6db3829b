"""``--format=afr-sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

GitHub reads only part of SARIF: rule help must be in ``help.text``/``help.markdown`` (it ignores
``helpUri``), only the first location counts, ``partialFingerprints.primaryLocationLineHash`` keeps alerts
stable across pushes, and related locations are linked from ``[text](id)`` in the message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..baseline import relative_path
from ..registry import CLAUSES, RULES, Rule, Tier
from .common import DOCS_HOME, TOOL_NAME, BufferedFormatter, EvidenceRef, Report, generic_level

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_PRECISION = {Tier.PROHIBITED: "high", Tier.REVIEW: "medium", Tier.META: "very-high"}
# Only real prohibited or review uses become security alerts; meta codes are about the analysis.
_SECURITY_SEVERITY = {Tier.PROHIBITED: "8.0", Tier.REVIEW: "5.0"}
_OTHER_DOCS = {
    "E": "https://pycodestyle.pycqa.org/en/latest/intro.html#error-codes",
    "W": "https://pycodestyle.pycqa.org/en/latest/intro.html#error-codes",
    "F": "https://flake8.pycqa.org/en/latest/user/error-codes.html",
    "C9": "https://github.com/PyCQA/mccabe",
}
_MAX_DESCRIPTION = 1024
# Evidence kinds (checker.py) that carry the purpose, i.e. what flows through a wrapper's parameter.
_PURPOSE_KINDS = ("prompt", "prompt file", "schema field")


def help_text(rule: Rule) -> str:
    parts = [f"{rule.code} {rule.slug}: {rule.title}.", rule.summary]
    for slug in rule.clauses:
        clause = CLAUSES[slug]
        if clause.quote:
            parts.append(f'Clause {slug}: "{clause.quote}" ({clause.sources}; {clause.url}).')
        else:
            parts.append(f"Why: {clause.banned}.")
    parts += [
        f"Instead: {rule.instead}",
        f"Known limits: {rule.known_limits}",
        f"Suppress with a reason: # noqa: {rule.code} -- <reason>",
        f"Docs: {rule.docs_url}",
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
    parts += [
        f"**Instead**: {rule.instead}",
        f"**Known limits**: {rule.known_limits}",
        f"**Suppress with a reason**: `# noqa: {rule.code} -- <reason>`",
        f"[Rule documentation]({rule.docs_url})",
    ]
    return "\n\n".join(parts)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    tags = list(dict.fromkeys([*rule.clauses, rule.tier.value, "azure-openai", "compliance"]))
    properties: dict[str, Any] = {"tags": tags, "precision": _PRECISION[rule.tier]}
    if rule.tier in _SECURITY_SEVERITY:
        properties["tags"].append("security")
        properties["security-severity"] = _SECURITY_SEVERITY[rule.tier]
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.summary[:_MAX_DESCRIPTION]},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "helpUri": rule.docs_url,
        "defaultConfiguration": {"level": rule.level},
        "properties": properties,
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


def _physical(path: str, line: int, column: int = 0, line_text: str = "") -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": quote(path), "uriBaseId": SRCROOT}}
    if line < 1:
        return location  # only the file is known
    region: dict[str, Any] = {"startLine": line}
    if column:
        region["startColumn"] = column
        end = len(line_text) + 1
        if end > column:
            region.update(endLine=line, endColumn=end)
        if line_text:
            region["snippet"] = {"text": line_text}
    location["region"] = region
    return location


def _evidence_path(report: Report, evidence: EvidenceRef, root: str) -> str:
    return relative_path(evidence.path, root) if evidence.path else report.path


def _where(evidence: EvidenceRef) -> str:
    if not evidence.path:
        return f"line {evidence.line}"
    return f"{evidence.path} line {evidence.line}" if evidence.line else evidence.path


def _message_and_related(report: Report, root: str) -> tuple[str, list[dict[str, Any]]]:
    """The message with each evidence place as an embedded link to a related location."""
    parsed = report.parsed
    if report.rule is None or parsed.reason:
        return report.text, []
    items = list(parsed.evidence)
    if parsed.request:
        where = "wrapper call reaches request" if parsed.request.via_wrapper else "request"
        items.insert(0, EvidenceRef(f"{where} {parsed.request.call}", "", parsed.request.line))
    related: list[dict[str, Any]] = []
    parts = []
    for item in items:
        ident = len(related) + 1
        physical = _physical(_evidence_path(report, item, root), item.line)
        related.append({"id": ident, "physicalLocation": physical, "message": {"text": item.label}})
        parts.append(f"{_escape(item.label)} ([{_escape(_where(item))}]({ident}))")
    head = f"{_escape(parsed.title)} (clause: {', '.join(parsed.clauses)})"
    return f"{head}: " + "; ".join(parts) if parts else head, related


def _code_flows(report: Report, root: str) -> list[dict[str, Any]]:
    """A wrapper call that reaches a request elsewhere: prompt → wrapper call → request."""
    parsed = report.parsed
    request = parsed.request
    if request is None or not request.via_wrapper or request.line == report.line:
        return []

    def step(physical: dict[str, Any], text: str, level: int) -> dict[str, Any]:
        return {"location": {"physicalLocation": physical, "message": {"text": text}}, "nestingLevel": level}

    steps = [
        step(_physical(_evidence_path(report, e, root), e.line), e.label, 0)
        for e in parsed.evidence
        if e.kind in _PURPOSE_KINDS and (e.path or e.line != report.line)
    ]
    steps.append(step(_physical(report.path, report.line, report.column, report.line_text), "wrapper call", 0))
    steps.append(step(_physical(report.path, request.line), f"request {request.call}", 1))
    return [
        {
            "message": {"text": "a wrapper call passes this purpose to the request"},
            "threadFlows": [{"locations": steps}],
        }
    ]


def result(report: Report, rule_index: int, root: str) -> dict[str, Any]:
    text, related = _message_and_related(report, root)
    out: dict[str, Any] = {
        "ruleId": report.code,
        "ruleIndex": rule_index,
        "level": report.level,
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(report.path, report.line, report.column, report.line_text)}],
        "partialFingerprints": {"primaryLocationLineHash": report.fingerprint},
    }
    if related:
        out["relatedLocations"] = related
    flows = _code_flows(report, root)
    if flows:
        out["codeFlows"] = flows
    return out


def document(reports: list[Report], root: str) -> dict[str, Any]:
    rules = [rule_descriptor(r) for r in RULES.values()]
    index = {r.code: i for i, r in enumerate(RULES.values())}
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
                        "informationUri": DOCS_HOME,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [result(r, index[r.code], root) for r in reports],
            }
        ],
    }


class SarifFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps(document(reports, self.root()), indent=2, ensure_ascii=False)
