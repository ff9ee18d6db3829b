"""AFR001: the inventory of Azure OpenAI requests, found or not (issue 17).

One entry per request the checker's ``RequestFinder`` found in the module, on the request call's line, built
from the same evidence the rules read (the checker's ``_Reporter``), so the inventory adds no second
analysis: the surface, the deployment or model and the endpoint host where the code shows them, the media
sent and where it comes from, the purposes and context found, and the codes raised or why none.

Values are never quoted from the environment (``taint``): a deployment, model or endpoint read from ``.env``
or ``os.environ`` is named by its variable. Keys and tokens are never read at all (only the keywords in
``_DEPLOYMENT`` and ``_ENDPOINT`` are).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, cast
from urllib.parse import urlsplit

import libcst as cst

from . import taint
from .findings import Evidence, EvidenceKind, Finding, Sent, image_input, shorten
from .index import dotted
from .limits import BudgetExceeded
from .registry import INVENTORY_CODE
from .requests import Azure, Request, chain_of
from .rules import RequestEvidence
from .values import Ctx

_DEPLOYMENT = ("azure_deployment", "deployment_name", "deployment_id", "deployment", "engine", "model", "model_name")
_ENDPOINT = ("azure_endpoint", "endpoint", "base_url", "api_base", "openai_api_base", "azure_openai_endpoint", "url")
_OPENAI_CLASSES = frozenset({"AzureOpenAI", "AsyncAzureOpenAI", "OpenAI", "AsyncOpenAI"})
_ENV_CALLS = frozenset({"os.getenv", "os.environ.get", "getenv", "environ.get"})
_DEPLOYMENT_IN_URL = re.compile(r"/deployments/([A-Za-z0-9_.-]+)/")
# The API a REST URL calls, from a fixed list: named even when the URL comes from the environment.
_REST_PATH = re.compile(
    r"/(?P<path>chat/completions|completions|embeddings|responses|images/(?:generations|edits)|audio/[a-z]+"
    r"|realtime|assistants|threads/runs|threads|batches|files)/?(?:$|\?)"
)
# How the entry names each context it saw: by its evidence kind, where one kind names it.
_CONTEXT = (
    ("police", "police"),
    ("us", "US"),
    ("non_us", "non-US"),
    ("gallery", EvidenceKind.SUSPECT_GALLERY),
    ("watchlist", EvidenceKind.WATCH_LIST),
    ("live", EvidenceKind.LIVE_CAMERA),
    ("mobile", EvidenceKind.MOBILE_CAMERA),
    ("detectors", EvidenceKind.FACE_DETECTOR),
    ("blur", "blur/redaction"),
)
_MAX_SUMMARY = 300
_MAX_TRACE = 400  # nodes looked at to say where images come from
_IMAGE_READS = frozenset(
    {"open", "imread", "read_bytes", "from_path", "from_file", "from_file_path", "from_image_file", "load_image"}
)
_IMAGE_NAME = re.compile(r"im(?:a)?g|photo|pic|frame|jpe?g|png|b64|base64|data|path|file|shot|face|crop|scan", re.I)
_UPLOAD = re.compile(r"(?:^|\.)(?:files|file_uploader|UploadFile|camera_input|get_file|upload)\b")
_MAX_CALLERS = 20


def entries(reporter: Any, requests: list[Request]) -> list[Finding]:
    """AFR001 for each request; ``reporter`` is the checker's ``_Reporter`` after it ran (its findings made)."""
    out: list[Finding] = []
    seen: set[int] = set()
    for req in requests:
        node = req.site.node
        pos = reporter.positions.get(node)
        if pos is None or id(node) in seen:
            continue
        line = pos.start.line
        codes = sorted(
            {f.code for f in reporter.findings if f.request_line == line and not f.request_path and f.code[3] != "0"}
        )
        try:
            found = _entry(reporter, req, line, codes)
        except BudgetExceeded:
            raise  # the file's budget is spent: the pipeline reports AFR900 for the whole file
        except Exception as exc:  # a fact that cannot be gathered must not cost the file its real findings
            # The exception's type only: its text could hold a value read from the environment.
            summary = f"{req.label}; facts not gathered ({type(exc).__name__})"
            facts = {"surface": req.label, "codes": codes, "summary": summary}
            found = Finding(INVENTORY_CODE, line, 0, request=req.label, request_line=line, facts=facts)
        if found is None:
            continue  # a parameter client that no caller makes Azure
        seen.add(id(node))
        out.append(replace(found, col=pos.start.column))
    return out


def _entry(reporter: Any, req: Request, line: int, codes: list[str]) -> Finding | None:
    variants = _azure_variants(reporter, req)
    if not variants:
        return None
    bags = [(v, reporter._bag(v)) for v in variants]
    ev = _merged([reporter._evidence(bag) for _, bag in bags])
    facts = _facts(reporter, variants[0], ev, codes)
    if facts["media"] and not facts["media_sources"]:
        origin = next(filter(None, (_origin(reporter, v, bag) for v, bag in bags)), "")
        if origin:
            facts["media_sources"] = [{"kind": origin, "quote": "", "line": 0}]
            facts["summary"] = _summary(facts)
    evidence = tuple(ev.media + ev.crops + [e for items in ev.purposes.values() for e in items[:1]])
    return Finding(INVENTORY_CODE, line, 0, evidence, request=req.label, request_line=line, facts=facts)


def _azure_variants(reporter: Any, req: Request) -> list[Request]:
    """The request as the rules saw it: itself, and for a function whose client or inputs are parameters, as
    each direct caller binds them (so images passed in by a caller count as sent)."""
    own = [req] if req.azure in (Azure.YES, Azure.UNKNOWN) else []
    scope = req.site.scope
    if scope.kind != "function":
        return own
    out = list(own)
    for ctx, _call, _children in reporter._caller_tree(scope, 2)[:_MAX_CALLERS]:
        again = reporter.finder.classify(req.site, ctx)
        if again is not None and again.azure in (Azure.YES, Azure.UNKNOWN):
            out.append(again)
    if not out and req.azure is Azure.PARAM and reporter._constructed_with_azure(scope):
        out.append(req)  # a service class that another module constructs with an Azure client
    return out


def _merged(items: list[RequestEvidence]) -> RequestEvidence:
    if len(items) == 1:
        return items[0]
    out = RequestEvidence()
    for ev in items:
        for name, found in ev.purposes.items():
            out.purposes.setdefault(name, []).extend(found)
        for attr in ("media", "crops", *(c for c, _ in _CONTEXT)):
            have: list[Evidence] = getattr(out, attr)
            have.extend(e for e in getattr(ev, attr) if e not in have)
    return out


# ------------------------------------------------------------------------------------------ facts
def _facts(reporter: Any, req: Request, ev: RequestEvidence, codes: list[str]) -> dict[str, Any]:
    call = req.site.node
    ctx = Ctx(req.site.scope)
    surface = _surface(reporter, req, ctx)
    deployment = _keyword_value(reporter, call, ctx, _DEPLOYMENT)
    endpoint = _keyword_value(reporter, call, ctx, _ENDPOINT, host=True)
    for ctor, cctx in _constructors(reporter, call, ctx):
        deployment = deployment or _keyword_value(reporter, ctor, cctx, _DEPLOYMENT)
        endpoint = endpoint or _keyword_value(reporter, ctor, cctx, _ENDPOINT, host=True)
    if req.label.startswith("HTTP "):
        url = _first_string(reporter, call, ctx)
        found = _DEPLOYMENT_IN_URL.search(url) if url and not deployment else None
        if found:
            deployment = _env_label(url) or found.group(1)
        if url and not endpoint:
            endpoint = _env_label(url) or urlsplit(str(url)).hostname or ""
    camera = bool(ev.live or ev.mobile) and bool(ev.media)
    lines = {e.line: e for e in reversed(ev.media)}  # one entry per line: a part and its URL are one image
    media = [
        {
            "kind": (Sent.CAMERA_FRAMES if camera else Sent.IMAGES).value,
            "via": e.kind.removeprefix(image_input("")),
            "line": e.line,
        }
        for e in lines.values()
    ][::-1]
    media += [{"kind": Sent.FACE_CROPS.value, "via": "face detector crop", "line": e.line} for e in ev.crops]
    sources = [{"kind": e.kind, "quote": e.quote, "line": e.line} for e in (ev.live + ev.mobile)[:2]] if camera else []
    sends = [Sent.TEXT.value, *dict.fromkeys(m["kind"] for m in media)]
    purposes = {name: _quote(found[0]) for name, found in ev.purposes.items() if found}
    context = [label for attr, label in _CONTEXT if getattr(ev, attr)]
    facts: dict[str, Any] = {
        "surface": surface,
        "client": req.label,
        "azure": "yes" if req.azure is Azure.YES else "assumed (client from elsewhere)",
        "deployment": deployment,
        "endpoint_host": endpoint,
        "sends": sends,
        "media": media,
        "media_sources": sources,
        "purposes": purposes,
        "context": context,
        "codes": codes,
        "why_none": "" if codes else _why_none(ev, media),
    }
    facts["summary"] = _summary(facts)
    return facts


def _origin(reporter: Any, req: Request, bag: Any) -> str:
    """Where the request's images come from, when the code shows it: a file, an upload, a URL, a parameter."""
    ctx = Ctx(req.site.scope)
    queue: list[tuple[cst.CSTNode, Ctx, int]] = [(node, ctx, 0) for _, node in bag.media[:3]]
    found: dict[str, str] = {}
    params: list[str] = []
    steps = 0
    while queue and steps < _MAX_TRACE:
        node, nctx, depth = queue.pop(0)
        steps += 1
        if isinstance(node, cst.Call):
            name = dotted(node.func) or ""
            last = name.rsplit(".", 1)[-1]
            if _UPLOAD.search(name):
                found.setdefault("upload", f"an upload ({name})")
            elif last in _IMAGE_READS:
                found.setdefault("file", f"a file ({name})")
        elif isinstance(node, cst.Attribute) and _UPLOAD.search(dotted(node) or ""):
            found.setdefault("upload", f"an upload ({dotted(node)})")
        elif isinstance(node, cst.SimpleString) and str(node.evaluated_value).startswith(("http://", "https://")):
            found.setdefault("url", "a URL in the code")
        elif isinstance(node, cst.Name) and depth < 3:
            values, unbound = reporter.ev.resolve_name(node.value, nctx)
            if unbound and not values and node.value not in ("self", "cls"):
                params.append(node.value)
            queue.extend((value, vctx, depth + 1) for value, vctx in values[:4])
            continue
        queue.extend((child, nctx, depth) for child in node.children)
    for kind in ("upload", "file", "url"):
        if kind in found:
            return found[kind]
    # A parameter: the caller supplies the image; the one whose name says so, else the first.
    best = next((p for p in params if _IMAGE_NAME.search(p)), params[0] if params else "")
    return f"parameter {best}" if best else ""


def _why_none(ev: RequestEvidence, media: list[dict[str, Any]]) -> str:
    kinds = " and ".join(dict.fromkeys(m["kind"] for m in media))
    if not media:
        return "text only, purpose without images" if ev.purposes else "text only"
    if not ev.purposes:
        return f"{kinds}, no purpose found"
    return f"{kinds} with purposes, no code applies"


def _quote(item: Evidence) -> str:
    return f'"{shorten(item.quote, 40)}" ({item.where(short=True)})' if item.quote else f"{item.kind} ({item.where()})"


def _summary(facts: dict[str, Any]) -> str:
    head = str(facts["surface"])
    where = [f"deployment {facts['deployment']}" if facts["deployment"] else ""]
    where.append(f"host {facts['endpoint_host']}" if facts["endpoint_host"] else "")
    where = [w for w in where if w]
    if where:
        head += f" ({', '.join(where)})"
    media = facts["media"]
    if media:
        parts = [f"{m['kind']} via {m['via']} (line {m['line']})" for m in media[:2]]
        source = facts["media_sources"]
        if source:
            quote = f' "{shorten(source[0]["quote"], 30)}"' if source[0]["quote"] else ""
            parts.append(f"from {source[0]['kind']}{quote}")
        sent = "; media: " + ", ".join(parts)
    else:
        sent = "; media: none"
    purposes = "; purposes: " + (", ".join(facts["purposes"]) or "none")
    context = f"; context: {', '.join(facts['context'])}" if facts["context"] else ""
    # The outcome comes right after the surface: a long entry is cut at its end, never in the codes.
    outcome = f"; codes: {', '.join(facts['codes'])}" if facts["codes"] else f"; no code: {facts['why_none']}"
    return shorten(head + outcome + sent + purposes + context, _MAX_SUMMARY)


def _surface(reporter: Any, req: Request, ctx: Ctx) -> str:
    label = req.label
    if label.startswith("HTTP "):
        method = label.split(" ", 1)[1].upper()
        url = _first_string(reporter, req.site.node, ctx)
        match = _REST_PATH.search(str(url).split("?")[0] + "?") if url else None
        return f"REST {method} …/{match['path']}" if match else f"REST {method}"
    client, _, method = label.partition(" ")
    if not method:
        return label
    return method if client in _OPENAI_CLASSES else f"{client}.{method}"


def _first_string(reporter: Any, call: cst.Call, ctx: Ctx) -> str:
    args = [a.value for a in call.args if a.keyword is not None and a.keyword.value == "url"]
    args += [a.value for a in call.args if a.keyword is None]
    for expr in args[:2]:
        for text, _ in reporter.ev.strings(expr, ctx)[:4]:
            if "/" in text:
                return cast(str, text)  # may be tainted: only _env_label and the fixed API names read it
    return ""


def _env_label(text: str) -> str:
    """ "env KEY" for a value (partly) from the environment, "" for a clean one."""
    return "env " + ", ".join(key or path for key, path in taint.sources_of(text)[:2]) if taint.is_tainted(text) else ""


def _constructors(reporter: Any, call: cst.Call, ctx: Ctx) -> list[tuple[cst.Call, Ctx]]:
    """Calls that built the request's receiver (``AzureOpenAI(...)``, ``AzureChatOpenAI(...)``), a step deep."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return []
    base = chain_of(func)[0]
    if isinstance(base, cst.Call):
        return [(base, ctx)]
    out: list[tuple[cst.Call, Ctx]] = []
    try:
        values = reporter.finder._values(base, ctx)
    except (RecursionError, AttributeError):
        return []
    for value, vctx in values[:4]:
        if isinstance(value, cst.Call):
            out.append((value, vctx))
    return out


def _keyword_value(reporter: Any, call: cst.Call, ctx: Ctx, names: tuple[str, ...], host: bool = False) -> str:
    """The first of ``names`` given to ``call`` as shown by the code; environment values by their name."""
    for name in names:
        for arg in call.args:
            if arg.keyword is None or arg.keyword.value != name:
                continue
            shown = _shown(reporter, arg.value, ctx, host)
            if shown:
                return shown
    return ""


def _shown(reporter: Any, expr: cst.BaseExpression, ctx: Ctx, host: bool) -> str:
    env = _env_name(expr)
    for text, _ in reporter.ev.strings(expr, ctx)[:4]:
        if taint.is_tainted(text):
            return f"env {env}" if env else _env_label(text)
        value = str(text).strip()
        if host:
            value = urlsplit(value).hostname or "" if "://" in value else ""
        if value and " " not in value and len(value) <= 120:
            return f"env {env}, default {value}" if env else value  # the default is written in the code
    return f"env {env}" if env else ""


def _env_name(expr: cst.BaseExpression) -> str:
    """``os.getenv("K")``, ``os.environ.get("K")``, ``os.environ["K"]``: the variable's name, never its value."""
    key: cst.BaseExpression | None = None
    if isinstance(expr, cst.Call) and dotted(expr.func) in _ENV_CALLS and expr.args:
        key = expr.args[0].value
    elif isinstance(expr, cst.Subscript) and dotted(expr.value) in ("os.environ", "environ") and expr.slice:
        element = expr.slice[0].slice
        key = element.value if isinstance(element, cst.Index) else None
    if isinstance(key, cst.SimpleString):
        value = key.evaluated_value
        return value if isinstance(value, str) else ""
    return ""
