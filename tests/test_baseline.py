"""Baseline: written from today's findings it hides exactly them; new ones, and extra copies, still fail."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flake8.violation import Violation
from helpers import require_module

from flake8_azure_frt import baseline
from flake8_azure_frt.findings import Evidence, Finding
from flake8_azure_frt.formatters.baseline_report import BaselineFormatter
from flake8_azure_frt.formatters.common import build_reports
from flake8_azure_frt.settings import OptionError, Settings

# AFR901 needs no detection heuristics, so these files give real findings whatever the checker recognises.
SOURCE = """\
import os

a = 1  # noqa: AFR106
b = 2  # noqa: AFR104
"""


def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "flake8", "--isolated", "--select=AFR", "-j1", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def write_baseline(cwd: Path, *paths: str) -> Path:
    proc = flake8(cwd, "--format=afr-baseline", "--output-file=.afr-baseline.json", "--exit-zero", *paths)
    assert proc.returncode == 0, proc.stderr
    return cwd / ".afr-baseline.json"


def codes_and_lines(proc: subprocess.CompletedProcess[str]) -> list[tuple[int, str]]:
    out = []
    for line in proc.stdout.splitlines():
        _, number, _, rest = line.split(":", 3)
        out.append((int(number), rest.split()[0]))
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "mod.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_baseline_silences_exactly_todays_findings(project: Path) -> None:
    assert codes_and_lines(flake8(project, "app/mod.py")) == [(3, "AFR901"), (4, "AFR901")]
    path = write_baseline(project, "app/mod.py")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["code"], e["line"]) for e in data["entries"]] == [
        ("app/mod.py", "AFR901", 3),
        ("app/mod.py", "AFR901", 4),
    ]
    proc = flake8(project, "--azure-frt-baseline=.afr-baseline.json", "app/mod.py")
    assert (proc.returncode, proc.stdout) == (0, "")


def test_new_finding_still_fails_and_lines_may_shift(project: Path) -> None:
    write_baseline(project, "app/mod.py")
    mod = project / "app" / "mod.py"
    mod.write_text('"""Docs added on top."""\n\n' + SOURCE + "c = 3  # noqa: AFR107\n", encoding="utf-8")
    proc = flake8(project, "--azure-frt-baseline=.afr-baseline.json", "app/mod.py")
    assert proc.returncode == 1
    assert codes_and_lines(proc) == [(7, "AFR901")]


def test_baseline_is_count_aware(project: Path) -> None:
    write_baseline(project, "app/mod.py")
    mod = project / "app" / "mod.py"
    mod.write_text(SOURCE + "a = 1  # noqa: AFR106\n", encoding="utf-8")  # a second, identical finding
    proc = flake8(project, "--azure-frt-baseline=.afr-baseline.json", "app/mod.py")
    assert codes_and_lines(proc) == [(5, "AFR901")]


def test_baseline_is_per_file(project: Path) -> None:
    (project / "app" / "other.py").write_text(SOURCE, encoding="utf-8")
    write_baseline(project, "app/mod.py")
    proc = flake8(project, "--azure-frt-baseline=.afr-baseline.json", "app/mod.py", "app/other.py")
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == ["app/other.py", "app/other.py"]


def test_paths_are_relative_to_the_baseline_file(project: Path) -> None:
    (project / "ci").mkdir()
    proc = flake8(project, "--format=afr-baseline", "--output-file=ci/base.json", "--exit-zero", "app/mod.py")
    assert proc.returncode == 0, proc.stderr
    entries = json.loads((project / "ci" / "base.json").read_text(encoding="utf-8"))["entries"]
    assert {e["path"] for e in entries} == {"../app/mod.py"}
    # Run from another folder: the same findings are still matched.
    proc = flake8(project / "app", "--azure-frt-baseline=../ci/base.json", "mod.py")
    assert (proc.returncode, proc.stdout) == (0, "")


def test_only_afr_codes_go_into_a_baseline(project: Path) -> None:
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "flake8", "--isolated", "--select=AFR,F"),
            *("--format=afr-baseline", "--exit-zero", "--output-file=b.json", "app/mod.py"),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    codes = {e["code"] for e in json.loads((project / "b.json").read_text(encoding="utf-8"))["entries"]}
    assert codes == {"AFR901"}


def test_missing_or_corrupt_file_is_a_one_line_error(tmp_path: Path) -> None:
    cases = {
        "missing.json": None,
        "not-json.json": "{ nope",
        "wrong-shape.json": '{"version": 1, "entries": [{"path": 3}]}',
        "old-version.json": '{"version": 99, "entries": []}',
        "binary.json": b"\xff\xfe\x00",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(OptionError) as info:
            baseline.load(str(path))
        message = str(info.value)
        assert str(path) in message and "\n" not in message, message


def test_bad_baseline_stops_flake8_with_one_line(project: Path) -> None:
    (project / "broken.json").write_text("{ nope", encoding="utf-8")
    for name in ("missing.json", "broken.json"):
        proc = flake8(project, f"--azure-frt-baseline={name}", "app/mod.py")
        assert proc.returncode != 0
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and "Traceback" not in proc.stderr, proc.stderr


def test_writing_a_baseline_ignores_the_configured_one(project: Path) -> None:
    write_baseline(project, "app/mod.py")
    (project / "setup.cfg").write_text("[flake8]\nazure-frt-baseline = .afr-baseline.json\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "flake8", "--select=AFR", "-j1", "--format=afr-baseline"]
    cmd += ["--output-file=.afr-baseline.json", "--exit-zero", "app/mod.py"]
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    entries = json.loads((project / ".afr-baseline.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 2  # not emptied by the baseline it replaces


def test_configure() -> None:
    settings = Settings(baseline="whatever.json")
    assert baseline.configure(argparse.Namespace(format="afr-baseline"), settings).baseline is None
    with pytest.raises(OptionError):
        baseline.configure(argparse.Namespace(format="default"), settings)
    assert baseline.configure(argparse.Namespace(format="default"), Settings()) == Settings()


def test_writer_sees_suppressed_findings() -> None:
    options = argparse.Namespace(output_file=None, color="never", tee=False, show_source=False, disable_noqa=False)
    BaselineFormatter(options)
    assert options.disable_noqa is True


def test_plugin_and_formatter_fingerprints_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin fingerprints Findings, the writer fingerprints Violations: both must give the same keys."""
    monkeypatch.chdir(tmp_path)
    lines = [
        "import os\n",
        "\n",
        "r = client.chat.completions.create(  # x\n",
        "r = client.chat.completions.create(  # x\n",
    ]
    (tmp_path / "m.py").write_text("".join(lines), encoding="utf-8")
    evidence = (Evidence("prompt", 1, "who is this"), Evidence("image input", 3))
    findings = [
        Finding("AFR106", 3, 4, evidence, "chat.completions.create", 3),
        Finding("AFR106", 4, 4, evidence, "chat.completions.create", 4),
        Finding("AFR900", 1, 0, reason="time budget of 10 s exceeded"),
    ]
    violations = [Violation(f.code, "m.py", f.line, f.col + 1, baseline.finding_text(f), None) for f in findings]
    from_formatter = [r.fingerprint for r in build_reports(violations, str(tmp_path))]
    sites = [baseline.Site(f.code, baseline.finding_text(f), f.line, f.col, lines[f.line - 1]) for f in findings]
    from_plugin = baseline.fingerprints(sites)
    assert from_formatter == from_plugin
    # Identical findings on identical lines differ only by their occurrence index.
    assert from_plugin[0].split(":")[0] == from_plugin[1].split(":")[0]
    assert (from_plugin[0].split(":")[1], from_plugin[1].split(":")[1]) == ("1", "2")


def test_apply_hides_listed_findings(tmp_path: Path) -> None:
    lines = ["x = 1\n", "x = 1\n"]
    findings = [Finding("AFR901", 1, 6, reason="r"), Finding("AFR901", 2, 6, reason="r")]
    prints = baseline.fingerprints(
        [baseline.Site(f.code, baseline.finding_text(f), f.line, f.col, "x = 1") for f in findings]
    )
    entries = [baseline.Entry("m.py", "AFR901", prints[0])]
    (tmp_path / "b.json").write_text(baseline.dump(entries), encoding="utf-8")
    settings = Settings(baseline=str(tmp_path / "b.json"))
    kept = baseline.apply(findings, str(tmp_path / "m.py"), lines, settings)
    assert kept == [findings[1]]


def test_nbqa_temporary_scripts_are_named_after_their_notebook() -> None:
    root = str(Path.cwd())
    assert baseline.relative_path(str(Path("nb") / "demo0a1b_c9z_nbqa_ipynb.py"), root) == "nb/demo.ipynb"
    assert baseline.relative_path("tools_nbqa_ipynb.py", root) == "tools_nbqa_ipynb.py"  # no random part


def test_baseline_applies_to_notebooks_linted_with_nbqa(tmp_path: Path) -> None:
    require_module("nbqa")  # skips locally when missing, fails in CI (helpers.require)
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": SOURCE}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "demo.ipynb").write_text(json.dumps(notebook), encoding="utf-8")

    def nbqa(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "nbqa", "flake8", "demo.ipynb", "--isolated", "--select=AFR", *args]
        return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    assert nbqa().stdout.count("AFR901") == 2
    assert nbqa("--format=afr-baseline", "--output-file=b.json", "--exit-zero").returncode == 0
    assert {e["path"] for e in json.loads((tmp_path / "b.json").read_text())["entries"]} == {"demo.ipynb"}
    proc = nbqa("--azure-frt-baseline=b.json")
    assert (proc.returncode, proc.stdout) == (0, ""), proc.stdout + proc.stderr


def test_where_evidence_sits_is_not_part_of_the_fingerprint() -> None:
    a = 'face identification [x]: request c (line 4); prompt "who" (pkg/prompts.py line 7); image input (line 9)'
    b = 'face identification [x]: request c (line 8); prompt "who" (pkg/prompts.py line 2); image input (line 12)'
    assert baseline.normalize_message(a) == baseline.normalize_message(b)
    assert "line" not in baseline.normalize_message(a)


# ---------------------------------------------------------------------------------------------- hostile files
# Issue 13, item 3: each used to end in a traceback, a hang or exhausted memory.  Generated at run time.


def hostile(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.json"
    if kind == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "deep_object":
        path.write_text('{"version": 1, "entries": [], "x": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001)
    elif kind == "huge_number":
        path.write_text('{"version": 1, "entries": [], "n": ' + "9" * 100_000 + "}")
    elif kind == "huge_float":
        path.write_text('{"version": 1, "entries": [], "n": 1.' + "5" * 100_000 + "}")
    elif kind == "nan":
        path.write_text('{"version": 1, "entries": [], "n": NaN}')
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "oversized":
        with open(path, "wb") as handle:
            handle.truncate(baseline.MAX_BYTES + 1)  # sparse: no disk or memory used
    return path


EXPECTED = {
    "deep": "nested more than 16 levels deep",
    "deep_object": "nested more than 16 levels deep",
    "huge_number": "a number of 100000 digits (at most 20)",
    "huge_float": "a number of 100002 characters (at most 20)",
    "nan": "NaN is not a JSON number",
    "fifo": "not a regular file",
    "directory": "not a regular file",
    "oversized": "larger than 64,000,000 bytes",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX file types")
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_hostile_baseline_is_a_one_line_error(tmp_path: Path, kind: str) -> None:
    path = hostile(tmp_path, kind)
    start = time.perf_counter()
    with pytest.raises(OptionError) as info:
        baseline.load(str(path))
    assert time.perf_counter() - start < 5
    message = str(info.value)
    assert "\n" not in message and str(path) in message and EXPECTED[kind] in message, message


def test_dev_zero_is_refused_at_once() -> None:
    with pytest.raises(OptionError, match="not a regular file"):
        baseline.load("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX file types")
@pytest.mark.parametrize("kind", ["deep", "huge_number", "fifo"])
def test_hostile_baseline_stops_flake8_with_status_2(project: Path, kind: str) -> None:
    path = hostile(project, kind)
    proc = flake8(project, f"--azure-frt-baseline={path.name}", "app/mod.py")
    assert proc.returncode == 2 and proc.stdout == "", proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and EXPECTED[kind] in lines[0], proc.stderr


def test_baseline_linked_from_outside_the_project(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """From the configuration, a link out of the project is refused; named on the command line it is used."""
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "shared.json"
    write_baseline(project, "app/mod.py").rename(elsewhere)
    (project / "linked.json").symlink_to(elsewhere)
    (project / "setup.cfg").write_text("[flake8]\nazure-frt-baseline = linked.json\n")
    cmd = [sys.executable, "-m", "flake8", "--select=AFR", "-j1", "app/mod.py"]
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "linked.json: outside the project" in proc.stderr, proc.stderr
    proc = subprocess.run(
        [*cmd, "--azure-frt-baseline=linked.json"], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
