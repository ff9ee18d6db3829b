"""The docs site: generated pages match the code, every code has a page, examples do what the pages say."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_github_actions_example_is_shown_verbatim() -> None:
    workflow = (DOCS / "examples" / "github-actions.yml").read_text(encoding="utf-8")
    page = (DOCS / "integrations.md").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```" in page
    yaml = pytest.importorskip("yaml")
    parsed = yaml.safe_load(workflow)
    steps = parsed["jobs"]["azure-frt"]["steps"]
    assert any("upload-sarif" in s.get("uses", "") for s in steps)
    assert parsed["jobs"]["azure-frt"]["permissions"]["security-events"] == "write"


def test_docs_gen_check_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8_azure_frt.docs_gen", "--check", "--docs-dir", str(DOCS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install '.[docs]')")
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
