"""Bounded work per file: cheap checks on flake8's ``ast`` tree before the costly libcst steps.

libcst's parser and metadata providers recurse once (or several times) per level of nesting, and the
native parser recurses on left-deep operator chains; past a few hundred levels they raise
``RecursionError``, take seconds, or crash the process outright (a 50,000-term ``a + b + ...``
segfaulted libcst 1.9).  So before handing a file to libcst we measure its shape on the ``ast`` that
flake8 has already built, and refuse shapes that are known to be unsafe.  The measurements and the
reasons for each default are in docs/limits.md.

Every walk here is iterative (an explicit stack): a recursive walk would itself hit Python's recursion
limit on exactly the shapes this module exists to catch.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .settings import Limits

# Nodes with no children that matter for nesting: load/store contexts and operator singletons.  Skipping
# them keeps the walk about a third cheaper and keeps depth counts close to libcst's own nesting.
_LEAVES: tuple[type[ast.AST], ...] = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


@dataclass(frozen=True)
class Shape:
    """What the walk measured.  ``complete`` is False when it stopped early at the node limit."""

    depth: int = 0
    chain: int = 0
    operands: int = 0
    nodes: int = 0
    complete: bool = True


def check(source: str, tree: ast.AST | None, limits: Limits) -> str | None:
    """A one-line reason naming the limit hit and the option that changes it, or None if within limits."""
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > limits.max_file_bytes:
        return f"file of {size} bytes larger than the limit of {limits.max_file_bytes} (azure-frt-max-file-bytes)"
    if tree is None:
        try:
            tree = ast.parse(source)
        except (RecursionError, MemoryError):
            # Python's own parser gave up on the nesting; libcst would do worse (it can crash the process).
            return "nesting too deep for Python's parser, so not analysed (azure-frt-max-depth)"
        except (SyntaxError, ValueError, OverflowError):
            # Can't check: not Python this interpreter parses (flake8 would report E999 and never call us).
            # libcst may still parse newer syntax, and it reports its own syntax errors as AFR900.
            return None
    return explain(measure(tree, limits.max_nodes), limits)


def explain(shape: Shape, limits: Limits) -> str | None:
    """The reason for the first limit exceeded, in a fixed order so that the message is deterministic."""
    if shape.operands > limits.max_depth:
        return (
            f"operator chain of {shape.operands} operands longer than the limit of {limits.max_depth} "
            "(azure-frt-max-depth)"
        )
    if shape.depth > limits.max_depth:
        return f"expression nesting {shape.depth} deeper than the limit of {limits.max_depth} (azure-frt-max-depth)"
    if shape.chain > limits.max_chain:
        return (
            f"attribute/call chain of {shape.chain} links longer than the limit of {limits.max_chain} "
            "(azure-frt-max-chain)"
        )
    if not shape.complete:
        return f"more than {limits.max_nodes} syntax nodes (azure-frt-max-nodes)"
    return None


def measure(tree: ast.AST, max_nodes: int) -> Shape:
    """Measure nesting depth, the longest trailer chain and operator chain, and the node count.

    depth: AST nodes on the deepest path below the module (statements, expressions, arguments,
      comprehensions...), where a BoolOp of n values counts as n - 1 levels because libcst nests
      ``a and b and c`` as binary operations although ``ast`` keeps it flat.
    chain: the longest run of ``.name``, ``(...)`` and ``[...]`` trailers, each counted as one link
      (``a.b().c()`` has 4): libcst nests each trailer inside the next.
    operands: the most operands in one run of nested binary operators (``a + b + c`` has 3), or in one
      BoolOp; these chains are what crash libcst's native parser.
    nodes: all nodes but contexts and operators.  The walk stops once it passes ``max_nodes``.
    """
    depth = chain = operands = nodes = 0
    # Each entry: node, its depth, the trailer run it continues, the operator run it continues.
    stack: list[tuple[ast.AST, int, int, int]] = [(tree, 0, 0, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        node, level, run_in, ops_in = pop()
        nodes += 1
        if nodes > max_nodes:
            return Shape(depth, chain, operands, nodes, complete=False)
        if level > depth:
            depth = level
        spine: ast.AST | None = None
        run = 0
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            run, spine = run_in + 1, node.value
        elif isinstance(node, ast.Call):
            run, spine = run_in + 1, node.func
        if run > chain:
            chain = run
        ops = 0
        step = 1
        if isinstance(node, ast.BinOp):
            ops = ops_in + 1
            if ops + 1 > operands:
                operands = ops + 1
        elif isinstance(node, ast.BoolOp):
            step = max(1, len(node.values) - 1)
            if len(node.values) > operands:
                operands = len(node.values)
        for field in node._fields:
            value = getattr(node, field, None)
            children = value if isinstance(value, list) else (value,)
            for child in children:
                if isinstance(child, ast.AST) and not isinstance(child, _LEAVES):
                    push((child, level + step, run if child is spine else 0, ops))
    return Shape(depth, chain, operands, nodes)
