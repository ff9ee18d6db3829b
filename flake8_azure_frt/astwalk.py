"""Every node of a Python ``ast`` tree, as one list: the screens' walk (gate.py, outline.py)."""

from __future__ import annotations

import ast


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
