"""Evidence → codes. Each code is a small predicate over one request's evidence (see rules.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .findings import Evidence, EvidenceKind
from .lexicon.table import PURPOSES
from .registry import PURPOSE_CODES
from .settings import Settings


@dataclass
class RequestEvidence:
    """Everything known about one request, each item already rendered with its line."""

    purposes: dict[str, list[Evidence]] = field(default_factory=dict)
    strong_identify: bool = False
    matcher: list[Evidence] = field(default_factory=list)
    media: list[Evidence] = field(default_factory=list)
    crops: list[Evidence] = field(default_factory=list)
    police: list[Evidence] = field(default_factory=list)
    us: list[Evidence] = field(default_factory=list)
    non_us: list[Evidence] = field(default_factory=list)
    gallery: list[Evidence] = field(default_factory=list)
    watchlist: list[Evidence] = field(default_factory=list)
    live: list[Evidence] = field(default_factory=list)
    mobile: list[Evidence] = field(default_factory=list)
    detectors: list[Evidence] = field(default_factory=list)
    blur: list[Evidence] = field(default_factory=list)

    def purpose(self, name: str) -> list[Evidence]:
        return self.purposes.get(name, [])

    @property
    def identify(self) -> bool:
        """Identification of a person from media: an image input, or a local face matcher's results."""
        return bool(self.purpose("identify")) and (bool(self.media) or bool(self.matcher))

    @property
    def camera(self) -> list[Evidence]:
        return self.live + self.mobile


Predicate = Callable[[RequestEvidence, Settings], "list[Evidence] | None"]


def _first(*groups: list[Evidence]) -> list[Evidence]:
    return [g[0] for g in groups if g]


def _us_police(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    if not (ev.identify and ev.police):
        return None
    if settings.jurisdiction == "US":
        place = [Evidence(EvidenceKind.JURISDICTION_OPTION, ev.police[0].line)]
    elif ev.us:
        place = ev.us[:1]
    elif settings.jurisdiction is None and not ev.non_us:
        place = []
    else:
        return None
    return _first(ev.purpose("identify"), ev.media) + ev.police[:1] + place


def _realtime_mobile(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    if ev.identify and ev.police and ev.live and ev.mobile:
        return _first(ev.purpose("identify"), ev.live, ev.mobile, ev.police)
    return None


def _gallery(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    """A law-enforcement gallery; a watch list only in law-enforcement code (a shop's own list is AFR106)."""
    if ev.identify and ev.gallery:
        return _first(ev.purpose("identify"), ev.media, ev.gallery)
    if ev.identify and ev.watchlist and ev.police:
        return _first(ev.purpose("identify"), ev.media, ev.watchlist, ev.police)
    return None


def _with_media(purpose: str) -> Predicate:
    def predicate(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
        if ev.media and ev.purpose(purpose):
            return _first(ev.purpose(purpose), ev.media)
        return None

    return predicate


def _no_purpose(ev: RequestEvidence) -> bool:
    return not any(ev.purpose(p) for p in PURPOSES)


def _le_images(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    if ev.media and ev.police and _no_purpose(ev):
        return _first(ev.media, ev.police)
    return None


def _le_live(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    if ev.media and ev.police and ev.camera and _no_purpose(ev):
        return _first(ev.camera, ev.media, ev.police)
    return None


def _face_crops(ev: RequestEvidence, settings: Settings) -> list[Evidence] | None:
    if ev.media and ev.crops and ev.detectors and not ev.blur and _no_purpose(ev):
        return _first(ev.detectors, ev.crops, ev.media)
    return None


# In code order, the order in which one request's findings are made.
PREDICATES: dict[str, Predicate] = dict(
    sorted(
        {
            "AFR101": _us_police,
            "AFR102": _realtime_mobile,
            "AFR103": _gallery,
            **{code: _with_media(purpose) for purpose, code in PURPOSE_CODES.items()},
            "AFR201": _le_images,
            "AFR202": _le_live,
            "AFR203": _face_crops,
        }.items()
    )
)


def evaluate(ev: RequestEvidence, settings: Settings) -> dict[str, list[Evidence]]:
    """Codes that hold for one request, each with the evidence that makes it hold."""
    out: dict[str, list[Evidence]] = {}
    for code, predicate in PREDICATES.items():
        found = predicate(ev, settings)
        if found is not None:
            out[code] = found
    return out
