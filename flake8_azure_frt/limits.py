"""Bounded work per file: cheap checks on flake8's ``ast`` tree before the costly libcst steps.

libcst's parser, its visitors and its metadata providers recurse once or more per level of nesting.  Past
a few hundred levels they raise ``RecursionError``, past a few thousand the native parser can crash the
process outright (a 10,000-operand ``a and b and ...`` segfaults libcst 1.9), and large flat files cost
seconds of metadata.  So before handing a file to libcst we measure its shape on the ``ast`` that flake8
has already built, and refuse shapes known to be unsafe or slow.  The measurements behind each default
are in docs/limits.md.

Every walk here is iterative (an explicit stack): a recursive walk would itself hit Python's recursion
limit on exactly the shapes this module exists to catch.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .settings import Limits

# Nodes with nothing below them that matters: load/store contexts and operator singletons.  Skipping them
# makes the walk about a third cheaper.
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
# Only statements and expressions add a level: libcst nests ``f(k=g())`` as deep as ``f(g())``, although
# ``ast`` puts a ``keyword`` node in between (likewise comprehension, arguments, withitem, handlers).
_LEVELS = (ast.expr, ast.stmt)

# One string literal (any prefix, any quotes), and what may separate the parts of an implicit
# concatenation.  Matched at fixed positions only, so a scan is linear in the literal's length.
_STRING = re.compile(
    rb"[A-Za-z]{0,2}(?:'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    rb"|'(?:[^'\\\r\n]|\\.)*'|\"(?:[^\"\\\r\n]|\\.)*\")",
    re.S,
)
_GAP = re.compile(rb"(?:[ \t\f\r\n]|\\\r?\n|#[^\r\n]*)*")
_NEWLINE = re.compile(rb"\r\n|\r|\n")


class BudgetExceeded(Exception):
    """The per-file time budget ran out (raised by the deadline's check, caught once per file)."""


@dataclass(frozen=True)
class Shape:
    """What the walk measured.  ``complete`` is False when it stopped early at the node limit.

    depth: statements and expressions on the deepest path, not counting the links of the chains below
      (libcst nests a bracket level as two nodes but a chain link as one, so chains get their own limit).
    chain: the most ``.name``, ``(...)`` and ``[...]`` trailers in one run (``a.b().c()`` has 4).
    operands: the most operands in one run of binary operators (``a + b + c`` has 3) or in one BoolOp,
      which ``ast`` keeps flat but libcst nests pairwise.
    parts: the most parts in one implicit string concatenation (``"a" "b"`` has 2), invisible in ``ast``
      but nested pairwise in libcst.  Exact only above the chain limit; smaller ones count as 1.
    branches: the most ``if``/``elif`` branches in one statement (libcst nests each ``elif`` in the last).
    nodes: AST nodes other than contexts and operators, plus the extra parts of long concatenations.
    """

    depth: int = 0
    chain: int = 0
    operands: int = 0
    parts: int = 0
    branches: int = 0
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
            return "nesting too deep for Python's own parser (azure-frt-max-depth)"
        except SyntaxError as exc:
            # Can't check, so don't go on: libcst's native parser crashes the process on some of what Python
            # rejects (10,000 nested brackets).  flake8 never gets here: it reports E999 and skips plugins.
            where = f" (line {exc.lineno})" if exc.lineno else ""
            return f"Python could not parse the file{where}: {exc.msg}"
        except (ValueError, OverflowError) as exc:  # NUL bytes, absurd literals
            return f"Python could not parse the file: {type(exc).__name__}"
    return explain(measure(tree, limits, source), limits)


def explain(shape: Shape, limits: Limits) -> str | None:
    """The reason for the first limit exceeded, in a fixed order (worst failure first) for stable messages."""
    chain_limit = f"the limit of {limits.max_chain} (azure-frt-max-chain)"
    if shape.operands > limits.max_chain:
        return f"operator chain of {shape.operands} operands longer than {chain_limit}"
    if shape.parts > limits.max_chain:
        return f"implicit string concatenation of {shape.parts} parts longer than {chain_limit}"
    if shape.chain > limits.max_chain:
        return f"attribute/call chain of {shape.chain} links longer than {chain_limit}"
    if shape.branches > limits.max_chain:
        return f"if/elif chain of {shape.branches} branches longer than {chain_limit}"
    if shape.depth > limits.max_depth:
        return f"expression nesting {shape.depth} deeper than the limit of {limits.max_depth} (azure-frt-max-depth)"
    if not shape.complete:
        return f"more than {limits.max_nodes} syntax nodes (azure-frt-max-nodes)"
    return None


class _Strings:
    """Counts the parts of implicit string concatenations from the source text, which ``ast`` folds away."""

    def __init__(self, source: str, threshold: int) -> None:
        self.source = source
        self.threshold = threshold
        self.data = b""
        self.starts: list[int] | None = None

    def parts(self, node: ast.expr) -> int:
        lineno, col = node.lineno, node.col_offset
        end_lineno, end_col = node.end_lineno, node.end_col_offset
        if end_lineno is None or end_col is None:
            return 1
        # Every part takes at least two bytes of quotes: a short literal can't hold more parts than the limit.
        if end_lineno == lineno and end_col - col < 2 * self.threshold:
            return 1
        if self.starts is None:
            # ast offsets are UTF-8 byte offsets on lines split the way the tokenizer splits them.
            self.data = self.source.encode("utf-8", "surrogatepass")
            self.starts = [0] + [m.end() for m in _NEWLINE.finditer(self.data)]
        if end_lineno > len(self.starts) or lineno < 1:
            return 1
        start = self.starts[lineno - 1] + col
        end = self.starts[end_lineno - 1] + end_col
        segment = self.data[start:end]
        if segment.count(b'"') + segment.count(b"'") < 2 * self.threshold:
            return 1
        count, pos = 0, 0
        while pos < len(segment):
            literal = _STRING.match(segment, pos)
            if literal is None:
                break  # something this scanner doesn't know (a nested f-string quote): stop, undercount
            count += 1
            gap = _GAP.match(segment, literal.end())
            pos = gap.end() if gap else literal.end()
        return max(count, 1)


def measure(tree: ast.AST, limits: Limits, source: str = "") -> Shape:
    """Measure the shape of ``tree`` (see Shape); stop once past ``limits.max_nodes`` nodes."""
    depth = chain = operands = parts = branches = nodes = 0
    strings = _Strings(source, limits.max_chain) if source else None
    max_nodes = limits.max_nodes
    # Each entry: a node, its level, and the trailer / operator / elif run it continues (0 when none).
    stack: list[tuple[ast.AST, int, int, int, int]] = [(tree, 0, 0, 0, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        node, level, run_in, ops_in, elif_in = pop()
        nodes += 1
        if nodes > max_nodes:
            return Shape(depth, chain, operands, parts, branches, nodes, complete=False)
        if level > depth:
            depth = level
        # The child that continues a chain sits at the same level: the chain limit covers it.
        spine: ast.AST | None = None
        run = ops = el = 0
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            run, spine = run_in + 1, node.value
        elif isinstance(node, ast.Call):
            run, spine = run_in + 1, node.func
        elif isinstance(node, ast.BinOp):
            ops = ops_in + 1
            operands = max(operands, ops + 1)
        elif isinstance(node, ast.BoolOp):
            operands = max(operands, len(node.values))
        elif isinstance(node, ast.If):
            el = elif_in + 1
            branches = max(branches, el)
            if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
                spine = node.orelse[0]
        elif strings is not None and (
            isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))
        ):
            count = strings.parts(node)
            parts = max(parts, count)
            nodes += count - 1
        chain = max(chain, run)
        in_fstring = isinstance(node, ast.JoinedStr)
        for field in node._fields:
            value = getattr(node, field, None)
            for child in value if isinstance(value, list) else (value,):
                if not isinstance(child, ast.AST) or isinstance(child, _LEAVES):
                    continue
                if in_fstring and isinstance(child, ast.Constant):
                    nodes += 1  # a literal piece of this f-string: counted, never scanned on its own
                elif child is spine:
                    push((child, level, run, 0, el))
                elif ops and isinstance(child, ast.BinOp):
                    push((child, level, 0, ops, 0))
                else:
                    push((child, level + 1 if isinstance(child, _LEVELS) else level, 0, 0, 0))
    return Shape(depth, chain, operands, parts, branches, nodes)
