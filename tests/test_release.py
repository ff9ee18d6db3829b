"""Release readiness: one version everywhere, the licence and changelog, and a wheel that works when installed.

The build test runs ``python -m build`` (sdist and wheel, in build's isolated environment, which fetches
setuptools from the package index) and installs the wheel into a fresh virtual environment; flake8 and
libcst come from this one through a ``.pth`` file, so the test needs no download for them. It takes about
half a minute and runs in CI (a missing ``build`` fails there, see helpers.require).
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

from helpers import require_module

import flake8_azure_frt
from flake8_azure_frt.docs_examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]


def test_one_version_everywhere() -> None:
    version = flake8_azure_frt.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?", version)
    assert importlib.metadata.version("flake8-azure-frt") == version, "reinstall: pip install -e '.[test]'"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject.split("[tool.setuptools.dynamic]")[0]
    first = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert first is not None and first.group(1) == version, "CHANGELOG.md's top entry names another version"


def test_licence_is_mit_with_the_contributors_as_holder() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "flake8-azure-frt contributors" in text
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _installed_venv(tmp_path: Path, wheel: Path) -> Path:
    """A fresh venv with the wheel; flake8 and libcst reach it from this venv via a .pth file."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Directories named in a .pth file are not site dirs: this venv's editable install does not leak in.
    Path(purelib, "outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return python


def test_sdist_and_wheel_build_and_the_wheel_works_in_a_fresh_venv(tmp_path: Path) -> None:
    require_module("build")
    dist = tmp_path / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    version = flake8_azure_frt.__version__
    (wheel,) = dist.glob(f"flake8_azure_frt-{version}-py3-none-any.whl")
    (sdist,) = dist.glob(f"flake8_azure_frt-{version}.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = zf.read(f"flake8_azure_frt-{version}.dist-info/entry_points.txt").decode()
    assert "flake8_azure_frt/formatters/github.py" in names and not any(n.startswith("tests/") for n in names)
    assert any(n.endswith("licenses/LICENSE") or n.endswith("dist-info/LICENSE") for n in names), names
    for name in ("afr-sarif", "afr-sarif-unsuppressed", "afr-github", "afr-rdjson", "afr-json", "afr-baseline"):
        assert f"{name} = flake8_azure_frt.formatters." in entry_points
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "docs/rules/AFR106.md", "docs/release.md"} <= members

    python = _installed_venv(tmp_path, wheel)
    where = subprocess.run(
        [str(python), "-c", "import flake8_azure_frt; print(flake8_azure_frt.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert str(tmp_path / "venv") in where.stdout, where.stdout + where.stderr  # the wheel, not this checkout
    version_out = subprocess.run(
        [str(python), "-m", "flake8", "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert f"flake8-azure-frt: {version}" in version_out.stdout, version_out.stdout + version_out.stderr
    (tmp_path / "who.py").write_text(EXAMPLES["AFR106"].bad, encoding="utf-8")
    run = subprocess.run(
        [str(python), "-m", "flake8", "--isolated", "--select=AFR", "--format=afr-sarif", "who.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    results = json.loads(run.stdout)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["AFR106"]
    explain = subprocess.run(
        [str(python), "-m", "flake8_azure_frt", "explain", "AFR106"], capture_output=True, text=True, cwd=tmp_path
    )
    assert explain.returncode == 0 and explain.stdout.startswith("# AFR106 face-identification-verification")
