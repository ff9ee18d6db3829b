"""Could a call of this module be a request, or reach one in another project module? Read from ``ast``.

Every finding is placed at a request the module makes (``RequestFinder.find``) or at a call of a function or method
of another project module that makes one (``checker._remote_wrappers``, ``RequestFinder.method_wrappers``). A
module none of whose calls can be either cannot produce a finding and needs no libcst parse. The test is by the
call's shape, from the surface tables, never by whether its client is Azure (that needs the analysis):

- a method chain one of whose tails a kind's request methods match (``chat.completions.create``, ``invoke``), or
  whose last name the finder reads by itself (HTTP verbs, ``initiate_chat``, ``Runner.run``, a parameter's
  ``chat``), or the last name of a surface function (``litellm.completion``, ``requests.post``);
- a call of a plain name that is such a function, by its name or its import;
- a call of a plain name, when the module or a local module it imports names a surface whose clients are called
  directly (LangChain models and chains, prompty, dspy, agents);
- a call whose last name is a function or method of a local module the module imports, whose body holds a call
  of the kinds above (a wrapper; the finder follows one module, and so does this).

Conservative by construction: every test is wider than the finder's own (all tails of a chain, not the one the
finder takes; any local module's function of that name, not the one the import names). tests/test_prefilter.py
checks on every fixture that the findings are the same with the screens on and off; tests/test_request_sites.py
holds the shapes that reach a request only through another module.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cache, lru_cache
from typing import NamedTuple

from . import astread, project, surfaces
from .settings import Settings

_MAX_LOCAL = 64  # local modules looked at per module: more, and the module goes on to the analysis


@cache
def _functions() -> frozenset[str]:
    """Surface functions called at module level (qualified names)."""
    return frozenset(
        surfaces.LITELLM_FUNCS | surfaces.LEGACY_OPENAI_FUNCS | surfaces.HTTP_FUNCS | surfaces.PROMPTFLOW_FUNCS
    )


@cache
def _last_names() -> frozenset[str]:
    """Names whose call the finder may take for a request whatever the chain before them."""
    return frozenset(
        {qn.rsplit(".", 1)[-1] for qn in _functions()}
        | surfaces.HTTP_METHODS
        | surfaces.CHAT_INITIATORS
        | surfaces.RUNNER_METHODS
        | surfaces.PARAM_CLIENT_METHODS
    )


@cache
def _called_client_words() -> tuple[str, ...]:
    """Lowercase words one of which a module that makes a client called by name (``lm("…")``) contains: the
    packages of the client classes of those kinds and of every agent class (a chain may wrap an agent), and the
    constructors the finder matches by their tail."""
    heads = {qn for qn, (kind, _) in surfaces.CLIENT_CLASSES.items() if kind in surfaces.CALLED_CLIENT_KINDS}
    heads |= {*surfaces.AGENT_CLASSES, *surfaces.DSPY_MODULES, *surfaces.CLIENT_FACTORIES}
    heads |= {*surfaces.AGENT_CLASS_NAMES, *surfaces.LANGCHAIN_FACTORIES, *surfaces.PROMPTY_LOADERS}
    return tuple(sorted({name.split(".")[0].lower() for name in heads}))


class _Calls(NamedTuple):
    shaped: bool  # a call of a request's shape (plain-name calls of clients and wrapper calls aside)
    named: bool  # a call of a plain name
    last: frozenset[str]  # the last name of every call
    imports: list[tuple[str, int]]  # (module, level) each import and each imported dotted name may load
    shaped_in: frozenset[str]  # the functions (every enclosing one) that hold a call of a request's shape
    named_in: frozenset[str]  # the functions that hold a call of a plain name


def may_send(tree: ast.AST, filename: str, settings: Settings, source: str) -> bool:
    """True when some call of the module could be a request or a wrapper call; False only when none can."""
    own = _calls(tree)
    if own.shaped or (own.named and _names_called_clients(source)):
        return True
    filename = os.path.abspath(filename)
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return False  # no project: the analysis follows no other module either
    cap = settings.limits.max_read_bytes
    local = _local_modules(ws, own.imports, filename)
    if local is None:
        return True
    if own.named and any(_module_words(ws, path, cap) for path in local):
        return True  # a client made there, called here by name
    for path in local:
        senders = ws.derived("senders", path, cap, lambda real, text: _senders(ws, real, text, cap))
        if senders is None or not senders.isdisjoint(own.last):
            return True
    return False


def _local_modules(ws: project.Workspace, imports: list[tuple[str, int]], filename: str) -> list[str] | None:
    """The project modules the imports may load: every prefix of each dotted name, as crossfile resolves them."""
    found: dict[str, None] = {}
    for name, level in dict.fromkeys(imports):  # each dotted name once, however many calls use it
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):
            path = ws.module(".".join(parts[:cut]), filename, level)
            if path is not None:
                found[str(path)] = None
        if len(found) > _MAX_LOCAL:
            return None
    found.pop(os.path.realpath(filename), None)
    return list(found)


def _names_called_clients(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in _called_client_words())


def _module_words(ws: project.Workspace, path: str, cap: int) -> bool:
    return ws.derived("called-client-words", path, cap, lambda _, text: _names_called_clients(text)) is not False


def _senders(ws: project.Workspace, path: str, text: str, cap: int) -> frozenset[str] | None:
    """Functions and methods of a local module whose body may hold a request (None: cannot tell, as if all)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    found = _calls(tree)
    # A plain-name call in a body is a request only where a called client can be made: here or one import away.
    clients = _names_called_clients(text)
    if not clients and found.named_in:
        local = _local_modules(ws, found.imports, path)
        clients = local is None or any(_module_words(ws, p, cap) for p in local)
    return found.shaped_in | (found.named_in if clients else frozenset())


def _calls(tree: ast.AST) -> _Calls:
    """One walk: the module's calls and imports, and which functions (by name, every enclosing one) hold calls
    of a request's shape or calls of a plain name."""
    imports: astread.Bound = {}
    pairs: list[tuple[str, int]] = []
    chains: list[tuple[list[str], str | None]] = []
    calls: list[tuple[list[str], str | None, tuple[str, ...]]] = []
    last: set[str] = set()
    shaped = named = False
    shaped_in: set[str] = set()
    named_in: set[str] = set()
    stack: list[tuple[ast.AST, tuple[str, ...]]] = [(tree, ())]
    while stack:
        node, inside = stack.pop()
        kind = type(node)
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            inside = (*inside, node.name)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            names, head = _chain(func)
            chains.append((names, head))
            calls.append((names, head, inside))
            if isinstance(func, ast.Attribute):
                last.add(func.attr)  # as written: a wrapper's method may bear a pass-through name (``copy``)
            elif not names and head is not None:
                last.add(head)
        elif kind is ast.ClassDef:
            chains += [_chain(b) for b in node.bases]  # type: ignore[attr-defined]
        elif kind is ast.ImportFrom or kind is ast.Import:
            pairs += astread.import_targets(node)  # type: ignore[arg-type]
            astread.bind(node, imports)  # type: ignore[arg-type]
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                stack.append((value, inside))
            elif type(value) is list:
                stack.extend((v, inside) for v in value if isinstance(v, ast.AST))
    for names, head, inside in calls:  # after the walk: an import may come after the call in walking order
        if not names and head is not None:
            named = True
            named_in.update(inside)
            # ``from app.vision import ask as who`` … ``who(...)``: the other module's function is ``ask``
            last.update(full.rsplit(".", 1)[-1] for full, _ in imports.get(head, []))
        if _shaped(names, head, imports):
            shaped = True
            shaped_in.update(inside)
    # ``app.vision.ask(...)`` after ``import app``: the module is app/vision.py, below what the import names
    pairs += astread.submodules(imports, [(head, *names) for names, head in chains if head is not None and names])
    return _Calls(shaped, named, frozenset(last), pairs, frozenset(shaped_in), frozenset(named_in))


def _chain(func: ast.expr) -> tuple[list[str], str | None]:
    """The attribute names of a called chain, outermost last, through calls between them (``a.b(x).c``), without
    the pass-through names the finder skips; and the plain name at its root, if any."""
    names: list[str] = []
    node: ast.expr = func
    while True:
        if isinstance(node, ast.Attribute):
            if node.attr not in surfaces.PASS_THROUGH:
                names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            break
    names.reverse()
    return names, node.id if isinstance(node, ast.Name) else None


@cache
def _methods() -> re.Pattern[str]:
    """Every kind's request methods as one pattern (a tail matches it when it matches one kind's)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in surfaces.REQUEST_METHODS.values()))


@lru_cache(maxsize=4096)
def _method_tail(names: tuple[str, ...]) -> bool:
    """Does some tail of the chain (``completions.create``, ``create``) match a request method?"""
    methods = _methods()
    return any(methods.fullmatch(".".join(names[start:])) for start in range(len(names)))


def _shaped(names: list[str], head: str | None, imports: astread.Bound) -> bool:
    if names and (names[-1] in _last_names() or _method_tail(tuple(names))):
        return True
    if head is None:
        return False
    if not names and head in _last_names():
        return True
    # Qualified through the imports (or as written): a surface function, or module-level openai.
    for root in [full for full, _ in imports.get(head, [])] + [head]:
        qualified = ".".join([root, *names])
        if qualified in _functions():
            return True
        rest = qualified.removeprefix("openai.")
        if rest != qualified and surfaces.REQUEST_METHODS["openai"].fullmatch(rest):
            return True
    return False
