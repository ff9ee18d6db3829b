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
            func = node.func  # type: ignore[attr-defined]
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
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


def _local_modules_have_words(tree: ast.AST, filename: str, settings: Settings) -> bool:
    """A name imported from a local module may carry the prompt: look at that module's text, cheaply."""
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return False
    cap = settings.limits.max_read_bytes
    for node in _walk(tree):  # imports inside functions and try blocks too
        targets: list[tuple[str, int]] = []
        if isinstance(node, ast.ImportFrom):
            if node.module:
                targets.append((node.module, node.level))
                # ``from app import prompts``: the name may be a submodule
                targets += [(f"{node.module}.{a.name}", node.level) for a in node.names]
            else:
                targets += [(a.name, node.level) for a in node.names]
        elif isinstance(node, ast.Import):
            targets += [(a.name, 0) for a in node.names]
        for name, level in targets:
            # The one resolver (project.Workspace): never a path outside the root, each file scanned once.
            path = ws.module(name, filename, level)
            if path is not None and ws.derived("sharp", path, cap, _has_words):
                return True
    return False


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
