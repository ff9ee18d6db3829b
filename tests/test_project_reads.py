"""Safe reads of other project files: only regular files inside the root, size-capped, never blocking.

Every hostile path is refused by a named rule without being opened; a read that could block (a FIFO with no
writer) would hang the test, so each one runs under an alarm that turns a hang into a failure.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from flake8_azure_frt import project
from flake8_azure_frt.project import (
    BAD_NAME,
    CHANGED,
    MISSING,
    NOT_REGULAR,
    OUTSIDE_ROOT,
    SPECIAL_FS,
    TOO_LARGE,
    UNREADABLE,
    read_text,
    resolve_module,
    why_not,
)

CAP = 1_000
pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX signals and file types")


@contextmanager
def guard(seconds: float = 5.0) -> Iterator[None]:
    """Fail instead of hanging: a blocked open() or read() is interrupted by the alarm."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    project.clear_cache()
    yield
    project.clear_cache()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "repo"
    r.mkdir()
    (r / "prompt.txt").write_text("Describe the scene.\n")
    return r


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN=hunter2\n")
    return secret


def refused(path: str | Path, root: Path, rule: str, cap: int = CAP) -> None:
    with guard():
        assert read_text(path, root, cap) is None
        got = project.last_refusal()
        assert got is not None and got.rule == rule, got
        again = why_not(path, root, cap)
        assert again is not None and again.rule == rule, again


# ---------------------------------------------------------------------------------------------- allowed


def test_regular_file_inside_root_is_read(root: Path) -> None:
    with guard():
        assert read_text(root / "prompt.txt", root, CAP) == "Describe the scene.\n"
    assert project.last_refusal() is None
    assert why_not(root / "prompt.txt", root, CAP) is None


def test_relative_paths_are_taken_from_the_root(root: Path) -> None:
    assert read_text("prompt.txt", root, CAP) == "Describe the scene.\n"
    assert read_text(str(root / "prompt.txt"), str(root), CAP) == "Describe the scene.\n"


def test_symlink_to_a_file_inside_root_is_followed(root: Path) -> None:
    (root / "link.txt").symlink_to(root / "prompt.txt")
    assert read_text(root / "link.txt", root, CAP) == "Describe the scene.\n"


def test_root_given_through_a_symlink(root: Path, tmp_path: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(root)
    assert read_text(alias / "prompt.txt", alias, CAP) == "Describe the scene.\n"


def test_invalid_utf8_is_replaced_and_bom_dropped(root: Path) -> None:
    (root / "odd.txt").write_bytes(b"\xef\xbb\xbfcaf\xe9 \xff ok")
    assert read_text(root / "odd.txt", root, CAP) == "caf\ufffd \ufffd ok"


def test_file_of_exactly_the_cap_is_read(root: Path) -> None:
    (root / "full.txt").write_bytes(b"a" * CAP)
    assert read_text(root / "full.txt", root, CAP) == "a" * CAP


def test_cache_is_keyed_by_mtime_and_size(root: Path) -> None:
    path = root / "prompt.txt"
    first = read_text(path, root, CAP)
    assert read_text(path, root, CAP) is first  # served from the cache
    path.write_text("Who is this person?\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert read_text(path, root, CAP) == "Who is this person?\n"


def test_cache_never_bypasses_a_smaller_cap(root: Path) -> None:
    assert read_text(root / "prompt.txt", root, CAP) is not None
    refused(root / "prompt.txt", root, TOO_LARGE, cap=5)


# ---------------------------------------------------------------------------------------------- refused


def test_fifo_is_refused_without_blocking(root: Path) -> None:
    os.mkfifo(root / "pipe.txt")
    refused(root / "pipe.txt", root, NOT_REGULAR)
    assert "FIFO" in str(project.last_refusal())


def test_symlink_to_a_fifo_is_refused(root: Path) -> None:
    os.mkfifo(root / "pipe")
    (root / "prompt_link.txt").symlink_to(root / "pipe")
    refused(root / "prompt_link.txt", root, NOT_REGULAR)


def test_dev_zero_is_refused(root: Path) -> None:
    refused("/dev/zero", root, SPECIAL_FS)
    refused("/dev/zero", Path("/"), SPECIAL_FS)  # even when the "root" contains it


def test_symlink_to_dev_zero_is_refused(root: Path) -> None:
    (root / "zero.txt").symlink_to("/dev/zero")
    refused(root / "zero.txt", root, SPECIAL_FS)


def test_device_node_inside_root_is_refused(root: Path) -> None:
    try:
        os.mknod(root / "zero", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, OSError):
        pytest.skip("creating a device node needs privileges")
    refused(root / "zero", root, NOT_REGULAR)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no /proc")
def test_proc_self_environ_is_refused(root: Path) -> None:
    refused("/proc/self/environ", root, SPECIAL_FS)
    refused("/proc/self/environ", Path("/"), SPECIAL_FS)
    (root / "env.txt").symlink_to("/proc/self/environ")
    refused(root / "env.txt", root, SPECIAL_FS)


def test_symlink_pointing_outside_root_is_refused(root: Path, outside: Path) -> None:
    (root / "prompt_ext.txt").symlink_to(outside)
    refused(root / "prompt_ext.txt", root, OUTSIDE_ROOT)


def test_symlinked_folder_pointing_outside_root_is_refused(root: Path, outside: Path) -> None:
    (root / "shared").symlink_to(outside.parent)
    refused(root / "shared" / "secret.txt", root, OUTSIDE_ROOT)


def test_file_outside_root_is_refused(root: Path, outside: Path) -> None:
    refused(outside, root, OUTSIDE_ROOT)
    refused(root / ".." / "elsewhere" / "secret.txt", root, OUTSIDE_ROOT)
    refused("../elsewhere/secret.txt", root, OUTSIDE_ROOT)


def test_oversized_file_is_refused(root: Path) -> None:
    (root / "big.txt").write_bytes(b"a" * (CAP + 1))
    refused(root / "big.txt", root, TOO_LARGE)


def test_directory_is_refused(root: Path) -> None:
    (root / "prompts").mkdir()
    refused(root / "prompts", root, NOT_REGULAR)
    refused(root, root, NOT_REGULAR)


def test_socket_is_refused(root: Path) -> None:
    path = root / "s.sock"
    if len(str(path)) > 100:
        pytest.skip("socket path too long for AF_UNIX")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        refused(path, root, NOT_REGULAR)


def test_missing_file_and_symlink_loop(root: Path) -> None:
    refused(root / "nope.txt", root, MISSING)
    (root / "loop").symlink_to(root / "loop")
    with guard():
        assert read_text(root / "loop", root, CAP) is None
    got = project.last_refusal()
    assert got is not None and got.rule in (UNREADABLE, MISSING)


def test_odd_inputs_never_raise(root: Path) -> None:
    with guard():
        assert read_text("bad\x00name", root, CAP) is None
        assert read_text(root / "prompt.txt", root / "no-such-root", CAP) is None
        assert read_text(root / "prompt.txt", root, -1) is None
        assert resolve_module("a\x00b", root / "app.py", root) is None


def test_swap_for_a_fifo_after_the_check_is_caught(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulates the race: the check saw a regular file, the path is a FIFO by the time it is opened.
    os.mkfifo(root / "pipe.txt")
    fake = os.stat(root / "prompt.txt")
    monkeypatch.setattr(project.os, "lstat", lambda path: fake)
    refused_read = None
    with guard():
        refused_read = read_text(root / "pipe.txt", root, CAP)
    assert refused_read is None
    got = project.last_refusal()
    assert got is not None and got.rule == CHANGED


# ---------------------------------------------------------------------------------------------- modules


@pytest.fixture
def app(root: Path) -> Path:
    """repo/app/{__init__,main,prompts}.py, repo/app/core/{__init__,settings}.py, repo/shared.py."""
    pkg = root / "app"
    (pkg / "core").mkdir(parents=True)
    for name in ("__init__.py", "main.py", "prompts.py", "core/__init__.py", "core/settings.py"):
        (pkg / name).write_text("X = 1\n")
    (root / "shared.py").write_text("Y = 2\n")
    return pkg


def test_sibling_module(app: Path, root: Path) -> None:
    assert resolve_module("prompts", app / "main.py", root) == app / "prompts.py"


def test_relative_import(app: Path, root: Path) -> None:
    assert resolve_module("prompts", app / "main.py", root, level=1) == app / "prompts.py"
    assert resolve_module("settings", app / "core" / "settings.py", root, level=1) == app / "core" / "settings.py"
    assert resolve_module("prompts", app / "core" / "settings.py", root, level=2) == app / "prompts.py"
    assert resolve_module("", app / "core" / "settings.py", root, level=1) == app / "core" / "__init__.py"


def test_dotted_name_and_package(app: Path, root: Path) -> None:
    assert resolve_module("app.core.settings", app / "main.py", root) == app / "core" / "settings.py"
    assert resolve_module("app.core", app / "main.py", root) == app / "core" / "__init__.py"
    assert resolve_module("core.settings", app / "main.py", root) == app / "core" / "settings.py"


def test_walks_up_to_the_root(app: Path, root: Path) -> None:
    assert resolve_module("shared", app / "core" / "settings.py", root) == root / "shared.py"


def test_nearest_module_wins(app: Path, root: Path) -> None:
    (root / "prompts.py").write_text("Z = 3\n")
    assert resolve_module("prompts", app / "main.py", root) == app / "prompts.py"
    assert resolve_module("prompts", root / "shared.py", root) == root / "prompts.py"


def test_never_outside_root(app: Path, root: Path, outside: Path) -> None:
    (outside.parent / "leak.py").write_text("SECRET = 1\n")
    assert resolve_module("leak", app / "main.py", root) is None
    assert resolve_module("leak", app / "main.py", root, level=3) is None
    got = project.last_refusal()
    assert got is not None and got.rule == OUTSIDE_ROOT
    assert resolve_module("prompts", outside, root) is None  # importing file itself outside the root


def test_symlinked_module_pointing_outside_is_refused(app: Path, root: Path, outside: Path) -> None:
    (outside.parent / "leak.py").write_text("SECRET = 1\n")
    (app / "leak.py").symlink_to(outside.parent / "leak.py")
    assert resolve_module("leak", app / "main.py", root) is None
    got = project.last_refusal()
    assert got is not None and got.rule == OUTSIDE_ROOT


def test_fifo_module_is_refused_without_blocking(app: Path, root: Path) -> None:
    os.mkfifo(app / "piped.py")
    with guard():
        assert resolve_module("piped", app / "main.py", root) is None
    got = project.last_refusal()
    assert got is not None and got.rule == NOT_REGULAR


@pytest.mark.parametrize("name", ["..", "a..b", "../secret", "a/b", "", "1abc", "os.path/.."])
def test_names_that_are_not_modules(app: Path, root: Path, name: str) -> None:
    assert resolve_module(name, app / "main.py", root) is None
    got = project.last_refusal()
    assert got is not None and got.rule == BAD_NAME


def test_missing_module(app: Path, root: Path) -> None:
    assert resolve_module("numpy", app / "main.py", root) is None
    got = project.last_refusal()
    assert got is not None and got.rule == MISSING


def test_nothing_is_imported_or_executed(app: Path, root: Path) -> None:
    marker = root / "executed"
    (app / "evil.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    found = resolve_module("evil", app / "main.py", root)
    assert found == app / "evil.py"
    assert read_text(found, root, CAP) is not None
    assert not marker.exists()
