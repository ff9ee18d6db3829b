"""Where the module sends requests to Azure OpenAI, and through which client.

A request is a call whose method chain fits a client *kind* (surfaces.REQUEST_METHODS) on a receiver that
resolves to an Azure client, or a module-level call (legacy openai, LiteLLM, raw HTTP) aimed at Azure.
The receiver may be a parameter: then it is Azure only at the call sites that pass an Azure client.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import libcst as cst

from . import surfaces
from .index import CallSite, ModuleIndex, Scope, dotted
from .settings import Settings
from .values import Ctx, Evaluator

Expr = cst.BaseExpression


_CLIENT_STEPS = 400


class Azure(enum.Enum):
    YES = "yes"
    NO = "no"
    PARAM = "param"  # depends on what the caller passes
    UNKNOWN = "unknown"


@dataclass
class Client:
    kind: str
    azure: Azure
    label: str
    extra_inputs: list[tuple[Expr, Ctx]] = field(default_factory=list)


@dataclass
class Request:
    site: CallSite
    label: str
    azure: Azure
    inputs: list[tuple[Expr, Ctx]]
    schema_inputs: list[tuple[Expr, Ctx]]


def chain_of(func: Expr) -> tuple[Expr, list[str]]:
    """``client.with_options(x).chat.completions.create`` → (``client``, [chat, completions, create])."""
    attrs: list[str] = []
    node: Expr = func
    while True:
        if isinstance(node, cst.Attribute):
            if isinstance(node.value, cst.Name) and node.value.value in ("self", "cls"):
                break
            if node.attr.value not in surfaces.PASS_THROUGH:
                attrs.append(node.attr.value)
            node = node.value
        elif (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value in surfaces.PASS_THROUGH
        ):
            node = node.func.value
        else:
            break
    return node, list(reversed(attrs))


# (module index, dotted name, method or None) -> (the module that defines the name, the name's bound values); with
# a method, the module is asked for that method of the class, and only a module whose class has it is returned.
RemoteValues = Callable[[ModuleIndex, str, "str | None"], "tuple[Any, list[tuple[Expr, Ctx]]]"]


class RequestFinder:
    def __init__(
        self, index: ModuleIndex, evaluator: Evaluator, settings: Settings, remote: RemoteValues | None = None
    ) -> None:
        self.index = index
        self.ev = evaluator
        self.settings = settings
        self.remote = remote
        self._remote_finders: dict[int, RequestFinder] = {}
        self._wrapper_finders: dict[int, RequestFinder] = {}
        # The finder of another project module, with that module's own lookups (set by the project model, which
        # builds finders; this module does not know about projects).
        self.finder_for: Callable[[Any], RequestFinder] | None = None
        self._budget = _CLIENT_STEPS
        self._clients_memo: dict[tuple[int, int, int], tuple[list[Client], Expr, Ctx]] = {}
        self._azure_memo: dict[tuple[int, int, int], tuple[bool, Expr, Ctx]] = {}
        self.default_agents_client = self._agents_default_client()
        self.dspy_azure = self._dspy_azure()

    # ------------------------------------------------------------------------------ module facts
    # The two facts only classifying a call reads are computed when first read: a finder made to resolve a client
    # in another module (``_remote_clients``) never classifies, and there are many of those. Neither touches the
    # client search's step budget, so when they are computed changes nothing.
    @cached_property
    def module_azure(self) -> bool:
        return self._module_azure_signal()

    @cached_property
    def legacy_azure(self) -> bool:
        return self._legacy_azure()

    def _module_azure_signal(self) -> bool:
        for qn in self.index.imports.values():
            if qn in surfaces.CLIENT_CLASSES and surfaces.CLIENT_CLASSES[qn][1] == "always":
                return True
        return any(surfaces.AZURE_ENV.match(v) or surfaces.AZURE_HOST.search(v) for v, _ in self.index.literals())

    def _legacy_azure(self) -> bool:
        for name in ("openai.api_type",):
            for value in self.index.root.assigns.get(name, []):
                if any("azure" in s.lower() for s, _ in self.ev.strings(value, Ctx(self.index.root))):
                    return True
        for node in self.index.strings:
            if isinstance(node, cst.SimpleString) and node.value.strip("'\"").upper() == "OPENAI_API_TYPE":
                return True
        return "openai.api_base" in self.index.root.assigns and self.module_azure

    def _agents_default_client(self) -> bool:
        # The call's own name is among the module's identifiers (exact, and it spares a walk of every call).
        if "set_default_openai_client" not in self.index.identifiers:
            return False
        for site in self.index.calls:
            qn = self.index.qualname(site.node.func) or ""
            if qn in ("agents.set_default_openai_client", "agents.set_default_openai_client") and site.node.args:
                clients = self.clients_of(site.node.args[0].value, Ctx(site.scope))
                if any(c.azure is Azure.YES for c in clients):
                    return True
        return False

    def _dspy_azure(self) -> bool:
        """``dspy.configure(lm=dspy.LM("azure/…"))``: every dspy module in the file calls Azure."""
        if "configure" not in self.index.identifiers and "context" not in self.index.identifiers:
            return False
        for site in self.index.calls:
            qn = self.index.qualname(site.node.func) or ""
            if qn in ("dspy.configure", "dspy.settings.configure", "dspy.context"):
                for e in self._kw(site.node, "lm"):
                    if self._azure_literal(e, Ctx(site.scope)):
                        return True
        return False

    # ------------------------------------------------------------------------------ endpoints
    def _kw(self, call: cst.Call, *names: str) -> list[Expr]:
        return [a.value for a in call.args if a.keyword is not None and a.keyword.value in names]

    def _azure_endpoint(self, exprs: list[Expr], ctx: Ctx) -> Azure:
        seen_any = False
        for e in exprs:
            for text, _ in self.ev.strings(e, ctx):
                seen_any = True
                if surfaces.NOT_AOAI_HOST.search(text):
                    return Azure.NO
                if surfaces.AZURE_HOST.search(text) or surfaces.AZURE_ENV.match(text.strip()):
                    return Azure.YES
            for text in self._env_names(e):
                if surfaces.AZURE_ENV.match(text):
                    return Azure.YES
        return Azure.NO if seen_any or exprs else Azure.UNKNOWN

    def _env_endpoint(self, call: cst.Call) -> Azure:
        """``OpenAI()`` with no endpoint takes it from the environment: the project's .env may name an Azure host."""
        env = self.ev.env
        if env is None:
            return Azure.NO
        for name in surfaces.ENDPOINT_ENV:
            for value, _ in env(name, call):
                if surfaces.AZURE_HOST.search(value) and not surfaces.NOT_AOAI_HOST.search(value):
                    return Azure.YES
        return Azure.NO

    def _env_names(self, expr: Expr) -> Iterator[str]:
        for node in _walk_small(expr):
            if isinstance(node, cst.SimpleString):
                value = node.evaluated_value
                if isinstance(value, str):
                    yield value

    def _model_is_azure(self, call: cst.Call, ctx: Ctx) -> bool:
        for e in self._kw(call, "model", "custom_llm_provider") + [a.value for a in call.args[:1] if not a.keyword]:
            for text, _ in self.ev.strings(e, ctx):
                if surfaces.AZURE_MODEL_PREFIX.match(text) or text == "azure":
                    return True
        return False

    # ------------------------------------------------------------------------------ clients
    def clients_of(self, expr: Expr, ctx: Ctx, depth: int = 0) -> list[Client]:
        """Clients an expression may evaluate to; memoised, since names fan out to every assignment."""
        if depth > 8 or self._budget <= 0:
            return []
        self._budget -= 1
        key = (id(expr), id(ctx.scope), id(ctx.bindings))
        cached = self._clients_memo.get(key)
        if cached is not None:
            return cached[0]
        self._clients_memo[key] = ([], expr, ctx)  # a cycle adds nothing; holding expr/ctx pins their ids
        found = self._clients_of(expr, ctx, depth)
        self._clients_memo[key] = (found, expr, ctx)
        return found

    def _clients_of(self, expr: Expr, ctx: Ctx, depth: int) -> list[Client]:
        self.ev.tick()
        if isinstance(expr, cst.Await):
            return self.clients_of(expr.expression, ctx, depth + 1)
        if isinstance(expr, cst.Call):
            return self._clients_of_call(expr, ctx, depth)
        if isinstance(expr, cst.Name):
            values, unbound = self.ev.resolve_name(expr.value, ctx)
            out: list[Client] = []
            for value, vctx in values:
                out.extend(self.clients_of(value, vctx, depth + 1))
            if not out:
                found = ctx.scope.lookup(expr.value)
                param = found[0].param(expr.value) if found else None
                if param is not None and param.annotation is not None:
                    ann = self.index.qualname(param.annotation.annotation) or ""
                    if ann in surfaces.CLIENT_CLASSES:
                        kind, how = surfaces.CLIENT_CLASSES[ann]
                        return [Client(kind, Azure.YES if how == "always" else Azure.UNKNOWN, ann.split(".")[-1])]
                if unbound:
                    return [Client("any", Azure.PARAM, expr.value)]
                if found is None:
                    return self._remote_clients(expr.value, depth)
            return out
        if isinstance(expr, cst.Attribute):
            out = []
            for value, vctx in self.ev.resolve_attr(expr, ctx):
                out.extend(self.clients_of(value, vctx, depth + 1))
            return out
        if isinstance(expr, cst.Subscript):
            return self._clients_of_item(expr, ctx, depth)
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitOr):
            # LCEL: ``prompt | llm | parser`` — a chain over an Azure model sends the prompt side to it.
            left = self.clients_of(expr.left, ctx, depth + 1)
            right = self.clients_of(expr.right, ctx, depth + 1)
            models = [c for c in left + right if c.kind in ("langchain", "agent")]
            if models:
                side = expr.left if not left else expr.right
                return [Client("langchain", m.azure, m.label, [(side, ctx), *m.extra_inputs]) for m in models]
            return []
        return []

    def _clients_of_item(self, expr: cst.Subscript, ctx: Ctx, depth: int) -> list[Client]:
        """``make_agents()[2]`` (from tuple unpacking): the matching element of the returned tuple."""
        index = None
        if len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index):
            key = expr.slice[0].slice.value
            if isinstance(key, cst.Integer):
                index = int(key.value)
        containers: list[tuple[Expr, Ctx]] = []
        value = expr.value
        if isinstance(value, cst.Call):
            for scope in self.ev.local_functions(value.func, ctx):
                inner = self.ev.bind_call(scope, value, ctx, isinstance(value.func, cst.Attribute))
                if inner is not None:
                    containers += [(r, inner) for r in scope.returns]
        else:
            containers = self._values(value, ctx)
        out: list[Client] = []
        for container, cctx in containers:
            if isinstance(container, (cst.Tuple, cst.List)) and index is not None:
                if index < len(container.elements):
                    out += self.clients_of(container.elements[index].value, cctx, depth + 1)
            else:
                out += self.clients_of(container, cctx, depth + 1)
        return out

    def _clients_of_call(self, call: cst.Call, ctx: Ctx, depth: int) -> list[Client]:
        qn = self.index.qualname(call.func) or ""
        if qn in surfaces.CLIENT_CLASSES:
            kind, how = surfaces.CLIENT_CLASSES[qn]
            label = qn.split(".")[-1]
            if how == "always":
                return [Client(kind, Azure.YES, label)]
            if how == "components":
                return [Client(kind, self._components_azure(call, depth), label)]
            if how == "inference":
                endpoint = self._kw(call, "endpoint") or [a.value for a in call.args[:1] if a.keyword is None]
                az = self._azure_endpoint(endpoint, ctx)
                return [
                    Client(kind, Azure.NO if az is Azure.NO and self._is_github(endpoint, ctx) else Azure.YES, label)
                ]
            if self.settings.all_openai:
                return [Client(kind, Azure.YES, label)]
            endpoint = self._kw(call, "base_url", "openai_api_base", "azure_endpoint", "api_base")
            az = self._azure_endpoint(endpoint, ctx) if endpoint else self._env_endpoint(call)
            if self._kw(call, "azure_ad_token_provider", "azure_endpoint"):
                az = Azure.YES
            if kind == "agent_framework" and az is not Azure.YES:
                # Agent Framework: an endpoint, a credential or an Azure async client makes it Azure.
                endpoint = self._kw(call, "endpoint")
                clients = [c for e in self._kw(call, "async_client") for c in self.clients_of(e, ctx, depth + 1)]
                if self._kw(call, "credential") or any(c.azure is Azure.YES for c in clients):
                    az = Azure.YES
                elif endpoint:
                    az = self._azure_endpoint(endpoint, ctx)
            return [Client(kind, az, label)]
        if qn in surfaces.AGENT_CLASSES or qn.split(".")[-1] in surfaces.AGENT_CLASS_NAMES:
            keys = surfaces.AGENT_CLASSES.get(qn, ("model_client", "service"))
            inner: list[Client] = []
            for e in self._kw(call, *keys) + [a.value for a in call.args[:1] if a.keyword is None]:
                inner.extend(self.clients_of(e, ctx, depth + 1))
                if self._azure_literal(e, ctx):
                    inner.append(Client("agent", Azure.YES, qn.split(".")[-1]))
            if qn == "agents.Agent" and self.default_agents_client:
                inner.append(Client("agent", Azure.YES, "Agent"))
            azure = (
                Azure.YES
                if any(c.azure is Azure.YES for c in inner)
                else (Azure.PARAM if any(c.azure is Azure.PARAM for c in inner) else Azure.NO)
            )
            instructions = self._kw(call, "instructions", "system_message", "system_prompt", "description")
            return [Client("agent", azure, qn.split(".")[-1] or "agent", [(e, ctx) for e in instructions])]
        if qn in surfaces.AZURE_PROVIDERS:
            return [Client("provider", Azure.YES, qn.split(".")[-1])]
        if qn.endswith(surfaces.PROMPTY_LOADERS):
            return self._prompty(call, ctx)
        if qn.endswith(surfaces.LANGCHAIN_FACTORIES):
            if self._model_is_azure(call, ctx) or any(
                "azure" in s for e in self._kw(call, "model_provider") for s, _ in self.ev.strings(e, ctx)
            ):
                return [Client("langchain", Azure.YES, "init_chat_model")]
            return []
        if qn in surfaces.DSPY_MODULES:
            signature = self._kw(call, "signature") or [a.value for a in call.args[:1] if a.keyword is None]
            return [Client("dspy", Azure.YES if self.dspy_azure else Azure.NO, qn, [(s, ctx) for s in signature])]
        for tail, (kind, label) in surfaces.CLIENT_FACTORIES.items():
            if qn.endswith(tail) and self._model_is_azure(call, ctx):
                return [Client(kind, Azure.YES, label)]
        func = call.func
        if isinstance(func, cst.Attribute):
            name = func.attr.value
            if name in surfaces.CLIENT_GETTERS:
                return [Client("openai", Azure.YES, name)]
            base, attrs = chain_of(func)
            if attrs[-2:] == ["realtime", "connect"] or attrs == ["connect"]:
                if any(c.azure is Azure.YES for c in self.clients_of(base, ctx, depth + 1)):
                    return [Client("realtime", Azure.YES, "realtime.connect")]
            if name in surfaces.PASS_THROUGH:
                inner = self.clients_of(func.value, ctx, depth + 1)
                told = [(e, ctx) for e in self._kw(call, "instructions", "system_prompt")]
                if told:  # ``client.as_agent(instructions=...)``: the agent sends them with every run
                    return [Client(c.kind, c.azure, c.label, [*c.extra_inputs, *told]) for c in inner]
                return inner
        out: list[Client] = []
        called = dotted(func)
        if called and not self.ev.local_functions(func, ctx) and ctx.scope.lookup(called.split(".")[0]) is None:
            out = [c for c in self._remote_clients(called, depth) if c.kind != "any"]
            if out:
                return out
        for scope in self.ev.local_functions(func, ctx):
            inner_ctx = self.ev.bind_call(scope, call, ctx, isinstance(func, cst.Attribute))
            if inner_ctx is None:
                continue
            for ret in scope.returns:
                out.extend(self.clients_of(ret, inner_ctx, depth + 1))
        cls = self.index.classes.get(dotted(func) or "")
        if cls is not None and not out:
            # A local wrapper class around a client: ``VisionClient(...).ask(...)``.
            for attr_values in cls.attrs.values():
                for value, scope in attr_values:
                    out.extend(c for c in self.clients_of(value, Ctx(scope), depth + 1) if c.azure is Azure.YES)
        return out

    def _prompty(self, call: cst.Call, ctx: Ctx) -> list[Client]:
        """promptflow ``Prompty.load(source=...)``: Azure by its model configuration or the file's front matter."""
        source = self._kw(call, "source") or [a.value for a in call.args[:1] if a.keyword is None]
        if not source:
            return []
        # Read the template the way the evaluator reads prompt files, so its text becomes prompt evidence.
        template = cst.Call(func=cst.Attribute(value=source[0], attr=cst.Name("read_text")))
        text = " ".join(t for t, _ in self.ev.read_file(source[0], ctx)) if self.ev.read_file else ""
        azure = any(self._azure_literal(e, ctx) for e in self._kw(call, "model")) or bool(
            re.search(r"type:\s*[\"']?azure|azure_endpoint|azure_deployment", text)
        )
        return [Client("prompty", Azure.YES if azure else Azure.NO, "Prompty", [(template, ctx)])]

    # ------------------------------------------------------------------------------ wrapper classes
    def method_wrappers(self) -> list[tuple[CallSite, tuple[Any, Evaluator, Scope, list[CallSite]]]]:
        """Method calls on instances of project classes defined in other modules that make requests.

        ``assistant = PhotoAssistant(client)`` … ``assistant.ask(img, prompt)``: the caller reports what the
        method's requests receive through its parameters (see checker.remote_wrapper). Calls that only pass
        the client (the constructor) are not wrapper calls.
        """
        if self.remote is None:
            return []
        out: list[tuple[CallSite, tuple[Any, Evaluator, Scope, list[CallSite]]]] = []
        for site in self.index.calls:
            func = site.node.func
            if not isinstance(func, cst.Attribute):
                continue
            inherited = self._inherited(func, site)
            if inherited is not None:
                found = self._remote_method(inherited, Ctx(site.scope), func.attr.value)
                if found is not None:
                    out.append((site, found))
                continue
            for ctor, ctor_ctx in self._constructors(func.value, Ctx(site.scope)):
                found = self._remote_method(ctor, ctor_ctx, func.attr.value)
                if found is not None:
                    out.append((site, found))
                    break
        return out

    def _inherited(self, func: cst.Attribute, site: CallSite) -> cst.Call | None:
        """``self.ask(...)`` in a subclass of a class from another module, where the method is the base's: the
        base class, as if constructed (``MoodProvider(VisionProvider)`` … ``self.ask(self.PROMPT, img)``)."""
        if not (isinstance(func.value, cst.Name) and func.value.value == "self"):
            return None
        scope = site.scope.class_scope
        info = self.index.classes.get(scope.name) if scope is not None else None
        if info is None or func.attr.value in info.methods:
            return None
        for base in info.bases:
            head = (dotted(base) or "").split(".")[0]
            if head in self.index.imports or head in self.index.relative_imports:
                return cst.Call(func=base)
        return None

    def _constructors(self, expr: Expr, ctx: Ctx) -> list[tuple[cst.Call, Ctx]]:
        """Calls of imported names that an expression may hold (``PhotoAssistant(...)``)."""
        values = [(expr, ctx)] if isinstance(expr, cst.Call) else self._values(expr, ctx)[:8]
        out = []
        for value, vctx in values:
            if isinstance(value, cst.Call):
                name = dotted(value.func) or ""
                head = name.split(".")[0]
                if head in self.index.imports or head in self.index.relative_imports:
                    out.append((value, vctx))
        return out

    def _remote_method(
        self, ctor: cst.Call, ctx: Ctx, method: str
    ) -> tuple[Any, Evaluator, Scope, list[CallSite]] | None:
        assert self.remote is not None
        name = dotted(ctor.func) or ""
        remote, _ = self.remote(self.index, name, method)
        info = remote.index.classes.get(name.split(".")[-1]) if remote is not None else None
        scope = info.methods.get(method) if info is not None else None
        if remote is None or scope is None:
            return None
        finder = self._wrapper_finders.get(id(remote))
        if finder is None:
            # The wrapper's module resolves its own imports: its client may live in a third module.
            if self.finder_for is not None:
                finder = self.finder_for(remote)
            else:
                finder = RequestFinder(remote.index, remote.evaluator, self.settings)
            self._wrapper_finders[id(remote)] = finder
        sites = [s for s in remote.index.calls if s.scope is scope and self._param_fed(finder, s, scope)]
        if not sites:
            return None
        # A client handed to the constructor (``PhotoAssistant(AzureOpenAI(...))``) settles what ``self.client``
        # leaves open inside the other module.
        azure_ctor = any(c.azure is Azure.YES for a in ctor.args for c in self.clients_of(a.value, ctx))
        return (_ConstructedWith(finder) if azure_ctor else finder), remote.evaluator, scope, sites

    @staticmethod
    def _param_fed(finder: RequestFinder, site: CallSite, scope: Scope) -> bool:
        """A request of the method that receives something through the method's parameters.

        A request whose prompt and images are all inside the method is reported in its own module, not again
        at every caller.
        """
        req = finder.classify(site, Ctx(scope))
        if req is None:
            return False
        bag = finder.ev.collect(req.inputs)
        return any(sid == id(scope) for sid, _ in bag.params)

    def _azure_connection(self, expr: Expr, ctx: Ctx) -> Azure:
        """A promptflow connection: ``AzureOpenAIConnection(...)`` / ``.from_env()``, or a parameter (undecided)."""
        values, unbound = (self.ev.resolve_name(expr.value, ctx)) if isinstance(expr, cst.Name) else ([], False)
        for value, _ in values or [(expr, ctx)]:
            if isinstance(value, cst.Call):
                qn = self.index.qualname(value.func) or ""
                if qn.endswith(("AzureOpenAIConnection", "AzureOpenAIConnection.from_env")):
                    return Azure.YES
        return Azure.PARAM if unbound else Azure.NO

    def _components_azure(self, pipeline: cst.Call, depth: int) -> Azure:
        """A Haystack ``Pipeline()`` is Azure when a component added to it (``add_component``) is an Azure client."""
        for site in self.index.calls:
            func = site.node.func
            if not (isinstance(func, cst.Attribute) and func.attr.value == "add_component" and site.node.args):
                continue
            site_ctx = Ctx(site.scope)
            if not any(value is pipeline for value, _ in self._values(func.value, site_ctx)):
                continue
            component = self._kw(site.node, "instance") or [a.value for a in site.node.args[1:2] if a.keyword is None]
            for expr in component:
                if any(c.azure is Azure.YES for c in self.clients_of(expr, site_ctx, depth + 1)):
                    return Azure.YES
        return Azure.NO

    def _remote_clients(self, name: str, depth: int) -> list[Client]:
        """A client (or client factory) imported from a local module of the project."""
        if self.remote is None or depth > 4:
            return []
        remote, values = self.remote(self.index, name, None)
        if remote is None:
            return []
        finder = self._remote_finders.get(id(remote))
        if finder is None:
            finder = RequestFinder(remote.index, remote.evaluator, self.settings)
            self._remote_finders[id(remote)] = finder
        out: list[Client] = []
        for value, vctx in values:
            out.extend(c for c in finder.clients_of(value, vctx, depth + 1) if c.kind != "any")
        return out

    def _is_github(self, endpoint: list[Expr], ctx: Ctx) -> bool:
        return any(surfaces.NOT_AOAI_HOST.search(s) for e in endpoint for s, _ in self.ev.strings(e, ctx))

    def _azure_literal(self, expr: Expr, ctx: Ctx, depth: int = 0) -> bool:
        """A model string, config dict or config list that names Azure (``azure/…``, ``api_type: azure``)."""
        if depth > 4:
            return False
        key = (id(expr), id(ctx.scope), id(ctx.bindings))
        if key not in self._azure_memo:
            self._azure_memo[key] = (False, expr, ctx)
            self._azure_memo[key] = (self._names_azure(expr, ctx, depth), expr, ctx)
        return self._azure_memo[key][0]

    def _names_azure(self, expr: Expr, ctx: Ctx, depth: int) -> bool:
        for text, _ in self.ev.strings(expr, ctx):
            if surfaces.AZURE_MODEL_PREFIX.match(text) or surfaces.AZURE_HOST.search(text):
                return True
        for node in _walk_small(expr):
            if isinstance(node, cst.SimpleString):
                value = node.evaluated_value
                if isinstance(value, str) and (
                    value.lower() in ("azure", "azure_ad", "azure_openai")
                    or surfaces.AZURE_MODEL_PREFIX.match(value)
                    or surfaces.AZURE_HOST.search(value)
                ):
                    return True
            elif isinstance(node, (cst.Name, cst.Attribute)):
                for value_expr, vctx in self._values(node, ctx)[:4]:
                    if value_expr is not node and self._azure_literal(value_expr, vctx, depth + 1):
                        return True
        return False

    # ------------------------------------------------------------------------------ requests
    def find(self) -> list[Request]:
        out = []
        for site in self.index.calls:
            req = self.classify(site, Ctx(site.scope))
            if req is not None:
                out.append(req)
        return out

    def classify(self, site: CallSite, ctx: Ctx) -> Request | None:
        req = self._classify(site, ctx)
        if req is None:
            return None
        call = site.node
        attrs = chain_of(call.func)[1] if isinstance(call.func, cst.Attribute) else []
        if attrs[-2:] == ["files", "create"]:
            return self._batch_upload(req, ctx)
        if req.label.split(" ")[-1] in _FOUNDRY_RUNS:
            req.inputs += self._thread_messages(call, ctx)
        # The request's own image keywords (``images.edit(image=f)``, ``tool.chat(image=img)``) are person media
        # whatever their value is; a one-entry dict makes the evaluator see them as an image part.
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value in surfaces.IMAGE_KWARGS:
                req.inputs.append((_image_marker(arg.value), ctx))
        return req

    def _batch_upload(self, req: Request, ctx: Ctx) -> Request | None:
        """``files.create(file=..., purpose="batch")``: the requests are the lines of the uploaded JSONL file.

        The file is read through the project's safe reader; its text is the prompt, and image parts in its
        lines' bodies are the media. Other uploads (``purpose="vision"``) are not requests.
        """
        call = req.site.node
        purpose = [s for e in self._kw(call, "purpose") for s, _ in self.ev.strings(e, ctx)]
        target = self._kw(call, "file") or [a.value for a in call.args[:1] if a.keyword is None]
        if "batch" not in purpose or not target:
            return None
        texts = self.ev.read_file(target[0], ctx) if self.ev.read_file else []
        inputs: list[tuple[Expr, Ctx]] = []
        if any(_jsonl_has_images(text) for text, _ in texts):
            inputs.append((_image_marker(target[0]), ctx))
        # Read again by the evaluator, as a prompt file: its evidence points at the upload's file argument.
        inputs.append((cst.Call(func=cst.Attribute(value=target[0], attr=cst.Name("read"))), ctx))
        return Request(req.site, req.label.replace("files.create", "Batch input file"), req.azure, inputs, [])

    def _thread_messages(self, run: cst.Call, ctx: Ctx) -> list[tuple[Expr, Ctx]]:
        """azure-ai-agents: the messages put on the run's thread (``agents.messages.create(thread_id=...)``)."""
        thread = [dotted(e) for e in self._kw(run, "thread_id")]
        owner = dotted(chain_of(run.func)[0])
        out: list[tuple[Expr, Ctx]] = []
        for site in self.index.calls:
            func = site.node.func
            if not isinstance(func, cst.Attribute) or chain_of(func)[1][-2:] != ["messages", "create"]:
                continue
            base = chain_of(func)[0]
            if dotted(base) != owner and not any(
                c.kind == "foundry_agents" for c in self.clients_of(base, Ctx(site.scope))
            ):
                continue  # messages of another client (another SDK's ``messages.create``)
            target = self._kw(site.node, "thread_id") or [a.value for a in site.node.args[:1] if a.keyword is None]
            if thread and thread[0] and target and dotted(target[0]) not in (thread[0], None):
                continue  # another thread
            out += [
                (a.value, Ctx(site.scope)) for a in site.node.args if a.keyword is None or a.keyword.value == "content"
            ]
        return out[:16]

    def _classify(self, site: CallSite, ctx: Ctx) -> Request | None:
        # Each call site gets a bounded search for its client: helper chains in generated or metaprogrammed
        # code can otherwise fan out without end.
        self._budget = _CLIENT_STEPS
        call = site.node
        func = call.func
        qn = self.index.qualname(func) or ""
        inputs = self._inputs(call, ctx)
        schema = [
            (a.value, ctx) for a in call.args if a.keyword is not None and a.keyword.value in surfaces.SCHEMA_KWARGS
        ]
        if qn in self.settings.extra_clients:
            return Request(site, qn, Azure.YES, inputs, schema)
        if qn in surfaces.LITELLM_FUNCS:
            return Request(site, qn, Azure.YES, inputs, schema) if self._model_is_azure(call, ctx) else None
        if qn in surfaces.LEGACY_OPENAI_FUNCS:
            if (
                self.legacy_azure
                or self._kw(call, "engine", "deployment_id")
                or any("azure" in s for e in self._kw(call, "api_type") for s, _ in self.ev.strings(e, ctx))
            ):
                return Request(site, qn.removeprefix("openai."), Azure.YES, inputs, schema)
            return None
        if qn.startswith("openai.") and surfaces.REQUEST_METHODS["openai"].fullmatch(qn.removeprefix("openai.")):
            if self.legacy_azure or self.settings.all_openai:
                return Request(site, qn, Azure.YES, inputs, schema)
            return None
        if qn in surfaces.HTTP_FUNCS:
            return self._http(site, ctx, qn, inputs)
        if qn in surfaces.PROMPTFLOW_FUNCS:
            connection = self._kw(call, "connection") or [a.value for a in call.args[:1] if a.keyword is None]
            azure = self._azure_connection(connection[0], ctx) if connection else Azure.NO
            if azure is Azure.NO:
                return None
            told = [(a.value, ctx) for a in call.args if a.keyword is not None and a.keyword.value != "connection"]
            return Request(site, qn.removeprefix("promptflow.tools."), azure, told, schema)
        if not isinstance(func, cst.Attribute):
            if isinstance(func, cst.Name):
                # ``lm("prompt")`` on a dspy LM / a callable Azure chat model
                clients = [
                    c
                    for c in self.clients_of(func, ctx)
                    if c.kind in surfaces.CALLED_CLIENT_KINDS and c.azure is Azure.YES
                ]
                if clients:
                    extra = [e for c in clients for e in c.extra_inputs]
                    return Request(site, f"{clients[0].label} {func.value}", Azure.YES, inputs + extra, schema)
            return None
        base, attrs = chain_of(func)
        method = ".".join(attrs)
        if not attrs:
            return None
        if attrs[-1] in surfaces.CHAT_INITIATORS and call.args:
            # autogen: ``user.initiate_chat(recipient, message=...)`` sends to the recipient's model.
            recipient = [c for c in self.clients_of(call.args[0].value, ctx) if c.azure is Azure.YES]
            if recipient:
                extra = [e for c in recipient for e in c.extra_inputs]
                return Request(site, f"{recipient[0].label} {attrs[-1]}", Azure.YES, inputs[1:] + extra, schema)
        if attrs[-1] in surfaces.HTTP_METHODS and len(attrs) == 1:
            # Any HTTP client (a session, an httpx client passed in, aiohttp): the URL or headers decide.
            found = self._http(site, ctx, method, inputs)
            if found is not None:
                return found
        if qn.startswith(("agents.Runner.", "Runner.")) and attrs[-1] in surfaces.RUNNER_METHODS:
            agent = call.args[0].value if call.args else None
            clients = self.clients_of(agent, ctx) if agent is not None else []
            if self.default_agents_client or any(c.azure is Azure.YES for c in clients):
                extra = [e for c in clients for e in c.extra_inputs]
                return Request(site, "Runner." + attrs[-1], Azure.YES, inputs + extra, schema)
            return None
        clients = self.clients_of(base, ctx)
        matched = [
            c
            for c in clients
            if c.kind in surfaces.REQUEST_METHODS and surfaces.REQUEST_METHODS[c.kind].fullmatch(method)
        ]
        if not matched and any(c.kind == "any" for c in clients):
            if surfaces.REQUEST_METHODS["openai"].fullmatch(method) and method not in ("create", "messages.create"):
                return Request(site, method, Azure.PARAM, inputs, schema)
            if surfaces.REQUEST_METHODS["langchain"].fullmatch(method) or method in surfaces.PARAM_CLIENT_METHODS:
                return Request(site, method, Azure.PARAM, inputs, schema)
            if method not in _GENERIC_METHODS and any(p.fullmatch(method) for p in surfaces.REQUEST_METHODS.values()):
                # an agent or kernel handed in (``agent.get_response``): the caller's value settles its kind
                return Request(site, method, Azure.PARAM, inputs, schema)
            return None
        if not matched:
            if clients or not self.module_azure:
                if self.settings.all_openai and _openai_shape(method):
                    return Request(site, method, Azure.YES, inputs, schema)
                return None
            # The receiver comes from elsewhere (another module, a fixture): trust the module's Azure signal
            # only for unmistakable OpenAI request chains.
            if _openai_shape(method):
                return Request(site, method, Azure.UNKNOWN, inputs, schema)
            return None
        best = next((c for c in matched if c.azure is Azure.YES), matched[0])
        if best.azure is Azure.NO:
            return None
        extra = [e for c in matched for e in c.extra_inputs]
        label = f"{best.label} {method}" if best.label and best.kind != "any" else method
        return Request(site, label, best.azure, inputs + extra, schema)

    def _values(self, expr: Expr, ctx: Ctx) -> list[tuple[Expr, Ctx]]:
        if isinstance(expr, cst.Name):
            return self.ev.resolve_name(expr.value, ctx)[0]
        if isinstance(expr, cst.Attribute):
            return self.ev.resolve_attr(expr, ctx)
        return [(expr, ctx)]

    def _http(self, site: CallSite, ctx: Ctx, label: str, inputs: list[tuple[Expr, Ctx]]) -> Request | None:
        call = site.node
        url = self._kw(call, "url") or [a.value for a in call.args if a.keyword is None][-1:]
        if url and not isinstance(url[0], cst.SimpleString) and len(call.args) > 1 and call.args[0].keyword is None:
            url = [call.args[1].value] if label.endswith("request") else [call.args[0].value]
        azure = False
        for e in url:
            for text, _ in self.ev.strings(e, ctx):
                if (surfaces.AZURE_HOST.search(text) and "/openai" in text) or surfaces.AZURE_PATH.search(text):
                    azure = True
        for e in self._kw(call, "headers", "params"):
            for value, _ in self._values(e, ctx):
                if isinstance(value, cst.Dict):
                    for el in value.elements:
                        if isinstance(el, cst.DictElement) and isinstance(el.key, cst.SimpleString):
                            if str(el.key.evaluated_value).lower() in ("api-key", "api-version"):
                                azure = True
        if not azure:
            return None
        body = [(v, ctx) for v in self._kw(call, "json", "data", "content")]
        return Request(site, f"HTTP {label.split('.')[-1]}", Azure.YES, body or inputs, [])

    def _inputs(self, call: cst.Call, ctx: Ctx) -> list[tuple[Expr, Ctx]]:
        return [
            (a.value, ctx)
            for a in call.args
            if a.keyword is None
            or (a.keyword.value not in surfaces.NON_PROMPT_KWARGS and a.keyword.value not in surfaces.SCHEMA_KWARGS)
        ]


class _ConstructedWith:
    """A remote finder whose undecided (parameter) clients are Azure: the caller constructed them so."""

    def __init__(self, finder: RequestFinder) -> None:
        self.finder = finder

    def classify(self, site: CallSite, ctx: Ctx) -> Request | None:
        req = self.finder.classify(site, ctx)
        if req is not None and req.azure is Azure.PARAM:
            req.azure = Azure.YES
        return req


# Request method names too common to treat as requests on an object of unknown kind (a parameter).
_GENERIC_METHODS = frozenset(
    {"create", "send", "stream", "update", "generate", "predict", "completion", "batch", "abatch", "astream",
     "run_async", "messages.create", "files.create", "__call__"}
)  # fmt: skip

_FOUNDRY_RUNS = frozenset(
    {"runs.create_and_process", "runs.create", "runs.stream", "create_thread_and_process_run", "create_thread_and_run"}
)


def _image_marker(value: Expr) -> cst.Dict:
    return cst.Dict([cst.DictElement(cst.SimpleString('"image"'), value)])


def _jsonl_has_images(text: str) -> bool:
    """Whether a Batch input file's request bodies carry image parts (lines that are not JSON are skipped)."""
    for line in text.splitlines()[:2000]:
        try:
            item = json.loads(line)
        except ValueError:
            continue
        stack = [item.get("body")] if isinstance(item, dict) else []
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if node.get("type") in surfaces.IMAGE_PART_TYPES:
                    return True
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return False


def _openai_shape(method: str) -> bool:
    return bool(
        surfaces.REQUEST_METHODS["openai"].fullmatch(method)
        and method not in ("create", "messages.create", "create_partial", "create_iterable", "create_with_completion")
    )


def _walk_small(expr: cst.CSTNode, limit: int = 400) -> Iterator[cst.CSTNode]:
    stack = [expr]
    count = 0
    while stack and count < limit:
        node = stack.pop()
        count += 1
        yield node
        stack.extend(node.children)
