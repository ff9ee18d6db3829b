"""How the screens read Python's ``ast`` (gate.py, request_sites.py, outline.py): every node in one list, and what
the imports load and bind, the way crossfile resolves them later."""

from __future__ import annotations

import ast
from collections.abc import Iterable


def nodes(tree: ast.AST) -> list[ast.AST]:
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


Bound = dict[str, list[tuple[str, int]]]  # local name -> the (module name, relative level) it may stand for


def import_targets(node: ast.Import | ast.ImportFrom) -> list[tuple[str, int]]:
    """(module name, relative level) an import statement may load; ``from app import prompts`` also gives the
    submodule ``app.prompts``."""
    if isinstance(node, ast.Import):
        return [(a.name, 0) for a in node.names]
    base = node.module or ""
    return ([(base, node.level)] if base else []) + [
        (f"{base}.{a.name}" if base else a.name, node.level) for a in node.names
    ]


def bind(node: ast.Import | ast.ImportFrom, bound: Bound) -> None:
    """The local name each alias of an import binds, and the (module name, level) it stands for."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            local = alias.asname or alias.name.split(".")[0]
            bound.setdefault(local, []).append((alias.name if alias.asname else local, 0))
        return
    base = node.module or ""
    for alias in node.names:
        full = f"{base}.{alias.name}" if base else alias.name
        bound.setdefault(alias.asname or alias.name, []).append((full, node.level))


def submodules(bound: Bound, chains: Iterable[tuple[str, ...]]) -> list[tuple[str, int]]:
    """``import app`` … ``app.prompts.PROMPT``: for each dotted chain rooted at an imported name, the (module name,
    level) it reaches below what the import names (``app.prompts.PROMPT``; its prefixes are chains too, or are
    tried as cuts by the caller)."""
    out: dict[tuple[str, int], None] = {}
    for root, *rest in chains:
        for full, level in bound.get(root, []):
            out[(".".join([full, *rest]), level)] = None
    return list(out)
