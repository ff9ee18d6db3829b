"""Issue 13, items 1 and 5: reading other project files stays inside the time budget and inside the project.

Every hostile project is generated at run time in ``tmp_path``.  Timings use a 1 s budget, as the issue's
measurements did; the bounds asserted leave room for a slow, shared CI machine but fail on the old code
(19 s for the ``.env`` case, 13 s for the imported modules).
"""

from __future__ import annotations

import ast
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flake8_azure_frt import project
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.findings import Finding
from flake8_azure_frt.settings import Limits, Settings

HEAD = """\
import os
from openai import AzureOpenAI
AGENCY = "Metro Police Department"
client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")

def ask(img):
    return client.chat.completions.create(model="gpt-4o", messages=[{{"role": "user", "content": [
        {{"type": "text", "text": {prompt}}},
        {{"type": "image_url", "image_url": {{"url": img}}}}]}}])
"""


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    project.clear_cache()
    yield
    project.clear_cache()


def run(app: Path, budget: float = 1.0, root: Path | None = None) -> tuple[list[Finding], float]:
    source = app.read_text()
    settings = Settings(project_root=str(root or app.parent), limits=Limits(time_budget=budget))
    start = time.perf_counter()
    found = check_source(source.splitlines(True), str(app), ast.parse(source), settings)
    return found, time.perf_counter() - start


def test_env_file_with_a_long_blank_run_is_read_in_linear_time(tmp_path: Path) -> None:
    # The old line regex backtracked quadratically on a long run of blanks: 19 s for this 60 KB file.
    (tmp_path / ".env").write_text('PROMPT="Who is the person in this photo?"\nK=a' + " " * 60_000 + "b\n")
    app = tmp_path / "app.py"
    app.write_text(HEAD.format(prompt='os.getenv("PROMPT")'))
    found, elapsed = run(app)
    assert elapsed < 4, elapsed
    assert "AFR106" in {f.code for f in found}


def test_imported_large_modules_stay_within_the_budget(tmp_path: Path) -> None:
    # Eight local modules of 240 KB each, all imported: 13 s with a 1 s budget before (no deadline check
    # before a module's parse or index, line positions of every cached module computed eagerly).
    for m in range(8):
        lines = [f'C{j} = "identify the person {j}"\n' for j in range(7000)]
        (tmp_path / f"mod{m}.py").write_text("".join(lines) + 'PROMPT = "who is the person in this photo"\n')
    imports = "".join(f"from mod{m} import PROMPT as P{m}\nimport mod{m}\n" for m in range(8))
    app = tmp_path / "app.py"
    app.write_text(imports + HEAD.format(prompt=" + ".join(f"P{m}" for m in range(8))))
    found, elapsed = run(app)
    # The overrun is at most one module's parse (bounded by azure-frt-max-read-bytes), not all eight.
    assert elapsed < 5, elapsed
    codes = {f.code for f in found}
    assert codes == {"AFR900"} or "AFR106" in codes, found  # out of time, or done in time (fast machine)
    assert all("time budget of 1 s exceeded" in f.message for f in found if f.code == "AFR900")


def test_each_project_file_is_read_once_per_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text('PROMPT="Who is the person in this photo?"\n')
    (tmp_path / "prompts.py").write_text('import os\nWHO = os.getenv("PROMPT")\nPOLICE = "police department"\n')
    apps = []
    for n in range(3):
        app = tmp_path / f"app{n}.py"
        app.write_text("from prompts import WHO, POLICE\n" + HEAD.format(prompt='WHO + os.getenv("PROMPT")'))
        apps.append(app)
    opened: list[str] = []
    real_open = os.open

    def counting_open(path: object, *args: object, **kwargs: object) -> int:
        opened.append(os.fspath(path))  # type: ignore[arg-type]
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", counting_open)
    for app in apps:
        found, _ = run(app, budget=30)
        assert "AFR106" in {f.code for f in found}
    others = [p for p in opened if not p.endswith(("app0.py", "app1.py", "app2.py"))]
    assert sorted(others) == sorted(set(others)), others
    assert {Path(p).name for p in others} == {".env", "prompts.py"}


# ------------------------------------------------------------------------------------------------ the root


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path the plugin stats, lstats or opens (what strace showed in the issue)."""
    seen: list[str] = []
    for name in ("stat", "lstat", "open", "readlink"):
        real = getattr(os, name)

        def spy(path: object, *args: object, _real: object = real, **kwargs: object) -> object:
            if isinstance(path, (str, bytes, os.PathLike)):
                seen.append(os.fsdecode(os.fspath(path)))
            return _real(path, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(os, name, spy)
    return seen


def inside(path: str, root: Path) -> bool:
    """Inside the root, or one of the folders on the way to it or to the home folder (``realpath`` and the
    root's discovery stat those folders themselves, never a file in them)."""
    full = os.path.normpath(path if os.path.isabs(path) else os.path.join(os.getcwd(), path))
    if full == str(root) or full.startswith(str(root) + os.sep):
        return True
    return any(str(top) == full or str(top).startswith(full.rstrip(os.sep) + os.sep) for top in (root, Path.home()))


@pytest.mark.parametrize(
    "line",
    ["from ......etc.passwd import X", "from ...... import secrets", "from ..... import etc", "import etc.passwd"],
)
def test_relative_imports_never_leave_the_root(tmp_path: Path, watched: list[str], line: str) -> None:
    root = (tmp_path / "a" / "b").resolve()
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    app = root / "app.py"
    # No purpose or context words of its own: the gate has to look at the imported module's text.
    app.write_text(line + "\n" + HEAD.replace('AGENCY = "Metro Police Department"\n', "").format(prompt="X"))
    source = app.read_text()
    watched.clear()
    check_source(source.splitlines(True), str(app), ast.parse(source), Settings())
    outside = [p for p in watched if not inside(p, root)]
    assert outside == [], outside


def test_run_from_the_filesystem_root_reads_nothing_outside_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched: list[str]
) -> None:
    outer = tmp_path.resolve()
    root = outer / "proj"
    root.mkdir()
    (root / "setup.cfg").write_text("[metadata]\nname = proj\n")
    # A module beside the project, not in it: before, with the current folder "/" as the root, it was read
    # and its prompt reported.
    (outer / "leak.py").write_text('PROMPT = "Who is the person in this photo?"\n')
    (outer / ".env").write_text('PROMPT="Who is the person in this photo?"\n')
    app = root / "app.py"
    app.write_text("from leak import PROMPT\n" + HEAD.format(prompt='PROMPT + os.getenv("PROMPT", "")'))
    source = app.read_text()
    monkeypatch.chdir("/")
    watched.clear()
    found = check_source(source.splitlines(True), str(app), ast.parse(source), Settings())
    assert [f.code for f in found] == ["AFR201"]
    assert [p for p in watched if not inside(p, root)] == []


def test_symlink_out_of_the_root_is_refused_without_touching_its_target(tmp_path: Path, watched: list[str]) -> None:
    root = (tmp_path / "proj").resolve()
    root.mkdir()
    (tmp_path / "secret.py").write_text('PROMPT = "Who is the person in this photo?"\n')
    (root / "prompts.py").symlink_to(tmp_path / "secret.py")
    watched.clear()
    assert project.resolve_module("prompts", root / "app.py", root) is None
    got = project.last_refusal()
    assert got is not None and got.rule == project.OUTSIDE_ROOT
    assert [p for p in watched if not inside(p, root)] == []


def test_root_is_the_flake8_config_folder_else_the_nearest_marker(tmp_path: Path) -> None:
    top = tmp_path.resolve()
    (top / "repo" / "pkg" / "sub").mkdir(parents=True)
    app = top / "repo" / "pkg" / "sub" / "app.py"
    (top / "repo" / "pkg" / "pyproject.toml").write_text("")
    assert project.find_root(str(app)) == top / "repo" / "pkg"
    (top / "repo" / ".git").mkdir()
    assert project.find_root(str(app)) == top / "repo" / "pkg"  # the nearest marker wins
    assert project.find_root(str(app), config_dir=str(top / "repo")) == top / "repo"  # flake8's config folder
    assert project.find_root(str(app), config_dir=str(top / "elsewhere")) == top / "repo" / "pkg"
    assert project.find_root(str(app), configured=str(top / "repo" / "pkg" / "sub")) == top / "repo" / "pkg" / "sub"


def test_root_is_never_the_home_folder_or_the_filesystem_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = (tmp_path / "home").resolve()
    (home / "scripts").mkdir(parents=True)
    (home / ".git").mkdir()  # a dotfiles repository in the home folder
    monkeypatch.setenv("HOME", str(home))
    app = home / "scripts" / "app.py"
    monkeypatch.chdir(home)
    assert project.find_root(str(app)) is None
    monkeypatch.chdir("/")
    assert project.find_root(str(app)) is None
    assert project.find_root("/app.py") is None
    assert not project.acceptable_root("/") and not project.acceptable_root(str(home))


def test_config_root_follows_flake8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    top = tmp_path.resolve()
    (top / "src").mkdir()
    (top / "tox.ini").write_text("[flake8]\nmax-line-length = 120\n")
    monkeypatch.chdir(top / "src")
    assert project.config_root(argparse.Namespace(config=None, isolated=False)) == str(top)
    assert project.config_root(argparse.Namespace(config=None, isolated=True)) is None
    (top / "src" / "x.cfg").write_text("[flake8]\n")
    assert project.config_root(argparse.Namespace(config="x.cfg", isolated=False)) == str(top / "src")
