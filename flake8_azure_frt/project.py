"""The project root and safe reads of other project files (local modules, prompt files, settings, ``.env``).

The linter runs in CI on untrusted pull requests, and what it reads may be quoted in a public comment.  So:

- The root is the folder flake8 users expect (the ``azure-frt-project-root`` option, else the folder of the
  flake8 configuration, else the nearest folder above the checked file holding ``.git``, ``pyproject.toml``,
  ``setup.cfg``, ``tox.ini`` or ``.flake8``), and never ``/`` or the home directory itself.
- A path is resolved one component at a time without leaving the root: a symlink whose target lies outside is
  refused from its text, so no path outside the root is ever stat'ed or opened (a plain ``realpath`` would
  stat the target).
- A read is allowed only for a regular file no larger than a cap, checked with ``lstat`` *before* anything is
  opened, so that a FIFO, a device or a ``/proc`` file can never block the run or leak the machine's secrets.
- Each file is read once per worker: a :class:`Workspace` (one per root) owns the texts and what is derived
  from them (parsed ``.env`` files, parsed modules), keyed by path, modification time and size.  Every read
  and every derivation first checks the current file's deadline (:func:`budget`).
- One :class:`Worker` per process is the project model: it owns the workspaces, the root of each folder, the
  other bounded caches (baselines, notebook maps) and, per thread, the current file's deadline and the last
  refusal.  Each workspace holds its worker; no other module keeps state of its own (tests/test_module_state.py).

Nothing here imports or executes code.  Every function returns None instead of raising (except the deadline's
own exception); ``last_refusal()`` (and ``why_not`` for a check without a read) says which rule refused.
"""

from __future__ import annotations

import configparser
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from . import taint

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
_MARKERS = (".git", "pyproject.toml", "setup.cfg", "tox.ini", ".flake8")
ENV_FILES = (".env.example", ".env.sample", ".env")  # later ones win, as a deployment's .env does
_MAX_LINKS = 40
_TEXT_ENTRIES = 256
_TEXT_CHARS = 16_000_000  # bounds the cache's memory whatever the per-file cap is
_DERIVED_WEIGHT = 8_000_000  # parsed modules weigh roughly their source length (times libcst's overhead)
_DERIVED_ENTRIES = 65_536  # and facts about files (light values) at most this many
_WORKSPACES = 16
_ROOTS = 4096  # folders whose marked root is remembered
_TICKS = 255  # the deadline is checked once every 256 evaluation steps (time.monotonic on each would cost more)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Refusal(NamedTuple):
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail}"


def last_refusal() -> Refusal | None:
    """Why the last ``read_text`` or ``resolve_module`` in this thread returned None (None after a success)."""
    return _WORKER.last_refusal()


# ------------------------------------------------------------------------------------------------ deadline
def _no_check() -> None:
    return None


class _Current(threading.local):
    """What one thread is doing: the deadline check of the file it analyses, and why its last read was refused."""

    def __init__(self) -> None:
        self.check: Callable[[], None] = _no_check
        self.refusal: Refusal | None = None


def budget(check: Callable[[], None]) -> AbstractContextManager[None]:
    """Run a file's analysis with ``check`` (raises when its time is up) called before every read or parse."""
    return _WORKER.budget(check)


def check_deadline() -> None:
    _WORKER.check_deadline()


# ------------------------------------------------------------------------------------------------ root
def _home() -> str | None:
    try:
        home = os.path.expanduser("~")
        return os.path.realpath(home) if home != "~" else None
    except Exception:
        return None


def acceptable_root(folder: str) -> bool:
    """Never the filesystem root or the home directory itself: both hold far more than one project."""
    real = os.path.realpath(folder)
    return real != os.path.dirname(real) and real != _home()


def config_root(options: Any) -> str | None:
    """The folder of the flake8 configuration in use, found as flake8 finds it (None: none, or unusable)."""
    try:
        if getattr(options, "isolated", False):
            return None
        config = getattr(options, "config", None)
        found = os.path.abspath(config) if config else _find_flake8_config(os.path.abspath("."))
        if not found:
            return None
        folder = os.path.realpath(os.path.dirname(found))
        return folder if acceptable_root(folder) else None
    except Exception:
        return None


def _find_flake8_config(start: str) -> str | None:
    """flake8's own rule: the nearest setup.cfg/tox.ini/.flake8 with a [flake8] section, below the home folder."""
    home = _home()
    path = start
    while True:
        for name in ("setup.cfg", "tox.ini", ".flake8"):
            candidate = os.path.join(path, name)
            if not os.path.isfile(candidate):
                continue
            parser = configparser.RawConfigParser()
            try:
                parser.read(candidate, encoding="UTF-8")
            except (UnicodeDecodeError, configparser.Error):
                continue
            if "flake8" in parser or "flake8:local-plugins" in parser:
                return candidate
        parent = os.path.dirname(path)
        if parent == path or os.path.realpath(parent) == home:
            return None
        path = parent


def find_root(filename: str, configured: str | None = None, config_dir: str | None = None) -> Path | None:
    """The project root for a checked file, or None when no usable root exists (then nothing else is read).

    ``configured`` (the option) always wins.  Otherwise the flake8 configuration's folder if it holds the file,
    else the nearest folder above the file with a project marker, else the current folder if it holds the file.
    Neither ``/`` nor the home directory is ever a root.
    """
    try:
        if configured:
            return Path(os.path.realpath(configured))
        here = os.path.realpath(os.path.dirname(os.path.abspath(filename)))
        if config_dir and _holds(config_dir, here):
            return Path(os.path.realpath(config_dir))
        found = _WORKER.marked_folder(here)
        if found is None:
            cwd = os.path.realpath(os.getcwd())
            found = cwd if _holds(cwd, here) and acceptable_root(cwd) else None
        return Path(found) if found is not None else None
    except Exception:
        return None


def _holds(folder: str, path: str) -> bool:
    real = os.path.realpath(folder)
    return path == real or path.startswith(real.rstrip(os.sep) + os.sep)


def _marked_folder(start: str) -> str | None:
    home = _home()
    path = start
    while path != os.path.dirname(path) and path != home:
        if any(os.path.lexists(os.path.join(path, marker)) for marker in _MARKERS):
            return path
        path = os.path.dirname(path)
    return None


# ------------------------------------------------------------------------------------------------ paths
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


def _special(path: str) -> bool:
    return any(path == special or path.startswith(special + os.sep) for special in _SPECIAL_ROOTS)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


# Folders that hold installed or generated code, never the project's own modules.
_NOT_SOURCE_DIRS = frozenset({"venv", "env", "node_modules", "site-packages", "__pycache__", "build", "dist"})
MAX_LISTED_FILES = 5000  # the listings (python_files, importable_files, readable_files) stop here


class Workspace:
    """One project root: every path check, read and derived value for files under it, cached per worker."""

    def __init__(self, root: str | Path, worker: Worker) -> None:
        self.worker = worker  # the deadline and the refusal of the thread that reads
        self.given = os.path.abspath(root)
        self.root = Path(os.path.realpath(self.given))
        self._root = str(self.root)
        self._texts: OrderedDict[tuple[str, int, int], str] = OrderedDict()
        self._text_chars = 0
        self._derived: OrderedDict[tuple[str, str, int, int], tuple[Any, int]] = OrderedDict()
        self._weight = 0
        self._heavy: dict[tuple[str, str, int, int], Any] = {}  # the heavy entries of _derived, for ``cached``
        self._modules: dict[tuple[str, str, int], Path | None] = {}
        self._python_files: list[str] | None = None
        self._facts: dict[str, Any] = {}
        self._listings: Memo[str, frozenset[str] | None] = Memo(4096)
        self._bases: Memo[tuple[str, tuple[str, ...]], Path | Refusal] = Memo(16384)
        self._lock = threading.RLock()

    # -------------------------------------------------------------------- locating
    def _lexical(self, path: str | Path) -> str:
        """Absolute, normalised, and moved from the root as given (maybe through a symlink) to the real root."""
        text = os.fspath(path)
        if "\x00" in text:
            raise ValueError("NUL byte in path")
        full = os.path.normpath(text if os.path.isabs(text) else os.path.join(self._root, text))
        if self.given != self._root and _inside(full, self.given):
            full = self._root + full[len(self.given) :]
        return full

    def inside(self, path: str | Path) -> bool:
        try:
            return _inside(self._lexical(path), self._root)
        except ValueError:
            return False

    def _confined(self, full: str) -> str | Refusal:
        """Resolve symlinks one component at a time; a link leaving the root is refused from its target text."""
        if _special(full):
            return Refusal(SPECIAL_FS, f"{full} is in a special filesystem")
        if not _inside(full, self._root):
            return Refusal(OUTSIDE_ROOT, f"{full} is outside the project root {self._root}")
        pending = [p for p in full[len(self._root) :].split(os.sep) if p]
        current = self._root
        links = 0
        while pending:
            part = pending.pop(0)
            nxt = os.path.join(current, part)
            try:
                st = os.lstat(nxt)
            except FileNotFoundError:
                return Refusal(MISSING, f"{nxt} does not exist")
            except OSError as exc:
                return Refusal(UNREADABLE, f"{nxt}: {type(exc).__name__}")
            if not stat.S_ISLNK(st.st_mode):
                if pending and not stat.S_ISDIR(st.st_mode):
                    return Refusal(MISSING, f"{nxt} is not a folder")
                current = nxt
                continue
            links += 1
            if links > _MAX_LINKS:
                return Refusal(UNREADABLE, f"{full}: too many levels of symbolic links")
            target = os.readlink(nxt)
            aim = os.path.normpath(target if os.path.isabs(target) else os.path.join(current, target))
            if _special(aim):
                return Refusal(SPECIAL_FS, f"{nxt} points into a special filesystem ({aim})")
            if not _inside(aim, self._root):
                return Refusal(OUTSIDE_ROOT, f"{nxt} points outside the project root {self._root}")
            pending = [p for p in aim[len(self._root) :].split(os.sep) if p] + pending
            current = self._root
        return current

    def locate(self, path: str | Path) -> tuple[str, os.stat_result] | Refusal:
        """The real path of a regular file inside the root, with its ``lstat``; opens nothing."""
        try:
            found = self._confined(self._lexical(path))
            if isinstance(found, Refusal):
                return found
            st = os.lstat(found)
        except (OSError, ValueError) as exc:
            return Refusal(UNREADABLE, f"{path}: {type(exc).__name__}")
        if not stat.S_ISREG(st.st_mode):
            return Refusal(NOT_REGULAR, f"{found} is a {_kind(st.st_mode)}")
        return found, st

    def why_not(self, path: str | Path, max_bytes: int) -> Refusal | None:
        found = self.locate(path)
        if isinstance(found, Refusal):
            return found
        resolved, st = found
        if st.st_size > max_bytes:
            return Refusal(TOO_LARGE, f"{resolved} has {st.st_size} bytes, over the limit of {max_bytes}")
        return None

    # -------------------------------------------------------------------- reading
    def read(self, path: str | Path, max_bytes: int) -> str | None:
        """The text of a regular file inside the root of at most ``max_bytes`` bytes, or None (see last_refusal)."""
        self.worker.check_deadline()
        try:
            found = self.locate(path)
            if isinstance(found, Refusal):
                self.worker.refuse(found)
                return None
            return self._text(found[0], found[1], max_bytes)
        except Exception as exc:  # a read must never raise into the checker
            self.worker.refuse(Refusal(UNREADABLE, f"{path}: {type(exc).__name__}"))
            return None

    def _text(self, resolved: str, st: os.stat_result, max_bytes: int) -> str | None:
        if st.st_size > max_bytes:
            self.worker.refuse(Refusal(TOO_LARGE, f"{resolved} has {st.st_size} bytes, over the limit of {max_bytes}"))
            return None
        key = (resolved, st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._texts.get(key)
            if cached is not None:
                self._texts.move_to_end(key)
                self.worker.refuse(None)
                return cached
        text = read_checked(resolved, st, max_bytes)
        if isinstance(text, Refusal):
            self.worker.refuse(text)
            return None
        with self._lock:
            if key not in self._texts:
                self._text_chars += len(text)  # a running total: summing the cache on every miss was quadratic
            self._texts[key] = text
            while self._texts and (len(self._texts) > _TEXT_ENTRIES or self._text_chars > _TEXT_CHARS):
                _, dropped = self._texts.popitem(last=False)
                self._text_chars -= len(dropped)
        self.worker.refuse(None)
        return text

    def derived(
        self, kind: str, path: str | Path, max_bytes: int, make: Callable[[str, str], T], heavy: bool = False
    ) -> T | None:
        """``make(real_path, text)`` computed once per file version and cached; None if the file cannot be read.

        ``heavy``: the value is as large as the text or larger (a parsed module), and weighs its text's length
        against the cache's bound; a light value (a fact, a flag) weighs one, so that thousands of facts about
        a large project never push out the parsed modules that cost the most to make again.
        The deadline is checked before ``make`` runs; if ``make`` raises (the deadline), nothing is cached.
        """
        self.worker.check_deadline()
        try:
            found = self.locate(path)
        except Exception:
            return None
        if isinstance(found, Refusal):
            self.worker.refuse(found)
            return None
        resolved, st = found
        key = (kind, resolved, st.st_mtime_ns, st.st_size)
        with self._lock:
            hit = self._derived.get(key)
            if hit is not None:
                self._derived.move_to_end(key)
                value: T = hit[0]
                return value
        text = self._text(resolved, st, max_bytes)
        if text is None:
            return None
        self.worker.check_deadline()
        made = make(resolved, text)
        weight = len(text) if heavy else 1
        with self._lock:
            self._derived[key] = (made, weight)
            self._weight += weight
            if heavy:
                self._heavy[key] = made
            while len(self._derived) > 1 and (self._weight > _DERIVED_WEIGHT or len(self._derived) > _DERIVED_ENTRIES):
                dropped, (_, weight) = self._derived.popitem(last=False)
                self._weight -= weight
                self._heavy.pop(dropped, None)
        return made

    def cached(self, kind: str) -> list[Any]:
        """The values of one heavy kind derived so far (to reset per-file state kept inside them). Read from the
        heavy entries alone: this runs for every checked file, and the light facts number in the thousands."""
        with self._lock:
            return [value for (k, *_), value in self._heavy.items() if k == kind]

    def python_files(self) -> list[str]:
        """The project's Python files (not virtual environments, caches or hidden folders), listed once per worker
        and bounded: for the few questions only a project-wide look answers (who constructs this class?)."""
        with self._lock:
            if self._python_files is not None:
                return self._python_files
        found: list[str] = []
        for folder, dirs, files in os.walk(self._root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _NOT_SOURCE_DIRS)
            found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".py")]
            if len(found) >= MAX_LISTED_FILES:
                break
        with self._lock:
            self._python_files = found[:MAX_LISTED_FILES]
        return self._python_files

    def lists(self, path: str | Path) -> bool:
        """Would ``importable_files`` list this path (inside the root, in folders an import can name)?"""
        try:
            full = self._lexical(path)
        except ValueError:
            return False
        if not _inside(full, self._root):
            return False
        return all(p.isidentifier() for p in full[len(self._root) :].split(os.sep)[:-1] if p)

    def importable_files(self) -> list[str] | None:
        """Every Python file a module lookup from a listed file could reach: in folders whose names are
        identifiers (an import names them), outside virtual environments (their packages are imported by package
        name, never through the project's folders). None past MAX_LISTED_FILES."""
        return self._listing("importable", lambda d: d.isidentifier(), lambda f: f.endswith(".py"))

    def readable_files(self) -> list[str] | None:
        """Every non-Python file code could read by a literal path: hidden folders too (``.prompts/``), not the
        version-control store, bytecode caches or virtual environments. None past MAX_LISTED_FILES."""
        return self._listing("readable", lambda d: d not in (".git", "__pycache__"), lambda f: not f.endswith(".py"))

    def _listing(self, name: str, enter: Callable[[str], bool], pick: Callable[[str], bool]) -> list[str] | None:
        def walk() -> list[str] | None:
            found: list[str] = []
            for folder, dirs, files in os.walk(self._root):  # symlinked folders are not entered
                if "pyvenv.cfg" in files:  # a virtual environment
                    dirs[:] = []
                    continue
                dirs[:] = sorted(d for d in dirs if enter(d))
                found += [os.path.join(folder, f) for f in sorted(files) if pick(f)]
                if len(found) > MAX_LISTED_FILES:
                    return None
            return found

        listed: list[str] | None = self.fact(f"listing:{name}", walk)
        return listed

    def fact(self, name: str, make: Callable[[], T]) -> T:
        """A fact about the whole project (``make()``), computed once per worker."""
        with self._lock:
            if name in self._facts:
                known: T = self._facts[name]
                return known
        made = make()
        with self._lock:
            self._facts[name] = made
        return made

    # -------------------------------------------------------------------- modules
    def module(self, name: str, from_file: str | Path, level: int = 0) -> Path | None:
        """The local file of module ``name`` as imported from ``from_file``, or None.  Never imports anything.

        ``level`` is the number of leading dots of a relative import (``from .prompts import X``: name
        "prompts", level 1; ``from . import prompts``: name "" or "prompts", level 1).  An absolute name is
        looked up beside ``from_file``, then in each parent folder up to the root (how ``python app/main.py``
        and ``python -m app.main`` from the root both find it).  A module is ``a/b.py`` or a package
        ``a/b/__init__.py``; only regular files inside the root are returned, resolved.  A relative import with
        more dots than there are folders up to the root is refused by arithmetic, before any file system call.
        """
        try:
            folder = os.path.dirname(self._lexical(from_file))
        except ValueError:
            self.worker.refuse(Refusal(BAD_NAME, f"{from_file!r} is not a path"))
            return None
        key = (name, folder, level)
        with self._lock:
            if key in self._modules:
                found = self._modules[key]
                self.worker.refuse(None if found is not None else Refusal(MISSING, f"no local module {name}"))
                return found
        try:
            found = self._module(name, folder, level)
        except Exception as exc:  # resolution must never raise into the checker
            self.worker.refuse(Refusal(UNREADABLE, f"{name}: {type(exc).__name__}"))
            return None
        refused = self.worker.last_refusal()
        if refused is None or refused.rule == MISSING:
            with self._lock:
                if len(self._modules) > 8192:
                    self._modules.clear()
                self._modules[key] = found
        return found

    def _module(self, name: str, folder: str, level: int) -> Path | None:
        parts = name.split(".") if name else []
        if level < 0 or not all(part.isidentifier() for part in parts) or (not parts and level == 0):
            # Also what keeps "..", "/" and empty segments from walking the file system.
            self.worker.refuse(Refusal(BAD_NAME, f"{name!r} is not a module name"))
            return None
        if not _inside(folder, self._root):
            self.worker.refuse(Refusal(OUTSIDE_ROOT, f"{folder} is outside the project root {self._root}"))
            return None
        if level:
            base = folder
            for _ in range(level - 1):
                if base == self._root:
                    leaves = f"relative import of level {level} leaves the project root {self._root}"
                    self.worker.refuse(Refusal(OUTSIDE_ROOT, leaves))
                    return None
                base = os.path.dirname(base)
            bases = [base]
        else:
            bases = [folder]
            while bases[-1] != self._root:
                bases.append(os.path.dirname(bases[-1]))
        last = Refusal(MISSING, f"no local module {'.' * level}{name}")
        for base in bases:
            found = self._at(base, tuple(parts))
            if isinstance(found, Path):
                self.worker.refuse(None)
                return found
            if found.rule != MISSING:
                last = found  # e.g. a symlink to outside the root: report that rather than "missing"
        self.worker.refuse(last)
        return None

    def _at(self, base: str, parts: tuple[str, ...]) -> Path | Refusal:
        """Module ``parts`` in folder ``base`` (``a/b.py`` or ``a/b/__init__.py``), remembered per worker: imports
        from hundreds of folders look in the same few bases."""
        return self._bases.lookup((base, parts), lambda: self._find_at(base, parts))

    def _find_at(self, base: str, parts: tuple[str, ...]) -> Path | Refusal:
        entries = self._entries(base)
        result: Path | Refusal = Refusal(MISSING, f"no module {'.'.join(parts)} in {base}")
        # Nothing of that name in the folder's listing: ruled out without a chain of lstat calls.
        if entries is None or (
            f"{parts[0]}.py" in entries or parts[0] in entries if parts else "__init__.py" in entries
        ):
            target = os.path.join(base, *parts)
            for candidate in ((target + ".py",) if parts else ()) + (os.path.join(target, "__init__.py"),):
                found = self.locate(candidate)
                if not isinstance(found, Refusal):
                    return Path(found[0])
                if found.rule != MISSING:
                    result = found
        return result

    def _entries(self, folder: str) -> frozenset[str] | None:
        """The names in a project folder (confined first, so a link out of the root is never listed), listed once
        per worker; None if it cannot be listed. Module lookups from hundreds of folders try the same few bases."""
        return self._listings.lookup(folder, lambda: self._list(folder))

    def _list(self, folder: str) -> frozenset[str] | None:
        found = self._confined(folder)
        if isinstance(found, Refusal):
            return None
        try:
            return frozenset(os.listdir(found))
        except OSError:
            return None

    # -------------------------------------------------------------------- environment files
    def env_files(self, from_file: str | Path) -> list[str]:
        """``.env`` files a module may load: beside it and at the root, regular files inside the root only."""
        try:
            folder = os.path.dirname(self._lexical(from_file))
        except ValueError:
            return []
        folders = [f for f in dict.fromkeys((self._root, folder)) if _inside(f, self._root)]
        out = []
        for f in folders:
            for name in ENV_FILES:
                found = self.locate(os.path.join(f, name))
                if not isinstance(found, Refusal):
                    out.append(found[0])
        return out

    def env(self, from_file: str | Path, max_bytes: int) -> dict[str, str]:
        """Variables of the ``.env`` files a module may load; each value an :class:`taint.EnvText`."""
        out: dict[str, str] = {}
        for path in self.env_files(from_file):
            parsed = self.derived("env", path, max_bytes, self._parse_env)
            if parsed:
                out.update(parsed)
        return out

    def _parse_env(self, path: str, text: str) -> dict[str, str]:
        origin = os.path.relpath(path, self._root).replace(os.sep, "/")
        return {key: taint.env_value(value, key, origin) for key, value in parse_env(text).items()}


def parse_env(text: str) -> dict[str, str]:
    """``KEY=value`` lines of a dotenv file, in one linear pass (no regex that could backtrack on a long line)."""
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export ") or line.startswith("export\t"):
            line = line[7:].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
            value = value[1:-1]
        elif value[:1] in "'\"":
            value = value[1:]
        else:
            value = value.split(" #", 1)[0].rstrip()
        out[key] = value
    return out


def read_checked(resolved: str, st: os.stat_result, max_bytes: int) -> str | Refusal:
    """Read a file that ``lstat`` (``st``) showed to be regular, never blocking and never past ``max_bytes``."""
    if st.st_size > max_bytes:
        return Refusal(TOO_LARGE, f"{resolved} has {st.st_size} bytes, over the limit of {max_bytes}")
    # O_NONBLOCK: if the path was swapped for a FIFO since the lstat, open returns at once instead of waiting
    # for a writer; O_NOFOLLOW: a symlink swapped in at the last step is refused.  fstat then re-checks.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        return Refusal(UNREADABLE, f"{resolved}: {exc.strerror or type(exc).__name__}")
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            return Refusal(CHANGED, f"{resolved} changed between the check and the read")
        data = _read_fd(fd, max_bytes + 1)
    except OSError as exc:
        return Refusal(UNREADABLE, f"{resolved}: {exc.strerror or type(exc).__name__}")
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return Refusal(TOO_LARGE, f"{resolved} grew past the limit of {max_bytes} bytes while being read")
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def read_named(path: str, max_bytes: int, root: str | None) -> str | Refusal:
    """A file the user named (an option's value): inside ``root`` without links out of it, or anywhere if
    ``root`` is None (named on the command line); in both cases a regular file, never blocking, size-capped."""
    try:
        if root is not None:
            found = workspace(root).locate(path)
            if isinstance(found, Refusal):
                return found
            resolved, st = found
        else:
            resolved = os.path.realpath(path)
            if _special(resolved):
                return Refusal(SPECIAL_FS, f"{resolved} is in a special filesystem")
            st = os.lstat(resolved)
            if not stat.S_ISREG(st.st_mode):
                return Refusal(NOT_REGULAR, f"{resolved} is a {_kind(st.st_mode)}")
    except FileNotFoundError:
        return Refusal(MISSING, f"{path} does not exist")
    except (OSError, ValueError) as exc:
        return Refusal(UNREADABLE, f"{path}: {type(exc).__name__}")
    return read_checked(resolved, st, max_bytes)


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


# ------------------------------------------------------------------------------------------------ the model
class Memo(Generic[K, V]):
    """A bounded cache (the least recently used entry dropped first), safe across threads."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> V:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._limit:
                self._items.popitem(last=False)
        return value

    def lookup(self, key: K, make: Callable[[], V]) -> V:
        """The cached value, or ``make()`` cached (made outside the lock; a None result is cached too)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return self.put(key, make())

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class Worker:
    """The project model of one worker process: every cache kept between checked files, each bounded, and per
    thread the current file's deadline and the last refusal.  Module functions of this package that need one of
    these reach them through this object (``worker()``), or through the workspace that holds it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workspaces: OrderedDict[str, Workspace] = OrderedDict()  # one per root, a few roots at most
        self._roots: dict[str, str | None] = {}  # folder -> its nearest marked folder (every file of it asks)
        self._current = _Current()
        # Evaluation steps, counted only to space the deadline checks: a plain attribute, not per thread (a
        # thread-local costs more than the step); a racing increment only moves a check by a step.
        self._steps = 0
        self.baselines: Memo[str, Any] = Memo(16)  # baseline.py: one read per worker, re-read when changed
        self.notebooks: Memo[Any, Any] = Memo(64)  # notebooks.py: a cell map per notebook version

    # -------------------------------------------------------------------- the current file (per thread)
    def last_refusal(self) -> Refusal | None:
        return self._current.refusal

    def refuse(self, why: Refusal | None) -> None:
        """Record why this thread's last read or resolution failed (None: it succeeded)."""
        self._current.refusal = why

    @contextmanager
    def budget(self, check: Callable[[], None]) -> Iterator[None]:
        current = self._current
        previous = current.check
        current.check = check
        try:
            yield
        finally:
            current.check = previous

    def check_deadline(self) -> None:
        self._current.check()

    def tick(self) -> None:
        """One step of an evaluation: the deadline is checked every few hundred steps."""
        self._steps += 1
        if self._steps & _TICKS == 0:
            self._current.check()

    # -------------------------------------------------------------------- roots and workspaces
    def marked_folder(self, folder: str) -> str | None:
        with self._lock:
            if folder in self._roots:
                return self._roots[folder]
        found = _marked_folder(folder)
        with self._lock:
            if len(self._roots) > _ROOTS:
                self._roots.clear()
            self._roots[folder] = found
        return found

    def workspace(self, root: str | Path) -> Workspace:
        """The workspace for ``root`` (the least recently used dropped past a few)."""
        key = os.path.abspath(root)
        with self._lock:
            found = self._workspaces.get(key)
            if found is None:
                found = Workspace(key, self)
                self._workspaces[key] = found
                while len(self._workspaces) > _WORKSPACES:
                    self._workspaces.popitem(last=False)
            else:
                self._workspaces.move_to_end(key)
            return found

    def workspaces(self) -> list[Workspace]:
        with self._lock:
            return list(self._workspaces.values())

    def clear(self) -> None:
        """Forget the project files (workspaces and roots); baselines and notebook maps check their file anyway."""
        with self._lock:
            self._workspaces.clear()
            self._roots.clear()


# The one model of this process.  flake8 gives a plugin no object that lives as long as a worker, so the model is
# created here; everything else receives it (a Workspace holds it) or asks ``worker()`` for it.
_WORKER = Worker()


def worker() -> Worker:
    return _WORKER


def workspace(root: str | Path) -> Workspace:
    """The worker's workspace for ``root`` (one per root, a few roots at most, least recently used dropped)."""
    return _WORKER.workspace(root)


def workspaces() -> list[Workspace]:
    return _WORKER.workspaces()


def workspace_for(filename: str, project_root: str | None, config_dir: str | None = None) -> Workspace | None:
    """The workspace of a checked file, or None when it has no usable root (stdin, ``/``, the home folder)."""
    if filename in ("stdin", "-", ""):
        return None
    root = find_root(filename, project_root, config_dir)
    return workspace(root) if root is not None else None


def clear_cache() -> None:
    _WORKER.clear()


# ------------------------------------------------------------------------------------------------ functions
def why_not(path: str | Path, root: str | Path, max_bytes: int) -> Refusal | None:
    """The rule that would refuse reading ``path``, or None if it may be read.  Opens nothing."""
    try:
        return workspace(root).why_not(path, max_bytes)
    except Exception as exc:  # a check must never raise into the checker
        return Refusal(UNREADABLE, f"{path}: {type(exc).__name__}")


def read_text(path: str | Path, root: str | Path, max_bytes: int) -> str | None:
    """The text of a regular file inside ``root`` of at most ``max_bytes`` bytes, or None (see last_refusal)."""
    try:
        return workspace(root).read(path, max_bytes)
    except Exception as exc:  # a read must never raise into the checker
        _WORKER.refuse(Refusal(UNREADABLE, f"{path}: {type(exc).__name__}"))
        return None


def resolve_module(name: str, from_file: str | Path, root: str | Path, level: int = 0) -> Path | None:
    """``Workspace.module`` for a root given by path."""
    try:
        return workspace(root).module(name, from_file, level)
    except Exception as exc:  # resolution must never raise into the checker
        _WORKER.refuse(Refusal(UNREADABLE, f"{name}: {type(exc).__name__}"))
        return None
