"""The index's flat walk records exactly what libcst's generic visitor records, in the same order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import libcst as cst
import pytest

from flake8_azure_frt import index as index_mod

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in (ROOT / "fixtures").rglob("*.py")) + sorted((ROOT / "flake8_azure_frt").rglob("*.py"))


_EMPTY = cst.Module([])
_TREE: set[int] = set()  # ids of the nodes of the module under test


class _Ids(cst.CSTVisitor):
    def on_visit(self, node: cst.CSTNode) -> bool:
        _TREE.add(id(node))
        return True


def _key(node: cst.CSTNode) -> Any:
    """A node of the module by identity; one the index made up (``make()[0]`` for unpacking) by its code."""
    return id(node) if id(node) in _TREE else ("made", _EMPTY.code_for_node(node))


def _scope(scope: index_mod.Scope | None) -> Any:
    if scope is None:
        return None
    return (
        scope.name,
        scope.kind,
        id(scope.node),
        [id(p) for p in scope.params],
        {k: [_key(v) for v in vs] for k, vs in scope.assigns.items()},
        [_key(r) for r in scope.returns],
        scope.class_scope.name if scope.class_scope else None,
        scope.parent.name if scope.parent else None,
    )


def _summary(index: index_mod.ModuleIndex) -> Any:
    return {
        "root": _scope(index.root),
        "imports": index.imports,
        "relative": index.relative_imports,
        "functions": {k: [_scope(s) for s in v] for k, v in index.functions.items()},
        "classes": {
            k: (
                id(c.node),
                _scope(c.scope),
                {a: [(_key(e), s.name) for e, s in v] for a, v in c.attrs.items()},
                {m: _scope(s) for m, s in c.methods.items()},
                [(n, id(t), id(v), id(a)) for n, t, v, a in c.fields],
                [id(b) for b in c.bases],
            )
            for k, c in index.classes.items()
        },
        "calls": [(id(c.node), c.scope.name, c.in_loop) for c in index.calls],
        "strings": [id(s) for s in index.strings],
        "identifiers": {k: id(v) for k, v in index.identifiers.items()},
        "scope_of": {id(k): v.name for k, v in index.scope_of.items()},
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_walk_equals_generic_visitor(path: Path) -> None:
    try:
        module = cst.parse_module(path.read_text(encoding="utf-8"))
    except cst.ParserSyntaxError:
        pytest.skip("libcst cannot parse this file")
    _TREE.clear()
    module.visit(_Ids())
    ticks: list[int] = []
    walked = index_mod.build(module, lambda: ticks.append(1))
    visited = index_mod.build(module, lambda: ticks.append(2), walk=False)
    assert _summary(walked) == _summary(visited)
    assert ticks.count(1) == ticks.count(2)


def test_walk_descends_where_the_rules_look() -> None:
    """Decorators, defaults, f-string holes, comprehensions, lambdas and match cases are all reached."""
    code = (
        "@deco(call_a())\n"
        "def f(x=call_b(), *a, y: int = 1, **k):\n"
        "    v = [g(i) for i in items if h(i)]\n"
        "    s = f'{call_c(x)!r:>{w}}'\n"
        "    match v:\n"
        "        case [p] if call_d(p):\n"
        "            return (lambda q: call_e(q))(p)\n"
    )
    built = index_mod.build(cst.parse_module(code), lambda: None)
    called = [index_mod.dotted(c.node.func) for c in built.calls]
    assert called == ["deco", "call_a", "call_b", "g", "h", "call_c", "call_d", None, "call_e"]  # pre-order
    assert {"x", "a", "y", "k", "i", "items", "w", "p", "q"} <= set(built.identifiers)
