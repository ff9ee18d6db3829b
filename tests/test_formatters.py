"""The report formatters: SARIF (against the OASIS schema), rdjson, JSON, and their shared parsing."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flake8.violation import Violation

from flake8_azure_frt.findings import Evidence, Finding
from flake8_azure_frt.formatters.common import parse_message
from flake8_azure_frt.formatters.json_report import JsonFormatter
from flake8_azure_frt.formatters.rdjson import RdjsonFormatter, byte_column
from flake8_azure_frt.formatters.sarif import SarifFormatter
from flake8_azure_frt.registry import CLAUSES, RULES, Tier

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"

SOURCE = """\
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")
PROMPT = "Identify the person in this photo"


def ask(photo_url, question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])


answer = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])
wrapped = ask("data:image/jpeg;base64,AAAA", "Who is this? Give the name")
x = 1  # noqa: AFR106
very_long_line = "ééé"
"""


def _findings(shift: int = 0) -> list[Finding]:
    def at(n: int) -> int:
        return n + shift

    direct = Finding(
        "AFR106",
        at(13),
        9,
        evidence=(
            Evidence("prompt", at(6), 'Identify the [person] in this "photo"; now'),
            Evidence("image input", at(13)),
        ),
        request="chat.completions.create",
        request_line=at(13),
    )
    wrapper = Finding(
        "AFR106",
        at(14),
        10,
        evidence=(
            Evidence("prompt", at(6), "Who is this? Give the name"),
            Evidence("image input", at(10)),
            Evidence("prompt file", 3, "Name everyone", path="pkg/prompts/id.txt"),
            Evidence("system prompt", 0, "", path="pkg/prompts/system.txt"),
        ),
        request="chat.completions.create",
        request_line=at(10),
        via_wrapper=True,
    )
    noqa = Finding("AFR901", at(15), 7, reason="noqa for AFR106 gives no reason; write '# noqa: AFR106 -- <reason>'")
    return [direct, wrapper, noqa]


def _violations(path: Path, shift: int = 0) -> list[Violation]:
    out = [Violation(f.code, str(path), f.line, f.col + 1, f.message.split(" ", 1)[1], None) for f in _findings(shift)]
    out.insert(0, Violation("F401", str(path), 1 + shift, 1, "'os' imported but unused", None))
    out.append(Violation("E501", str(path), 16 + shift, 80, "line too long (130 > 79 characters)", None))
    out.append(Violation("E999", str(path), 16 + shift, 1, "SyntaxError: invalid syntax", None))
    return out


def _options(output: Path | None) -> argparse.Namespace:
    return argparse.Namespace(
        output_file=str(output) if output else None, color="never", tee=False, show_source=False, disable_noqa=False
    )


def render(cls: type, violations: list[Violation], output: Path) -> Any:
    formatter = cls(_options(output))
    formatter.start()
    for v in violations:
        formatter.handle(v)
    formatter.show_statistics(None)  # must not write into the document
    formatter.stop()
    return json.loads(output.read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    src = tmp_path / "pkg" / "app.py"
    src.write_text(SOURCE, encoding="utf-8")
    return src


def _sarif(project: Path, tmp_path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = render(SarifFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.sarif")
    return doc


def test_sarif_validates_against_schema(project: Path, tmp_path: Path) -> None:
    doc = _sarif(project, tmp_path)
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}; structure is checked in the other tests")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(doc)


def test_sarif_structure(project: Path, tmp_path: Path) -> None:
    doc = _sarif(project, tmp_path)
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "flake8-azure-frt" and driver["version"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["F401", "AFR106", "AFR106", "AFR901", "E501", "E999"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "pkg/app.py", "uriBaseId": "%SRCROOT%"}
        assert location["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"F401": "warning", "AFR106": "error", "AFR901": "warning", "E501": "warning", "E999": "error"}


def test_every_afr_code_has_a_rule_with_help(project: Path, tmp_path: Path) -> None:
    rules = {r["id"]: r for r in _sarif(project, tmp_path)["runs"][0]["tool"]["driver"]["rules"]}
    expected_level = {Tier.PROHIBITED: "error", Tier.REVIEW: "warning"}
    for code, rule in RULES.items():
        descriptor = rules[code]
        assert descriptor["name"] == rule.slug
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert len(descriptor["fullDescription"]["text"]) <= 1024
        assert descriptor["help"]["text"] and rule.docs_url in descriptor["help"]["markdown"]
        assert descriptor["helpUri"] == rule.docs_url
        level = expected_level.get(rule.tier, "warning" if code == "AFR901" else "note")
        assert descriptor["defaultConfiguration"]["level"] == level
        for slug in rule.clauses:
            assert slug in descriptor["properties"]["tags"]
            if CLAUSES[slug].quote:
                assert CLAUSES[slug].quote in descriptor["help"]["markdown"]
                assert CLAUSES[slug].url in descriptor["help"]["markdown"]
        assert descriptor["properties"]["precision"] in {"very-high", "high", "medium", "low"}
        if rule.tier is not Tier.META:
            assert 0.1 <= float(descriptor["properties"]["security-severity"]) <= 10
    assert rules["AFR101"]["defaultConfiguration"]["level"] == "error"
    assert rules["AFR201"]["defaultConfiguration"]["level"] == "warning"
    assert rules["AFR900"]["defaultConfiguration"]["level"] == "note"
    assert rules["AFR901"]["defaultConfiguration"]["level"] == "warning"
    # Codes of other plugins get a generic rule.
    assert rules["E501"]["help"]["text"] and rules["F401"]["shortDescription"]["text"] == "flake8 F401"


def test_sarif_evidence_becomes_related_locations_and_code_flows(project: Path, tmp_path: Path) -> None:
    results = _sarif(project, tmp_path)["runs"][0]["results"]
    direct, wrapper, noqa = results[1], results[2], results[3]
    related = {loc["physicalLocation"]["region"]["startLine"]: loc for loc in direct["relatedLocations"]}
    assert set(related) == {6, 13}
    # Every related location is linked from the message, and quote brackets cannot fake a link.
    for loc in direct["relatedLocations"]:
        assert f"]({loc['id']})" in direct["message"]["text"]
    assert "\\[person\\]" in direct["message"]["text"]
    assert direct["message"]["text"].startswith("face identification via Azure OpenAI (clause: identify-verify-faces)")
    assert "codeFlows" not in direct
    (flow,) = wrapper["codeFlows"]
    locations = [s["location"]["physicalLocation"] for s in flow["threadFlows"][0]["locations"]]
    places = [(loc["artifactLocation"]["uri"], loc.get("region", {}).get("startLine")) for loc in locations]
    # The prompts, the wrapper call, then the request inside the wrapper.
    assert places == [("pkg/app.py", 6), ("pkg/prompts/id.txt", 3), ("pkg/app.py", 14), ("pkg/app.py", 10)]
    assert flow["threadFlows"][0]["locations"][-1]["nestingLevel"] == 1
    assert "relatedLocations" not in noqa and "noqa for AFR106" in noqa["message"]["text"]
    # Evidence in other project files points there; a file without a line has no region.
    other = {loc["message"]["text"]: loc["physicalLocation"] for loc in wrapper["relatedLocations"]}
    assert other['prompt file "Name everyone"']["artifactLocation"]["uri"] == "pkg/prompts/id.txt"
    assert other['prompt file "Name everyone"']["region"] == {"startLine": 3}
    assert "region" not in other["system prompt"]
    assert "([pkg/prompts/id.txt line 3](4))" in wrapper["message"]["text"]


def test_fingerprints_stable_when_unrelated_lines_shift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "app.py"
    src.write_text(SOURCE, encoding="utf-8")
    before = render(SarifFormatter, _violations(Path("app.py")), tmp_path / "a.sarif")
    src.write_text("# a header\n# added later\n\n" + SOURCE, encoding="utf-8")
    after = render(SarifFormatter, _violations(Path("app.py"), shift=3), tmp_path / "b.sarif")

    def prints(doc: dict[str, Any]) -> list[str]:
        return [r["partialFingerprints"]["primaryLocationLineHash"] for r in doc["runs"][0]["results"]]

    assert prints(before) == prints(after)
    assert len(set(prints(before))) == len(prints(before))


def test_fingerprints_change_when_the_finding_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(SOURCE, encoding="utf-8")
    before = render(SarifFormatter, _violations(Path("app.py")), tmp_path / "a.sarif")
    (tmp_path / "app.py").write_text(SOURCE.replace("answer = client", "reply = client"), encoding="utf-8")
    after = render(SarifFormatter, _violations(Path("app.py")), tmp_path / "b.sarif")
    first = [r["partialFingerprints"]["primaryLocationLineHash"] for r in before["runs"][0]["results"]]
    second = [r["partialFingerprints"]["primaryLocationLineHash"] for r in after["runs"][0]["results"]]
    assert first[1] != second[1] and first[2:] == second[2:]


def test_rdjson(project: Path, tmp_path: Path) -> None:
    doc = render(RdjsonFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.json")
    assert doc["source"]["name"] == "flake8-azure-frt"
    diagnostics = doc["diagnostics"]
    by_code = {d["code"]["value"]: d for d in diagnostics}
    assert by_code["AFR106"]["severity"] == "ERROR"
    assert by_code["AFR901"]["severity"] == "WARNING"
    assert by_code["F401"]["severity"] == "WARNING" and "url" not in by_code["F401"]["code"]
    assert by_code["AFR106"]["code"]["url"] == RULES["AFR106"].docs_url
    direct = diagnostics[1]
    assert direct["location"] == {
        "path": "pkg/app.py",
        "range": {"start": {"line": 13, "column": 10}, "end": {"line": 13, "column": len(SOURCE.splitlines()[12]) + 1}},
    }
    # Columns count UTF-8 bytes: character column 22 comes after three two-byte characters.
    assert byte_column('very_long_line = "ééé"', 22) == 25
    assert byte_column("abc", 1) == 1


def test_json_report(project: Path, tmp_path: Path) -> None:
    items = render(JsonFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.json")
    assert isinstance(items, list) and len(items) == 6
    direct = items[1]
    assert direct["code"] == "AFR106" and direct["clause"] == "identify-verify-faces" and direct["tier"] == "prohibited"
    assert direct["location"] == {"path": "pkg/app.py", "line": 13, "column": 10}
    assert direct["request"] == {"call": "chat.completions.create", "line": 13, "via_wrapper": False}
    assert direct["evidence"] == [
        {"kind": "prompt", "quote": "Identify the [person] in this 'photo'; now", "line": 6, "path": None},
        {"kind": "image input", "quote": "", "line": 13, "path": None},
    ]
    assert items[2]["request"]["via_wrapper"] is True
    assert items[2]["evidence"][2] == {
        "kind": "prompt file",
        "quote": "Name everyone",
        "line": 3,
        "path": "pkg/prompts/id.txt",
    }
    assert items[2]["evidence"][3]["path"] == "pkg/prompts/system.txt" and items[2]["evidence"][3]["line"] == 0
    assert items[3]["reason"].startswith("noqa for AFR106") and items[3]["evidence"] == []
    assert items[0]["code"] == "F401" and items[0]["clause"] is None and items[0]["tier"] is None


def test_parse_message_reads_what_findings_write() -> None:
    for finding in _findings():
        parsed = parse_message(finding.code, finding.message.split(" ", 1)[1])
        assert parsed.title == RULES[finding.code].title
        assert parsed.clauses == RULES[finding.code].clauses
        if finding.reason:
            assert parsed.reason == finding.reason and not parsed.evidence
            continue
        assert parsed.request is not None
        assert (parsed.request.call, parsed.request.line) == (finding.request, finding.request_line)
        assert parsed.request.via_wrapper == finding.via_wrapper
        assert [(e.kind, e.line, e.path) for e in parsed.evidence] == [
            (e.kind, e.line, e.path) for e in finding.evidence
        ]
    # Kinds may carry their own parentheses; unknown shapes stay a reason instead of half-parsed evidence.
    text = "face identification via Azure OpenAI [identify-verify-faces]: image input (image_url part) (line 4)"
    assert parse_message("AFR106", text).evidence[0].kind == "image input (image_url part)"
    assert parse_message("AFR106", "face identification via Azure OpenAI [identify-verify-faces]: odd").reason == "odd"
    assert parse_message("E501", "line too long").reason == "line too long"


def _flake8(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "flake8", "--isolated", "-j1", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_output_file_is_truncated_not_appended(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1  # noqa: AFR106\n", encoding="utf-8")
    for fmt in ("afr-sarif", "afr-rdjson", "afr-json", "afr-baseline"):
        out = tmp_path / f"{fmt}.out"
        out.write_text("stale text from an older run\n", encoding="utf-8")
        for _ in range(2):
            proc = _flake8(["--select=AFR", f"--format={fmt}", f"--output-file={out}", "a.py"], tmp_path)
            assert proc.returncode == 1, proc.stderr
        json.loads(out.read_text(encoding="utf-8"))  # one document, not two


def test_real_run_with_statistics_still_writes_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("import os\nx = 1  # noqa: AFR106\n", encoding="utf-8")
    proc = _flake8(["--select=AFR,F", "--statistics", "--benchmark", "--format=afr-sarif", "a.py"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} == {"AFR901", "F401"}


def test_sarif_for_the_fixtures(tmp_path: Path) -> None:
    """Real findings: the document validates, and every prohibited finding carries its evidence lines."""
    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "fixtures.sarif"
    cmd = [sys.executable, "-m", "flake8", "--isolated", "--select=AFR", "--format=afr-sarif", f"--output-file={out}"]
    proc = subprocess.run([*cmd, "fixtures"], cwd=root, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    if SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    results = doc["runs"][0]["results"]
    prohibited = [r for r in results if r["level"] == "error"]
    assert prohibited, "the positive fixtures produced no AFR1xx finding"
    for result in prohibited:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("fixtures/"), uri
        assert result["relatedLocations"], result["message"]["text"]
        assert "(clause: " in result["message"]["text"]
