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
from ..registry import CLAUSES, RULES, Rule, Tier
from .common import DOCS_HOME, TOOL_NAME, BufferedFormatter, Report, generic_level

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
    region: dict[str, Any] = {"startLine": max(line, 1)}
    if column:
        region["startColumn"] = column
        end = len(line_text) + 1
        if end > column:
            region.update(endLine=region["startLine"], endColumn=end)
        if line_text:
            region["snippet"] = {"text": line_text}
    return {"artifactLocation": {"uri": quote(path), "uriBaseId": SRCROOT}, "region": region}


def _message_and_related(report: Report) -> tuple[str, list[dict[str, Any]]]:
    """The message with each evidence line as an embedded link to a related location."""
    parsed = report.parsed
    if report.rule is None or parsed.reason:
        return report.text, []
    related: list[dict[str, Any]] = []
    parts = []
    items = []
    if parsed.request:
        where = "wrapper call reaches request" if parsed.request.via_wrapper else "request"
        items.append((f"{where} {parsed.request.call}", parsed.request.line))
    items += [(e.label, e.line) for e in parsed.evidence]
    for label, line in items:
        ident = len(related) + 1
        related.append({"id": ident, "physicalLocation": _physical(report.path, line), "message": {"text": label}})
        parts.append(f"{_escape(label)} ([line {line}]({ident}))")
    head = f"{_escape(parsed.title)} (clause: {', '.join(parsed.clauses)})"
    return f"{head}: " + "; ".join(parts) if parts else head, related


def _code_flows(report: Report) -> list[dict[str, Any]]:
    """A wrapper call that reaches a request elsewhere: evidence → wrapper call → request."""
    parsed = report.parsed
    request = parsed.request
    if request is None or not request.via_wrapper or request.line == report.line:
        return []

    def step(line: int, text: str, level: int, column: int = 0, line_text: str = "") -> dict[str, Any]:
        location = {"physicalLocation": _physical(report.path, line, column, line_text), "message": {"text": text}}
        return {"location": location, "nestingLevel": level}

    steps = [step(e.line, e.label, 0) for e in parsed.evidence if e.line != report.line]
    steps.append(step(report.line, "wrapper call", 0, report.column, report.line_text))
    steps.append(step(request.line, f"request {request.call}", 1))
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
        "locations": [{"physicalLocation": _physical(report.path, report.line, report.column, report.line_text)}],
        "partialFingerprints": {"primaryLocationLineHash": report.fingerprint},
    }
    if related:
        out["relatedLocations"] = related
    flows = _code_flows(report)
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
                "results": [result(r, index[r.code]) for r in reports],
            }
        ],
    }


class SarifFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps(document(reports, self.root()), indent=2, ensure_ascii=False)
