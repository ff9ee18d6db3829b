"""What text and images reach a request: a bounded, flow-insensitive walk over bindings in the module.

Two walks share one context model:
- ``strings`` rebuilds whole prompt strings (literals, f-strings, ``+``, ``%``, ``.format``, ``str.join``)
  so that a phrase split over pieces is still read as one sentence;
- ``collect`` walks structures (message lists built step by step, dicts, helper calls, attributes) and gathers
  prompt texts, image inputs, face crops and face-matcher results.

Both are iterative or depth-capped: a recursive evaluator would hit Python's recursion limit on the very
shapes (long chains, deep nesting) that real generated code contains.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import libcst as cst

from . import surfaces, taint
from .findings import EvidenceKind, image_input
from .index import ClassInfo, ModuleIndex, Scope, dotted, names_in
from .lexicon import identifier_words

Expr = cst.BaseExpression
_MAX_ALTS = 8
_MAX_DEPTH = 14
_MAX_STEPS = 6000
_MAX_CTX_DEPTH = 4
_FORMAT_FIELD = re.compile(r"\{([^{}]*)\}")
_STR_METHODS = frozenset(
    {
        "strip",
        "lstrip",
        "rstrip",
        "lower",
        "upper",
        "title",
        "capitalize",
        "casefold",
        "replace",
        "format_map",
        "removeprefix",
        "removesuffix",
        "expandtabs",
        "encode",
        "decode",
    }
)
_STR_FUNCS = frozenset(
    {
        "str",
        "textwrap.dedent",
        "dedent",
        "inspect.cleandoc",
        "cleandoc",
        "textwrap.fill",
        "markdown",
        "PromptTemplate.from_template",
        "ChatPromptTemplate.from_template",
        "langchain_core.prompts.PromptTemplate.from_template",
        "langchain.prompts.PromptTemplate.from_template",
        "PromptTemplate",
        "Template",
        "string.Template",
        "jinja2.Template",
    }
)


@dataclass(eq=False)
class Ctx:
    """Where an expression is evaluated: its scope and, inside a called helper, the caller's arguments."""

    scope: Scope
    bindings: dict[str, tuple[Expr, Ctx]] | None = None
    depth: int = 0
    # The evaluator of the module this scope belongs to, when it is another project file (None: the current one).
    owner: Evaluator | None = None

    def bound(self, name: str) -> tuple[Expr, Ctx] | None:
        if self.bindings is None:
            return None
        return self.bindings.get(name)


@dataclass(frozen=True)
class Text:
    value: str
    node: cst.CSTNode
    field: bool = False
    origin: str = ""


@dataclass
class Bag:
    texts: list[Text] = field(default_factory=list)
    media: list[tuple[str, cst.CSTNode]] = field(default_factory=list)
    crops: list[cst.CSTNode] = field(default_factory=list)
    matchers: list[tuple[str, cst.CSTNode]] = field(default_factory=list)
    params: set[tuple[int, str]] = field(default_factory=set)
    param_scopes: dict[int, Scope] = field(default_factory=dict)


class Evaluator:
    def __init__(
        self,
        index: ModuleIndex,
        tick: Callable[[], None],
        skip_calls: set[cst.Call],
        read_file: Callable[[Expr, Ctx], list[tuple[str, cst.CSTNode]]] | None = None,
        remote: Callable[..., list[tuple[str, cst.CSTNode]]] | None = None,
    ) -> None:
        self.index = index
        self.tick = tick
        self.skip_calls = skip_calls
        self.read_file = read_file
        self.remote = remote  # names imported from local modules -> their string values
        self._strings_memo: dict[tuple[int, int, int], tuple[list[tuple[str, cst.CSTNode]], Expr, Ctx]] = {}
        self.env: Callable[[str, cst.CSTNode], list[tuple[str, cst.CSTNode]]] | None = None
        self.loaded: Callable[[cst.Call, Ctx, list[str]], list[tuple[str, cst.CSTNode]]] | None = None
        # helper functions defined in other project files: dotted name -> (their evaluator, their scope)
        self.remote_functions: Callable[[str], list[tuple[Evaluator, Scope]]] | None = None

    def forget(self) -> None:
        """Drop memoised results (a cached evaluator of another project file, before the next file)."""
        self._strings_memo.clear()

    # ---------------------------------------------------------------------------------- bindings
    def resolve_name(self, name: str, ctx: Ctx) -> tuple[list[tuple[Expr, Ctx]], bool]:
        """Values bound to ``name`` seen from ``ctx``; the flag says it is an unbound parameter."""
        bound = ctx.bound(name)
        if bound is not None:
            # The argument, plus what the function itself adds to it (``frame`` drawn on, ``parts.append``).
            return [bound, *((v, ctx) for v in ctx.scope.assigns.get(name, []))], False
        found = ctx.scope.lookup(name)
        if found is None:
            return [], False
        scope, values = found
        target_ctx = ctx if scope is ctx.scope else Ctx(scope, None, ctx.depth, ctx.owner)
        out = [(v, target_ctx) for v in values]
        param = scope.param(name)
        if param is not None:
            if param.default is not None:
                out.append((param.default, target_ctx))
            return out, not values
        return out, False

    def resolve_attr(self, node: cst.Attribute, ctx: Ctx, depth: int = 0) -> list[tuple[Expr, Ctx]]:
        base = node.value
        attr = node.attr.value
        if isinstance(base, cst.Name) and base.value in ("self", "cls"):
            cls_scope = ctx.scope.class_scope or (ctx.scope if ctx.scope.kind == "class" else None)
            if cls_scope is not None:
                info = self.index.classes.get(cls_scope.name)
                if info is not None:
                    vals = [(v, Ctx(s, None, ctx.depth, ctx.owner)) for v, s in info.attrs.get(attr, [])]
                    vals += [(v, Ctx(info.scope, None, ctx.depth, ctx.owner)) for v in info.scope.assigns.get(attr, [])]
                    return vals
        name = dotted(node)
        if name is not None:
            found = ctx.scope.lookup(name)
            if found is not None:
                return [(v, Ctx(found[0], None, ctx.depth, ctx.owner)) for v in found[1]]
        if isinstance(base, cst.Name):
            info = self.index.classes.get(base.value)
            if info is not None:
                vals = [(v, Ctx(info.scope, None, ctx.depth, ctx.owner)) for v in info.scope.assigns.get(attr, [])]
                vals += [(v, Ctx(s, None, ctx.depth, ctx.owner)) for v, s in info.attrs.get(attr, [])]
                return vals
            # An instance of a local class (config objects, dataclasses): its fields and attributes.
            values, unbound = self.resolve_name(base.value, ctx)
            for value, vctx in values:
                if isinstance(value, cst.Call):
                    cls = self.index.classes.get(dotted(value.func) or "")
                    if cls is not None:
                        return self._instance_attr(cls, attr, value, vctx)
                elif isinstance(value, cst.Name) and depth < 6 and vctx.owner in (None, self):
                    # the object was passed in as an argument: follow it to the caller
                    followed = self.resolve_attr(cst.Attribute(value, node.attr), vctx, depth + 1)
                    if followed:
                        return followed
            if unbound:
                found = ctx.scope.lookup(base.value)
                param = found[0].param(base.value) if found else None
                if param is not None and param.annotation is not None:
                    cls = self.index.classes.get(dotted(param.annotation.annotation) or "")
                    if cls is not None:
                        return self._instance_attr(cls, attr, None, ctx)
        return []

    def _instance_attr(self, cls: ClassInfo, attr: str, call: cst.Call | None, ctx: Ctx) -> list[tuple[Expr, Ctx]]:
        out: list[tuple[Expr, Ctx]] = []
        names = [f[0] for f in cls.fields]
        for i, arg in enumerate(call.args if call is not None else ()):
            if arg.keyword is not None and arg.keyword.value == attr:
                out.append((arg.value, ctx))
            elif arg.keyword is None and i < len(names) and names[i] == attr:
                out.append((arg.value, ctx))
        for fname, _, default, _ in cls.fields:
            if fname == attr and default is not None:
                out.append((_field_default(default), Ctx(cls.scope, None, ctx.depth, ctx.owner)))
        out += [
            (v, Ctx(cls.scope, None, ctx.depth, ctx.owner))
            for v in cls.scope.assigns.get(attr, [])
            if not _is_field_default(v, cls)
        ]
        out += [(v, Ctx(s, None, ctx.depth, ctx.owner)) for v, s in cls.attrs.get(attr, [])]
        return out

    def _settings_env(self, expr: cst.Attribute, ctx: Ctx) -> list[tuple[str, cst.CSTNode]]:
        """``settings.agency_name`` of a pydantic ``BaseSettings`` instance: the field's value comes from the
        environment (the project's .env, the field name in any case) before its default."""
        if self.env is None or not isinstance(expr.value, cst.Name):
            return []
        for value, _ in self.resolve_name(expr.value.value, ctx)[0][:4]:
            cls = self.index.classes.get(dotted(value.func) or "") if isinstance(value, cst.Call) else None
            if cls is not None and any((dotted(b) or "").endswith("BaseSettings") for b in cls.bases):
                attr = expr.attr.value
                return self.env(attr.upper(), expr) or self.env(attr, expr)
        return []

    def _imported_instance_attr(self, name: str, attr: str, ctx: Ctx) -> list[tuple[str, cst.CSTNode]]:
        """``config.task`` where ``config`` holds an instance of a class from another project module (a config
        object built here or passed in by a caller): the class's attribute or field default there."""
        out: list[tuple[str, cst.CSTNode]] = []
        for value, vctx in self.resolve_name(name, ctx)[0][:4]:
            if not isinstance(value, cst.Call):
                continue
            owner = vctx.owner or self
            cls = dotted(value.func) or ""
            head = cls.split(".")[0]
            if owner.remote is not None and (head in owner.index.imports or head in owner.index.relative_imports):
                out.extend(owner.remote(f"{cls}.{attr}"))
        return out

    def local_functions(self, func: Expr, ctx: Ctx) -> list[Scope]:
        """Helper functions or methods of this module that a call may reach."""
        if isinstance(func, cst.Name):
            if func.value in self.index.imports or func.value in self.index.relative_imports:
                return []
            return [s for s in self.index.functions.get(func.value, []) if not s.is_method]
        if isinstance(func, cst.Attribute):
            methods = [s for s in self.index.functions.get(func.attr.value, []) if s.is_method]
            if isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
                own = ctx.scope.class_scope
                same = [m for m in methods if m.class_scope is own]
                return same or methods
            if isinstance(func.value, cst.Name) and func.value.value in self.index.classes:
                return [m for m in methods if m.class_scope is self.index.classes[func.value.value].scope]
            return methods if len(methods) == 1 else []
        return []

    def bind_call(
        self, func_scope: Scope, call: cst.Call, ctx: Ctx, via_attribute: bool, owner: Evaluator | None = None
    ) -> Ctx | None:
        """A context for ``func_scope``'s body with its parameters bound to ``call``'s arguments.

        ``owner`` is the evaluator of the module that defines the function when that is another project file;
        the arguments then keep an explicit owner too, so that each expression is read against its own module.
        """
        if ctx.depth >= _MAX_CTX_DEPTH:
            return None
        if ctx.owner is None:
            ctx = replace(ctx, owner=self)
        owner = owner or self
        params = func_scope.params
        offset = 1 if func_scope.is_method and params and params[0].name.value in ("self", "cls") else 0
        bindings: dict[str, tuple[Expr, Ctx]] = {}
        pos = 0
        for arg in call.args:
            if arg.star:
                continue
            if arg.keyword is not None:
                bindings[arg.keyword.value] = (arg.value, ctx)
            else:
                i = pos + offset
                if i < len(params):
                    bindings[params[i].name.value] = (arg.value, ctx)
                pos += 1
        return Ctx(func_scope, bindings, ctx.depth + 1, owner)

    # ---------------------------------------------------------------------------------- strings
    def strings(self, expr: Expr, ctx: Ctx, depth: int = 0) -> list[tuple[str, cst.CSTNode]]:
        """Whole strings an expression may evaluate to (bounded alternatives), each with a node for its line."""
        if depth > _MAX_DEPTH:
            return []
        if ctx.owner is not None and ctx.owner is not self:
            return ctx.owner.strings(expr, ctx, depth)
        if isinstance(expr, cst.SimpleString):
            return self._strings(expr, ctx, depth)
        # Memoised: a name fans out to all its assignments, and without this the walk is exponential on
        # files that rebuild the same value many times. A cycle sees the in-progress empty result.
        key = (id(expr), id(ctx.scope), id(ctx.bindings))
        cached = self._strings_memo.get(key)
        if cached is not None:
            return cached[0]
        self._strings_memo[key] = ([], expr, ctx)  # holding expr and ctx keeps their ids from being reused
        found = self._strings(expr, ctx, depth)
        self._strings_memo[key] = (found, expr, ctx)
        return found

    def _strings(self, expr: Expr, ctx: Ctx, depth: int) -> list[tuple[str, cst.CSTNode]]:
        self.tick()
        if isinstance(expr, cst.SimpleString):
            try:
                value = expr.evaluated_value
            except Exception:
                return []
            return [(value, expr)] if isinstance(value, str) else []
        if isinstance(expr, cst.ConcatenatedString):
            return self._product(self.strings(expr.left, ctx, depth + 1), self.strings(expr.right, ctx, depth + 1))
        if isinstance(expr, cst.FormattedString):
            return [(self._fstring(expr, ctx, depth), expr)]
        if isinstance(expr, cst.Name):
            values, unbound = self.resolve_name(expr.value, ctx)
            if unbound and not values:
                return []
            out: list[tuple[str, cst.CSTNode]] = []
            for bound_value, vctx in values:
                out.extend(self.strings(bound_value, vctx, depth + 1))
                if len(out) >= _MAX_ALTS:
                    break
            if not values and self.remote is not None:
                out.extend(self.remote(expr.value))
            return out[:_MAX_ALTS]
        if isinstance(expr, cst.Attribute):
            out = self._settings_env(expr, ctx)
            for bound_value, vctx in self.resolve_attr(expr, ctx):
                out.extend(self.strings(bound_value, vctx, depth + 1))
            if not out and self.remote is not None:
                name = dotted(expr)
                if name:
                    out.extend(self.remote(name))
            if not out and isinstance(expr.value, cst.Name):
                out.extend(self._imported_instance_attr(expr.value.value, expr.attr.value, ctx))
            return out[:_MAX_ALTS]
        if isinstance(expr, cst.BinaryOperation):
            left = self.strings(expr.left, ctx, depth + 1)
            right = self.strings(expr.right, ctx, depth + 1)
            if isinstance(expr.operator, cst.Add):
                if not left or not right:
                    return left or right
                return self._product(left, right)
            if isinstance(expr.operator, cst.Modulo):
                if not right:
                    return left
                return [(a + " " + b, n) for (a, n), (b, _) in itertools.islice(itertools.product(left, right), 8)]
            return []
        if isinstance(expr, cst.IfExp):
            return (self.strings(expr.body, ctx, depth + 1) + self.strings(expr.orelse, ctx, depth + 1))[:_MAX_ALTS]
        if isinstance(expr, cst.BooleanOperation):
            return (self.strings(expr.left, ctx, depth + 1) + self.strings(expr.right, ctx, depth + 1))[:_MAX_ALTS]
        if isinstance(expr, cst.Subscript):
            return self._subscript_strings(expr, ctx, depth)
        if isinstance(expr, cst.Call):
            return self._call_strings(expr, ctx, depth)
        if isinstance(expr, cst.Await):
            return self.strings(expr.expression, ctx, depth + 1)
        return []

    def _product(
        self, left: list[tuple[str, cst.CSTNode]], right: list[tuple[str, cst.CSTNode]]
    ) -> list[tuple[str, cst.CSTNode]]:
        return [(a + b, n) for (a, n), (b, _) in itertools.islice(itertools.product(left, right), _MAX_ALTS)]

    def _fstring(self, expr: cst.FormattedString, ctx: Ctx, depth: int) -> str:
        parts: list[str] = []
        for part in expr.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(part.value)
            elif isinstance(part, cst.FormattedStringExpression):
                inner = self.strings(part.expression, ctx, depth + 1)
                if inner:
                    parts.append(inner[0][0])
                else:
                    name = dotted(part.expression)
                    parts.append(identifier_words(name.split(".")[-1]) if name else "")
        return taint.join("", parts)  # an environment value in a hole taints the whole string

    def _subscript_strings(self, expr: cst.Subscript, ctx: Ctx, depth: int) -> list[tuple[str, cst.CSTNode]]:
        if self.env is not None and self.index.qualname(expr.value) == "os.environ":
            # os.environ["KEY"]: the .env value (tainted), never a quotable string
            keys = [k for k in (self._literal_key(expr),) if k]
            return self.env(keys[0], expr) if keys else []
        if self.loaded is not None or self.remote is not None:
            found = self._outside_strings(expr, ctx)
            if found:
                return found
        key = None
        if len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index):
            k = expr.slice[0].slice.value
            if isinstance(k, cst.SimpleString):
                key = k.evaluated_value
        out: list[tuple[str, cst.CSTNode]] = []
        for container, cctx in self._values_of(expr.value, ctx):
            if isinstance(container, cst.Dict):
                for el in container.elements:
                    if not isinstance(el, cst.DictElement):
                        continue
                    ek = el.key.evaluated_value if isinstance(el.key, cst.SimpleString) else None
                    if key is None or ek == key:
                        out.extend(self.strings(el.value, cctx, depth + 1))
            elif isinstance(container, (cst.List, cst.Tuple)):
                for item in container.elements:
                    out.extend(self.strings(item.value, cctx, depth + 1))
        return out[:_MAX_ALTS]

    @staticmethod
    def _literal_key(expr: cst.Subscript) -> str | None:
        if len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index):
            key = expr.slice[0].slice.value
            if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
                return key.evaluated_value
        return None

    def _outside_strings(self, expr: cst.Subscript, ctx: Ctx) -> list[tuple[str, cst.CSTNode]]:
        """``cfg["agency"]["name"]`` of a loaded settings file, or ``PROMPTS["who"]`` of a local module."""
        base, keys = subscript_keys(expr)
        out: list[tuple[str, cst.CSTNode]] = []
        if self.loaded is not None:
            for value, vctx in self._values_of(base, ctx):
                if isinstance(value, cst.Call):
                    out += self.loaded(value, vctx, keys)
        name = dotted(base)
        if not out and name and self.remote is not None and not self._values_of(base, ctx):
            out += self.remote(name, keys[0] if keys else None)
        return out[:_MAX_ALTS]

    def _values_of(self, expr: Expr, ctx: Ctx) -> list[tuple[Expr, Ctx]]:
        if isinstance(expr, cst.Name):
            values, _ = self.resolve_name(expr.value, ctx)
            return values
        if isinstance(expr, cst.Attribute):
            return self.resolve_attr(expr, ctx)
        return [(expr, ctx)]

    def _call_strings(self, expr: cst.Call, ctx: Ctx, depth: int) -> list[tuple[str, cst.CSTNode]]:
        func = expr.func
        qn = self.index.qualname(func) or ""
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method == "format":
                templates = self.strings(func.value, ctx, depth + 1)
                return [(self._format(t, expr, ctx, depth), n) for t, n in templates]
            if method == "join":
                seps = self.strings(func.value, ctx, depth + 1)
                sep = seps[0][0] if seps else " "
                items = self._element_strings(expr.args[0].value, ctx, depth) if expr.args else []
                if items:
                    return [(taint.join(sep, [s for s, _ in items]), items[0][1])]
                return []
            if method in _STR_METHODS:
                return self.strings(func.value, ctx, depth + 1)
            if method in ("read", "read_text") and self.read_file is not None:
                return self.read_file(func.value, ctx)
            if method in ("substitute", "safe_substitute", "render", "format_prompt", "format_messages"):
                return self.strings(func.value, ctx, depth + 1)
        if _is_env_call(qn):
            found = self.strings(expr.args[1].value, ctx, depth + 1) if len(expr.args) > 1 else []
            if self.env is not None and expr.args:
                for env_key, _ in self.strings(expr.args[0].value, ctx, depth + 1)[:1]:
                    found += self.env(env_key, expr)
            return found
        if isinstance(func, cst.Attribute) and func.attr.value == "get" and expr.args:
            key = expr.args[0].value
            if isinstance(key, cst.SimpleString):
                lookup = cst.Subscript(func.value, [cst.SubscriptElement(cst.Index(key))])
                return self._subscript_strings(lookup, ctx, depth)
        if qn in _STR_FUNCS or qn.split(".")[-1] in ("dedent", "cleandoc", "from_template", "Template"):
            return self.strings(expr.args[0].value, ctx, depth + 1) if expr.args else []
        if expr in self.skip_calls:
            return []
        out: list[tuple[str, cst.CSTNode]] = []
        targets: list[tuple[Evaluator | None, Scope]] = [(None, s) for s in self.local_functions(func, ctx)]
        for owner, scope in targets or self._remote_helpers(func, ctx):
            inner = self.bind_call(scope, expr, ctx, isinstance(func, cst.Attribute), owner)
            if inner is None:
                continue
            for ret in scope.returns:
                out.extend(self.strings(ret, inner, depth + 1))
        return out[:_MAX_ALTS]

    def _format(self, template: str, call: cst.Call, ctx: Ctx, depth: int) -> str:
        positional = [a.value for a in call.args if a.keyword is None and not a.star]
        keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
        counter = itertools.count()
        used: list[str] = []  # filled-in values: the result carries their taint

        def sub(m: re.Match[str]) -> str:
            name = m.group(1).split("!")[0].split(":")[0].split(".")[0].split("[")[0]
            if name == "":
                i = next(counter)
                value = positional[i] if i < len(positional) else None
            elif name.isdigit():
                i = int(name)
                value = positional[i] if i < len(positional) else None
            else:
                value = keywords.get(name)
            if value is not None:
                got = self.strings(value, ctx, depth + 1)
                if got:
                    used.append(got[0][0])
                    return got[0][0]
            return identifier_words(name) if name and not name.isdigit() else ""

        return taint.like(_FORMAT_FIELD.sub(sub, template), template, *used)

    def _element_strings(self, expr: Expr, ctx: Ctx, depth: int) -> list[tuple[str, cst.CSTNode]]:
        out: list[tuple[str, cst.CSTNode]] = []
        for value, vctx in self._values_of(expr, ctx):
            if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                for el in value.elements:
                    out.extend(self.strings(el.value, vctx, depth + 1)[:1])
            elif isinstance(value, (cst.ListComp, cst.GeneratorExp)):
                out.extend(self.strings(value.elt, vctx, depth + 1)[:1])
            else:
                out.extend(self.strings(value, vctx, depth + 1)[:1])
            if len(out) > 64:
                break
        return out

    # ---------------------------------------------------------------------------------- collect
    def collect(self, roots: list[tuple[Expr, Ctx]], schema: bool = False) -> Bag:
        bag = Bag()
        stack: list[tuple[Expr, Ctx, bool]] = [(e, c, schema) for e, c in reversed(roots)]
        seen: set[tuple[int, int]] = set()
        steps = 0
        while stack and steps < _MAX_STEPS:
            expr, ctx, is_schema = stack.pop()
            key = (id(expr), id(ctx.bindings))
            if key in seen:
                continue
            seen.add(key)
            steps += 1
            if steps % 64 == 0:
                self.tick()
            self._collect_one(expr, ctx, is_schema, bag, stack)
        return bag

    def _text(self, bag: Bag, expr: Expr, ctx: Ctx) -> None:
        for value, node in self.strings(expr, ctx):
            bag.texts.append(Text(value, node))
            low = value.lstrip()[:40].lower()
            if low.startswith("data:image") or "<img " in value:
                bag.media.append((EvidenceKind.IMAGE_DATA_URL, node))

    def _collect_one(
        self, expr: Expr, ctx: Ctx, is_schema: bool, bag: Bag, stack: list[tuple[Expr, Ctx, bool]]
    ) -> None:
        if ctx.owner is not None and ctx.owner is not self:
            ctx.owner._collect_one(expr, ctx, is_schema, bag, stack)
            return
        push = stack.append
        if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
            self._text(bag, expr, ctx)
        elif isinstance(expr, cst.FormattedString):
            self._text(bag, expr, ctx)
            for part in expr.parts:
                if isinstance(part, cst.FormattedStringExpression):
                    push((part.expression, ctx, False))
        elif isinstance(expr, cst.Name):
            if expr.value in ("None", "True", "False"):
                return
            values, unbound = self.resolve_name(expr.value, ctx)
            if unbound:
                found = ctx.scope.lookup(expr.value)
                if found is not None:
                    bag.param_scopes[id(found[0])] = found[0]
                    bag.params.add((id(found[0]), expr.value))
            for value, vctx in values:
                push((value, vctx, is_schema))
            info = self.index.classes.get(expr.value) if not values else None
            if info is not None and any((dotted(b) or "").endswith("Signature") for b in info.bases):
                self._signature_class(info, bag)
            elif is_schema or info is not None:
                self._schema_class(expr.value, bag)
            if not values and self.remote is not None:
                for text, node in self.remote(expr.value):
                    bag.texts.append(Text(text, node, origin="import"))
        elif isinstance(expr, cst.Attribute):
            values = self.resolve_attr(expr, ctx)
            for value, vctx in values:
                push((value, vctx, is_schema))
            if not values:
                name = dotted(expr)
                head = name.split(".")[0] if name else ""
                imported = head in self.index.imports or head in self.index.relative_imports
                if name and self.remote is not None and imported:
                    for text, node in self.remote(name):
                        bag.texts.append(Text(text, node, origin="import"))
                push((expr.value, ctx, False))
        elif isinstance(expr, cst.Call):
            self._collect_call(expr, ctx, is_schema, bag, push)
        elif isinstance(expr, cst.BinaryOperation):
            if isinstance(expr.operator, (cst.Add, cst.Modulo)) and self.strings(expr, ctx):
                self._text(bag, expr, ctx)
            push((expr.left, ctx, is_schema))
            push((expr.right, ctx, is_schema))
        elif isinstance(expr, cst.Dict):
            self._collect_dict(expr, ctx, bag, push)
        elif isinstance(expr, (cst.List, cst.Tuple, cst.Set)):
            for el in expr.elements:
                push((el.value, ctx, is_schema))
        elif isinstance(expr, cst.Subscript):
            slices = [s.slice for s in expr.slice if isinstance(s.slice, cst.Slice)]
            # ``img[y:y + h, x:x + w]`` crops a region; ``img[:, :, ::-1]`` only reorders channels.
            if len(slices) >= 2 and any(s.lower is not None or s.upper is not None for s in slices):
                bag.crops.append(expr)
            self._text(bag, expr, ctx)
            push((expr.value, ctx, is_schema))
            for s in expr.slice:
                if isinstance(s.slice, cst.Index):
                    push((s.slice.value, ctx, False))
        elif isinstance(expr, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            push((expr.elt, ctx, is_schema))
            push((expr.for_in.iter, ctx, is_schema))
        elif isinstance(expr, cst.DictComp):
            push((expr.value, ctx, is_schema))
            push((expr.for_in.iter, ctx, is_schema))
        elif isinstance(expr, cst.Await):
            push((expr.expression, ctx, is_schema))
        elif isinstance(expr, cst.IfExp):
            push((expr.body, ctx, is_schema))
            push((expr.orelse, ctx, is_schema))
        elif isinstance(expr, cst.BooleanOperation):
            push((expr.left, ctx, is_schema))
            push((expr.right, ctx, is_schema))
        elif isinstance(expr, (cst.UnaryOperation, cst.StarredElement)):
            inner = expr.expression if isinstance(expr, cst.UnaryOperation) else expr.value
            push((inner, ctx, is_schema))

    def _collect_dict(self, expr: cst.Dict, ctx: Ctx, bag: Bag, push: Callable[[tuple[Expr, Ctx, bool]], None]) -> None:
        for el in expr.elements:
            if not isinstance(el, cst.DictElement):
                push((el.value, ctx, False))
                continue
            key = el.key.evaluated_value if isinstance(el.key, cst.SimpleString) else None
            if key == "type":
                kind = self.strings(el.value, ctx)
                if any(k in surfaces.IMAGE_PART_TYPES for k, _ in kind):
                    part = "environment-set" if taint.is_tainted(kind[0][0]) else kind[0][0]
                    bag.media.append((image_input(f"{part} part"), expr))
            elif key in surfaces.IMAGE_DICT_KEYS:
                bag.media.append((image_input(key), el.value))
            if key == "properties" and isinstance(el.value, cst.Dict):
                for prop in el.value.elements:
                    if isinstance(prop, cst.DictElement) and isinstance(prop.key, cst.SimpleString):
                        name = prop.key.evaluated_value
                        if isinstance(name, str):
                            bag.texts.append(Text(name, prop.key, field=True))
            if key in ("role", "type", "detail", "mime_type", "media_type", "model"):
                continue
            push((el.value, ctx, False))

    def _collect_call(
        self, expr: cst.Call, ctx: Ctx, is_schema: bool, bag: Bag, push: Callable[[tuple[Expr, Ctx, bool]], None]
    ) -> None:
        func = expr.func
        qn = self.index.qualname(func) or ""
        if surfaces.FACE_MATCHERS.search(qn):
            bag.matchers.append((qn, expr))
        if surfaces.IMAGE_CONSTRUCTORS.search(qn):
            bag.media.append((image_input(".".join(qn.split(".")[-2:])), expr))
        for arg in expr.args:
            if arg.keyword is not None and arg.keyword.value in surfaces.IMAGE_KWARGS:
                bag.media.append((image_input(f"{arg.keyword.value}="), arg.value))
        if isinstance(func, cst.Attribute) and func.attr.value == "crop":
            bag.crops.append(expr)
        if expr in self.skip_calls:
            return  # the output of another model call is not this request's prompt
        if (isinstance(func, cst.Attribute) and func.attr.value in ("format", "join")) or self._stringish(qn):
            self._text(bag, expr, ctx)
        elif self.env is not None and _is_env_call(qn):
            self._text(bag, expr, ctx)  # the .env value (tainted) and the default
        helpers = self.local_functions(func, ctx)
        for scope in helpers:
            inner = self.bind_call(scope, expr, ctx, isinstance(func, cst.Attribute))
            if inner is not None:
                for ret in scope.returns:
                    push((ret, inner, is_schema))
        if not helpers:
            for owner, scope in self._remote_helpers(func, ctx):
                inner = self.bind_call(scope, expr, ctx, False, owner)
                if inner is not None:
                    helpers.append(scope)
                    for ret in scope.returns:
                        push((ret, inner, is_schema))
        if not helpers:
            if isinstance(func, cst.Attribute) and func.attr.value in ("read", "read_text") and self.read_file:
                for text, node in self.read_file(func.value, ctx):
                    bag.texts.append(Text(text, node, origin="file"))
            elif qn.split(".")[-1] in ("from_prompty", "load_prompty") and self.read_file:
                for text, node in self.read_file(expr, ctx):  # a prompty template loaded from a project file
                    bag.texts.append(Text(text, node, origin="file"))
            cls = self.index.classes.get(dotted(func) or "")
            if cls is not None and is_schema:
                self._schema_class(cls.name, bag)
            for arg in expr.args:
                push((arg.value, ctx, is_schema and arg.keyword is None))
            if isinstance(func, cst.Attribute):
                push((func.value, ctx, False))

    def _remote_helpers(self, func: Expr, ctx: Ctx) -> list[tuple[Evaluator, Scope]]:
        name = dotted(func)
        if self.remote_functions is None or name is None or ctx.scope.lookup(name.split(".")[0]) is not None:
            return []
        return self.remote_functions(name)

    def _stringish(self, qn: str) -> bool:
        return qn in _STR_FUNCS or qn.split(".")[-1] in ("dedent", "cleandoc", "from_template")

    def _signature_class(self, info: ClassInfo, bag: Bag) -> None:
        """A dspy Signature: unlike other docstrings, its docstring *is* the prompt, with its fields' descs."""
        doc = info.node.get_docstring()
        if doc:
            bag.texts.append(Text(doc, info.node))
        for fname, node, default, annotation in info.fields:
            bag.texts.append(Text(fname, node, field=True))
            if isinstance(default, cst.Call):
                for arg in default.args:
                    if arg.keyword is not None and arg.keyword.value in ("desc", "description", "prefix"):
                        for text, tnode in self.strings(arg.value, Ctx(info.scope)):
                            bag.texts.append(Text(text, tnode))
            if annotation is not None and (dotted(annotation) or "").endswith("Image"):
                bag.media.append((image_input("dspy.Image field"), node))

    def _schema_class(self, name: str, bag: Bag, depth: int = 0) -> None:
        """A response-schema class: its field names (and Field descriptions) are purpose text, nested models too."""
        info = self.index.classes.get(name)
        if info is None or depth > 3:
            return
        for fname, node, default, annotation in info.fields:
            bag.texts.append(Text(fname, node, field=True))
            if annotation is not None:
                for sub in names_in(annotation, 20):
                    if sub in self.index.classes and sub != name:
                        self._schema_class(sub, bag, depth + 1)
            if isinstance(default, cst.Call):
                for arg in default.args:
                    if arg.keyword is not None and arg.keyword.value in ("description", "title"):
                        for text, tnode in self.strings(arg.value, Ctx(info.scope)):
                            bag.texts.append(Text(text, tnode))


def subscript_keys(expr: cst.BaseExpression) -> tuple[cst.BaseExpression, list[str]]:
    """``cfg["agency"]["name"]`` → (``cfg``, ["agency", "name"])."""
    keys: list[str] = []
    while isinstance(expr, cst.Subscript) and len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index):
        key = expr.slice[0].slice.value
        if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
            keys.append(key.evaluated_value)
        expr = expr.value
    return expr, list(reversed(keys))


def _is_env_call(qn: str) -> bool:
    return qn in ("os.getenv", "os.environ.get", "getenv") or qn.endswith("environ.get")


def _field_default(default: Expr) -> Expr:
    """``field(default_factory=lambda: [...])`` / ``Field(default=...)`` → the default value's expression."""
    if isinstance(default, cst.Call) and (dotted(default.func) or "").split(".")[-1] in ("field", "Field"):
        for arg in default.args:
            if arg.keyword is not None and arg.keyword.value in ("default", "default_factory"):
                value = arg.value
                return value.body if isinstance(value, cst.Lambda) else value
        if default.args and default.args[0].keyword is None:
            return default.args[0].value
    return default


def _is_field_default(value: Expr, cls: ClassInfo) -> bool:
    return any(default is value for _, _, default, _ in cls.fields)
