"""The reports for people who sign off (issue 17): the CycloneDX 1.6 AI-BOM (validated against the official
schema), the Markdown summary (under GitHub's 1 MiB step-summary limit on any project), and GitLab's Code
Quality report (checked field by field, fingerprints equal to SARIF's)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flake8.violation import Violation
from helpers import require_module

from flake8_azure_frt.formatters import markdown
from flake8_azure_frt.formatters.common import build_reports
from flake8_azure_frt.registry import RULES

ROOT = Path(__file__).resolve().parents[1]
# A project with a prohibited use reached through modules, a file with a suppressed finding and an AFR901,
# and an allowed vision request.
FILES = (
    "fixtures/projects/pima_lineup",
    "fixtures/positive/noqa_approval_and_bare.py",
    "fixtures/realworld/negative/museum_artwork_guide.py",
)


def _run(fmt: str, *extra: str, files: tuple[str, ...] = FILES, cwd: Path = ROOT) -> str:
    cmd = [sys.executable, "-m", "flake8", "--isolated", "-j1", "--select=AFR", *extra, f"--format={fmt}", *files]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1) and not proc.stderr.strip(), proc.stderr
    return proc.stdout


INVENTORY = ("--azure-frt-inventory",)


# ------------------------------------------------------------------------------------------ CycloneDX
def _validate(text: str) -> dict[str, Any]:
    require_module("jsonschema")
    validation = require_module("cyclonedx.validation.json")
    schema = require_module("cyclonedx.schema")
    error = validation.JsonStrictValidator(schema.SchemaVersion.V1_6).validate_str(text)
    assert error is None, str(error)[:2000]
    doc: dict[str, Any] = json.loads(text)
    return doc


def _props(item: dict[str, Any], name: str) -> list[str]:
    return [p["value"] for p in item.get("properties", []) if p["name"] == f"flake8-azure-frt:{name}"]


def test_cyclonedx_ai_bom_validates_and_lists_services() -> None:
    text = _run("afr-cyclonedx", *INVENTORY)
    doc = _validate(text)
    assert (doc["bomFormat"], doc["specVersion"]) == ("CycloneDX", "1.6")
    services = {s["name"]: s for s in doc["services"]}
    assert set(services) == {"gpt-4o-lineup", "gpt-4o", "env AZURE_OPENAI_DEPLOYMENT, default gpt-4o-mini"}
    news = services["gpt-4o"]
    assert news["endpoints"] == ["https://newsarchive.openai.azure.com"]
    assert [d["classification"] for d in news["data"]] == ["prompt text", "images"]
    assert all(d["flow"] == "outbound" for s in doc["services"] for d in s["data"])
    requests = _props(news, "request")
    assert requests == [
        "fixtures/positive/noqa_approval_and_bare.py:27 chat.completions.create; sends text, images; purposes none; "
        "codes none (images, no purpose found)",
        "fixtures/positive/noqa_approval_and_bare.py:39 chat.completions.create; sends text, images; "
        "purposes identify; codes AFR106",
    ]
    (suppressed,) = _props(news, "finding")
    assert suppressed.startswith("AFR106 face-identification-verification at fixtures/positive/noqa_approval_and_bare")
    assert "clause identify-verify-faces" in suppressed and "suppressed: noqa" in suppressed
    lineup = _props(services["gpt-4o-lineup"], "finding")
    assert [f.split()[0] for f in lineup] == ["AFR101", "AFR103", "AFR106"]
    assert "EU AI Act (pointer): Article 5(1)(h)" in lineup[0]
    top = {p["name"].removeprefix("flake8-azure-frt:"): p["value"] for p in doc["properties"]}
    assert (top["summary:requests"], top["summary:requests-with-images"], top["summary:requests-with-findings"]) == (
        "4",
        "4",
        "2",
    )
    assert "clause:us-police-frt" in top and "eu-ai-act:5(1)(h)" in top
    assert "not a legal conclusion" in top["eu-ai-act:5(1)(h)"]
    # AFR901 belongs to no request: it sits on the document.
    assert any(v.startswith("AFR901") for v in _props(doc, "finding"))
    assert text == _run("afr-cyclonedx", *INVENTORY), "the AI-BOM must be deterministic"


def test_cyclonedx_without_inventory_and_for_a_clean_project(tmp_path: Path) -> None:
    doc = _validate(_run("afr-cyclonedx"))
    assert doc["services"] == []
    assert _props(doc, "note") == ["run with --azure-frt-inventory to list requests and services"]
    assert len(_props(doc, "finding")) == 5  # AFR101, AFR103, AFR106, AFR901, the suppressed AFR106
    (tmp_path / "empty.py").write_text("x = 1\n", encoding="utf-8")
    empty = _validate(_run("afr-cyclonedx", *INVENTORY, files=("empty.py",), cwd=tmp_path))
    assert empty["services"] == [] and not _props(empty, "finding")


# ------------------------------------------------------------------------------------------ GitLab
def test_gitlab_code_quality_field_by_field() -> None:
    issues = json.loads(_run("afr-gitlab", *INVENTORY))
    sarif = json.loads(_run("afr-sarif", *INVENTORY))["runs"][0]["results"]
    unsuppressed = [r for r in sarif if "suppressions" not in r]
    assert len(issues) == len(unsuppressed) == 8  # 4 requests, AFR101/103/106 of the lineup, AFR901
    severities = {"AFR001": "info", "AFR101": "critical", "AFR103": "critical", "AFR106": "critical"}
    for issue, result in zip(issues, unsuppressed, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        code = result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert issue["check_name"] == code
        assert issue["description"].startswith(f"{code} {RULES[code].title}")
        assert issue["fingerprint"] == result["partialFingerprints"]["primaryLocationLineHash"]
        assert issue["severity"] == severities.get(code, "minor")
        assert issue["location"] == {
            "path": location["artifactLocation"]["uri"],
            "lines": {"begin": location["region"]["startLine"]},
        }
    assert len({i["fingerprint"] + i["location"]["path"] for i in issues}) == len(issues)
    first = next(i for i in issues if i["check_name"] == "AFR106")
    assert first["location"] == {"path": "fixtures/projects/pima_lineup/lineup.py", "lines": {"begin": 33}}


# ------------------------------------------------------------------------------------------ Markdown
def test_markdown_summary_counts_links_and_advice() -> None:
    text = _run("afr-markdown", *INVENTORY)
    assert text.startswith("## flake8-azure-frt\n")
    assert "**4 findings** in 2 files: 3 prohibited, 0 to review, 1 about the analysis" in text
    assert "1 suppressed (with a reason or in the baseline) not counted" in text
    assert "| requests seen | with images | with findings | files |\n|---|---|---|---|\n| 4 | 4 | 2 | 3 |" in text
    assert "| `us-police-frt` | facial recognition by, or on behalf of" in text
    assert "| [fixtures/projects/pima_lineup/lineup.py](fixtures/projects/pima_lineup/lineup.py) | 3 |" in text
    assert "[fixtures/projects/pima_lineup/lineup.py:33](fixtures/projects/pima_lineup/lineup.py#L33)" in text
    assert "- **AFR106** face identification via Azure OpenAI: Describe the scene" in text
    assert "Rule page: [docs/rules/AFR106.md](docs/rules/AFR106.md)." in text
    assert "AFR001" not in text.split("### Findings")[1], "inventory entries are counted, not listed as findings"
    plain = _run("afr-markdown")
    assert "_Run with `--azure-frt-inventory` to list every request seen._" in plain


def test_markdown_neutralises_text_from_the_code(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    hostile = 'prompt "<img src=x onerror=alert(1)> | @octocat [click](http://evil) `x`" (line 1)'
    reports = build_reports([Violation("AFR106", str(tmp_path / "a.py"), 1, 1, hostile, None)], str(tmp_path))
    row = next(line for line in markdown.document(reports).splitlines() if line.startswith("| 🔴"))
    assert row.count(" | ") == 3 and "<img" not in row and "@octocat" not in row and "](http" not in row
    assert "&#60;img" in row and "&#64;octocat" in row


def test_markdown_stays_under_a_mebibyte_with_20000_findings(tmp_path: Path) -> None:
    """A generated project: 400 files, 50 findings each, long quotes; the table is cut with a note."""
    violations = []
    codes = ["AFR101", "AFR103", "AFR106", "AFR201", "AFR901"]
    for n in range(400):
        path = tmp_path / "pkg" / f"module_{n:03d}_with_a_rather_long_name.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text("".join(f"request_{i} = client.chat.completions.create()\n" for i in range(50)), "utf-8")
        for i in range(50):
            text = f'{RULES[codes[i % 5]].title}: prompt "{"Identify the person in this photo " * 4}" (line {i})'
            violations.append(Violation(codes[i % 5], str(path), i + 1, 1, text, None))
    reports = build_reports(violations, str(tmp_path))
    assert len(reports) == 20_000
    text = markdown.document(reports)
    size = len(text.encode("utf-8"))
    assert size < markdown.MAX_BYTES <= 1024 * 1024
    assert size > 0.9 * markdown.MAX_BYTES, "the table should use the room it has"
    shown = sum(1 for line in text.splitlines() if line.startswith(("| 🔴", "| 🟠")))
    assert 1000 < shown < 20_000
    assert f"_{20_000 - shown} more findings not shown: the summary stays under GitHub's 1 MiB limit." in text
    assert "_300 more files not shown._" in text
    assert text.rstrip().splitlines()[-1].startswith("- **AFR901**"), "what to do comes after the cut"
    # Prohibited uses first: every AFR1xx fits before the first review row.
    rows = [line for line in text.splitlines() if line.startswith("| 🔴") or line.startswith("| 🟠")]
    assert rows[0].startswith("| 🔴")


@pytest.mark.parametrize("fmt", ["afr-markdown", "afr-gitlab", "afr-cyclonedx"])
def test_new_formats_write_the_output_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "report.out"
    for _ in range(2):  # replaced, not appended to
        _run(fmt, *INVENTORY, f"--output-file={out}")
    text = out.read_text(encoding="utf-8")
    if fmt != "afr-markdown":
        json.loads(text)
    assert text == _run(fmt, *INVENTORY)


def test_documented_gitlab_job_uploads_the_report() -> None:
    job_text = (ROOT / "docs" / "examples" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert f"```yaml\n{job_text}```" in (ROOT / "docs" / "gitlab.md").read_text(encoding="utf-8")
    job = require_module("yaml").safe_load(job_text)["azure-frt"]
    (command,) = [line for line in job["script"] if line.startswith("flake8 ")]
    assert "--format=afr-gitlab" in command and "--select=AFR" in command
    report = command.split("--output-file=")[1].split()[0]
    assert job["artifacts"]["reports"]["codequality"] == report
    assert job["artifacts"]["when"] == "always"
