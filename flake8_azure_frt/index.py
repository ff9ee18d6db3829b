"""One traversal of the libcst module that records what the later stages look up.

Imports are resolved here by hand instead of with libcst's ``QualifiedNameProvider``: that provider (and the
``ScopeProvider`` under it) costs several times the parse and raises ``RecursionError`` on long chains, while
the alias table below is all the rules need (``import x as y``, ``from a import b as c``, relative imports).

The traversal is a flat loop (``_walk``), not libcst's generic visitor: ``CSTNode.visit`` rebuilds every node
it passes (``_visit_and_replace_children`` constructs a copy even for a read-only visitor), which cost as much
as the parse itself. The loop calls the same ``visit_``/``leave_`` hooks in the same order, source order, and
skips the fields that only hold whitespace and punctuation.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

Expr = cst.BaseExpression

MUTATORS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "update",
        "add",
        "add_message",
        "add_messages",
        "add_user_message",
        "add_system_message",
        "add_developer_message",
        "add_assistant_message",
        "setdefault",
        "appendleft",
        "add_service",
        "add_plugin",
    }
)  # calls that add their arguments to the receiver (``messages.append(part)``)
SAVES = frozenset({"save", "write", "dump", "tofile", "writestr"})  # ``img.save(buf)``: the buffer gets the image
DRAWS = frozenset({"putText", "rectangle"})  # drawing onto a frame: the frame gets what is drawn


@dataclass(eq=False)
class Scope:
    """A module, class or function body: its bindings and, for functions, parameters and returns."""

    name: str
    kind: str  # "module" | "class" | "function"
    node: cst.CSTNode
    parent: Scope | None = None
    params: list[cst.Param] = field(default_factory=list)
    assigns: dict[str, list[Expr]] = field(default_factory=lambda: defaultdict(list))
    returns: list[Expr] = field(default_factory=list)
    class_scope: Scope | None = None  # the class a method belongs to

    def param(self, name: str) -> cst.Param | None:
        for p in self.params:
            if p.name.value == name:
                return p
        return None

    def param_index(self, name: str) -> int:
        for i, p in enumerate(self.params):
            if p.name.value == name:
                return i
        return -1

    @property
    def is_method(self) -> bool:
        return self.class_scope is not None

    def lookup(self, name: str) -> tuple[Scope, list[Expr]] | None:
        """Nearest binding of ``name`` from this scope outwards (class bodies are skipped, as in Python)."""
        scope: Scope | None = self
        while scope is not None:
            if scope.kind != "class" or scope is self:
                if name in scope.assigns or scope.param(name) is not None:
                    return scope, scope.assigns.get(name, [])
            scope = scope.parent
        return None


@dataclass(eq=False)
class ClassInfo:
    name: str
    node: cst.ClassDef
    scope: Scope
    attrs: dict[str, list[tuple[Expr, Scope]]] = field(default_factory=lambda: defaultdict(list))
    methods: dict[str, Scope] = field(default_factory=dict)
    fields: list[tuple[str, cst.CSTNode, Expr | None, Expr | None]] = field(default_factory=list)
    bases: list[Expr] = field(default_factory=list)


@dataclass(eq=False)
class CallSite:
    node: cst.Call
    scope: Scope
    in_loop: bool


@dataclass
class ModuleIndex:
    module: cst.Module
    root: Scope
    imports: dict[str, str] = field(default_factory=dict)
    relative_imports: dict[str, tuple[int, str]] = field(default_factory=dict)
    functions: dict[str, list[Scope]] = field(default_factory=lambda: defaultdict(list))
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    calls: list[CallSite] = field(default_factory=list)
    strings: list[cst.CSTNode] = field(default_factory=list)
    identifiers: dict[str, cst.CSTNode] = field(default_factory=dict)
    scope_of: dict[cst.CSTNode, Scope] = field(default_factory=dict)
    _literals: list[tuple[str, cst.SimpleString]] | None = None

    def literals(self) -> list[tuple[str, cst.SimpleString]]:
        """The module's plain string literals (no docstrings) with their values, evaluated once."""
        if self._literals is None:
            self._literals = []
            for node in self.strings:
                if isinstance(node, cst.SimpleString):
                    try:
                        value = node.evaluated_value
                    except Exception:
                        continue
                    if isinstance(value, str):
                        self._literals.append((value, node))
        return self._literals

    def qualname(self, expr: cst.CSTNode) -> str | None:
        """Dotted name of a Name/Attribute chain with its head resolved through the imports."""
        parts: list[str] = []
        node = expr
        while isinstance(node, cst.Attribute):
            parts.append(node.attr.value)
            node = node.value
        if not isinstance(node, cst.Name):
            return None
        head = self.imports.get(node.value)
        if head is None:
            rel = self.relative_imports.get(node.value)
            head = rel[1] if rel else node.value
        return ".".join([head, *reversed(parts)])


def dotted(node: cst.CSTNode) -> str | None:
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
        return ".".join(reversed(parts))
    return None


def names_in(expr: cst.CSTNode, limit: int) -> list[str]:
    """The plain names inside an expression (iteratively: expressions can be deep), at most ``limit``."""
    out: list[str] = []
    stack = [expr]
    while stack and len(out) < limit:
        node = stack.pop()
        if isinstance(node, cst.Name):
            out.append(node.value)
        stack.extend(node.children)
    return out


def _is_docstring(stmt: cst.BaseStatement | cst.BaseSmallStatement) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


class _Indexer(cst.CSTVisitor):
    def __init__(self, index: ModuleIndex, tick: object) -> None:
        self.index = index
        self.scope = index.root
        self.class_stack: list[ClassInfo] = []
        self.loop_depth = 0
        self.docstrings: set[cst.CSTNode] = set()
        self.tick = tick
        self._count = 0

    # --- scopes -------------------------------------------------------------------------------
    def _enter_body(self, body: cst.BaseSuite) -> None:
        if isinstance(body, cst.IndentedBlock) and body.body and _is_docstring(body.body[0]):
            stmt = body.body[0]
            assert isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], cst.Expr)
            self.docstrings.add(stmt.body[0].value)

    def visit_Module(self, node: cst.Module) -> None:
        if node.body and _is_docstring(node.body[0]):
            stmt = node.body[0]
            assert isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], cst.Expr)
            self.docstrings.add(stmt.body[0].value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._ident(node.name.value, node)
        scope = Scope(node.name.value, "class", node, parent=self.scope)
        info = ClassInfo(node.name.value, node, scope, bases=[a.value for a in node.bases])
        self.index.classes.setdefault(node.name.value, info)
        self.class_stack.append(info)
        self.scope = scope
        self._enter_body(node.body)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.class_stack.pop()
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._ident(node.name.value, node)
        params = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
        cls = self.class_stack[-1] if self.class_stack and self.scope.kind == "class" else None
        scope = Scope(node.name.value, "function", node, parent=self.scope, params=params)
        if cls is not None:
            scope.class_scope = cls.scope
            cls.methods[node.name.value] = scope
        self.index.functions[node.name.value].append(scope)
        self.index.scope_of[node] = scope
        self.scope = scope
        self._enter_body(node.body)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return True

    # --- loops ----------------------------------------------------------------------------------
    def visit_While(self, node: cst.While) -> None:
        self.loop_depth += 1

    def leave_While(self, original_node: cst.While) -> None:
        self.loop_depth -= 1

    def visit_For(self, node: cst.For) -> None:
        self.loop_depth += 1
        self._bind(node.target, node.iter)

    def leave_For(self, original_node: cst.For) -> None:
        self.loop_depth -= 1

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(node.target, node.iter)

    # --- imports --------------------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = dotted(alias.name)
            if full is None:
                continue
            if alias.asname and isinstance(alias.asname.name, cst.Name):
                self.index.imports[alias.asname.name.value] = full
            else:
                head = full.split(".")[0]
                self.index.imports.setdefault(head, head)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = dotted(node.module) if node.module else ""
        level = len(node.relative)
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = alias.name.value if isinstance(alias.name, cst.Name) else dotted(alias.name)
            if name is None:
                continue
            local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
            full = f"{module}.{name}" if module else name
            if level:
                self.index.relative_imports[local] = (level, full)
            else:
                self.index.imports[local] = full

    # --- bindings -------------------------------------------------------------------------------
    def _bind(self, target: cst.CSTNode, value: Expr | None) -> None:
        if value is None:
            return
        if isinstance(target, cst.Name):
            self.scope.assigns[target.value].append(value)
            self._ident(target.value, target)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = value.elements if isinstance(value, (cst.Tuple, cst.List)) else None
            for i, el in enumerate(target.elements):
                if elements is not None and i < len(elements):
                    self._bind(el.value, elements[i].value)
                else:
                    # Unpacking an opaque value (``a, b = make()``): name i is ``make()[i]``, which later
                    # stages read through the function's returned tuple, or as the whole value.
                    item = cst.Subscript(value, [cst.SubscriptElement(cst.Index(cst.Integer(str(i))))])
                    self._bind(el.value, item)
        elif isinstance(target, cst.StarredElement):
            self._bind(target.value, value)
        elif isinstance(target, cst.Attribute):
            self._ident(target.attr.value, target)
            base = target.value
            if isinstance(base, cst.Name) and self.class_stack and base.value in ("self", "cls"):
                self.class_stack[-1].attrs[target.attr.value].append((value, self.scope))
            else:
                name = dotted(target)
                if name:
                    self.scope.assigns[name].append(value)
        elif isinstance(target, cst.Subscript):
            name = dotted(target.value)
            if name:
                self._mutate(name, value)

    def _mutate(self, name: str, value: Expr) -> None:
        if name.startswith(("self.", "cls.")) and self.class_stack:
            self.class_stack[-1].attrs[name.split(".", 1)[1]].append((value, self.scope))
            return
        found = self.scope.lookup(name)
        scope = found[0] if found else self.scope
        scope.assigns[name].append(value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._bind(t.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self.scope.kind == "class" and isinstance(node.target, cst.Name):
            self.class_stack[-1].fields.append((node.target.value, node.target, node.value, node.annotation.annotation))
        if node.value is not None:
            self._bind(node.target, node.value)
        elif isinstance(node.target, cst.Name):
            self._ident(node.target.value, node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        name = dotted(node.target)
        if name:
            self._mutate(name, node.value)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(node.target, node.value)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind(node.asname.name, node.item)

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None and self.scope.kind == "function":
            self.scope.returns.append(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        if isinstance(node.value, cst.BaseExpression) and self.scope.kind == "function":
            self.scope.returns.append(node.value)

    # --- calls, strings, identifiers ------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        self._count += 1
        if self._count % 256 == 0:
            self.tick()  # type: ignore[operator]
        self.index.calls.append(CallSite(node, self.scope, self.loop_depth > 0))
        func = node.func
        if isinstance(func, cst.Attribute):
            self._ident(func.attr.value, func)
            base = func.value.value if isinstance(func.value, cst.Subscript) else func.value
            owner = dotted(base)
            if owner and func.attr.value in MUTATORS:
                for arg in node.args:
                    self._mutate(owner, arg.value)
            elif func.attr.value in SAVES and node.args:
                # ``img.save(buf)``: the buffer now carries the image.
                target = dotted(node.args[0].value)
                if target:
                    self._mutate(target, func.value)
            elif func.attr.value in DRAWS and node.args:
                # Drawing onto a frame: the frame now carries what is drawn (names, match labels).
                target = dotted(node.args[0].value)
                if target:
                    for arg in node.args[1:]:
                        self._mutate(target, arg.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self.index.strings.append(node)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.index.strings.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        self._ident(node.value, node)

    def visit_Param(self, node: cst.Param) -> None:
        self._ident(node.name.value, node)

    def _ident(self, name: str, node: cst.CSTNode) -> None:
        if name not in self.index.identifiers:
            self.index.identifiers[name] = node


# Fields that hold only whitespace, comments and punctuation (no name, string, call or binding below them).
_INERT_FIELDS = frozenset(
    {"lpar", "rpar", "comma", "colon", "dot", "equal", "lbrace", "rbrace", "lbracket", "rbracket", "leading_lines",
     "lines_after_decorators", "header", "footer", "semicolon", "newline", "trailing_whitespace", "first_colon",
     "second_colon", "asynchronous", "empty_lines", "comment", "first_line", "last_line", "leading_whitespace",
     "operator", "relative", "trailing_comma", "posonly_ind"}
)  # fmt: skip
_VISITED_FIELD = re.compile(r'visit_\w+\(\s*self,\s*"(\w+)"')

_Hook = Callable[[_Indexer, Any], Any]
# per node type: (visit hook, leave hook, the fields to descend into, in source order)
_Plan = tuple[_Hook | None, _Hook | None, tuple[str, ...]]
# Filled lazily, one entry per libcst node class: derived from code (libcst's and _Indexer's), never from a
# checked file or an option, so it is not state about inputs and needs no owner (tests/test_module_state.py).
_PLANS: dict[type, _Plan] = {}


def _plan(kind: type) -> _Plan:
    """How ``_walk`` treats a node type: its hooks, and its child fields in the order libcst visits them."""
    try:
        # libcst's own child order (source order) is spelled out in each node's _visit_and_replace_children.
        order = _VISITED_FIELD.findall(inspect.getsource(kind._visit_and_replace_children))  # type: ignore[attr-defined]
    except (OSError, TypeError, AttributeError):
        order = []
    if not order and dataclasses.is_dataclass(kind):
        order = [f.name for f in dataclasses.fields(kind)]
    fields = tuple(f for f in order if f not in _INERT_FIELDS and not f.startswith("whitespace"))
    name = kind.__name__
    plan = (getattr(_Indexer, f"visit_{name}", None), getattr(_Indexer, f"leave_{name}", None), fields)
    _PLANS[kind] = plan
    return plan


class _Leave:
    __slots__ = ("hook", "node")

    def __init__(self, hook: _Hook, node: cst.CSTNode) -> None:
        self.hook = hook
        self.node = node


def _walk(indexer: _Indexer, module: cst.Module) -> None:
    """Pre-order, source order, iterative (no recursion limit): what ``module.visit(indexer)`` does, cheaply."""
    plans = _PLANS
    node_type = cst.CSTNode
    stack: list[Any] = [module]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is _Leave:
            node.hook(indexer, node.node)
            continue
        plan = plans.get(kind) or _plan(kind)
        visit, leave, fields = plan
        if visit is not None:
            visit(indexer, node)
        if leave is not None:
            stack.append(_Leave(leave, node))
        if not fields:
            continue
        children: list[Any] = []
        for name in fields:
            value = getattr(node, name)
            if isinstance(value, node_type):
                children.append(value)
            elif isinstance(value, (tuple, list)):
                children.extend(value)
        children.reverse()
        stack.extend(children)


def build(module: cst.Module, tick: object, walk: bool = True) -> ModuleIndex:
    """The module's index. ``walk=False`` runs libcst's generic visitor instead (the reference, for tests)."""
    root = Scope("<module>", "module", module)
    index = ModuleIndex(module, root)
    indexer = _Indexer(index, tick)
    if walk:
        _walk(indexer, module)
    else:
        module.visit(indexer)
    index.strings = [s for s in index.strings if s not in indexer.docstrings and not _inside(s, indexer.docstrings)]
    return index


def _inside(node: cst.CSTNode, docstrings: set[cst.CSTNode]) -> bool:
    # ConcatenatedString docstrings contain SimpleString parts; those parts are docstrings too.
    return any(isinstance(d, cst.ConcatenatedString) and (node is d.left or node is d.right) for d in docstrings)
