"""The plugin inside real flake8: options from config, one-line errors, containment, suppression hygiene."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flake8_azure_frt import analysis
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.plugin import Plugin
from flake8_azure_frt.settings import Limits, Settings

WHO = textwrap.dedent(
    """\
    from openai import AzureOpenAI
    client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
    POLICE = "Dayton Police Department"

    def who(url):
        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": url}}]}])
    """
)


def flake8(tmp_path: Path, *args: str, config: str | None = None) -> subprocess.CompletedProcess[str]:
    if config is not None:
        (tmp_path / "setup.cfg").write_text(config)
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select=AFR", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_flake8_reports_codes_lines_and_columns(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(WHO)
    proc = flake8(tmp_path, "app.py")
    lines = proc.stdout.splitlines()
    assert [line.split(" ")[0:2] for line in lines] == [["app.py:6:12:", "AFR101"], ["app.py:6:12:", "AFR106"]]
    assert proc.returncode == 1


def test_options_from_config_file(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(WHO.replace("Dayton Police Department", "Metropolitan Police Service"))
    assert "AFR101" not in flake8(tmp_path, "app.py").stdout
    proc = flake8(tmp_path, "app.py", config="[flake8]\nazure-frt-jurisdiction = US\n")
    assert "AFR101" in proc.stdout


@pytest.mark.parametrize(
    ("option", "fragment"),
    [
        ("azure-frt-jurisdiction = United States", "azure-frt-jurisdiction: expected a two-letter ISO country code"),
        ("azure-frt-law-enforcement = maybe", "azure-frt-law-enforcement: expected true or false"),
        ("azure-frt-extra-clients = not a name", "azure-frt-extra-clients: expected dotted qualified names"),
        ("azure-frt-time-budget = -1", "azure-frt-time-budget: expected a number from 0.001 to 86,400, got '-1'"),
        # issue 13: non-finite numbers used to switch the deadline off, unknown countries were accepted
        ("azure-frt-time-budget = nan", "azure-frt-time-budget: expected a number from 0.001 to 86,400, got 'nan'"),
        ("azure-frt-time-budget = inf", "azure-frt-time-budget: expected a number from 0.001 to 86,400, got 'inf'"),
        ("azure-frt-time-budget = 1e999", "azure-frt-time-budget: expected a number"),
        ("azure-frt-max-nodes = 1e400", "azure-frt-max-nodes: expected a whole number from 1 to 100,000,000"),
        ("azure-frt-max-depth = " + "9" * 5000, "azure-frt-max-depth: expected a whole number from 1 to 10,000"),
        ("azure-frt-max-read-bytes = 0", "azure-frt-max-read-bytes: expected a whole number from 1"),
        ("azure-frt-jurisdiction = zz", "azure-frt-jurisdiction: expected a two-letter ISO country code"),
        ("azure-frt-jurisdiction = XK", "azure-frt-jurisdiction: expected a two-letter ISO country code"),
        ("azure-frt-project-root = /", "azure-frt-project-root: / is the filesystem root or the home directory"),
        ("azure-frt-project-root = no-such-folder", "azure-frt-project-root: expected an existing directory"),
    ],
)
def test_invalid_option_stops_with_one_line(tmp_path: Path, option: str, fragment: str) -> None:
    (tmp_path / "app.py").write_text("x = 1\n")
    proc = flake8(tmp_path, "app.py", config=f"[flake8]\n{option}\n")
    assert proc.returncode == 2  # not 1, flake8's status for "findings found"
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert fragment in proc.stderr


def test_extra_clients_option_resolves_imports(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from corp.llm import ask_vision as ask\n"
        "def who(url):\n"
        "    return ask(prompt='Who is the person in this photo?', image={'type': 'image_url', 'image_url': url})\n"
    )
    assert flake8(tmp_path, "app.py").stdout == ""
    proc = flake8(tmp_path, "app.py", config="[flake8]\nazure-frt-extra-clients = corp.llm.ask_vision\n")
    assert proc.stdout.split(" ")[0:2] == ["app.py:3:12:", "AFR106"]


def test_internal_error_becomes_one_afr900(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> list[object]:
        raise KeyError("broken")

    monkeypatch.setattr("flake8_azure_frt.checker.check_module", boom)
    lines = WHO.splitlines(keepends=True)
    out = Plugin(ast.parse(WHO), lines, "app.py").findings()
    assert [(f.line, f.code) for f in out] == [(1, "AFR900")]
    assert "internal error KeyError" in out[0].message


def test_size_limit_gives_afr900_naming_the_option() -> None:
    out = check_source(WHO.splitlines(keepends=True), "app.py", settings=Settings(limits=Limits(max_file_bytes=100)))
    assert [(f.line, f.code) for f in out] == [(1, "AFR900")]
    assert "azure-frt-max-file-bytes" in out[0].message


def test_time_budget_gives_afr900(monkeypatch: pytest.MonkeyPatch) -> None:
    class Expired(analysis.Deadline):
        def check(self) -> None:
            raise analysis.BudgetExceeded("time budget of 0.001 s exceeded")

    monkeypatch.setattr(analysis, "Deadline", Expired)
    out = check_source((WHO * 40).splitlines(keepends=True), "app.py")
    assert [(f.line, f.code) for f in out] == [(1, "AFR900")]
    assert "time budget" in out[0].message


def test_noqa_without_reason_is_afr901_and_with_reason_is_quiet(tmp_path: Path) -> None:
    first = '"content": ['
    bare = WHO.replace(first, first + "  # noqa: AFR101,AFR106", 1)
    (tmp_path / "bare.py").write_text(bare)
    reasoned = WHO.replace(first, first + "  # noqa: AFR101,AFR106 -- Limited Access approval LA-2291", 1)
    (tmp_path / "reasoned.py").write_text(reasoned)
    proc = flake8(tmp_path, "bare.py", "reasoned.py")
    comment_col = bare.splitlines()[5].index("# noqa") + 1
    assert [line.split(" ")[0:2] for line in proc.stdout.splitlines()] == [[f"bare.py:6:{comment_col}:", "AFR901"]]
    assert "noqa for AFR101, AFR106 gives no reason" in proc.stdout


def test_noqa_inside_a_string_is_not_a_suppression() -> None:
    out = check_source(['x = "# noqa: AFR106"\n'], "app.py")
    assert out == []


def test_prefilter_skips_files_without_any_request() -> None:
    assert check_source(["def add(a, b):\n", "    return a + b\n"], "m.py") == []


def test_ci_runs_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    ci = (root / ".ci" / "run").read_text()
    for step in ('pip install -e ".[test]"', "ruff check .", "ruff format --check .", "mypy", "pytest"):
        assert step in readme and step in ci


SPAWN_WRAPPER = """
import multiprocessing
import sys

from flake8.main.cli import main

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn", force=True)
    sys.exit(main(sys.argv[1:]))
"""


def test_config_options_reach_spawned_workers(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[flake8]\nazure-frt-jurisdiction = US\nazure-frt-law-enforcement = true\n")
    (tmp_path / "uk.py").write_text(WHO.replace("Dayton Police Department", "Metropolitan Police Service"))
    scene = WHO.replace("Who is the person in this photo?", "Describe this scene.")
    (tmp_path / "scene.py").write_text(scene.replace('POLICE = "Dayton Police Department"', 'SHOP = "Corner bakery"'))
    (tmp_path / "run.py").write_text(SPAWN_WRAPPER)
    files = ["scene.py", "uk.py"]
    serial = flake8(tmp_path, "-j1", *files).stdout
    spawned = subprocess.run(
        [sys.executable, "run.py", "--select=AFR", "-j2", *files],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in spawned.stderr
    assert spawned.stdout == serial
    codes = [line.split(" ")[1] for line in serial.splitlines()]
    assert codes == ["AFR201", "AFR101", "AFR106"]  # option law-enforcement, option jurisdiction


@pytest.mark.parametrize("code", ["us", "GB", "uk", "de", "EU"])
def test_known_country_codes_are_accepted(code: str) -> None:
    from flake8_azure_frt.settings import parse_country

    assert parse_country(code) == {"UK": "GB"}.get(code.upper(), code.upper())


def test_option_errors_on_the_command_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(WHO)
    for option in ("--azure-frt-time-budget=nan", "--azure-frt-time-budget=inf", "--azure-frt-jurisdiction=zz"):
        proc = flake8(tmp_path, option, "app.py")
        assert (proc.returncode, proc.stdout) == (2, ""), (option, proc.stdout, proc.stderr)
        assert proc.stderr.count("\n") == 1 and option.split("=")[0].lstrip("-") in proc.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select=E,F"], []),
        (["--select=AFR", "--ignore=AFR"], []),
        (["--select=E", "--extend-select=W"], []),
        (["--select=AFR9"], ["AFR901"]),
        (["--select=AFR", "--extend-ignore=AFR9"], ["AFR101", "AFR106"]),
        (["--select=E", "--extend-select=AFR106"], ["AFR106"]),
    ],
)
def test_nothing_runs_when_no_code_can_be_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: list[str]
) -> None:
    """Issue 12 item 3: with --select/--ignore leaving no AFR code, the plugin does no analysis at all."""
    from flake8.main.application import Application

    (tmp_path / "app.py").write_text(WHO + "x = 1  # noqa: AFR106\n")
    calls: list[str] = []
    real = analysis._analyse
    monkeypatch.setattr(analysis, "_analyse", lambda *a: calls.append("x") or real(*a))
    monkeypatch.chdir(tmp_path)
    app = Application()
    app.run(["-j1", "--isolated", "--output-file=out.txt", *args, "app.py"])
    lines = (tmp_path / "out.txt").read_text().splitlines()
    codes = sorted(code for _, code, *_ in (line.split(" ") for line in lines) if code.startswith("AFR"))
    assert codes == expected
    assert bool(calls) == any(c not in ("AFR900", "AFR901") for c in expected)
