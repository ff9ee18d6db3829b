"""Safe reads of other project files (local modules, prompt files, settings) for the checker.

The linter runs in CI on untrusted pull requests, and what it reads may be quoted in a public comment.  So a
read is allowed only for a regular file inside the project root after every symlink is resolved, no larger
than a cap, and it is checked with ``stat`` *before* anything is opened, so that a FIFO, a device or a
``/proc`` file can never block the run or leak the machine's secrets.  Nothing here imports or executes code.

Every function returns None instead of raising; ``last_refusal()`` (and ``why_not`` for a check without a
read) says which rule refused, for tests and debugging.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict
from pathlib import Path
from typing import NamedTuple

# Refusal rules: stable names that tests assert on.
OUTSIDE_ROOT = "outside-root"
SPECIAL_FS = "special-filesystem"
MISSING = "missing"
NOT_REGULAR = "not-regular"
TOO_LARGE = "too-large"
CHANGED = "changed"
UNREADABLE = "unreadable"
BAD_NAME = "bad-name"

# Pseudo-filesystems whose "regular" files report size 0 and can hold secrets (/proc/self/environ) or never
# end (/dev/zero is a device, but /proc/kmsg-like files block).  Refused even when the root contains them.
_SPECIAL_ROOTS = ("/proc", "/sys", "/dev")
_CACHE_ENTRIES = 128
_CACHE_CHARS = 16_000_000  # bounds the cache's memory whatever the per-file cap is


class Refusal(NamedTuple):
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail}"


_state = threading.local()
_cache: OrderedDict[tuple[str, int, int], str] = OrderedDict()
_cache_lock = threading.Lock()


def last_refusal() -> Refusal | None:
    """Why the last ``read_text`` or ``resolve_module`` in this thread returned None (None after a success)."""
    found: Refusal | None = getattr(_state, "refusal", None)
    return found


def _refuse(rule: str, detail: str) -> None:
    _state.refusal = Refusal(rule, detail)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISLNK, "symlink"),
    ):
        if test(mode):
            return name
    return "special file"


def _root(root: str | Path) -> Path:
    return Path(os.path.abspath(root)).resolve()


def _locate(path: str | Path, root: Path) -> tuple[Path, os.stat_result] | Refusal:
    """Resolve ``path`` (relative paths are taken from ``root``) and check it without opening anything."""
    try:
        given = Path(path)
        full = given if given.is_absolute() else root / given
        resolved = full.resolve(strict=True)
    except FileNotFoundError:
        return Refusal(MISSING, f"{path} does not exist")
    except (OSError, RuntimeError, ValueError) as exc:  # symlink loops, NUL bytes, permissions
        return Refusal(UNREADABLE, f"{path}: {type(exc).__name__}")
    text = str(resolved)
    if any(text == special or text.startswith(special + os.sep) for special in _SPECIAL_ROOTS):
        return Refusal(SPECIAL_FS, f"{resolved} is in a special filesystem")
    if not resolved.is_relative_to(root):
        return Refusal(OUTSIDE_ROOT, f"{resolved} is outside the project root {root}")
    try:
        # lstat: after resolve() there are no symlinks left, so one now means the path changed under us.
        st = os.lstat(resolved)
    except OSError as exc:
        return Refusal(UNREADABLE, f"{resolved}: {type(exc).__name__}")
    if not stat.S_ISREG(st.st_mode):
        return Refusal(NOT_REGULAR, f"{resolved} is a {_kind(st.st_mode)}")
    return resolved, st


def why_not(path: str | Path, root: str | Path, max_bytes: int) -> Refusal | None:
    """The rule that would refuse reading ``path``, or None if it may be read.  Opens nothing."""
    try:
        found = _locate(path, _root(root))
    except Exception as exc:  # a check must never raise into the checker
        return Refusal(UNREADABLE, f"{path}: {type(exc).__name__}")
    if isinstance(found, Refusal):
        return found
    resolved, st = found
    if st.st_size > max_bytes:
        return Refusal(TOO_LARGE, f"{resolved} has {st.st_size} bytes, over the limit of {max_bytes}")
    return None


def read_text(path: str | Path, root: str | Path, max_bytes: int) -> str | None:
    """The text of a regular file inside ``root`` of at most ``max_bytes`` bytes, or None (see last_refusal)."""
    try:
        return _read(path, _root(root), max_bytes)
    except Exception as exc:  # a read must never raise into the checker
        _refuse(UNREADABLE, f"{path}: {type(exc).__name__}")
        return None


def _read(path: str | Path, root: Path, max_bytes: int) -> str | None:
    found = _locate(path, root)
    if isinstance(found, Refusal):
        _state.refusal = found
        return None
    resolved, st = found
    if st.st_size > max_bytes:
        _refuse(TOO_LARGE, f"{resolved} has {st.st_size} bytes, over the limit of {max_bytes}")
        return None
    key = (str(resolved), st.st_mtime_ns, st.st_size)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            _state.refusal = None
            return cached
    # O_NONBLOCK: if the path was swapped for a FIFO since the lstat, open returns at once instead of waiting
    # for a writer; O_NOFOLLOW: a symlink swapped in at the last step is refused.  fstat then re-checks.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        _refuse(UNREADABLE, f"{resolved}: {type(exc).__name__}")
        return None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            _refuse(CHANGED, f"{resolved} changed between the check and the read")
            return None
        data = _read_fd(fd, max_bytes + 1)
    except OSError as exc:
        _refuse(UNREADABLE, f"{resolved}: {type(exc).__name__}")
        return None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        _refuse(TOO_LARGE, f"{resolved} grew past the limit of {max_bytes} bytes while being read")
        return None
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    _remember(key, text)
    _state.refusal = None
    return text


def _read_fd(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _remember(key: tuple[str, int, int], text: str) -> None:
    with _cache_lock:
        _cache[key] = text
        total = sum(len(t) for t in _cache.values())
        while _cache and (len(_cache) > _CACHE_ENTRIES or total > _CACHE_CHARS):
            _, dropped = _cache.popitem(last=False)
            total -= len(dropped)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def resolve_module(name: str, from_file: str | Path, root: str | Path, level: int = 0) -> Path | None:
    """The local file of module ``name`` as imported from ``from_file``, or None.  Never imports anything.

    ``level`` is the number of leading dots of a relative import (``from .prompts import X``: name
    "prompts", level 1; ``from . import prompts``: name "" or "prompts", level 1).  An absolute name is
    looked up beside ``from_file``, then in each parent folder up to ``root`` (how ``python app/main.py`` and
    ``python -m app.main`` from the root both find it).  A module is ``a/b.py`` or a package
    ``a/b/__init__.py``; only regular files inside ``root`` are returned, resolved.
    """
    try:
        return _resolve_module(name, Path(from_file), _root(root), level)
    except Exception as exc:  # resolution must never raise into the checker
        _refuse(UNREADABLE, f"{name}: {type(exc).__name__}")
        return None


def _resolve_module(name: str, from_file: Path, root: Path, level: int) -> Path | None:
    parts = name.split(".") if name else []
    if level < 0 or not all(part.isidentifier() for part in parts) or (not parts and level == 0):
        # Also what keeps "..", "/" and empty segments from walking the file system.
        _refuse(BAD_NAME, f"{name!r} is not a module name")
        return None
    here = from_file if from_file.is_absolute() else root / from_file
    try:
        start = here.resolve().parent
    except (OSError, RuntimeError, ValueError) as exc:
        _refuse(UNREADABLE, f"{from_file}: {type(exc).__name__}")
        return None
    if not start.is_relative_to(root):
        _refuse(OUTSIDE_ROOT, f"{start} is outside the project root {root}")
        return None
    if level:
        base = start
        for _ in range(level - 1):
            base = base.parent
        if not base.is_relative_to(root):
            _refuse(OUTSIDE_ROOT, f"relative import of level {level} leaves the project root {root}")
            return None
        bases = [base]
    else:
        bases = [start, *(p for p in start.parents if p.is_relative_to(root))]
    last: Refusal = Refusal(MISSING, f"no local module {'.' * level}{name}")
    for base in bases:
        target = base.joinpath(*parts)
        for candidate in ((target.with_name(target.name + ".py"),) if parts else ()) + (target / "__init__.py",):
            found = _locate(candidate, root)
            if not isinstance(found, Refusal):
                _state.refusal = None
                return found[0]
            if found.rule != MISSING:
                last = found  # e.g. a symlink to outside the root: report that rather than "missing"
    _state.refusal = last
    return None
