"""What the report formatters share: buffering flake8's violations and turning them into ``Report`` objects.

flake8 hands a formatter only ``Violation(code, filename, line_number, column_number, text, physical_line)``.
A report adds what the plugin recorded for that violation (``record.py``: the whole evidence chain behind the
short message), the findings a ``# noqa`` or the baseline hid (as suppressed reports), the repository-relative
path, a fingerprint that ignores line numbers, and, for nbqa's temporary script, the notebook, the cell and
the line of the ``.ipynb`` file (``notebooks.py``). Without a record (flake8's API used without this
formatter's session, stdin) the short message is parsed back into its one quoted piece of evidence.
"""

from __future__ import annotations

import linecache
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from flake8.formatting.base import BaseFormatter

from ..baseline import Site, fingerprints, relative_path
from ..findings import Finding
from ..notebooks import CellMap, for_script
from ..record import FileRecord, Recorded, Session
from ..registry import RULES, Rule

TOOL_NAME = "flake8-azure-frt"

# The short message: "<title>: <kind> "<quote>" (<where>)<tail>"; the quote is as written and may hold '"'.
_SHORT = re.compile(r'^(?P<title>[^:]+): (?P<kind>[^"()]+?)(?: "(?P<quote>.*)")? \((?P<where>[^()]*)\)(?P<tail>.*)$')
_WHERE = re.compile(r"^(?:(?P<path>.+) )?line (?P<line>\d+)$")
# flake8's noqa syntax (flake8/defaults.py) plus this project's " -- <reason>" (suppressions.py).
_NOQA_REASON = re.compile(r"#\s*noqa(?::\s?(?:[A-Z]+[0-9]+(?:[,\s]+)?)+)?\s*--\s*(?P<reason>.+)$", re.IGNORECASE)


class ViolationLike(Protocol):
    code: str
    filename: str
    line_number: int
    column_number: int
    text: str
    physical_line: str | None


@dataclass(frozen=True)
class Place:
    """A place in the repository: path relative to the run's folder, 1-based line (0: the whole file)."""

    path: str
    line: int
    column: int = 0
    line_text: str = ""
    cell: int = 0  # notebook code cell (nbqa numbering), 0 when not a notebook
    cell_line: int = 0
    cell_column: int = 0

    @property
    def label(self) -> str:
        if self.cell:
            return f"cell {self.cell}, line {self.cell_line}"
        return f"line {self.line}" if self.line else "the file"


@dataclass(frozen=True)
class EvidenceRef:
    kind: str
    quote: str
    place: Place
    other_file: bool = False  # evidence in another project file than the reported one

    @property
    def label(self) -> str:
        return f'{self.kind} "{self.quote}"' if self.quote else self.kind

    @property
    def where(self) -> str:
        return f"{self.place.path} {self.place.label}" if self.other_file else self.place.label


@dataclass(frozen=True)
class RequestRef:
    call: str
    place: Place
    via_wrapper: bool


@dataclass(frozen=True)
class Suppression:
    kind: str  # SARIF: "inSource" (a noqa comment) or "external" (the baseline)
    justification: str
    source: str  # "noqa" or "baseline"


@dataclass(frozen=True)
class Report:
    code: str
    text: str  # the message without its code, as flake8 prints it
    place: Place
    fingerprint: str
    filename: str = ""  # as flake8 named it
    request: RequestRef | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    reason: str = ""
    suppressions: tuple[Suppression, ...] = ()
    lead: EvidenceRef | None = field(default=None, compare=False)
    facts: dict[str, Any] = field(default_factory=dict, compare=False)  # AFR001: the request's facts

    @property
    def rule(self) -> Rule | None:
        return RULES.get(self.code)

    @property
    def level(self) -> str:
        rule = self.rule
        return rule.level if rule else generic_level(self.code)

    @property
    def title(self) -> str:
        rule = self.rule
        return rule.title if rule else self.text

    @property
    def docs_page(self) -> str | None:
        rule = self.rule
        return rule.docs_page if rule else None

    @property
    def suppressed(self) -> bool:
        return bool(self.suppressions)

    @property
    def path(self) -> str:
        return self.place.path

    @property
    def line(self) -> int:
        return self.place.line

    @property
    def column(self) -> int:
        return self.place.column

    @property
    def line_text(self) -> str:
        return self.place.line_text


def generic_level(code: str) -> str:
    """Level for codes of other plugins: E9xx (syntax/IO errors) means this file was not checked at all."""
    return "error" if code.startswith("E9") else "warning"


def source_line(filename: str, line: int, physical_line: str | None = None) -> str:
    """The reported physical line, read as the plugin saw it (flake8's ``physical_line`` is the whole
    logical line for multi-line statements, so it cannot be used for a line fingerprint)."""
    text = linecache.getline(filename, line)
    if not text and physical_line and "\n" not in physical_line.rstrip("\r\n"):
        text = physical_line
    return text.rstrip("\r\n")


class _File:
    """Places in one checked file: repository-relative, mapped to notebook cells for nbqa's script."""

    def __init__(self, filename: str, root: str) -> None:
        self.filename = filename
        self.root = root
        linecache.checkcache(filename)  # a long-lived process may have read an older version
        self.lines = linecache.getlines(filename)
        self.cells: CellMap | None = for_script(filename, self.lines) if self.lines else None
        self.path = relative_path(self.cells.notebook if self.cells else filename, root)

    def text(self, line: int) -> str:
        return self.lines[line - 1].rstrip("\r\n") if 0 < line <= len(self.lines) else ""

    def place(self, line: int, column: int = 0, text: str | None = None) -> Place:
        if self.cells is not None:
            cell = self.cells.place(line)
            if cell is not None:
                return Place(self.path, cell.json_line, cell.json_column, cell.text, cell.cell, cell.line, column)
        return Place(self.path, line, column, self.text(line) if text is None else text)

    def other(self, path: str, line: int) -> Place:
        return Place(relative_path(path, self.root), line)


def _parse_short(text: str, file: _File) -> tuple[tuple[EvidenceRef, ...], str]:
    """Evidence from a short message (no record); anything else is the reason."""
    match = _SHORT.match(text)
    where = _WHERE.match(match["where"]) if match else None
    if match is None or where is None or match["title"].strip() not in {r.title for r in RULES.values()}:
        return (), text
    if where["path"]:
        ref = EvidenceRef(match["kind"], match["quote"] or "", file.other(where["path"], int(where["line"])), True)
    else:
        ref = EvidenceRef(match["kind"], match["quote"] or "", file.place(int(where["line"])))
    return (ref,), ""


def _from_finding(finding: Finding, file: _File) -> tuple[RequestRef | None, tuple[EvidenceRef, ...]]:
    def ref(kind: str, quote: str, path: str, line: int) -> EvidenceRef:
        if path:
            return EvidenceRef(kind, quote, file.other(path, line), True)
        return EvidenceRef(kind, quote, file.place(line))

    request = None
    if finding.request:
        place = ref("", "", finding.request_path, finding.request_line)
        request = RequestRef(finding.request, place.place, finding.via_wrapper)
    return request, tuple(ref(e.kind, e.quote, e.path, e.line) for e in finding.evidence)


class NoqaJudge:
    """Which recorded findings a ``# noqa`` hid, decided with flake8's own code: its per-file style guide
    (select, ignore, per-file-ignores), its noqa line mapping (a comment on the last line of a multi-line
    statement covers all of it) and ``Violation.is_inline_ignored``."""

    def __init__(self, options: Any, formatter: Any) -> None:
        self.options = options
        self.disabled = bool(getattr(options, "disable_noqa", False))
        try:
            from flake8.style_guide import StyleGuideManager

            self.guides: Any = StyleGuideManager(options, formatter)
        except Exception:  # a partial options namespace (tests, the legacy API): everything counts as selected
            self.guides = None
        self.mappings: dict[str, Any] = {}

    def selected(self, filename: str, code: str) -> bool:
        if self.guides is None:
            return True
        try:
            from flake8.style_guide import Decision

            return bool(self.guides.style_guide_for(filename).should_report_error(code) is Decision.Selected)
        except Exception:
            return True

    def noqa_line(self, filename: str, line: int) -> str | None:
        if filename not in self.mappings:
            try:
                from flake8.processor import FileProcessor

                self.mappings[filename] = FileProcessor(filename, self.options)
            except Exception:
                self.mappings[filename] = None
        processor = self.mappings[filename]
        if processor is not None:
            try:
                return str(processor.noqa_line_for(line) or "") or None
            except Exception:
                pass
        return linecache.getline(filename, line) or None

    def hides(self, filename: str, code: str, line: int, column: int, text: str) -> Suppression | None:
        if self.disabled or not self.selected(filename, code):
            return None
        from flake8.violation import Violation

        physical = self.noqa_line(filename, line)
        if physical is None or not Violation(code, filename, line, column, text, physical).is_inline_ignored(False):
            return None
        reasons = [m["reason"].strip() for m in map(_NOQA_REASON.search, physical.splitlines()) if m]
        return Suppression("inSource", reasons[0] if reasons else "", "noqa")


def _baseline_suppression(record: FileRecord) -> Suppression:
    name = os.path.basename(record.baseline) if record.baseline else "the baseline"
    return Suppression("external", f"accepted in baseline file {name}", "baseline")


def build_reports(
    violations: Sequence[ViolationLike],
    root: str,
    records: dict[str, FileRecord] | None = None,
    judge: NoqaJudge | None = None,
) -> list[Report]:
    """Reports in flake8's order, then the suppressed ones per file; fingerprints as baseline.apply makes them."""
    records = records or {}
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(violations):
        by_file[v.filename].append(i)
    names = {os.path.abspath(f): f for f in by_file}
    for absolute, recorded in records.items():
        names.setdefault(absolute, recorded.filename)
    out: list[Report | None] = [None] * len(violations)
    hidden: list[Report] = []
    for absolute, filename in names.items():
        file = _File(filename, root)
        record = records.get(absolute)
        pending: dict[tuple[str, int, int, str], list[Recorded]] = defaultdict(list)
        for item in record.findings if record else ():
            pending[(item.finding.code, item.finding.line, item.finding.col + 1, item.message)].append(item)
        indices = by_file.get(filename, [])
        matched: list[Recorded | None] = []
        for i in indices:
            v = violations[i]
            found = pending.get((v.code, v.line_number, v.column_number, f"{v.code} {v.text}"))
            matched.append(found.pop(0) if found else None)
        extra: list[tuple[Recorded, tuple[Suppression, ...]]] = []
        for items in pending.values():
            for item in items:
                f = item.finding
                if judge is not None and not judge.selected(filename, f.code):
                    continue  # --select/--ignore/per-file-ignores hide it: not a suppression
                reasons: list[Suppression] = []
                if item.hidden_by_baseline and record is not None:
                    reasons.append(_baseline_suppression(record))
                noqa = judge.hides(filename, f.code, f.line, f.col + 1, _text(item.message)) if judge else None
                if noqa:
                    reasons.append(noqa)
                if reasons:
                    extra.append((item, tuple(reasons)))
        sites = [
            Site(violations[i].code, violations[i].text, violations[i].line_number, violations[i].column_number, "")
            for i in indices
        ] + [Site(r.finding.code, _text(r.message), r.finding.line, r.finding.col + 1, "") for r, _ in extra]
        texts = [source_line(filename, violations[i].line_number, violations[i].physical_line) for i in indices] + [
            file.text(r.finding.line) for r, _ in extra
        ]
        sites = [Site(s.code, s.text, s.line, s.col, t) for s, t in zip(sites, texts, strict=True)]
        prints = fingerprints(sites)
        for n, i in enumerate(indices):
            v = violations[i]
            out[i] = _report(v.code, v.text, v.line_number, v.column_number, file, prints[n], matched[n], ())
        for n, (item, why) in enumerate(extra, len(indices)):
            f = item.finding
            hidden.append(_report(f.code, _text(item.message), f.line, f.col + 1, file, prints[n], item, why))
    hidden.sort(key=lambda r: (r.path, r.line, r.column, r.code))
    return [r for r in out if r is not None] + hidden


def _text(message: str) -> str:
    return message.split(" ", 1)[1] if " " in message else ""


def _report(
    code: str,
    text: str,
    line: int,
    column: int,
    file: _File,
    fingerprint: str,
    recorded: Recorded | None,
    suppressions: tuple[Suppression, ...],
) -> Report:
    place = file.place(line, column)
    if code not in RULES:
        return Report(code, text, place, fingerprint, file.filename, suppressions=suppressions)
    if recorded is not None:
        finding = recorded.finding
        request, evidence = _from_finding(finding, file)
        lead_item = finding.lead
        lead = evidence[finding.evidence.index(lead_item)] if lead_item is not None else None
        return Report(
            code,
            text,
            place,
            fingerprint,
            file.filename,
            request,
            evidence,
            finding.reason,
            suppressions,
            lead,
            finding.facts,
        )
    evidence, reason = _parse_short(text, file)
    return Report(code, text, place, fingerprint, file.filename, None, evidence, reason, suppressions, None)


class BufferedFormatter(BaseFormatter):  # type: ignore[misc]  # flake8 ships no type information
    """Collects every violation and writes one whole document in ``stop()``.

    ``BaseFormatter.start`` opens ``--output-file`` for appending, which would leave two JSON documents
    in one file after a second run; this one truncates it. ``record`` formatters open a record session
    before the checks run, to get the evidence chains and the suppressed findings.
    """

    violations: list[ViolationLike]
    record = True
    session: Session | None = None

    def after_init(self) -> None:
        self.violations = []
        self.session = Session() if self.record else None

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

    def reports(self) -> list[Report]:
        records = self.session.load() if self.session else {}
        judge = NoqaJudge(self.options, self) if self.session else None
        return build_reports(self.violations, self.root(), records, judge)

    def stop(self) -> None:
        try:
            self._write(self.render(self.reports()))
        finally:
            if self.session is not None:
                self.session.close()
        super().stop()
