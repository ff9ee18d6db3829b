"""What the formatters share: buffering flake8's violations, and reading the evidence back out of a message.

flake8 hands a formatter only ``Violation(code, filename, line_number, column_number, text, physical_line)``;
rule metadata comes from the registry, and the evidence is parsed from the message text that
``findings.Finding.message`` wrote: ``<title> [<clauses>]: <item>; <item>…`` where each item is
``<kind> "<quote>" (<where>)`` or ``<kind> (<where>)``, ``<where>`` being ``line N``, ``<path> line N`` (evidence
in another project file) or ``<path>``; the request item is ``request <call> (line N)`` or
``wrapper call reaches request <call> (line N)``.
"""

from __future__ import annotations

import linecache
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from flake8.formatting.base import BaseFormatter

from ..baseline import Site, fingerprints, relative_path
from ..registry import CLAUSES, RULES, Rule

TOOL_NAME = "flake8-azure-frt"
DOCS_HOME = "https://flake8-azure-frt.readthedocs.io/en/latest/"

_HEAD = re.compile(r"^(?P<title>.*?) \[(?P<clauses>[^\[\]]*)\]: (?P<detail>.*)$", re.DOTALL)
# Quotes never contain '"' (findings.shorten swaps them for "'"), so a quote may safely hold "; ".
_ITEM = re.compile(
    r'(?P<kind>[^";]*?)(?: "(?P<quote>[^"]*)")? '
    r'\((?:(?:(?P<path>[^()";]+?) )?line (?P<line>\d+)|(?P<file>[^()";\s]+\.\w+))\)'
)
_REQUEST = re.compile(r"^(?P<via>wrapper call reaches )?request (?P<call>.+)$")


class ViolationLike(Protocol):
    code: str
    filename: str
    line_number: int
    column_number: int
    text: str
    physical_line: str | None


@dataclass(frozen=True)
class EvidenceRef:
    kind: str
    quote: str
    line: int  # 0 when only the file is known
    path: str = ""  # another project file, as the message names it; "" for the reported file

    @property
    def label(self) -> str:
        return f'{self.kind} "{self.quote}"' if self.quote else self.kind


@dataclass(frozen=True)
class RequestRef:
    call: str
    line: int
    via_wrapper: bool


@dataclass(frozen=True)
class Parsed:
    title: str
    clauses: tuple[str, ...]
    request: RequestRef | None
    evidence: tuple[EvidenceRef, ...]
    reason: str


def parse_message(code: str, text: str) -> Parsed:
    """Split a message into title, clauses, request and evidence; anything unparsable stays as ``reason``."""
    rule = RULES.get(code)
    head = _HEAD.match(text)
    if rule is None or head is None:
        return Parsed(text, (), None, (), text)
    clauses = tuple(c.strip() for c in head["clauses"].split(",") if c.strip())
    items = _parse_items(head["detail"])
    if items is None:
        return Parsed(head["title"], clauses, None, (), head["detail"])
    request = None
    evidence = []
    for item in items:
        match = _REQUEST.match(item.kind) if request is None and not item.quote and not item.path else None
        if match:
            request = RequestRef(match["call"], item.line, bool(match["via"]))
        else:
            evidence.append(item)
    return Parsed(head["title"], clauses, request, tuple(evidence), "")


def _parse_items(detail: str) -> list[EvidenceRef] | None:
    """The ``; ``-separated items, or None when they do not cover the whole text (then it is a reason)."""
    items = []
    pos = 0
    while True:
        match = _ITEM.match(detail, pos)
        if not match or not match["kind"].strip():
            return None
        path = match["path"] or match["file"] or ""
        line = int(match["line"]) if match["line"] else 0
        items.append(EvidenceRef(match["kind"].strip(), match["quote"] or "", line, path))
        pos = match.end()
        if pos == len(detail):
            return items
        if not detail.startswith("; ", pos):
            return None
        pos += 2


def generic_level(code: str) -> str:
    """Level for codes of other plugins: E9xx (syntax/IO errors) means this file was not checked at all."""
    return "error" if code.startswith("E9") else "warning"


@dataclass(frozen=True)
class Report:
    """One violation with what every formatter needs: repo-relative path, line text, fingerprint."""

    code: str
    filename: str
    path: str
    line: int
    column: int
    text: str
    line_text: str
    fingerprint: str

    @property
    def rule(self) -> Rule | None:
        return RULES.get(self.code)

    @property
    def level(self) -> str:
        rule = self.rule
        return rule.level if rule else generic_level(self.code)

    @property
    def parsed(self) -> Parsed:
        return parse_message(self.code, self.text)

    @property
    def docs_url(self) -> str | None:
        rule = self.rule
        return rule.docs_url if rule else None


def clause_urls(codes: Sequence[str]) -> dict[str, str]:
    return {c: CLAUSES[c].url for code in codes if code in RULES for c in RULES[code].clauses}


def source_line(violation: ViolationLike) -> str:
    """The reported physical line, read as the plugin saw it (flake8's ``physical_line`` is the whole
    logical line for multi-line statements, so it cannot be used for a line fingerprint)."""
    text = linecache.getline(violation.filename, violation.line_number)
    if not text and violation.physical_line and "\n" not in violation.physical_line.rstrip("\r\n"):
        text = violation.physical_line
    return text.rstrip("\r\n")


def build_reports(violations: Sequence[ViolationLike], root: str) -> list[Report]:
    """Reports in flake8's order, with fingerprints computed per file exactly as baseline.apply does."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(violations):
        by_file[v.filename].append(i)
    reports: list[Report | None] = [None] * len(violations)
    for filename, indices in by_file.items():
        linecache.checkcache(filename)  # a long-lived process may have read an older version
        path = relative_path(filename, root)
        texts = [source_line(violations[i]) for i in indices]
        sites = [
            Site(violations[i].code, violations[i].text, violations[i].line_number, violations[i].column_number, t)
            for i, t in zip(indices, texts, strict=True)
        ]
        for i, text, fp in zip(indices, texts, fingerprints(sites), strict=True):
            v = violations[i]
            reports[i] = Report(v.code, v.filename, path, v.line_number, v.column_number, v.text, text, fp)
    return [r for r in reports if r is not None]


class BufferedFormatter(BaseFormatter):  # type: ignore[misc]  # flake8 ships no type information
    """Collects every violation and writes one whole document in ``stop()``.

    ``BaseFormatter.start`` opens ``--output-file`` for appending, which would leave two JSON documents
    in one file after a second run; this one truncates it.
    """

    violations: list[ViolationLike]

    def after_init(self) -> None:
        self.violations = []

    def start(self) -> None:
        if self.filename:
            os.makedirs(os.path.dirname(os.path.abspath(self.filename)), exist_ok=True)
            self.output_fd = open(self.filename, "w", encoding="utf-8")  # closed in stop()

    def handle(self, error: ViolationLike) -> None:
        self.violations.append(error)

    def format(self, error: ViolationLike) -> str | None:
        return None

    # Statistics and benchmarks would be written into the document and break it.
    def show_statistics(self, statistics: Any) -> None:
        return None

    def show_benchmarks(self, benchmarks: Any) -> None:
        return None

    def root(self) -> str:
        return os.getcwd()

    def render(self, reports: list[Report]) -> str:
        raise NotImplementedError

    def stop(self) -> None:
        self._write(self.render(build_reports(self.violations, self.root())))
        super().stop()
