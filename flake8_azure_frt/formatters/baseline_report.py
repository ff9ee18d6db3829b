"""``--format=afr-baseline``: write a baseline file from the current findings (AFR codes only).

    flake8 --select=AFR --format=afr-baseline --output-file=.afr-baseline.json --exit-zero

Paths are stored relative to the baseline file's folder, fingerprints through ``baseline.fingerprints``,
the same function the plugin uses when it applies the file.
"""

from __future__ import annotations

import os

from ..baseline import Entry, dump
from ..registry import INVENTORY_CODES
from .common import BufferedFormatter, Report, ViolationLike


class BaselineFormatter(BufferedFormatter):
    record = False  # it sees every finding already (noqa disabled, baseline not applied while writing)

    def after_init(self) -> None:
        super().after_init()
        # The plugin applies a baseline before flake8 applies noqa comments, so it counts suppressed findings
        # when it numbers identical ones; the file must hold them too, or the occurrence indices disagree.
        self.options.disable_noqa = True

    def handle(self, error: ViolationLike) -> None:
        if error.code.startswith("AFR") and error.code not in INVENTORY_CODES:  # the inventory is never baselined
            super().handle(error)

    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.filename)) if self.filename else os.getcwd()

    def render(self, reports: list[Report]) -> str:
        return dump(Entry(r.path, r.code, r.fingerprint, r.line, f"{r.code} {r.text}") for r in reports)
