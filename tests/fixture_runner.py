"""Run flake8 over the fixtures and compare with their inline ``# expect:`` comments (shared by tests and scripts)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
EXPECT = re.compile(r"#\s*expect:\s*((?:AFR\d{3}[\s,]*)+)")
OPTIONS = re.compile(r"^#\s*flake8-options:\s*(.+)$", re.MULTILINE)
OUTPUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>AFR\d{3}) (?P<text>.*)$")

Key = tuple[str, int, str]


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.py") if p.is_file())


def expected(path: Path) -> set[Key]:
    rel = path.relative_to(ROOT).as_posix()
    out = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = EXPECT.search(line)
        if m:
            for code in re.findall(r"AFR\d{3}", m.group(1)):
                out.add((rel, number, code))
    return out


def options(path: Path) -> tuple[str, ...]:
    m = OPTIONS.search(path.read_text(encoding="utf-8"))
    return tuple(m.group(1).split()) if m else ()


def run_flake8(paths: list[Path], extra: tuple[str, ...] = ()) -> dict[Key, str]:
    """Findings as {(relative path, line, code): message}; flake8 runs from the repo root, as users do."""
    if not paths:
        return {}
    cmd = [sys.executable, "-m", "flake8", "--isolated", "--select=AFR", "-j1", *extra]
    cmd += [p.relative_to(ROOT).as_posix() for p in paths]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise RuntimeError(f"flake8 failed ({proc.returncode}): {proc.stderr[-2000:]}")
    found = {}
    for line in proc.stdout.splitlines():
        m = OUTPUT.match(line)
        if m:
            found[(Path(m["path"]).as_posix(), int(m["line"]), m["code"])] = m["text"]
    return found


def run_all() -> tuple[set[Key], dict[Key, str]]:
    groups: dict[tuple[str, ...], list[Path]] = defaultdict(list)
    want: set[Key] = set()
    for path in fixture_files():
        groups[options(path)].append(path)
        want |= expected(path)
    got: dict[Key, str] = {}
    for extra, paths in groups.items():
        got.update(run_flake8(paths, extra))
    return want, got
