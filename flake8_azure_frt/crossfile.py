"""Text and clients that reach a request from other files of the project.

Local modules (``from .prompts import WHO``, ``import settings``), prompt files read by the code
(``Path(__file__).parent / "identify.txt"``), settings files loaded from a literal path (JSON, TOML, INI, YAML)
and ``.env`` values of ``os.getenv`` names. Every read goes through the file's ``project.Workspace`` (regular
files inside the project root, size-capped, each read and parsed once per worker, every step under the current
file's deadline). Values from ``.env`` files are ``taint.EnvText``: never quoted in any output. Nothing is imported
or executed.
"""

from __future__ import annotations

import configparser
import importlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from . import prefilter, project, surfaces, taint
from .index import CallSite, ModuleIndex, Scope, dotted
from .index import build as build_index
from .outline import Outline, outline
from .requests import RequestFinder
from .settings import Settings
from .values import Ctx, Evaluator

Strings = list[tuple[str, cst.CSTNode]]
Reader = Callable[[cst.BaseExpression, Ctx], Strings]
Remote = Callable[..., Strings]

_MAX_REMOTE_DEPTH = 2
_LOADERS = {
    "json.load": "json",
    "json.loads": "json",
    "yaml.safe_load": "yaml",
    "yaml.load": "yaml",
    "yaml.full_load": "yaml",
    "tomllib.load": "toml",
    "tomllib.loads": "toml",
    "toml.load": "toml",
    "tomli.load": "toml",
    "dotenv.dotenv_values": "env",
}
_PROMPT_LOADERS = ("from_prompty", "Prompty.load", "load_prompty", "get_template", "from_file")


@dataclass
class _Remote:
    """A parsed local module: its index, an evaluator over it, and lazily its line positions."""

    path: Path
    module: cst.Module
    index: ModuleIndex
    evaluator: Evaluator
    _positions: Any = None
    finder: RequestFinder | None = None  # built on first use (``_finder``)
    lookups: Project | None = None  # how its evaluator reaches further modules (its active set: this file's)

    def has(self, node: cst.CSTNode) -> bool:
        self.line(node)
        return node in self._positions

    def line(self, node: cst.CSTNode) -> int:
        """Computed only for modules whose nodes end up as evidence, and under the current file's deadline."""
        if self._positions is None:
            project.check_deadline()
            self._positions = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
        pos = self._positions.get(node)
        return int(pos.start.line) if pos is not None else 0


_MAX_ACTIVE = 6
Active = set[tuple[int, str, str | None, bool]]


@dataclass
class Project:
    filename: str
    settings: Settings
    root: Path = field(init=False)
    path: Path = field(init=False)
    depth: int = 0
    # where evidence from other files sits: node id -> (relative path, line, or the module to ask for the line)
    origins: dict[int, tuple[str, int | _Remote]] = field(default_factory=dict)
    # nodes handed to the context scan with environment text: evidence at them is never quoted
    secret_nodes: dict[int, str] = field(default_factory=dict)
    _env: dict[str, str] | None = None
    ws: project.Workspace | None = field(init=False, default=None)
    _touched: list[_Remote] = field(default_factory=list)
    # (index, name, text test, outline question) -> where the name was found, for the file being checked: one
    # call site after another asks for the same imported names (the index is kept to pin its id)
    _located: dict[tuple[int, str, str, str], tuple[ModuleIndex, tuple[_Remote, list[str]] | None]] = field(
        default_factory=dict
    )
    # Lookups in progress across modules, so that an import cycle ends: one set per checked file, shared by the
    # projects of the modules it reaches (cached modules are handed the set of the file being checked).
    active: Active = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.filename not in ("stdin", "-", ""):
            self.ws = project.workspace_for(self.filename, self.settings.project_root, self.settings.config_root)
        self.root = self.ws.root if self.ws is not None else Path("/nonexistent-project-root")
        path = Path(os.path.abspath(self.filename))
        self.path = Path(os.path.realpath(path))

    @classmethod
    def for_file(cls, filename: str, settings: Settings, depth: int = 0, active: Active | None = None) -> Project:
        """The project of a checked file (``depth`` 0), or of a module it reaches (sharing its ``active`` set).

        Cached modules' evaluators check the deadline through the worker (``Worker.tick``: the current file's,
        per thread).  For a new file they forget what they memoised for the previous one (those entries pin the
        previous file's trees) and take this file's set of lookups in progress.
        """
        found = cls(filename, settings, depth=depth, active=set() if active is None else active)
        if depth == 0:
            for ws in project.workspaces():
                for remote in ws.cached("remote"):
                    if remote is not None:
                        remote.evaluator.forget()
                        remote.finder = None  # its memos pin the previous file's trees too
                        if remote.lookups is not None:
                            remote.lookups.active = found.active
                            remote.lookups._located.clear()
        return found

    @property
    def enabled(self) -> bool:
        return self.ws is not None and self._inside(self.path)

    def _inside(self, path: Path) -> bool:
        try:
            path.relative_to(self.root)
        except ValueError:
            return False
        return True

    def _read(self, path: Path) -> str | None:
        """A project file's text; the text of a ``.env`` file is an environment value as a whole."""
        if self.ws is None:
            return None
        text = self.ws.read(path, self.settings.limits.max_read_bytes)
        if text is not None and path.name.startswith(".env"):
            return taint.env_value(text, "", self._rel(path))
        return text

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if self._inside(path) else path.name

    def origin(self, node: cst.CSTNode) -> tuple[str, int] | None:
        found = self.origins.get(id(node))
        if found is not None:
            rel, where = found
            return rel, where if isinstance(where, int) else where.line(node)
        for remote in self._touched:  # only modules this file used, at most one position pass each
            if remote.has(node):
                return self._rel(remote.path), remote.line(node)
        return None

    # -------------------------------------------------------------------------------- modules
    def _module(self, path: Path) -> _Remote | None:
        """A local module parsed once per worker; the parse starts only while the current file has time left."""
        if self.ws is None:
            return None
        tick = self.ws.worker.tick  # outlives this file: the deadline of whichever file it works for

        def parse(real: str, text: str) -> _Remote | None:
            try:
                module = cst.parse_module(text)
                index = build_index(module, tick)
            except (cst.ParserSyntaxError, RecursionError, ValueError):
                return None
            sub = Project.for_file(real, self.settings, self.depth + 1, self.active)
            ev = Evaluator(index, tick, set())
            if self.depth + 1 < _MAX_REMOTE_DEPTH:
                ev.remote = sub.remote(index)
                ev.read_file = sub.reader(index)
            ev.env = sub.env(index)
            return _Remote(Path(real), module, index, ev, lookups=sub)

        remote = self.ws.derived("remote", path, self.settings.limits.max_read_bytes, parse, heavy=True)
        if remote is not None and remote not in self._touched:
            self._touched.append(remote)
        return remote

    def names_this_module(self, remote: _Remote, name: str) -> bool:
        """Does ``name``, as written in ``remote`` (another project file), refer to something in this file?"""
        for found, _ in self._sources(remote.index, name, remote.path):
            return os.path.realpath(found) == os.path.realpath(self.path)
        return False

    def _sources(self, index: ModuleIndex, name: str, from_path: Path) -> Iterator[tuple[Path, list[str]]]:
        """The local module files a dotted name, as imported in ``index`` (the module at ``from_path``), may come
        from, longest module name first, each with the attribute path left inside it."""
        head, *rest = name.split(".")
        if head in index.relative_imports:
            level, full = index.relative_imports[head]
        elif head in index.imports:
            level, full = 0, index.imports[head]
        else:
            return
        if self.ws is None:
            return
        parts = [*full.split("."), *rest]
        for cut in range(len(parts), 0, -1):
            found = self.ws.module(".".join(parts[:cut]), from_path, level)
            if found is not None:
                yield found, parts[cut:]

    def finder_for(self, remote: Any) -> RequestFinder:
        """The request finder of another project module (for wrappers whose client lives in a third module)."""
        return _finder(remote, self.settings, self.active)

    def modules_mentioning(self, needle: str, limit: int = 8) -> list[tuple[_Remote, Any]]:
        """Other project modules whose text contains ``needle`` (a cheap substring test on the cached text before
        any parse), each with its request finder: who constructs a class of this module, and with what."""
        if self.ws is None or not self.enabled:
            return []
        memo = self.__dict__.setdefault("_mentions", {})  # per checked file: every request of it asks the same
        if needle in memo:
            return list(memo[needle])
        out: list[tuple[_Remote, Any]] = []
        here = os.path.realpath(self.path)
        cap = self.settings.limits.max_read_bytes
        for path in self.ws.python_files():
            if path == here or not self.ws.derived("mentions:" + needle, path, cap, lambda _, text: needle in text):
                continue
            remote = self._module(Path(path))
            if remote is not None:
                out.append((remote, _finder(remote, self.settings, self.active)))
                if len(out) >= limit:
                    break
        memo[needle] = out
        return list(out)

    def _locate(
        self, index: ModuleIndex, name: str, require: Callable[[str], bool] | None = None, ask: str = ""
    ) -> tuple[_Remote, list[str]] | None:
        """The local module a dotted name comes from, and the attribute path inside it.

        ``require`` looks at the module's raw (cached) text first, and ``ask`` at its outline (``ast``, see
        outline.py and ``_answers``): a module that cannot contribute what the caller looks for is not parsed at
        all, which is most of the cost on large codebases. Answers are kept for the file being checked.
        """
        if not self.enabled or self.ws is None:
            return None
        key = (id(index), name, require.__name__ if require is not None else "", ask)
        known = self._located.get(key)
        if known is not None:
            return known[1]
        located = self._search(index, name, require, ask)
        self._located[key] = (index, located)
        return located

    def _search(
        self, index: ModuleIndex, name: str, require: Callable[[str], bool] | None, ask: str
    ) -> tuple[_Remote, list[str]] | None:
        assert self.ws is not None
        for found, rest in self._sources(index, name, self.path):
            cap = self.settings.limits.max_read_bytes
            if require is not None:
                # the raw text, lowered and tested once per file version and kind of test
                if not self.ws.derived(require.__name__, found, cap, _lowered(require)):
                    return None
            if ask:
                shape = self.ws.derived("outline", found, cap, outline)
                if shape is not None and not _answers(shape, ask, name, rest):
                    return None
            remote = self._module(found)
            if remote is not None:
                return remote, rest
        return None

    def _note(self, remote: _Remote, strings: Strings) -> Strings:
        rel = self._rel(remote.path)
        for _, node in strings:
            self.origins.setdefault(id(node), (rel, remote))  # the line is looked up only if it is reported
        return strings

    def remote(self, index: ModuleIndex) -> Remote | None:
        def strings(name: str, key: str | None = None, whole: bool = False) -> Strings:
            token = (id(index), name, key, whole)
            active = self.active  # read once: a later file may hand this (cached) project a new set meanwhile
            if token in active or len(active) >= _MAX_ACTIVE:
                return []  # an import cycle between project modules, or a chain too long to follow
            active.add(token)
            try:
                return lookup(name, key, whole)
            finally:
                active.discard(token)

        def lookup(name: str, key: str | None, whole: bool) -> Strings:
            located = self._locate(index, name, prefilter.sharp if whole else None)
            if located is None:
                return []
            remote, attrs = located
            if not attrs:  # ``import prompts``: the module's own strings, for context only
                return self._note(remote, _module_strings(remote.index)[:32]) if whole else []
            root = Ctx(remote.index.root, owner=remote.evaluator)
            expr: cst.BaseExpression = cst.Name(attrs[0])
            for attr in attrs[1:]:
                expr = cst.Attribute(expr, cst.Name(attr))
            if key is not None:
                expr = cst.Subscript(expr, [cst.SubscriptElement(cst.Index(cst.SimpleString(json.dumps(key))))])
            found = remote.evaluator.strings(expr, root)
            if not found and key is None:
                bag = remote.evaluator.collect([(expr, root)])
                found = [(t.value, t.node) for t in bag.texts]
            return self._note(remote, found[:16])

        return strings if self.enabled else None

    def remote_values(
        self, index: ModuleIndex, name: str, method: str | None = None
    ) -> tuple[Any, list[tuple[cst.BaseExpression, Ctx]]]:
        """For client resolution: (the remote module's request finder context, bound values of ``name``). With
        ``method``, the module is wanted for that method of the class ``name``, not for values."""
        located = self._locate(index, name, prefilter.names_request, "method " + method if method else "values")
        if located is None:
            return None, []
        remote, attrs = located
        if not attrs:
            return None, []
        scope = remote.index.root
        values = list(scope.assigns.get(attrs[0], []))
        out = [(v, Ctx(scope, owner=remote.evaluator)) for v in values]
        for fn in remote.index.functions.get(attrs[0], []):
            if not fn.is_method:
                out += [(r, Ctx(fn, owner=remote.evaluator)) for r in fn.returns]
        return remote, out

    def functions(self, index: ModuleIndex) -> Callable[[str], list[tuple[Evaluator, Scope]]] | None:
        """Helper functions imported from other project files, with the evaluator of their module."""
        if not self.enabled:
            return None

        def find(name: str) -> list[tuple[Evaluator, Scope]]:
            located = self._locate(index, name, ask="function")
            if located is None or len(located[1]) != 1:
                return []
            remote, attrs = located
            return [(remote.evaluator, fn) for fn in remote.index.functions.get(attrs[0], []) if not fn.is_method]

        return find

    def wrapper_requests(self, index: ModuleIndex, name: str) -> list[tuple[Any, Evaluator, Scope, list[CallSite]]]:
        """Requests made inside a function of another project file (a wrapper called from this file)."""
        located = self._locate(index, name, prefilter.names_request, "function")
        if located is None or len(located[1]) != 1:
            return []
        remote, attrs = located
        out: list[tuple[Any, Evaluator, Scope, list[CallSite]]] = []
        finder = _finder(remote, self.settings, self.active)
        for fn in remote.index.functions.get(attrs[0], []):
            if fn.is_method:
                continue
            sites = [s for s in remote.index.calls if s.scope is fn and finder.classify(s, Ctx(fn)) is not None]
            if sites:
                out.append((finder, remote.evaluator, fn, sites))
        return out

    # -------------------------------------------------------------------------------- files
    def reader(self, index: ModuleIndex) -> Reader | None:
        if not self.enabled:
            return None

        def read(expr: cst.BaseExpression, ctx: Ctx) -> Strings:
            out: Strings = []
            for path in self._paths(index, expr, ctx, 0):
                text = self._read(path)
                if text is not None:
                    rel = path.relative_to(self.root).as_posix()
                    self.origins.setdefault(id(expr), (rel, 0))
                    out.append((text, expr))
            return out[:4]

        return read

    def _paths(self, index: ModuleIndex, expr: cst.BaseExpression, ctx: Ctx, depth: int) -> list[Path]:
        """Candidate files an expression names (``__file__``-relative, literal, joined); inside the root only."""
        out: list[Path] = []
        for text in self._path_strings(index, expr, ctx, depth):
            candidate = Path(text)
            for base in ([] if candidate.is_absolute() else [self.path.parent, self.root]) or [Path("/")]:
                full = (base / candidate) if not candidate.is_absolute() else candidate
                if self._inside(Path(os.path.normpath(full))) and full not in out:
                    out.append(Path(os.path.normpath(full)))
        return out[:4]

    def _path_strings(self, index: ModuleIndex, expr: cst.BaseExpression, ctx: Ctx, depth: int) -> list[str]:
        if depth > 8:
            return []
        nxt = depth + 1
        if isinstance(expr, cst.Name):
            if expr.value == "__file__":
                return [str(self.path)]
            out: list[str] = []
            for value, vctx in Evaluator.resolve_name(_evaluator_for(index), expr.value, ctx)[0]:
                out += self._path_strings(index, value, vctx, nxt)
            return out[:4]
        if isinstance(expr, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)):
            return [s for s, _ in _evaluator_for(index).strings(expr, ctx)]
        if isinstance(expr, cst.Attribute):
            if expr.attr.value == "parent":
                return [os.path.dirname(p) for p in self._path_strings(index, expr.value, ctx, nxt)]
            return self._path_strings(index, expr.value, ctx, nxt) if expr.attr.value in ("parents",) else []
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, (cst.Divide, cst.Add)):
            left = self._path_strings(index, expr.left, ctx, nxt)
            right = self._path_strings(index, expr.right, ctx, nxt)
            if isinstance(expr.operator, cst.Add):
                return [a + b for a in left for b in right][:4]
            return [os.path.join(a, b) for a in left for b in right][:4]
        if isinstance(expr, cst.Subscript):
            # Path(__file__).parents[1]
            return [os.path.dirname(os.path.dirname(p)) for p in self._path_strings(index, expr.value, ctx, nxt)]
        if isinstance(expr, cst.Call):
            qn = index.qualname(expr.func) or ""
            args = [a.value for a in expr.args if a.keyword is None]
            kw = {a.keyword.value: a.value for a in expr.args if a.keyword is not None}
            last = expr.func.attr.value if isinstance(expr.func, cst.Attribute) else qn.split(".")[-1]
            if last in ("dirname",) and args:
                return [os.path.dirname(p) for p in self._path_strings(index, args[0], ctx, nxt)]
            if last in ("abspath", "realpath", "normpath", "expanduser", "fspath", "str") and args:
                return self._path_strings(index, args[0], ctx, nxt)
            if last in ("join", "Path", "PurePath", "PosixPath", "joinpath") or qn.endswith("path.join"):
                parts = [self._path_strings(index, a, ctx, nxt) for a in args]
                if isinstance(expr.func, cst.Attribute) and last == "joinpath":
                    parts.insert(0, self._path_strings(index, expr.func.value, ctx, nxt))
                paths = [""]
                for options in parts:
                    if not options:
                        return []
                    paths = [os.path.join(p, o) for p in paths for o in options[:2]]
                return paths[:4]
            if last in ("with_name", "with_suffix") and isinstance(expr.func, cst.Attribute) and args:
                # Path(__file__).with_name("prompt.txt"): the sibling file, not the module itself
                names = self._path_strings(index, args[0], ctx, nxt)
                bases = self._path_strings(index, expr.func.value, ctx, nxt)
                if last == "with_suffix":
                    return [os.path.splitext(b)[0] + n for b in bases for n in names][:4]
                return [os.path.join(os.path.dirname(b), n) for b in bases for n in names][:4]
            if last in ("open", "read_text", "read_bytes", "resolve", "absolute") and isinstance(
                expr.func, cst.Attribute
            ):
                return self._path_strings(index, expr.func.value, ctx, nxt)
            if last == "open" or last in _PROMPT_LOADERS or qn in ("io.open", "codecs.open"):
                target = kw.get("source") or kw.get("file") or (args[0] if args else None)
                return self._path_strings(index, target, ctx, nxt) if target is not None else []
        return []

    # -------------------------------------------------------------------------------- settings
    def env(self, index: ModuleIndex) -> Callable[[str, cst.CSTNode], Strings] | None:
        if not self.enabled:
            return None

        def value(name: str, node: cst.CSTNode) -> Strings:
            found = self._env_values().get(name)  # a taint.EnvText: it names its key wherever it goes
            return [(found, node)] if found else []

        return value

    def _env_values(self) -> dict[str, str]:
        if self._env is None:
            self._env = self.ws.env(self.path, self.settings.limits.max_read_bytes) if self.ws is not None else {}
        return self._env

    def loaded(self, index: ModuleIndex, call: cst.Call, ctx: Ctx, key_path: list[str]) -> Strings:
        """Strings of a settings file loaded with a literal path, narrowed by literal keys where possible."""
        qn = index.qualname(call.func) or ""
        kind = _LOADERS.get(qn)
        if kind is None or not call.args:
            return []
        target = call.args[0].value
        if isinstance(target, cst.Call) and isinstance(target.func, cst.Attribute) and target.func.attr.value == "read":
            target = target.func.value
        out: Strings = []
        for path in self._paths(index, target, ctx, 0):
            text = self._read(path)
            if text is None:
                continue
            if kind == "env":  # dotenv_values(".env")["KEY"]: each value names its key
                rel = self._rel(path)
                data: Any = {k: taint.env_value(v, k, rel) for k, v in project.parse_env(text).items()}
            else:
                data = _parse(kind, text, path)
            leaves = _leaves(_narrow(data, key_path)) if data is not None else [text]
            self.origins.setdefault(id(call), (self._rel(path), 0))
            out += [(leaf, call) for leaf in leaves[:32]]
        return out

    def loaded_reader(self, index: ModuleIndex) -> Callable[[cst.Call, Ctx, list[str]], Strings] | None:
        if not self.enabled:
            return None
        return lambda call, ctx, keys: self.loaded(index, call, ctx, keys)

    def _files_read(self, index: ModuleIndex) -> Strings:
        """Whole text of the files the module reads from literal or ``__file__``-relative paths (for context)."""
        out: Strings = []
        for site in index.calls:
            target = _read_target(site.node)
            if target is None:
                continue
            for path in self._paths(index, target, Ctx(site.scope), 0):
                text = self._read(path)
                if text:
                    out.append((text[:20_000], site.node))
            if len(out) >= 8:
                break
        return out

    def context_texts(self, index: ModuleIndex) -> Strings:
        """Settings text the module reads (``.env`` values of its getenv names, imported local constants)."""
        if not self.enabled:
            return []
        out: list[tuple[str, cst.CSTNode]] = []
        env = self._env_values()
        for value, node in index.literals():
            if value in env:
                out.append((env[value], node))
        out += self._files_read(index)
        remote = self.remote(index)
        if remote is not None:
            for name in list(index.relative_imports) + [n for n in index.imports if n not in _STDLIB_HEADS]:
                out += remote(name, whole=True)
                if len(out) > 96:
                    break
        for text, at in out:
            # The context scan quotes what it finds: mark the nodes whose text is an environment value.
            if taint.is_tainted(text):
                self.secret_nodes[id(at)] = taint.describe(text)
        return out


_READS = surfaces.FILE_READS


def _read_target(call: cst.Call) -> cst.BaseExpression | None:
    """The path expression of a file-reading call: ``open(p)``, ``Path(p).read_text()``, ``parser.read(p)``."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    if name not in _READS:
        return None
    args = [a.value for a in call.args if a.keyword is None]
    kw = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    if name == "read_text" and isinstance(func, cst.Attribute):
        return func.value
    return kw.get("source") or kw.get("dotenv_path") or kw.get("file") or (args[0] if args else None)


_STDLIB_HEADS = frozenset({"os", "sys", "re", "json", "base64", "logging", "typing", "pathlib", "asyncio", "io"})


def _answers(shape: Outline, ask: str, name: str, rest: list[str]) -> bool:
    """Can a module with this outline answer the lookup? ``values``: the name is bound there (a client, a
    factory); ``function``: a function of that name (a wrapper, a helper); ``method m``: the class ``name`` may
    have a method ``m``."""
    if ask == "values":
        return bool(rest) and rest[0] in shape.bound
    if ask == "function":
        return len(rest) == 1 and rest[0] in shape.functions
    method = ask.removeprefix("method ")
    return name.split(".")[-1] in shape.classes and method in shape.functions


def _lowered(test: Callable[[str], bool]) -> Callable[[str, str], bool]:
    return lambda _, text: test(text.lower())


def _finder(remote: _Remote, settings: Settings, active: Active) -> RequestFinder:
    """The request finder of another project module, built once per checked file (kept on the module's record)."""
    found = remote.finder
    if found is None or found.index is not remote.index:
        # its client may live in a third module
        lookup = Project.for_file(str(remote.path), settings, depth=1, active=active)
        found = RequestFinder(remote.index, remote.evaluator, settings, lookup.remote_values)
        found.finder_for = lookup.finder_for
        remote.finder = found
    return found


def _module_strings(index: ModuleIndex) -> Strings:
    return list(index.literals())


def _evaluator_for(index: ModuleIndex) -> Evaluator:
    return Evaluator(index, lambda: None, set())


def _parse(kind: str, text: str, path: Path) -> Any:
    try:
        if kind == "json":
            return json.loads(text)
        if kind == "toml":
            try:  # standard library from 3.11; before that, fall back to the whole text
                toml = importlib.import_module("tomllib")
            except ImportError:
                return None
            return toml.loads(text)
        if kind == "yaml":
            try:
                import yaml  # type: ignore[import-untyped]
            except ImportError:
                return None
            return yaml.safe_load(text)
        if path.suffix in (".ini", ".cfg"):
            parser = configparser.ConfigParser()
            parser.read_string(text)
            return {s: dict(parser[s]) for s in parser.sections()}
    except Exception:
        return None
    return None


def _narrow(data: Any, keys: list[str]) -> Any:
    for key in keys:
        if isinstance(data, dict) and key in data:
            data = data[key]
        else:
            break
    return data


def _leaves(data: Any, limit: int = 64) -> list[str]:
    out: list[str] = []
    stack = [data]
    while stack and len(out) < limit:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


__all__ = ["Project", "dotted"]
