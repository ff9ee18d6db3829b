"""Runs the stages on one parsed module and turns per-request evidence into findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from . import context as context_mod
from . import index as index_mod
from . import lexicon, rules, surfaces, taint
from .crossfile import Project
from .findings import Evidence, EvidenceKind, Finding
from .index import CallSite, ModuleIndex, Scope, dotted, names_in
from .registry import PROHIBITED_CODES
from .requests import Azure, Request, RequestFinder
from .settings import Settings
from .values import Bag, Ctx, Evaluator, Text

_MAX_CALLERS = 40
_MAX_WRAPPER_DEPTH = 2
_MAX_PARTS = 16  # parts and messages of one request read together
# Context categories also read from the texts that reach a request (their evidence kinds: context.KINDS).
_REQUEST_CONTEXT = ("police", "us", "non_us", "gallery", "watchlist")
_URLISH = re.compile(r"\s*(?:data:|https?://|file:|/|[A-Za-z]:\\)")  # image URLs and paths are not prose

# (context bound to a caller's arguments, the call to report at, that caller's own callers)
_CallerTree = tuple[Ctx, cst.Call, list["_CallerTree"]]


class _Ticker:
    """Checks the deadline every few hundred steps; time.monotonic on every step would cost more."""

    def __init__(self, check: Callable[[], None]) -> None:
        self.check = check
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        if self.count & 255 == 0:
            self.check()


class Budget(Protocol):
    """What the pipeline's deadline offers (analysis.Deadline): ``check`` raises once time is up."""

    def check(self) -> None: ...


def check_module(module: cst.Module, filename: str, settings: Settings, deadline: Budget) -> list[Finding]:
    tick = _Ticker(deadline.check)
    index = index_mod.build(module, tick)
    deadline.check()
    skip = _llm_calls(index)
    project = Project.for_file(filename, settings)
    evaluator = Evaluator(index, tick, skip, read_file=project.reader(index), remote=project.remote(index))
    evaluator.env = project.env(index)
    evaluator.loaded = project.loaded_reader(index)
    evaluator.remote_functions = project.functions(index)
    finder = RequestFinder(index, evaluator, settings, project.remote_values if project.enabled else None)
    finder.finder_for = project.finder_for if project.enabled else None
    requests = finder.find()
    wrappers = _remote_wrappers(index, evaluator, project) + finder.method_wrappers()
    if not requests and not wrappers:
        return []
    deadline.check()
    ctx = context_mod.build(index, settings, project.context_texts(index), deadline.check)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    reporter = _Reporter(index, evaluator, finder, ctx, positions, settings, project)
    reporter.run(requests)
    for site, (remote_finder, remote_ev, scope, remote_sites) in wrappers:
        reporter.remote_wrapper(site, remote_finder, remote_ev, scope, remote_sites)
    if settings.inventory:  # AFR001, one per request (issue 17); off by default, so nothing else changes
        from .inventory import entries

        reporter.findings += entries(reporter, requests)
    return reporter.findings


_Wrapper = tuple[CallSite, tuple[Any, Evaluator, Scope, list[CallSite]]]


def _remote_wrappers(index: ModuleIndex, evaluator: Evaluator, project: Project) -> list[_Wrapper]:
    """Calls of functions in other project files that make requests (``vision.ask_image(img, prompt)``)."""
    if not project.enabled:
        return []
    out: list[_Wrapper] = []
    for site in index.calls:
        name = dotted(site.node.func)
        if not name or evaluator.local_functions(site.node.func, Ctx(site.scope)):
            continue
        if name.split(".")[0] not in index.imports and name.split(".")[0] not in index.relative_imports:
            continue
        if site.scope.lookup(name.split(".")[0]) is not None:
            continue
        for found in project.wrapper_requests(index, name):
            out.append((site, found))
    return out


def _llm_calls(index: ModuleIndex) -> set[cst.Call]:
    out = set()
    for site in index.calls:
        name = dotted(site.node.func)
        if name and surfaces.LLM_CALL_TAIL.search(name):
            out.add(site.node)
    return out


class _Reporter:
    def __init__(
        self,
        index: ModuleIndex,
        evaluator: Evaluator,
        finder: RequestFinder,
        ctx: context_mod.Context,
        positions: Mapping[cst.CSTNode, CodeRange],
        settings: Settings,
        project: Project,
    ) -> None:
        self.index = index
        self.ev = evaluator
        self.finder = finder
        self.ctx = ctx
        self.positions = positions
        self.settings = settings
        self.project = project
        self.reported: set[tuple[int, str]] = set()
        self.findings: list[Finding] = []

    def _ev(self, kind: str, node: cst.CSTNode | None, quote: str = "", line: int = 0) -> Evidence:
        """Evidence at a node of this module, or of another project file it came from."""
        # Never quote an environment value: the quote carries its taint (taint.EnvText), and context clues
        # found in environment text sit at nodes the project marked.  Name the variable instead.
        secret = taint.describe(quote) or (self.project.secret_nodes.get(id(node), "") if node is not None else "")
        if secret:
            quote, kind = "", f"{kind}: {secret}"
        if node is not None:
            pos = self.positions.get(node)
            if pos is not None:
                return Evidence(kind, pos.start.line, quote)
            origin = self.project.origin(node)
            if origin is not None:
                return Evidence(kind, origin[1], quote, path=origin[0])
        return Evidence(kind, line, quote)

    def run(self, requests: list[Request]) -> list[Finding]:
        for req in requests:
            self._request(req)
        return self.findings

    # ------------------------------------------------------------------------------------------
    def _request(self, req: Request) -> None:
        site = req.site
        bag0 = self._bag(req)
        found0: dict[str, list[Evidence]] = {}
        if req.azure in (Azure.YES, Azure.UNKNOWN):
            found0 = rules.evaluate(self._evidence(bag0), self.settings)
        scope = site.scope
        param_fed = scope.kind == "function" and any(sid == id(scope) for sid, _ in bag0.params)
        results: list[dict[str, list[Evidence]]] = []
        if scope.kind == "function" and (param_fed or req.azure is Azure.PARAM):
            exclude = {c for c in found0 if c in PROHIBITED_CODES}
            for tree in self._caller_tree(scope, 1):
                self._through(site, tree, exclude, req.azure is Azure.PARAM, results)
        if param_fed and results and all(any(c in PROHIBITED_CODES for c in r) for r in results):
            # Every caller passes a prohibited purpose: "no prohibited purpose found" does not hold here.
            found0 = {c: e for c, e in found0.items() if c in PROHIBITED_CODES}
        if req.azure is Azure.PARAM and not results and self._constructed_with_azure(scope):
            # ``self.client`` of a service class that another module constructs with an Azure client: the
            # request is Azure, and what it asks is reported here, at the request (only parameter-fed purposes
            # are reported at the callers, by their own modules).
            found0 = rules.evaluate(self._evidence(bag0), self.settings)
        self._emit(site.node, req, found0, via=False)

    def _constructed_with_azure(self, scope: Scope) -> bool:
        """Is the class of this method constructed in another project module with an Azure client argument?"""
        cls = scope.class_scope
        if cls is None or not self.project.enabled:
            return False
        for remote, finder in self.project.modules_mentioning(cls.name + "("):
            for call in remote.index.calls:
                name = dotted(call.node.func) or ""
                if name.split(".")[-1] != cls.name or not self.project.names_this_module(remote, name):
                    continue  # a class of the same name elsewhere
                for arg in call.node.args:
                    if any(c.azure is Azure.YES for c in finder.clients_of(arg.value, Ctx(call.scope))):
                        return True
        return False

    def _through(
        self,
        site: CallSite,
        tree: _CallerTree,
        exclude: set[str],
        review_here: bool,
        results: list[dict[str, list[Evidence]]],
    ) -> None:
        ctx, report, children = tree
        again = self.finder.classify(site, ctx)
        found: dict[str, list[Evidence]] = {}
        if again is not None and again.azure in (Azure.YES, Azure.UNKNOWN):
            found = rules.evaluate(self._evidence(self._bag(again)), self.settings)
            results.append(found)
            shown = found
            if review_here:
                # The client came through a parameter; the caller settles that it is Azure. What the request
                # asks by itself is reported at the request; the caller reports what its arguments add.
                own = self._own_codes(site)
                self._emit(site.node, again, {c: e for c, e in own.items() if c in found}, via=False)
                shown = {c: e for c, e in found.items() if c not in own}
            new = {c: e for c, e in shown.items() if c not in exclude and (review_here or c in PROHIBITED_CODES)}
            self._emit(report, again, new, via=True)
        for child in children:
            self._through(site, child, exclude | set(found), review_here and not found, results)

    def _own_codes(self, site: CallSite) -> dict[str, list[Evidence]]:
        """The codes a request raises from its own scope alone, its client taken as Azure."""
        alone = self.finder.classify(site, Ctx(site.scope))
        if alone is None:
            return {}
        return rules.evaluate(self._evidence(self._bag(alone)), self.settings)

    def _caller_tree(self, scope: Scope, depth: int) -> list[_CallerTree]:
        out: list[_CallerTree] = []
        for caller in self._callers(scope)[:_MAX_CALLERS]:
            bound = self.ev.bind_call(
                scope, caller.node, Ctx(caller.scope), isinstance(caller.node.func, cst.Attribute)
            )
            if bound is None:
                continue
            children: list[_CallerTree] = []
            if depth < _MAX_WRAPPER_DEPTH and caller.scope.kind == "function" and self._passes_params(caller):
                for cctx, report, grand in self._caller_tree(caller.scope, depth + 1):
                    deeper = self.ev.bind_call(scope, caller.node, cctx, isinstance(caller.node.func, cst.Attribute))
                    if deeper is not None:
                        children.append((deeper, report, grand))
            out.append((bound, caller.node, children))
        return out

    def remote_wrapper(
        self, call: CallSite, finder: Any, remote_ev: Evaluator, scope: Scope, sites: list[CallSite]
    ) -> None:
        """A wrapper defined in another project file: its requests, evaluated with this call's arguments."""
        bound = self.ev.bind_call(scope, call.node, Ctx(call.scope), False, remote_ev)
        if bound is None:
            return
        for site in sites:
            req = finder.classify(site, bound)
            if req is None or req.azure not in (Azure.YES, Azure.UNKNOWN):
                continue
            found = rules.evaluate(self._evidence(self._bag(req)), self.settings)
            # What the request raises without this call's arguments is reported at the request, by its own
            # module; the call reports only what its arguments add (a purpose passed as a parameter).
            alone = finder.classify(site, Ctx(scope, owner=remote_ev))
            if alone is not None and alone.azure in (Azure.YES, Azure.UNKNOWN):
                own = rules.evaluate(self._evidence(self._bag(alone)), self.settings)
                found = {c: e for c, e in found.items() if c not in own}
            self._emit(call.node, req, found, via=True)

    def _passes_params(self, caller: CallSite) -> bool:
        names = {p.name.value for p in caller.scope.params}
        for arg in caller.node.args:
            for node in names_in(arg.value, 200):
                if node in names:
                    return True
        return False

    def _callers(self, scope: Scope) -> list[CallSite]:
        out = []
        for site in self.index.calls:
            func = site.node.func
            name = (
                func.value
                if isinstance(func, cst.Name)
                else func.attr.value
                if isinstance(func, cst.Attribute)
                else None
            )
            if name != scope.name:
                continue
            if scope in self.ev.local_functions(func, Ctx(site.scope)):
                out.append(site)
        return out

    # ------------------------------------------------------------------------------------------
    def _bag(self, req: Request) -> Bag:
        bag = self.ev.collect(req.inputs)
        if req.schema_inputs:
            schema = self.ev.collect(req.schema_inputs, schema=True)
            bag.texts.extend(schema.texts)
        return bag

    def _evidence(self, bag: Bag) -> rules.RequestEvidence:
        ev = rules.RequestEvidence()
        strong = False
        seen: set[tuple[str, str]] = set()
        for text in bag.texts:
            for hit in lexicon.find_purposes(text.value, field=text.field):
                key = (hit.category, hit.phrase)
                if key in seen:
                    continue
                seen.add(key)
                kind = (
                    EvidenceKind.SCHEMA_FIELD
                    if text.field
                    else (EvidenceKind.PROMPT_FILE if text.origin == "file" else EvidenceKind.PROMPT)
                )
                quote = taint.like(hit.phrase, text.value)  # an excerpt of an environment value stays one
                ev.purposes.setdefault(hit.category, []).append(self._ev(kind, text.node, quote))
                strong = strong or (hit.strong and hit.category == "identify")
        strong = self._whole_request(bag, ev) or strong
        for qn, node in bag.matchers[:1]:
            matcher = self._ev(EvidenceKind.LOCAL_FACE_MATCHER, node, qn)
            ev.purposes.setdefault("identify", []).append(matcher)
            ev.matcher.append(matcher)
            strong = True
        if ev.purposes.get("identify") and not strong:
            strong = lexicon.has_visual_anchor(t.value for t in bag.texts if not t.field)
        ev.strong_identify = strong
        ev.media = [self._ev(kind, node) for kind, node in bag.media[:3]]
        ev.crops = [self._ev(EvidenceKind.FACE_CROP, node) for node in bag.crops[:1]]
        c = self.ctx
        own = self._request_context(bag)
        ev.police = self._clues(c.police) or own.get("police", [])
        ev.us = self._clues(c.us) or own.get("us", [])
        ev.non_us = self._clues(c.non_us) or own.get("non_us", [])
        ev.gallery = self._clues(c.gallery) or own.get("gallery", [])
        ev.watchlist = self._clues(c.watchlist) or own.get("watchlist", [])
        ev.live = self._clues(c.live) if bag.media else []
        ev.mobile = self._clues(c.mobile) if bag.media else []
        ev.detectors = self._clues(c.detectors)
        ev.blur = self._clues(c.blur)
        return ev

    def _whole_request(self, bag: Bag, ev: rules.RequestEvidence) -> bool:
        """Read the request's parts and messages as one text: a purpose can be stated across them ("Here are
        the wanted persons." … "Is he one of them?"). Adds only purposes no single part states."""
        prose = [t for t in bag.texts if not t.field and len(t.value.strip()) > 3 and not _URLISH.match(t.value)]
        # in the order they are written (the evaluator gathers them in no particular order)
        prose = sorted(prose, key=self._order)[:_MAX_PARTS]
        if len(prose) < 2:
            return False
        joined = " ".join(t.value for t in prose)
        strong = False
        for hit in lexicon.find_purposes(joined):
            if hit.category in ev.purposes:
                continue
            head = hit.phrase[:12].lower()
            text = next((t for t in prose if head in t.value.lower()), prose[-1])
            quote = taint.like(hit.phrase, text.value)
            ev.purposes.setdefault(hit.category, []).append(self._ev(EvidenceKind.WHOLE_REQUEST, text.node, quote))
            strong = strong or (hit.strong and hit.category == "identify")
        return strong

    def _order(self, text: Text) -> tuple[int, int]:
        pos = self.positions.get(text.node) if text.node is not None else None
        return (pos.start.line, pos.start.column) if pos is not None else (1 << 30, 0)

    def _request_context(self, bag: Bag) -> dict[str, list[Evidence]]:
        """Context carried by the request's own texts: values that came from a settings object, another module
        or the environment (``f"… of the {settings.agency_name}"``) are not among this module's strings."""
        out: dict[str, list[Evidence]] = {}
        for text in bag.texts[:_MAX_PARTS]:
            if text.field or _URLISH.match(text.value):
                continue
            for category in _REQUEST_CONTEXT:
                if category in out:
                    continue
                hit = lexicon.find_context(text.value, category)
                if hit:
                    out[category] = [self._ev(context_mod.KINDS[category], text.node, taint.like(hit, text.value))]
        return out

    def _clues(self, clues: list[context_mod.Clue]) -> list[Evidence]:
        return [self._ev(c.kind, c.node, c.quote, c.line) for c in clues]

    def _emit(self, node: cst.CSTNode, req: Request, found: dict[str, list[Evidence]], via: bool) -> None:
        pos = self.positions.get(node)
        if pos is None:
            return
        req_pos = self.positions.get(req.site.node)
        where = self._ev(EvidenceKind.REQUEST, req.site.node, line=pos.start.line)
        for code, evidence in found.items():
            key = (id(node), code)
            if key in self.reported:
                continue
            self.reported.add(key)
            self.findings.append(
                Finding(
                    code,
                    pos.start.line,
                    pos.start.column,
                    tuple(evidence),
                    request=req.label,
                    request_line=req_pos.start.line if req_pos else where.line,
                    request_path=where.path,
                    via_wrapper=via,
                )
            )
