"""The flake8 entry point: options, the per-file run, and containment of every failure."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from typing import Any, ClassVar

from . import __version__, baseline
from .findings import Finding
from .settings import OptionError, Settings, from_options, register

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
            settings = baseline.configure(options, from_options(options))
        except OptionError as exc:
            # One line, no traceback: flake8 prints a SystemExit message and stops.
            raise SystemExit(f"flake8-azure-frt: invalid option {exc}") from None
        cls.settings = settings.with_(project_root=os.getcwd())

    def run(self) -> Iterator[Result]:
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
