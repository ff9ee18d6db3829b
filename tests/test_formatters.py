"""The report formatters: SARIF (against the OASIS schema), rdjson, JSON, GitHub workflow commands; the
record that carries whole evidence chains and suppressed findings to them."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flake8.violation import Violation
from helpers import SARIF_SCHEMA, require, require_module

from flake8_azure_frt import record
from flake8_azure_frt.findings import Evidence, Finding
from flake8_azure_frt.formatters.common import build_reports
from flake8_azure_frt.formatters.github import GithubFormatter, command, escape_data, escape_property
from flake8_azure_frt.formatters.json_report import JsonFormatter
from flake8_azure_frt.formatters.rdjson import RdjsonFormatter, byte_column
from flake8_azure_frt.formatters.sarif import SarifFormatter
from flake8_azure_frt.registry import CLAUSES, EU_AI_ACT_TAXONOMY, INVENTORY_CODES, RULES, Tier

ROOT = Path(__file__).resolve().parents[1]

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


def render(
    cls: type, violations: list[Violation], output: Path, recorded: list[Finding] | None = None, raw: bool = False
) -> Any:
    """Run a formatter as flake8 does; ``recorded`` plays the plugin's part of writing the record."""
    formatter = cls(_options(output))
    try:
        if recorded is not None:
            path = violations[0].filename
            record.write(os.environ[record.ENV], path, recorded, {id(f) for f in recorded}, None)
        formatter.start()
        for v in violations:
            formatter.handle(v)
        formatter.show_statistics(None)  # must not write into the document
    finally:
        formatter.stop()
    assert record.ENV not in os.environ, "the session must restore the environment"
    text = output.read_text(encoding="utf-8")
    return text if raw else json.loads(text)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(record.ENV, raising=False)
    (tmp_path / "pkg").mkdir()
    src = tmp_path / "pkg" / "app.py"
    src.write_text(SOURCE, encoding="utf-8")
    return src


def _sarif(tmp_path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = render(
        SarifFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.sarif", recorded=_findings()
    )
    return doc


def validate_sarif(doc: dict[str, Any]) -> None:
    require(SARIF_SCHEMA.exists(), f"the SARIF 2.1.0 schema at {SARIF_SCHEMA}")
    jsonschema = require_module("jsonschema")
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(doc)


def test_sarif_validates_against_schema(project: Path, tmp_path: Path) -> None:
    validate_sarif(_sarif(tmp_path))


def test_sarif_structure(project: Path, tmp_path: Path) -> None:
    doc = _sarif(tmp_path)
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "flake8-azure-frt" and driver["version"]
    assert "informationUri" not in driver  # no invented home page
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
        assert "suppressions" not in result
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"F401": "warning", "AFR106": "error", "AFR901": "warning", "E501": "warning", "E999": "error"}


def test_every_afr_code_has_a_rule_with_help(project: Path, tmp_path: Path) -> None:
    rules = {r["id"]: r for r in _sarif(tmp_path)["runs"][0]["tool"]["driver"]["rules"]}
    expected_level = {Tier.PROHIBITED: "error", Tier.REVIEW: "warning"}
    # The inventory code is described only in runs with --azure-frt-inventory (test_inventory.py).
    assert not set(INVENTORY_CODES) & set(rules)
    for code, rule in RULES.items():
        if code in INVENTORY_CODES:
            continue
        descriptor = rules[code]
        assert descriptor["name"] == rule.slug
        assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
        assert len(descriptor["fullDescription"]["text"]) <= 1024
        assert descriptor["help"]["text"] and rule.docs_page in descriptor["help"]["markdown"]
        assert f"explain {code}" in descriptor["help"]["text"]
        assert "helpUri" not in descriptor  # the project has no web home; help.text carries the page's path
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


def test_eu_ai_act_points_are_a_taxonomy_with_relationships(project: Path, tmp_path: Path) -> None:
    run = _sarif(tmp_path)["runs"][0]
    (taxonomy,) = run["taxonomies"]
    assert taxonomy["name"] == EU_AI_ACT_TAXONOMY
    assert run["tool"]["driver"]["supportedTaxonomies"] == [{"name": EU_AI_ACT_TAXONOMY, "index": 0}]
    taxa = [t["id"] for t in taxonomy["taxa"]]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}

    def related(code: str) -> list[str]:
        out = []
        for rel in rules[code].get("relationships", []):
            target = rel["target"]
            assert taxa[target["index"]] == target["id"] and target["toolComponent"]["index"] == 0
            assert rel["kinds"] == ["relevant"] and "not a legal conclusion" in rel["description"]["text"]
            out.append(target["id"])
        return out

    # The table in tos-clauses.md: AFR101-103 and AFR107 (h), AFR104 (f), AFR105 (g), AFR108 (d) and (c).
    assert {c: related(c) for c in RULES if c not in INVENTORY_CODES} == {
        "AFR101": ["5(1)(h)"],
        "AFR102": ["5(1)(h)"],
        "AFR103": ["5(1)(h)"],
        "AFR104": ["5(1)(f)"],
        "AFR105": ["5(1)(g)"],
        "AFR106": [],
        "AFR107": ["5(1)(h)"],
        "AFR108": ["5(1)(d)", "5(1)(c)"],
        "AFR201": [],
        "AFR202": [],
        "AFR203": [],
        "AFR900": [],
        "AFR901": [],
    }
    assert "Annex III" in rules["AFR106"]["properties"]["euAiAct"]["note"]
    assert "gender and age are not in (g)" in rules["AFR105"]["help"]["markdown"]
    for code in ("AFR101", "AFR104", "AFR105", "AFR108"):
        text = rules[code]["help"]["text"]
        assert "pointer for the reader, not a legal conclusion" in text, code
        assert "prohibited by" not in text.lower() and "illegal" not in text.lower(), code


def test_sarif_evidence_becomes_related_locations_and_code_flows(project: Path, tmp_path: Path) -> None:
    results = _sarif(tmp_path)["runs"][0]["results"]
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


def test_without_a_record_the_short_message_still_gives_its_evidence(project: Path, tmp_path: Path) -> None:
    doc = render(SarifFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.sarif")
    direct = doc["runs"][0]["results"][1]
    (item,) = direct["relatedLocations"]
    assert item["physicalLocation"]["region"] == {"startLine": 6}
    assert item["message"]["text"] == 'prompt "Identify the [person] in this "photo"; now"'


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
    violations = _violations(Path("pkg/app.py"))
    doc = render(RdjsonFormatter, violations, tmp_path / "out.json", recorded=_findings())
    assert doc["source"] == {"name": "flake8-azure-frt"}
    diagnostics = doc["diagnostics"]
    by_code = {d["code"]["value"]: d for d in diagnostics}
    assert by_code["AFR106"]["severity"] == "ERROR"
    assert by_code["AFR901"]["severity"] == "WARNING"
    assert by_code["F401"]["severity"] == "WARNING" and "url" not in by_code["F401"]["code"]
    direct = diagnostics[1]
    assert direct["location"] == {
        "path": "pkg/app.py",
        "range": {"start": {"line": 13, "column": 10}, "end": {"line": 13, "column": len(SOURCE.splitlines()[12]) + 1}},
    }
    assert [(r["message"], r["location"]["range"]["start"]["line"]) for r in direct["related_locations"]] == [
        ("request chat.completions.create", 13),
        ('prompt "Identify the [person] in this "photo"; now"', 6),
        ("image input", 13),
    ]
    assert diagnostics[2]["related_locations"][3]["location"] == {
        "path": "pkg/prompts/id.txt",
        "range": {"start": {"line": 3, "column": 1}},
    }
    # Columns count UTF-8 bytes: character column 22 comes after three two-byte characters.
    assert byte_column('very_long_line = "ééé"', 22) == 25
    assert byte_column("abc", 1) == 1


def test_json_report(project: Path, tmp_path: Path) -> None:
    items = render(JsonFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.json", recorded=_findings())
    assert isinstance(items, list) and len(items) == 6
    direct = items[1]
    assert direct["code"] == "AFR106" and direct["clause"] == "identify-verify-faces" and direct["tier"] == "prohibited"
    assert direct["location"] == {"path": "pkg/app.py", "line": 13, "column": 10}
    assert direct["request"] == {
        "call": "chat.completions.create",
        "path": "pkg/app.py",
        "line": 13,
        "via_wrapper": False,
    }
    assert direct["evidence"] == [
        {
            "kind": "prompt",
            "quote": 'Identify the [person] in this "photo"; now',
            "path": "pkg/app.py",
            "line": 6,
            "lead": True,
        },
        {"kind": "image input", "quote": "", "path": "pkg/app.py", "line": 13, "lead": False},
    ]
    assert direct["suppressed"] is None and direct["docs_page"] == "docs/rules/AFR106.md"
    assert direct["eu_ai_act"]["points"] == [] and "Annex III" in direct["eu_ai_act"]["note"]
    assert items[2]["request"]["via_wrapper"] is True
    assert items[2]["evidence"][2] == {
        "kind": "prompt file",
        "quote": "Name everyone",
        "path": "pkg/prompts/id.txt",
        "line": 3,
        "lead": False,
    }
    assert items[2]["evidence"][3]["path"] == "pkg/prompts/system.txt" and items[2]["evidence"][3]["line"] == 0
    assert items[3]["reason"].startswith("noqa for AFR106") and items[3]["evidence"] == []
    assert items[0]["code"] == "F401" and items[0]["clause"] is None and items[0]["tier"] is None


def test_github_workflow_commands(project: Path, tmp_path: Path) -> None:
    text = render(GithubFormatter, _violations(Path("pkg/app.py")), tmp_path / "out.txt", _findings(), raw=True)
    lines = text.splitlines()
    # Errors first (GitHub shows 10 annotations of each kind per step), otherwise in flake8's order.
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["::error", "file=pkg/app.py,line=13,col=10,title=AFR106"],
        ["::error", "file=pkg/app.py,line=14,col=11,title=AFR106"],  # through the wrapper
        ["::error", "file=pkg/app.py,line=16,col=1,title=E999::E999"],  # the file was not checked
        ["::warning", "file=pkg/app.py,line=1,col=1,title=F401::F401"],
        ["::warning", "file=pkg/app.py,line=15,col=8,title=AFR901"],
        ["::warning", "file=pkg/app.py,line=16,col=80,title=E501::E501"],
    ]
    assert lines[0].startswith(
        "::error file=pkg/app.py,line=13,col=10,title=AFR106 face identification via Azure OpenAI::"
        'AFR106 face identification via Azure OpenAI: prompt "Identify the [person] in this "photo"; now" (line 6)%0A'
        "- request chat.completions.create (pkg/app.py line 13)%0A"
    )
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_github_escaping_and_levels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b: c%\n") == "a%2Cb%3A c%25%0A"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd, name:x.py").write_text("x = 1\n", encoding="utf-8")
    meta = Finding("AFR900", 1, 0, reason="time budget of 10 s exceeded")
    review = Finding("AFR201", 1, 0, (Evidence("police context", 1, "sheriff"),))
    reports = build_reports(
        [Violation(f.code, "odd, name:x.py", f.line, 1, f.message.split(" ", 1)[1], None) for f in (meta, review)], "."
    )
    first, second = (command(r) for r in reports)
    assert first.startswith("::notice file=odd%2C name%3Ax.py,line=1,col=1,title=AFR900 analysis incomplete::")
    assert second.startswith("::warning ")


def _flake8(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != record.ENV}
    cmd = [sys.executable, "-m", "flake8", "--isolated", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def test_output_file_is_truncated_not_appended(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1  # noqa: AFR106\n", encoding="utf-8")
    for fmt in ("afr-sarif", "afr-rdjson", "afr-json", "afr-baseline"):
        out = tmp_path / f"{fmt}.out"
        out.write_text("stale text from an older run\n", encoding="utf-8")
        for _ in range(2):
            proc = _flake8(["-j1", "--select=AFR", f"--format={fmt}", f"--output-file={out}", "a.py"], tmp_path)
            assert proc.returncode == 1, proc.stderr
        json.loads(out.read_text(encoding="utf-8"))  # one document, not two


def test_real_run_with_statistics_still_writes_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("import os\nx = 1  # noqa: AFR106\n", encoding="utf-8")
    proc = _flake8(["-j1", "--select=AFR,F", "--statistics", "--benchmark", "--format=afr-sarif", "a.py"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} == {"AFR901", "F401"}


WHO = """\
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")
PROMPT = "Who is the person in this photo?"


def ask(url):
    return client.chat.completions.create(  # noqa: AFR106 -- Limited Access approval LA-2291
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": PROMPT}, {"type": "image_url", "image_url": {"url": url}}]}],
    )
"""


def _results(doc: dict[str, Any]) -> list[tuple[str, str, int, list[dict[str, Any]] | None]]:
    out = []
    for r in doc["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.append((r["ruleId"], loc["artifactLocation"]["uri"], loc["region"]["startLine"], r.get("suppressions")))
    return out


def test_noqa_and_baseline_suppressions_travel_to_sarif_and_json(tmp_path: Path) -> None:
    (tmp_path / "who.py").write_text(WHO, encoding="utf-8")
    (tmp_path / "again.py").write_text(WHO.replace("  # noqa: AFR106 -- Limited Access approval LA-2291", ""), "utf-8")
    (tmp_path / "third.py").write_text(WHO.replace("-- Limited Access approval LA-2291", ""), "utf-8")
    write = _flake8(
        ["--select=AFR", "--format=afr-baseline", "--output-file=base.json", "--exit-zero", "again.py"], tmp_path
    )
    assert write.returncode == 0, write.stderr
    # -j2: the findings are recorded in worker processes, the formatter reads them in the main one.
    args = ["-j2", "--select=AFR", "--azure-frt-baseline=base.json", "who.py", "again.py", "third.py"]
    proc = _flake8([*args, "--format=afr-sarif"], tmp_path)
    assert proc.returncode == 1, proc.stderr  # third.py: AFR901 for the noqa without a reason
    doc = json.loads(proc.stdout)
    validate_sarif(doc)
    assert _results(doc) == [
        ("AFR901", "third.py", 8, None),
        (
            "AFR106",
            "again.py",
            8,
            [{"kind": "external", "status": "accepted", "justification": "accepted in baseline file base.json"}],
        ),
        ("AFR106", "third.py", 8, [{"kind": "inSource", "status": "accepted"}]),
        (
            "AFR106",
            "who.py",
            8,
            [{"kind": "inSource", "status": "accepted", "justification": "Limited Access approval LA-2291"}],
        ),
    ]
    suppressed = doc["runs"][0]["results"][3]
    assert suppressed["relatedLocations"] and suppressed["partialFingerprints"]["primaryLocationLineHash"]
    items = json.loads(_flake8([*args, "--format=afr-json"], tmp_path).stdout)
    assert [(i["location"]["path"], i["suppressed"]) for i in items] == [
        ("third.py", None),
        ("again.py", [{"kind": "external", "by": "baseline", "justification": "accepted in baseline file base.json"}]),
        ("third.py", [{"kind": "inSource", "by": "noqa", "justification": ""}]),
        ("who.py", [{"kind": "inSource", "by": "noqa", "justification": "Limited Access approval LA-2291"}]),
    ]
    # The upload for GitHub code scanning, which ignores suppressions, and review tools leave them out.
    upload = json.loads(_flake8([*args, "--format=afr-sarif-unsuppressed"], tmp_path).stdout)
    validate_sarif(upload)
    assert _results(upload) == [("AFR901", "third.py", 8, None)]
    rd = json.loads(_flake8([*args, "--format=afr-rdjson"], tmp_path).stdout)
    assert [(d["code"]["value"], d["location"]["path"]) for d in rd["diagnostics"]] == [("AFR901", "third.py")]
    gh = _flake8([*args, "--format=afr-github"], tmp_path).stdout.splitlines()
    assert [line.split(",", 1)[0] for line in gh] == ["::warning file=third.py"]


def test_audit_runs_and_deselected_codes_are_not_suppressions(tmp_path: Path) -> None:
    (tmp_path / "who.py").write_text(WHO, encoding="utf-8")
    audit = json.loads(
        _flake8(["-j1", "--select=AFR", "--disable-noqa", "--format=afr-sarif", "who.py"], tmp_path).stdout
    )
    assert _results(audit) == [("AFR106", "who.py", 8, None)]
    other = json.loads(_flake8(["-j1", "--select=AFR101", "--format=afr-sarif", "who.py"], tmp_path).stdout)
    assert _results(other) == []
    per_file = ["-j1", "--select=AFR", "--per-file-ignores=who.py:AFR106", "--format=afr-sarif", "who.py"]
    assert _results(json.loads(_flake8(per_file, tmp_path).stdout)) == []


def test_sarif_for_the_fixtures(tmp_path: Path) -> None:
    """Real findings: the document validates, and every prohibited finding carries its evidence lines."""
    out = tmp_path / "fixtures.sarif"
    proc = _flake8(["--select=AFR", "--format=afr-sarif", f"--output-file={out}", "fixtures"], ROOT)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    prohibited = [r for r in results if r["level"] == "error"]
    assert prohibited, "the positive fixtures produced no AFR1xx finding"
    for result in prohibited:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("fixtures/"), uri
        assert len(result["relatedLocations"]) >= 2, result["message"]["text"]
        assert "(clause: " in result["message"]["text"]
