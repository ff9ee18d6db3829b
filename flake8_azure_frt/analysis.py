"""The per-file pipeline: suppressions, prefilter, limits, one libcst parse, evidence, rules, baseline."""

from __future__ import annotations

import ast
import time

from . import baseline, gate, gcpolicy, limits, prefilter, project, request_sites, suppressions
from .findings import Finding
from .limits import BudgetExceeded
from .settings import Settings


class Deadline:
    """A cheap wall-clock budget, checked at loop heads of the costly stages."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise BudgetExceeded(f"time budget of {self.seconds:g} s exceeded")


def incomplete(reason: str) -> Finding:
    return Finding("AFR900", 1, 0, reason=reason)


def internal_error(exc: BaseException) -> Finding:
    detail = str(exc).splitlines()[0][:120] if str(exc) else ""
    return incomplete(f"internal error {type(exc).__name__}" + (f": {detail}" if detail else ""))


def check_source(
    lines: list[str], filename: str, tree: ast.AST | None = None, settings: Settings | None = None
) -> list[Finding]:
    """All findings for one file, sorted; never raises for a file Python can parse (see plugin.py)."""
    settings = settings or Settings()
    findings = suppressions.check(lines) if settings.suppressions else []
    if settings.analyse:
        source = "".join(lines)
        if not settings.prefilter or (
            prefilter.is_candidate(source, settings, lambda: _elsewhere(filename, settings))
            and _screened_in(source, filename, tree, settings)
        ):
            findings.extend(_analyse(source, filename, tree, settings))
    if settings.baseline:
        findings = baseline.apply(findings, filename, lines, settings)
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


def _worth_parsing(source: str, filename: str, tree: ast.AST | None, settings: Settings) -> bool:
    """The ast screens, after the text prefilter and the project screen: flake8's tree is free, libcst is not. A
    file with no evidence of its own or from its local modules, or no call that could be a request or a call of a
    local module's request-making function, cannot produce a finding."""
    if not settings.prefilter or tree is None or settings.all_openai or settings.extra_clients or settings.inventory:
        return True
    try:
        return gate.may_have_evidence(tree, filename, settings) and request_sites.may_send(
            tree, filename, settings, source
        )
    except RecursionError:
        return True


def _elsewhere(filename: str, settings: Settings) -> bool:
    """Does some other file of the project name a request (gate.project_names_a_request), inside a budget."""
    deadline = Deadline(settings.limits.time_budget)
    try:
        with project.budget(deadline.check):
            return gate.project_names_a_request(filename, settings)
    except (BudgetExceeded, RecursionError):
        return True


def _screened_in(source: str, filename: str, tree: ast.AST | None, settings: Settings) -> bool:
    """The project screen (gate.reaches_a_request), before the limits and the analysis: a file that reaches no
    request cannot produce a finding. It reads other project files, so it runs inside a budget of its own; when
    that runs out, or the options widen what a request is, the file goes on to the analysis."""
    if settings.all_openai or settings.extra_clients or settings.inventory:
        return True
    deadline = Deadline(settings.limits.time_budget)
    try:
        with project.budget(deadline.check):
            return gate.reaches_a_request(filename, settings, source)
    except (BudgetExceeded, RecursionError):
        return True


def _analyse(source: str, filename: str, tree: ast.AST | None, settings: Settings) -> list[Finding]:
    # The budget starts before the gate and the parse: the gate may read other project files, and parsing
    # cannot be interrupted (max-nodes bounds it), but both count against what is left for the analysis.
    # Every read or parse of another project file checks it first (project.budget).
    deadline = Deadline(settings.limits.time_budget)
    try:
        # The gate first: a file that can supply no evidence needs neither the shape limits' walk nor libcst, and
        # a limit it would exceed is no reason for a note (nothing there could be found). The gate's own walk is
        # iterative and its text bounded, so it is safe on any tree Python built.
        oversized = len(source) > settings.limits.max_file_bytes  # characters: bytes are at least as many
        with project.budget(deadline.check):
            if not oversized and not _worth_parsing(source, filename, tree, settings):
                return []
        reason = limits.check(source, tree, settings.limits)
        if reason:
            return [incomplete(reason)]
        with project.budget(deadline.check), gcpolicy.paused():  # gcpolicy: why collection waits
            return _parse_and_check(source, filename, settings, deadline)
    except BudgetExceeded as exc:
        return [incomplete(str(exc))]
    except RecursionError:
        return [incomplete("expression nesting too deep to analyse")]


def _parse_and_check(source: str, filename: str, settings: Settings, deadline: Deadline) -> list[Finding]:
    # Imported here, not at the top: libcst and the analysis modules take ~0.25 s to import, which a flake8
    # worker whose files all stop at the screens (most projects: they never call Azure OpenAI) never pays.
    import libcst as cst

    from .checker import check_module

    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        return [incomplete(f"libcst could not parse the file (line {exc.raw_line}): {exc.message}")]
    except RecursionError:
        return [incomplete("libcst could not parse the file: nesting too deep")]
    return check_module(module, filename, settings, deadline)
