"""What another project module can answer, read from Python's ``ast`` before any libcst parse.

A lookup in another module (``crossfile.Project``) asks for the values a module-level name is bound to, for a
function of that name, or for a method of a class. Most names a call site imports answer none of these: a class
asked for its values, a class asked for a function. The outline says which names *may* have values, which
functions and which classes the module *may* define, so that a module that cannot answer is never parsed with
libcst (several times the cost of ``ast.parse``, and most of the memory a worker keeps).

Conservative by construction (tests/test_outline.py checks it against the index on every fixture): every name the
index (``index.py``) can record as a module-level binding is in ``bound`` (which holds more: bindings in every
scope, and every name a mutating call may extend), every function and method it records is in ``functions``, and
every class in ``classes``. The index's own tables of mutating calls are read here, not copied.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from . import astread
from .index import DRAWS, MUTATORS, SAVES


class Outline(NamedTuple):
    bound: frozenset[str]  # names that may have values: assignment targets, mutated names, functions
    functions: frozenset[str]  # every function name (methods and nested functions too)
    classes: frozenset[str]  # every class name; its methods are among ``functions``


def outline(path: str, text: str) -> Outline | None:
    """The module's outline; None when ``ast`` cannot read it (then the caller parses, as before)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    bound: set[str] = set()
    functions: set[str] = set()
    classes: set[str] = set()
    for node in astread.nodes(tree):
        kind = type(node)
        if kind is ast.Name:
            if type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                bound.add(node.id)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            bound.update(_mutated(node))  # type: ignore[arg-type]
        elif kind is ast.Subscript or kind is ast.Attribute:
            if type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                bound.update(_root(node.value))  # type: ignore[attr-defined]  # ``d["k"] = v`` extends ``d``
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            functions.add(node.name)  # type: ignore[attr-defined]
        elif kind is ast.ClassDef:
            classes.add(node.name)  # type: ignore[attr-defined]
        elif kind is ast.AugAssign:
            bound.update(_root(node.target))  # type: ignore[attr-defined]
    return Outline(frozenset(bound | functions), frozenset(functions), frozenset(classes))


def _mutated(call: ast.Call) -> list[str]:
    """Names a call extends in the index: ``items.append(x)``, ``img.save(buf)``, ``cv2.putText(frame, ...)``."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return []
    if func.attr in MUTATORS:
        base = func.value.value if isinstance(func.value, ast.Subscript) else func.value
        return _root(base)
    if func.attr in SAVES or func.attr in DRAWS:
        return _root(call.args[0]) if call.args else []
    return []


def _root(expr: ast.expr) -> list[str]:
    """The first name of a dotted chain (``a`` of ``a.b.c``), the only part a lookup by plain name can match."""
    while isinstance(expr, ast.Attribute):
        expr = expr.value
    return [expr.id] if isinstance(expr, ast.Name) else []
