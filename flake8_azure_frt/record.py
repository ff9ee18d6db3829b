"""The whole findings of a run, for the report formatters.

flake8 hands a formatter only ``code, filename, line, column, text``, and never the findings that a
``# noqa`` or the baseline hides. The SARIF, rdjson, JSON and GitHub formatters want more: the full evidence
chain behind the short message, and the hidden findings (as suppressed results, with their reason).

So a formatter opens a :class:`Session` before flake8 starts its checks: a private temporary folder whose
path goes into the environment (``FLAKE8_AZURE_FRT_RECORD_DIR``). flake8's worker processes inherit it
whether they are forked or spawned, and :func:`check` (the plugin's per-file entry) writes each checked
file's findings there as JSON, the baseline-hidden ones marked. At ``stop()`` the formatter reads the folder
back, matches its violations to the recorded findings, decides with flake8's own noqa logic which of the
others a ``# noqa`` hid (see ``formatters/common.py``), and removes the folder. Without a session (the default
text format, pre-commit) nothing is written.

Why not re-run the analysis in the formatter: it would double the cost of every SARIF run and serialise it
in the main process; and not the message text: it must stay short for people.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from typing import Any

from . import baseline, notebooks
from .findings import Finding
from .settings import Settings

ENV = "FLAKE8_AZURE_FRT_RECORD_DIR"
VERSION = 1


def check(lines: list[str], filename: str, tree: ast.AST | None, settings: Settings) -> list[Finding]:
    """The plugin's findings for one file (baseline applied), recorded when a formatter asked for them."""
    from .analysis import check_source

    directory = os.environ.get(ENV)
    if directory and settings.baseline:
        every = check_source(lines, filename, tree, settings.with_(baseline=None))
        shown = baseline.apply(every, filename, lines, settings)
    else:
        every = shown = check_source(lines, filename, tree, settings)
    cells = notebooks.for_script(filename, lines) if every else None
    if cells is not None:
        relabel = {id(f): replace(f, label=cells.label) for f in every}
        every, shown = [relabel[id(f)] for f in every], [relabel[id(f)] for f in shown]
    if directory and every:
        write(directory, filename, every, {id(f) for f in shown}, settings.baseline)
    return shown


def _key(filename: str) -> str:
    return hashlib.sha256(os.path.abspath(filename).encode("utf-8", "surrogatepass")).hexdigest()[:40]


def write(directory: str, filename: str, every: list[Finding], shown: set[int], baseline_file: str | None) -> None:
    """One file's record; ``shown`` holds the ids of the findings the baseline left."""
    doc = {
        "version": VERSION,
        "filename": os.path.abspath(filename),
        "baseline": baseline_file,
        "findings": [{**f.to_dict(), "message": f.message, "baseline": id(f) not in shown} for f in every],
    }
    target = os.path.join(directory, _key(filename) + ".json")
    temporary = f"{target}.{os.getpid()}.tmp"
    # Never raise into flake8: a vanished folder only costs the formatter its detail.
    with contextlib.suppress(OSError, ValueError):
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, ensure_ascii=False)
        os.replace(temporary, target)


@dataclass(frozen=True)
class Recorded:
    """One recorded finding: the message flake8 printed, and whether the baseline hid it."""

    finding: Finding
    message: str
    hidden_by_baseline: bool


@dataclass(frozen=True)
class FileRecord:
    filename: str
    baseline: str | None
    findings: tuple[Recorded, ...]


def _read(path: str) -> FileRecord | None:
    try:
        with open(path, encoding="utf-8") as handle:
            doc: Any = json.load(handle)
        findings = tuple(
            Recorded(Finding.from_dict(item), str(item["message"]), bool(item["baseline"])) for item in doc["findings"]
        )
        return FileRecord(str(doc["filename"]), doc.get("baseline"), findings)
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Session:
    """A record folder for one flake8 run; opened in a formatter's ``after_init``, closed in its ``stop``."""

    def __init__(self) -> None:
        self.directory = tempfile.mkdtemp(prefix="flake8-azure-frt-")
        self.previous = os.environ.get(ENV)
        os.environ[ENV] = self.directory
        atexit.register(self.close)

    def load(self) -> dict[str, FileRecord]:
        """Records by absolute filename."""
        out: dict[str, FileRecord] = {}
        with contextlib.suppress(OSError):
            for name in sorted(os.listdir(self.directory)):
                if name.endswith(".json"):
                    record = _read(os.path.join(self.directory, name))
                    if record is not None:
                        out[record.filename] = record
        return out

    def close(self) -> None:
        if os.environ.get(ENV) == self.directory:
            if self.previous is None:
                os.environ.pop(ENV, None)
            else:
                os.environ[ENV] = self.previous
        shutil.rmtree(self.directory, ignore_errors=True)
