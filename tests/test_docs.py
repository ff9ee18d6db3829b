"""The docs site: generated pages match the code, every code has a page, examples do what the pages say."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import require_module

from flake8_azure_frt import docs_gen
from flake8_azure_frt.docs_examples import EXAMPLES
from flake8_azure_frt.registry import RULES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OUTPUT = re.compile(r"^[^:]+:(?P<line>\d+):\d+: (?P<code>AFR\d{3}) ")


def test_generated_pages_have_not_drifted() -> None:
    stale = docs_gen.drift(DOCS)
    assert not stale, f"regenerate with `python -m flake8_azure_frt.docs_gen`: {stale}"


def test_every_code_has_a_page_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for code in RULES:
        assert (DOCS / "rules" / f"{code}.md").is_file()
        assert f"rules/{code}.md" in nav, f"{code} missing from mkdocs.yml nav"
        assert code in EXAMPLES, f"{code} has no example in docs_examples.py"


def test_rule_pages_have_the_ruff_sections() -> None:
    sections = ["What it flags", "Why", "Example", "Use instead", "Known limits", "Options", "References"]
    for code in RULES:
        page = (DOCS / "rules" / f"{code}.md").read_text(encoding="utf-8")
        found = re.findall(r"^## (.+)$", page, re.MULTILINE)
        assert found == sections, code


def test_every_option_is_documented() -> None:
    reference = (DOCS / "reference" / "options.md").read_text(encoding="utf-8")
    configuration = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for option in docs_gen.options():
        assert f"## `{option.name}`" in reference
        assert f"`{option.name}`" in configuration, f"{option.name} not explained in configuration.md"


def _workflow(name: str) -> dict[str, Any]:
    workflow = (DOCS / "examples" / name).read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```" in (DOCS / "integrations.md").read_text(encoding="utf-8"), name
    parsed: dict[str, Any] = require_module("yaml").safe_load(workflow)
    return parsed


def _uses(parsed: dict[str, Any]) -> list[str]:
    return [s["uses"] for s in parsed["jobs"]["azure-frt"]["steps"] if "uses" in s]


def _runs(parsed: dict[str, Any]) -> list[str]:
    return [" ".join(s["run"].split()) for s in parsed["jobs"]["azure-frt"]["steps"] if "run" in s]


def test_github_actions_examples_are_shown_verbatim_with_current_actions() -> None:
    # Current majors (December 2026): v3 of the CodeQL actions is deprecated.
    scanning = _workflow("github-actions.yml")
    assert _uses(scanning) == ["actions/checkout@v7", "actions/setup-python@v7", "github/codeql-action/upload-sarif@v4"]
    assert scanning["jobs"]["azure-frt"]["permissions"]["security-events"] == "write"
    # Code scanning ignores SARIF suppressions: the upload must not carry suppressed results.
    assert any("--format=afr-sarif-unsuppressed" in r and "--exit-zero" in r for r in _runs(scanning))
    annotations = _workflow("github-annotations.yml")
    assert _uses(annotations) == ["actions/checkout@v7", "actions/setup-python@v7"]
    assert "security-events" not in str(annotations)  # works without code scanning
    runs = _runs(annotations)
    assert any(r.startswith("flake8 ") and "--format=afr-github" in r for r in runs)
    assert any(r.startswith("nbqa flake8 ") and "--format=afr-github" in r for r in runs)
    for parsed in (scanning, annotations):
        assert parsed["env"]["AZURE_FRT_REQUIREMENT"] == "${{ vars.AZURE_FRT_REQUIREMENT }}"
        assert any('"$AZURE_FRT_REQUIREMENT"' in r for r in _runs(parsed))


_URL = re.compile(r"https?://[^\s)\]>\"'`]+")


def _published_text() -> dict[str, str]:
    paths = [ROOT / n for n in ("README.md", "CHANGELOG.md", "mkdocs.yml", "pyproject.toml", ".pre-commit-hooks.yaml")]
    paths += sorted(DOCS.rglob("*.md")) + sorted(DOCS.rglob("*.yml"))
    paths += sorted((ROOT / "flake8_azure_frt").rglob("*.py"))
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def test_no_invented_addresses_for_the_project() -> None:
    """The project has no web home: no URL may pretend it has one (docs say how to point at a mirror)."""
    offenders = []
    for name, text in _published_text().items():
        for url in _URL.findall(text):
            lowered = url.lower()
            if "flake8-azure-frt" in lowered or "flake8_azure_frt" in lowered or "your-org" in lowered:
                offenders.append(f"{name}: {url}")
    assert not offenders
    assert "site_url" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("# No site_url")[0]
    assert "<URL of your mirror>" in (DOCS / "release.md").read_text(encoding="utf-8")


def test_readme_keeps_exactly_the_two_set_up_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert blocks == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && flake8 --select=AFR fixtures/",
        'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && ruff check . '
        "&& ruff format --check . && mypy && pytest",
    ]


def test_sample_output_and_options_are_generated_regions() -> None:
    """The samples in README and docs come from running flake8 on the fixtures (drift is checked above)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("sample-text", "codes-table", "options-table"):
        assert f"<!-- generated: {name} -->" in readme, name
    for option in docs_gen.options():
        assert f"`{option.name}`" in readme.split("<!-- generated: options-table -->")[1]
    integrations = (DOCS / "integrations.md").read_text(encoding="utf-8")
    assert "<!-- generated: sample-github -->\n```console\n$ flake8 --select=AFR --format=afr-github" in integrations
    assert "::error file=fixtures/positive/" in integrations and '"related_locations"' in integrations
    formats = (DOCS / "formats.md").read_text(encoding="utf-8")
    for name in ("sample-sarif-result", "sample-rdjson", "sample-json", "sample-github"):
        assert f"<!-- generated: {name} -->\n```" in formats, name


def test_a_region_that_differs_from_the_code_is_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "README.md").write_text(
        "x\n<!-- generated: options-table -->\nstale\n<!-- end generated -->\n", "utf-8"
    )
    assert "README.md" in docs_gen.drift(tmp_path / "docs")
    assert docs_gen.main(["--docs-dir", str(tmp_path / "docs")]) == 0
    assert "README.md" not in docs_gen.drift(tmp_path / "docs")
    assert "| `azure-frt-jurisdiction` |" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_rule_pages_point_at_the_eu_ai_act_without_concluding() -> None:
    for code, rule in RULES.items():
        page = (DOCS / "rules" / f"{code}.md").read_text(encoding="utf-8")
        line = next((ln for ln in page.splitlines() if ln.startswith("- EU AI Act:")), None)
        if rule.eu_points or rule.eu_note:
            assert line is not None and "not a legal conclusion" in line, code
            for point in rule.eu:
                assert point.label in line, code
        else:
            assert line is None, code
    clauses = (DOCS / "clauses.md").read_text(encoding="utf-8")
    assert "| Article 5(1)(h) |" in clauses and "[AFR108](rules/AFR108.md)" in clauses


def test_explain_prints_the_rule_page() -> None:
    def explain(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "flake8_azure_frt", "explain", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60)

    proc = explain("afr104")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# AFR104 emotion-inference\n")
    assert "## Why" in proc.stdout and "infer people's emotional states" in proc.stdout
    assert "```python" in proc.stdout and "<!--" not in proc.stdout and "](../" not in proc.stdout
    assert "<https://learn.microsoft.com/" in proc.stdout  # web links keep their address
    assert explain("AFR104", "--markdown").stdout == docs_gen.rule_page(RULES["AFR104"])
    listing = explain("--list").stdout.splitlines()
    assert [line.split()[0] for line in listing] == list(RULES)
    unknown = explain("AFR999")
    assert unknown.returncode == 2 and "unknown code" in unknown.stderr


def test_docs_gen_check_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8_azure_frt.docs_gen", "--check", "--docs-dir", str(DOCS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr


def test_mkdocs_build_strict_and_offline(tmp_path: Path) -> None:
    require_module("mkdocs")
    require_module("pygments")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "highlightjs: false" in config and "codehilite" in config
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for code in RULES:
        assert (tmp_path / "site" / "rules" / code / "index.html").is_file()
    # Offline: no script or stylesheet from another host; code is highlighted at build time.
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html)
        assert not remote, f"{page.relative_to(tmp_path)}: {remote}"
    rule_page = (tmp_path / "site" / "rules" / "AFR106" / "index.html").read_text(encoding="utf-8")
    assert 'class="codehilite"' in rule_page and "<span class=" in rule_page
    assert (tmp_path / "site" / "css" / "pygments.css").is_file()


def _codes(path: Path) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AFR", "-j1", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    return {m["code"] for m in map(OUTPUT.match, proc.stdout.splitlines()) if m}


@pytest.mark.parametrize("code", [c for c, e in EXAMPLES.items() if e.runnable])
def test_rule_page_examples_report_what_the_page_says(code: str, tmp_path: Path) -> None:
    example = EXAMPLES[code]
    (tmp_path / "bad.py").write_text(example.bad, encoding="utf-8")
    (tmp_path / "good.py").write_text(example.good, encoding="utf-8")
    assert _codes(tmp_path / "bad.py") == set(example.fires)
    assert _codes(tmp_path / "good.py") == set(example.good_fires)
