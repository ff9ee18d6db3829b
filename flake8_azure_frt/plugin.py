"""The flake8 entry point: options, the per-file run, and containment of every failure."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from typing import Any, ClassVar

from . import __version__, baseline, project
from .findings import Finding
from .registry import RULES
from .settings import OptionError, Settings, from_options, parse_bool, register

# Exit status for an invalid option: argparse's status for usage errors, distinct from flake8's 1 for findings.
OPTION_ERROR_STATUS = 2

Result = tuple[int, int, str, type]


class Plugin:
    """flake8 tree plugin. flake8 needs the ``tree`` parameter to treat it as one; ``lines`` is the text."""

    name = "flake8-azure-frt"
    version = __version__
    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: ast.AST, lines: list[str], filename: str = "stdin") -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @staticmethod
    def add_options(manager: Any) -> None:
        register(manager)

    @classmethod
    def parse_options(cls, options: Any) -> None:
        try:
            settings = from_options(options)
            settings = settings.with_(config_root=project.config_root(options))
            settings = baseline.configure(options, settings)
        except OptionError as exc:
            # One line, no traceback, and a status that differs from "findings found".
            print(f"flake8-azure-frt: invalid option {exc}", file=sys.stderr)
            raise SystemExit(OPTION_ERROR_STATUS) from None
        cls.settings = settings.with_(**_reportable(options))

    def run(self) -> Iterator[Result]:
        if not (self.settings.analyse or self.settings.suppressions):
            return  # --select/--ignore leave none of this plugin's codes: cost nothing
        for finding in self.findings():
            yield finding.line, finding.col, finding.message, type(self)

    def findings(self) -> list[Finding]:
        # Imported here so that flake8 start-up (and every spawned worker) stays cheap.
        from .analysis import internal_error
        from .record import check  # check_source, plus notebook cells and the record for report formatters

        try:
            return check(self.lines, self.filename, self.tree, self.settings)
        except Exception as exc:
            return [internal_error(exc)]


def _reportable(options: Any) -> dict[str, bool]:
    """Which of the plugin's stages can still produce a reported code under --select/--ignore and friends."""
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        shown = {code for code in RULES if engine.decision_for(code) is Decision.Selected}
    except Exception:  # an older or newer flake8, or a bare namespace (tests): analyse as before
        return {}
    # AFR900 only says why an analysis stopped: on its own it is no reason to start one. AFR001 (the inventory)
    # is one only when its option is on (validated by from_options before this runs).
    inventory = "AFR001" in shown and parse_bool("inventory", getattr(options, "azure_frt_inventory", "") or "false")
    analyse = bool(shown - {"AFR900", "AFR901", "AFR001"}) or inventory
    return {"analyse": analyse, "suppressions": "AFR901" in shown, "inventory": inventory}
