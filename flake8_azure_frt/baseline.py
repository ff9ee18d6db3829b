"""Baseline: hide the findings an existing codebase already has, so that only new ones fail.

A finding is keyed by its path (relative to the baseline file's folder) and a fingerprint made of the
code, the message without line numbers, the text of the reported line, and an occurrence index. So
unrelated edits that shift lines keep it hidden, and a second identical finding needs a second entry.

The plugin applies the baseline to ``Finding`` objects; the ``afr-baseline`` formatter writes it from
flake8 ``Violation`` objects. Both go through :func:`fingerprints`, so the two always agree.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import project
from .findings import Finding
from .settings import PREFIX, OptionError, Settings

VERSION = 1
MAX_BYTES = 64_000_000  # about 250,000 entries
MAX_DEPTH = 16  # a baseline nests 3 deep
MAX_DIGITS = 20
WRITER_FORMAT = "afr-baseline"
# "(line 12)" and "(prompts.py line 12)": where evidence sits is not part of what the finding is.
_LINE_REF = re.compile(r"\s*\((?:[^()\";]+ )?line \d+\)|\bline \d+")
_SPACE = re.compile(r"\s+")
# nbqa lints a notebook as a temporary "<stem><8 random chars>_nbqa_ipynb.py" beside it (tempfile.mkstemp).
_NBQA_TEMP = re.compile(r"[a-z0-9_]{8}_nbqa_ipynb\.py$")


@dataclass(frozen=True)
class Site:
    """What a fingerprint is computed from; ``text`` is the message without its code, as flake8 splits it."""

    code: str
    text: str
    line: int
    col: int
    line_text: str


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    line: int = 0
    message: str = ""


@dataclass(frozen=True)
class Baseline:
    root: str
    keys: frozenset[tuple[str, str]]

    def hides(self, path: str, fingerprint: str) -> bool:
        return (path, fingerprint) in self.keys


def normalize_message(text: str) -> str:
    return _SPACE.sub(" ", _LINE_REF.sub("", text)).strip()


def fingerprints(sites: Sequence[Site]) -> list[str]:
    """``<hash>:<n>`` per site (in input order); n counts identical sites of one file in line order."""
    order = sorted(range(len(sites)), key=lambda i: (sites[i].line, sites[i].col, sites[i].code))
    seen: Counter[str] = Counter()
    out = [""] * len(sites)
    for i in order:
        site = sites[i]
        key = "\x1f".join((site.code, normalize_message(site.text), _SPACE.sub(" ", site.line_text).strip()))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        seen[digest] += 1
        out[i] = f"{digest}:{seen[digest]}"
    return out


def relative_path(filename: str, root: str) -> str:
    """Posix path relative to root; nbqa's temporary script is named after its notebook, so runs agree."""
    path = os.path.abspath(filename)
    try:
        path = os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        pass
    return _NBQA_TEMP.sub(".ipynb", path.replace(os.sep, "/"))


def finding_text(finding: Finding) -> str:
    """The message as flake8 hands it to formatters: the code split off at the first space."""
    return finding.message.split(" ", 1)[1] if " " in finding.message else ""


def line_at(lines: Sequence[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def apply(findings: list[Finding], filename: str, lines: list[str], settings: Settings) -> list[Finding]:
    if not settings.baseline or not findings:
        return findings
    baseline = _cached(settings.baseline)
    path = relative_path(filename, baseline.root)
    sites = [Site(f.code, finding_text(f), f.line, f.col, line_at(lines, f.line)) for f in findings]
    prints = fingerprints(sites)
    return [f for f, fp in zip(findings, prints, strict=True) if not baseline.hides(path, fp)]


def configure(options: Any, settings: Settings) -> Settings:
    """At option-parse time: fail early on a bad baseline file, and never apply one while writing one."""
    if getattr(options, "format", None) == WRITER_FORMAT:
        return settings.with_(baseline=None)
    if settings.baseline:
        root = None if _on_command_line() else (settings.project_root or settings.config_root or _cwd_root())
        _cached(settings.baseline, root)  # raises OptionError; forked workers inherit the loaded file
    return settings


def _on_command_line() -> bool:
    """The user named the baseline on the command line (then it may live anywhere, even through links)."""
    return any(arg.startswith(f"--{PREFIX}baseline") for arg in sys.argv[1:])


def _cwd_root() -> str | None:
    cwd = os.getcwd()
    return cwd if project.acceptable_root(cwd) else None


def _number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"a number of {len(text.lstrip('-'))} digits (at most {MAX_DIGITS})")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"a number of {len(text)} characters (at most {MAX_DIGITS})")
    return float(text)


def _constant(text: str) -> None:
    raise _Refused(f"{text} is not a JSON number")


class _Refused(ValueError):
    """A value the baseline parser refuses (raised from inside ``json.loads``)."""


def load(path: str, root: str | None = None) -> Baseline:
    """Read a baseline file; raise OptionError with a one-line message naming the file.

    Opened like other project files (a regular file no larger than MAX_BYTES, inside ``root`` without links out
    of it unless ``root`` is None), and parsed with bounded nesting and number sizes.
    """

    def fail(why: str) -> OptionError:
        return OptionError(f"{PREFIX}baseline: cannot use baseline file {path}: {why}")

    if root is not None and not os.path.isabs(path):
        path_in_root = os.path.join(os.getcwd(), path)
    else:
        path_in_root = path
    text = project.read_named(path_in_root, MAX_BYTES, root)
    if isinstance(text, project.Refusal):
        raise fail(_REASONS.get(text.rule, text.rule)) from None
    if _nesting(text) > MAX_DEPTH:
        raise fail(f"nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(text, parse_int=_number, parse_float=_float, parse_constant=_constant)
    except _Refused as exc:
        raise fail(f"not a baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise fail(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (RecursionError, ValueError, MemoryError) as exc:
        raise fail(f"not a baseline ({type(exc).__name__})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise fail(f'not a version {VERSION} baseline (expected {{"version": {VERSION}, "entries": [...]}})')
    keys = set()
    for n, entry in enumerate(data["entries"], 1):
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("path", "fingerprint"))):
            raise fail(f"entry {n} needs string 'path' and 'fingerprint'")
        keys.add((entry["path"], entry["fingerprint"]))
    return Baseline(os.path.dirname(os.path.abspath(path)), frozenset(keys))


_REASONS = {
    project.MISSING: "no such file (write one with --format=afr-baseline)",
    project.NOT_REGULAR: "not a regular file",
    project.SPECIAL_FS: "not a regular file (a special filesystem)",
    project.TOO_LARGE: f"larger than {MAX_BYTES:,} bytes",
    project.OUTSIDE_ROOT: "outside the project, or reached through a link out of it (name it on the command line)",
    project.CHANGED: "changed while being opened",
    project.UNREADABLE: "cannot be read",
}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]+")


def _nesting(text: str) -> int:
    """The deepest bracket nesting outside strings, stopping as soon as it passes MAX_DEPTH (linear)."""
    depth = deepest = 0
    for run in _BRACKETS.findall(_STRING.sub("", text)):
        for char in run:
            depth += 1 if char in "[{" else -1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
    return deepest


def dump(entries: Iterable[Entry]) -> str:
    ordered = sorted(entries, key=lambda e: (e.path, e.line, e.code, e.fingerprint))
    doc = {
        "version": VERSION,
        "tool": "flake8-azure-frt",
        "comment": "Accepted findings; matched by path and fingerprint, not by line. Regenerate with "
        "flake8 --select=AFR --format=afr-baseline --output-file=<this file>.",
        "entries": [
            {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "line": e.line, "message": e.message}
            for e in ordered
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _cached(path: str, root: str | None = None) -> Baseline:
    """One read per process (each flake8 worker), re-read only if the file changed; kept by the project model.

    The entry also keeps the root the file was checked against at option-parse time: later reads use that one.
    """
    key = os.path.abspath(path)
    memo = project.worker().baselines
    hit: tuple[int, int, str | None, Baseline] | None = memo.get(key)
    if hit is not None:
        root = hit[2]
    try:
        st = os.stat(key)
    except OSError:
        return load(path, root)  # raises the one-line error
    if hit and hit[:2] == (st.st_mtime_ns, st.st_size):
        return hit[3]
    baseline = load(path, root)
    memo.put(key, (st.st_mtime_ns, st.st_size, root, baseline))
    return baseline
