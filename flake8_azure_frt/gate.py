"""Second, still cheap stage before libcst: can this module supply any evidence at all?

It reads flake8's own ``ast`` tree (already built, so free) instead of parsing again with libcst. A finding
needs purpose or context evidence: a purpose phrase or schema field in the module's strings and names, police,
camera or face-pipeline context, or text that arrives from elsewhere (a file read, an environment value, a
local module whose text has purpose words). A module with none of these cannot produce an AFR1xx/AFR2xx
finding of its own; its requests may still be reached by callers in other files, which are analysed there.
"""

from __future__ import annotations

import ast
import re
from functools import cache

from . import lexicon, prefilter, project, surfaces
from .lexicon import literals
from .settings import Settings

_CONTEXT = ("police", "gallery", "mobile", "live")
_READS = surfaces.FILE_READS
_ENV = surfaces.ENV_READS
_FILE_SUFFIXES = surfaces.TEXT_FILE_SUFFIXES
_MAX_TEXT = 50_000  # more string text than this: the analysis, inside its time budget, reads it
_BODIES = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
_HOLE = " person "  # stands for any run-time value inside a prompt template
_FIELD = re.compile(r"\{[^{}\s]*\}|%[sdr]")


def may_have_evidence(tree: ast.AST, filename: str, settings: Settings) -> bool:
    if settings.law_enforcement:
        return True
    docstrings: set[int] = set()
    strings: list[str] = []
    names: list[str] = []
    reads = env = False
    for node in _walk(tree):  # breadth first: a body's docstring is noted before it is visited
        kind = type(node)  # exact-type dispatch: this loop runs once per node of every candidate file
        if kind is ast.Constant:
            value = node.value  # type: ignore[attr-defined]
            if type(value) is str and id(node) not in docstrings:
                strings.append(value)
        elif kind is ast.JoinedStr:
            # An f-string's holes are filled at run time: a placeholder word keeps its phrase matchable.
            strings.append(
                "".join(
                    part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else _HOLE
                    for part in node.values  # type: ignore[attr-defined]
                )
            )
        elif kind is ast.Name:
            names.append(node.id)  # type: ignore[attr-defined]
        elif kind is ast.Attribute:
            names.append(node.attr)  # type: ignore[attr-defined]
            env = env or node.attr == "environ"  # type: ignore[attr-defined]
        elif kind in _BODIES:
            _note_docstring(node, docstrings)  # type: ignore[arg-type]
            if kind is not ast.Module:
                names.append(node.name)  # type: ignore[attr-defined]
            if kind is ast.ClassDef and any("BaseSettings" in ast.unparse(b) for b in node.bases):  # type: ignore[attr-defined]
                env = True  # pydantic settings read the environment (the project's .env) by field name
        elif kind is ast.BinOp and isinstance(node.op, ast.Add):  # type: ignore[attr-defined]
            # "Who is the per" + "son in this photo?": the joined text, as the analysis will see it
            parts = _added_strings(node)  # type: ignore[arg-type]
            if parts:
                strings.append("".join(parts))
        elif kind is ast.arg:
            names.append(node.arg)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            called = _called(node.func)  # type: ignore[attr-defined]
            reads = reads or called in _READS
            env = env or called in _ENV
    # Prompts or settings read from project files, or from a .env file: let the full analysis read them.
    if reads and ("__file__" in names or any(s.lower().endswith(_FILE_SUFFIXES) for s in strings)):
        return True
    if env and _has_env_file(filename, settings):
        return True
    # ``.format``/``%`` templates: their fields are filled at run time, like f-string holes.
    joined = " ".join(dict.fromkeys(strings))
    if len(joined) > _MAX_TEXT:
        return True  # too much text to screen cheaply: let the analysis (and its limits) decide
    text = _FIELD.sub(_HOLE, joined)
    if lexicon.find_purposes(text, loose=True):
        return True
    words = [lexicon.identifier_words(n) for n in set(names)]
    if lexicon.any_field("\n".join(words)):
        return True
    context = text + "\n" + ". ".join(w for w in words if " " in w)
    if any(lexicon.find_context(context, c, limit=len(context)) for c in _CONTEXT):
        return True
    low_names = " ".join(set(names)).lower()
    if any(stem in low_names for stem in _face_stems()):
        return True
    return _local_modules_have_words(tree, filename, settings)


def _walk(tree: ast.AST) -> list[ast.AST]:
    """``ast.walk``'s nodes in its order (breadth first), without a generator per node (a third less time)."""
    out = [tree]
    i = 0
    while i < len(out):
        node = out[i]
        i += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                out.append(value)
            elif type(value) is list:
                out.extend(v for v in value if isinstance(v, ast.AST))
    return out


@cache
def _face_stems() -> tuple[str, ...]:
    """Stems of local face-pipeline calls (detectors, matchers), derived from the surface tables."""
    return literals.word_stems([surfaces.FACE_DETECTORS.pattern, surfaces.FACE_MATCHERS.pattern])


def _note_docstring(node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, out: set[int]) -> None:
    """Docstrings are not prompts, except a dspy Signature's, which *is* the prompt."""
    if isinstance(node, ast.ClassDef) and any("Signature" in ast.unparse(b) for b in node.bases):
        return
    if node.body:
        first = node.body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            out.add(id(first.value))


def _called(func: ast.expr) -> str:
    """The last name of a called expression: ``open``, ``Path(p).read_text`` → ``read_text``."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _import_targets(node: ast.AST) -> list[tuple[str, int]]:
    """(module name, relative level) an import statement may load; ``from app import prompts`` also gives the
    submodule ``app.prompts``."""
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        return ([(base, node.level)] if base else []) + [
            (f"{base}.{a.name}" if base else a.name, node.level) for a in node.names
        ]
    if isinstance(node, ast.Import):
        return [(a.name, 0) for a in node.names]
    return []


def _local_modules_have_words(tree: ast.AST, filename: str, settings: Settings) -> bool:
    """A name imported from a local module may carry the prompt: look at that module's text, cheaply."""
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return False
    cap = settings.limits.max_read_bytes
    for node in _walk(tree):  # imports inside functions and try blocks too
        for name, level in _import_targets(node):
            # The one resolver (project.Workspace): never a path outside the root, each file scanned once.
            path = ws.module(name, filename, level)
            if path is not None and ws.derived("sharp", path, cap, _has_words):
                return True
    return False


_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w, \t.]+)|import[ \t]+([\w., \t]+))", re.M
)
_MAX_REACH = 64  # modules looked at per question


def reaches_a_request(tree: ast.AST, filename: str, settings: Settings, source: str) -> bool:
    """Screen by project: can this file take part in a request at all? Its own text names a request (a client,
    an endpoint, a request-shaped call), or it reads files (a prompt or settings file may name one), or a local
    module it imports does, directly or through that module's own imports (three hops at most). A file that
    does none of these cannot produce a finding; which local modules reach a request is cached per worker."""
    if settings.law_enforcement or prefilter.names_request(lexicon.fold(source)):
        return True
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return True
    targets: list[tuple[str, int]] = []
    reads = env = False
    for node in _walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            targets += _import_targets(node)
        elif isinstance(node, ast.Call):
            called = _called(node.func)
            reads = reads or called in _READS
            env = env or called in _ENV
        elif isinstance(node, ast.Attribute) and node.attr == "environ":
            env = True
    # A prompt, settings or prompty file, or the project's .env, may name the client or the endpoint.
    if reads and ("__file__" in source or any(suffix in source for suffix in _FILE_SUFFIXES)):
        return True
    if env and _has_env_file(filename, settings):
        return True
    seen: set[str] = set()
    return any(_module_reaches(ws, name, level, filename, settings, 0, seen) for name, level in targets)


def _module_reaches(
    ws: project.Workspace, name: str, level: int, from_file: str, settings: Settings, depth: int, seen: set[str]
) -> bool:
    path = ws.module(name, from_file, level)
    if path is None or str(path) in seen or len(seen) >= _MAX_REACH:
        return False
    seen.add(str(path))
    cap = settings.limits.max_read_bytes
    facts = ws.derived("reach", path, cap, _reach_facts)
    if facts is None:
        return False
    names, imports = facts
    if names:
        return True
    if depth >= 2:
        return False
    return any(_module_reaches(ws, n, lvl, str(path), settings, depth + 1, seen) for n, lvl in imports)


def _reach_facts(path: str, text: str) -> tuple[bool, list[tuple[str, int]]]:
    """Does a module's text name a request; which modules does it import (read from the text: no parse)."""
    # Naming a request, or reading the environment or a prompt file, where an endpoint may be.
    env_or_file = "environ" in text or "getenv" in text or "dotenv" in text or "prompty" in text
    if env_or_file or prefilter.names_request(lexicon.fold(text)):
        return True, []
    imports: list[tuple[str, int]] = []
    for m in _IMPORT.finditer(text):
        if m.group(3):
            imports += [(n.strip().split(" ")[0], 0) for n in m.group(3).split(",") if n.strip()]
        else:
            dots = len(m.group(1)) - len(m.group(1).lstrip("."))
            base = m.group(1)[dots:]
            names = [n.strip().split(" ")[0] for n in m.group(2).split(",") if n.strip()]
            imports += [(base, dots)] if base else []
            imports += [(f"{base}.{n}" if base else n, dots) for n in names]
    return False, imports[:64]


def _added_strings(node: ast.BinOp) -> list[str] | None:
    """The string constants of a ``+`` chain, in order; None when a part is not a string constant."""
    parts: list[str] = []
    stack: list[ast.expr] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
            stack += [item.right, item.left]
        elif isinstance(item, ast.Constant) and isinstance(item.value, str):
            parts.append(item.value)
        else:
            return None
    return parts


def _has_words(path: str, text: str) -> bool:
    return prefilter.sharp(text.lower())


def _has_env_file(filename: str, settings: Settings) -> bool:
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    return ws is not None and bool(ws.env_files(filename))
