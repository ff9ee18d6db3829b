"""``nbqa flake8`` runs the plugin on Jupyter notebooks: findings map to the right cell and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "fixtures" / "notebooks"


def expected() -> set[str]:
    text = (NOTEBOOKS / "EXPECTED.md").read_text(encoding="utf-8")
    return set(re.findall(r"^(\S+\.ipynb:cell_\d+:\d+: AFR\d{3})$", text, re.MULTILINE))


@pytest.mark.skipif(
    shutil.which("nbqa") is None and not Path(sys.executable).with_name("nbqa").exists(), reason="nbqa is not installed"
)
def test_nbqa_flake8_reports_exactly_the_expected_cells() -> None:
    nbqa = shutil.which("nbqa") or str(Path(sys.executable).with_name("nbqa"))
    proc = subprocess.run(
        [nbqa, "flake8", "--select=AFR", *sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))],
        cwd=NOTEBOOKS,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr
    found = set()
    for line in proc.stdout.splitlines():
        m = re.match(r"^(\S+\.ipynb:cell_\d+:\d+):\d+: (AFR\d{3}) ", line)
        if m:
            found.add(f"{m.group(1)}: {m.group(2)}")
    assert found == expected()
    assert expected(), "EXPECTED.md lists at least one finding"
