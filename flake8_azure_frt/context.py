"""Module-level evidence: law enforcement, jurisdiction, galleries, live and mobile cameras, face pipelines.

Read from string literals and identifiers (never comments or docstrings), plus a few call shapes
(``cv2.VideoCapture`` on a device or stream read in a loop, face detectors, blurs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import libcst as cst

from . import lexicon, surfaces
from .findings import EvidenceKind
from .index import ModuleIndex
from .settings import Settings

_ORI = re.compile(r"^[A-Z]{2}[0-9]{5}[0-9A-Z]{2}$")


@dataclass(frozen=True)
class Clue:
    kind: str
    quote: str
    node: cst.CSTNode | None
    line: int = 0


@dataclass
class Context:
    police: list[Clue] = field(default_factory=list)
    us: list[Clue] = field(default_factory=list)
    non_us: list[Clue] = field(default_factory=list)
    gallery: list[Clue] = field(default_factory=list)
    watchlist: list[Clue] = field(default_factory=list)
    live: list[Clue] = field(default_factory=list)
    mobile: list[Clue] = field(default_factory=list)
    detectors: list[Clue] = field(default_factory=list)
    blur: list[Clue] = field(default_factory=list)
    matchers: list[Clue] = field(default_factory=list)

    @property
    def law_enforcement(self) -> bool:
        return bool(self.police)


def _texts(index: ModuleIndex) -> list[tuple[str, cst.CSTNode]]:
    out: list[tuple[str, cst.CSTNode]] = [(value[:4000], node) for value, node in index.literals()]
    for node in index.strings:
        if isinstance(node, cst.FormattedString):
            text = "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
            out.append((text[:4000], node))
    for name, node in index.identifiers.items():
        words = lexicon.identifier_words(name)
        if len(words) > 2:
            out.append((words, node))
    return out


# The evidence kind each context category is shown as, in findings from module text and from request texts.
KINDS = {
    "police": EvidenceKind.POLICE_CONTEXT,
    "police_weak": EvidenceKind.POLICE_CONTEXT,
    "us": EvidenceKind.US_CONTEXT,
    "non_us": EvidenceKind.NON_US_CONTEXT,
    "gallery": EvidenceKind.SUSPECT_GALLERY,
    "watchlist": EvidenceKind.WATCH_LIST,
    "mobile": EvidenceKind.MOBILE_CAMERA,
    "live": EvidenceKind.LIVE_CAMERA,
    "blur": EvidenceKind.BLUR,
}
# How many clues of each category a module keeps (police is read apart: a weak form counts only in numbers).
_KEEP = {"us": 2, "non_us": 2, "gallery": 2, "watchlist": 1, "mobile": 2, "live": 1, "blur": 1}


def _scan(
    texts: list[tuple[str, cst.CSTNode]],
    wanted: Mapping[str, tuple[str, int]],
    check: Callable[[], None] | None = None,
) -> dict[str, list[Clue]]:
    """Per category (its evidence kind, how many clues to keep): the first distinct phrases, in text order. One
    pass over the texts, each normalised once for all the categories still open."""
    clues: dict[str, list[Clue]] = {category: [] for category in wanted}
    seen: dict[str, set[str]] = {category: set() for category in wanted}
    for text, node in texts:
        open_ = [category for category, (_, keep) in wanted.items() if len(clues[category]) < keep]
        if not open_:
            break
        if check is not None and len(text) > 1000:
            check()  # long texts cost milliseconds each: stay inside the file's time budget
        for category, hit in lexicon.find_contexts(text, open_).items():
            if hit and hit not in seen[category]:
                seen[category].add(hit)
                clues[category].append(Clue(wanted[category][0], hit, node))
    return clues


def build(
    index: ModuleIndex,
    settings: Settings,
    extra: list[tuple[str, cst.CSTNode]] | None = None,
    check: Callable[[], None] | None = None,
) -> Context:
    """Context clues of a module; ``check`` (the deadline's) is called between long texts."""
    texts = _texts(index) + (extra or [])
    wanted = {"police": (KINDS["police"], 2), "police_weak": (KINDS["police_weak"], 5)}
    found = _scan(texts, wanted | {category: (KINDS[category], keep) for category, keep in _KEEP.items()}, check)
    ctx = Context()
    ctx.police, weak = found["police"], found["police_weak"]
    if not ctx.police and len(weak) >= 3:
        ctx.police = weak[:2]
    if settings.law_enforcement:
        ctx.police.insert(0, Clue(EvidenceKind.LAW_ENFORCEMENT_OPTION, "", None, 1))
    ctx.us, ctx.non_us, ctx.gallery = found["us"], found["non_us"], found["gallery"]
    ctx.watchlist, ctx.mobile, ctx.live, ctx.blur = found["watchlist"], found["mobile"], found["live"], found["blur"]
    for text, node in texts:
        if _ORI.match(text.strip()) and "ori" in index.identifiers:
            ctx.police.append(Clue(f"{EvidenceKind.POLICE_CONTEXT} (ORI)", text.strip(), node))
            ctx.us.append(Clue(f"{EvidenceKind.US_CONTEXT} (ORI)", text.strip(), node))
            break
    _calls(index, ctx)
    return ctx


def _calls(index: ModuleIndex, ctx: Context) -> None:
    reads_in_loop = any(
        site.in_loop and isinstance(site.node.func, cst.Attribute) and site.node.func.attr.value in ("read", "grab")
        for site in index.calls
    )
    for site in index.calls:
        qn = index.qualname(site.node.func) or ""
        if not qn:
            continue
        if surfaces.VIDEO_SOURCES.search(qn):
            if _live_source(index, site.node) and (reads_in_loop or "VideoStream" in qn):
                ctx.live.insert(0, Clue(EvidenceKind.LIVE_CAMERA, qn.split(".")[-1], site.node))
        elif surfaces.FACE_DETECTORS.search(qn) or (qn.endswith("CascadeClassifier") and _mentions_face(site.node)):
            if not qn.endswith("detectMultiScale") or _cascade_is_face(index):
                ctx.detectors.append(Clue(EvidenceKind.FACE_DETECTOR, qn, site.node))
        elif surfaces.BLUR_CALLS.search(qn):
            ctx.blur.append(Clue(EvidenceKind.BLUR, qn, site.node))
        elif surfaces.FACE_MATCHERS.search(qn):
            ctx.matchers.append(Clue(EvidenceKind.LOCAL_FACE_MATCHER, qn, site.node))


def _mentions_face(call: cst.Call) -> bool:
    code = cst.Module([]).code_for_node(call).lower()
    return "face" in code


def _cascade_is_face(index: ModuleIndex) -> bool:
    return any(
        (index.qualname(s.node.func) or "").endswith("CascadeClassifier") and _mentions_face(s.node)
        for s in index.calls
    )


def _live_source(index: ModuleIndex, call: cst.Call) -> bool:
    """A device number, a stream URL or a camera-named variable — not a recorded file."""
    if not call.args:
        return True
    arg = call.args[0].value
    if isinstance(arg, cst.Integer):
        return True
    if isinstance(arg, cst.SimpleString):
        value = arg.evaluated_value
        return isinstance(value, str) and bool(surfaces.LIVE_SOURCE.search(value))
    code = cst.Module([]).code_for_node(arg).lower()
    if re.search(r"\.(mp4|avi|mov|mkv|webm)\b", code):
        return False
    return bool(re.search(r"cam|stream|rtsp|device|feed|live|url|source|src|uri|index", code))
