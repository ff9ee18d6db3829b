"""``--format=afr-cyclonedx``: an AI-BOM, CycloneDX 1.6 JSON.

    flake8 --select=AFR --azure-frt-inventory --format=afr-cyclonedx --output-file=ai-bom.cdx.json .

The Azure OpenAI endpoints and deployments the code calls are ``services`` (one per endpoint host and
deployment as the code shows them), each with ``data`` flows naming what goes out (text, images, camera
frames, face crops). Each request (AFR001, so the inventory option is needed for services) and each finding
is a property under the ``flake8-azure-frt:`` namespace: on the service the request goes to, or on the
document when no request was listed. Findings name their clause slugs and the related EU AI Act Article 5(1)
points, worded as pointers. Suppressed findings are listed with how they were suppressed.

The document is deterministic: no timestamp, and the serial number is a UUID derived from its content, so
the same code gives the same file. Environment values never appear: the inventory names their variables.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import uuid
from typing import Any

from .. import __version__
from ..findings import Sent
from ..registry import CLAUSES, EU_POINTER, EU_POINTS, INVENTORY_CODES, RULES
from .common import TOOL_NAME, BufferedFormatter, Report

SPEC_VERSION = "1.6"
NS = "flake8-azure-frt"
_PROJECT_NAME = re.compile(r"^\[project\][^\[]*?^name\s*=\s*[\"']([^\"'\n]+)[\"']", re.MULTILINE | re.DOTALL)
_FLOW = {sent.value: sent.classification for sent in Sent}


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": f"{NS}:{name}", "value": value}


def _finding_value(r: Report) -> str:
    rule = r.rule
    where = f"{r.path}:{r.line}"
    if rule is None:
        return f"{r.code} at {where}: {r.text}"
    eu = ", ".join(f"Article {p.ident}" for p in rule.eu) or "no Article 5(1) point"
    text = f"{r.code} {rule.slug} at {where}; clause {rule.clause_label}; EU AI Act (pointer): {eu}; {r.text}"
    if r.suppressed:
        text += "; suppressed: " + ", ".join(f"{s.source} {s.justification}".strip() for s in r.suppressions)
    return text


def _request_value(r: Report) -> str:
    facts = r.facts
    codes = ", ".join(facts.get("codes", [])) or f"none ({facts.get('why_none', '')})"
    sends = ", ".join(facts.get("sends", []))
    purposes = ", ".join(facts.get("purposes", {})) or "none"
    return f"{r.path}:{r.line} {facts.get('surface', '')}; sends {sends}; purposes {purposes}; codes {codes}"


def _service_key(r: Report) -> tuple[str, str]:
    return (str(r.facts.get("endpoint_host", "")), str(r.facts.get("deployment", "")))


def _service(key: tuple[str, str], entries: list[Report], findings: list[Report]) -> dict[str, Any]:
    host, deployment = key
    ident = hashlib.sha256(f"{host}\x1f{deployment}".encode()).hexdigest()[:16]
    name = deployment or "deployment not shown in code"
    service: dict[str, Any] = {
        "bom-ref": f"{NS}:service:{ident}",
        "provider": {"name": "Microsoft Azure"},
        "group": "Azure OpenAI",
        "name": name,
        "description": f"Azure OpenAI deployment {name} at {host or 'an endpoint not shown in code'}",
    }
    if host and "." in host and not host.startswith("env "):
        service["endpoints"] = [f"https://{host}"]
    sends = dict.fromkeys(s for r in entries for s in r.facts.get("sends", []))
    service["trustZone"] = "external"
    service["data"] = [
        {"flow": "outbound", "classification": _FLOW.get(s, s), "description": f"{_FLOW.get(s, s)} sent in requests"}
        for s in sends
    ]
    props = [_prop("endpoint", host or "not shown"), _prop("deployment", deployment or "not shown")]
    props += [_prop("request", _request_value(r)) for r in entries]
    props += [_prop("finding", _finding_value(r)) for r in findings]
    service["properties"] = props
    return service


def _clauses(findings: list[Report]) -> list[dict[str, str]]:
    """The clauses and EU AI Act points the findings name, once each, so the document explains its slugs."""
    slugs = dict.fromkeys(s for r in findings if r.rule for s in r.rule.clauses)
    points = dict.fromkeys(p for r in findings if r.rule for p in r.rule.eu_points)
    out = []
    for slug in slugs:
        clause = CLAUSES[slug]
        source = f" ({clause.sources}; {clause.url})" if clause.url else ""
        out.append(_prop(f"clause:{slug}", f"{clause.banned}{source}"))
    for letter in points:
        point = EU_POINTS[letter]
        out.append(_prop(f"eu-ai-act:{point.ident}", f"{point.practice}; {EU_POINTER}"))
    return out


def project_name(root: str) -> str:
    """The ``[project] name`` of the root's pyproject.toml, else the root folder's name."""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        with open(os.path.join(root, "pyproject.toml"), encoding="utf-8") as handle:
            found = _PROJECT_NAME.search(handle.read(65_536))
        if found:
            return found.group(1)
    return os.path.basename(os.path.abspath(root)) or "project"


def document(reports: list[Report], root: str) -> dict[str, Any]:
    entries = [r for r in reports if r.code in INVENTORY_CODES and not r.suppressed]
    findings = [r for r in reports if r.code not in INVENTORY_CODES and r.code in RULES]
    groups: dict[tuple[str, str], list[Report]] = {}
    for r in entries:
        groups.setdefault(_service_key(r), []).append(r)
    at_request = {(r.path, r.line): _service_key(r) for r in entries}
    attached: dict[tuple[str, str], list[Report]] = {k: [] for k in groups}
    loose: list[Report] = []
    for f in findings:
        key = at_request.get((f.request.place.path, f.request.place.line)) if f.request else None
        (attached[key] if key is not None else loose).append(f)
    services = [_service(k, groups[k], attached[k]) for k in sorted(groups)]
    top = [
        _prop("summary:requests", str(len(entries))),
        _prop("summary:requests-with-images", str(sum(1 for r in entries if r.facts.get("media")))),
        _prop("summary:requests-with-findings", str(sum(1 for r in entries if r.facts.get("codes")))),
        _prop("summary:findings", str(sum(1 for f in findings if not f.suppressed))),
        _prop("summary:suppressed", str(sum(1 for f in findings if f.suppressed))),
    ]
    if not entries:
        top.append(_prop("note", "run with --azure-frt-inventory to list requests and services"))
    top += [_prop("finding", _finding_value(f)) for f in loose]
    top += _clauses(findings)
    project = project_name(root)
    doc: dict[str, Any] = {
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "version": 1,
        "metadata": {
            "tools": {"components": [{"type": "application", "name": TOOL_NAME, "version": __version__}]},
            "component": {"type": "application", "bom-ref": f"{NS}:project", "name": project},
        },
        "services": services,
        "dependencies": [{"ref": f"{NS}:project", "dependsOn": [s["bom-ref"] for s in services]}],
        "properties": top,
    }
    digest = hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()).digest()
    serial = uuid.UUID(bytes=digest[:16], version=5)
    return {"bomFormat": "CycloneDX", "specVersion": SPEC_VERSION, "serialNumber": serial.urn, **doc}


class CycloneDxFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps(document(reports, self.root()), indent=2, ensure_ascii=False)
