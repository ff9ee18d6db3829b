"""Notebook cells for findings in nbqa's temporary script.

``nbqa flake8 nb.ipynb`` writes the code cells to ``nb<8 random chars>_nbqa_ipynb.py`` beside the notebook,
each cell after a ``# %%NBQA-CELL-SEP…`` line, and rewrites only the ``path:line`` at the start of flake8's
text output. Everything else (lines inside messages, SARIF, rdjson, JSON, GitHub annotations) would name the
script. This module maps a script line to the notebook's code cell (numbered as nbqa numbers them: code cells
only, 1-based, skipped magic cells included) and line in that cell, and to the line of the ``.ipynb`` file
that holds that source line, which is where a pull-request annotation on the notebook has to go.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from typing import Any

from . import project

SEPARATOR = "# %%NBQA-CELL-SEP"
_SCRIPT = re.compile(r"^(?P<stem>.+)[a-z0-9_]{8}_nbqa_ipynb\.py$")
MAX_NOTEBOOK_BYTES = 16_000_000  # notebooks carry their outputs (images); the code cells are a small part
_SOURCE_KEY = re.compile(r'"source"\s*:\s*')


def notebook_path(script: str) -> str | None:
    """The notebook an nbqa script was made from, or None for any other file."""
    match = _SCRIPT.match(os.path.basename(script))
    if not match:
        return None
    return os.path.join(os.path.dirname(script), match["stem"] + ".ipynb")


@dataclass(frozen=True)
class CellPlace:
    cell: int  # code cell number, 1-based, as nbqa counts
    line: int  # line in the cell, 1-based
    json_line: int  # line of the .ipynb file holding this source line
    json_column: int  # 1-based column of that JSON string in its line
    text: str  # the source line


class CellMap:
    """Script line → notebook cell and line."""

    def __init__(self, notebook: str, separators: list[int], places: dict[tuple[int, int], CellPlace]) -> None:
        self.notebook = notebook
        self.separators = separators  # 1-based script lines of the separator comments, ascending
        self.places = places  # (chunk index, line in chunk) → place

    def place(self, script_line: int) -> CellPlace | None:
        k = bisect.bisect_right(self.separators, script_line) - 1
        if k < 0 or script_line == self.separators[k]:
            return None
        return self.places.get((k, script_line - self.separators[k]))

    def label(self, script_line: int) -> str:
        place = self.place(script_line)
        return f"cell {place.cell}, line {place.line}" if place else f"line {script_line}"


def _normal(lines: list[str]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    if out:
        out[-1] = out[-1].rstrip(";").rstrip()
    return out


def _source_text(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def _chunks(lines: list[str]) -> tuple[list[int], list[list[str]]]:
    separators = [n for n, line in enumerate(lines, 1) if line.startswith(SEPARATOR)]
    chunks = []
    for i, start in enumerate(separators):
        end = separators[i + 1] - 1 if i + 1 < len(separators) else len(lines)
        chunks.append(lines[start:end])
    return separators, chunks


def _align(chunks: list[list[str]], cells: list[str]) -> list[int | None]:
    """For each chunk, the index of its code cell: the next cell with the same text, or the same line count
    (nbqa replaces magics line for line)."""
    out: list[int | None] = []
    pointer = 0
    for chunk in chunks:
        want = _normal(chunk)
        found = next((i for i in range(pointer, len(cells)) if _normal(cells[i].splitlines()) == want), None)
        if found is None:
            found = next(
                (i for i in range(pointer, len(cells)) if len(_normal(cells[i].splitlines())) == len(want)), None
            )
        out.append(found)
        if found is not None:
            pointer = found + 1
    return out


def _positions(text: str, sources: list[Any]) -> list[list[tuple[int, int]]]:
    """For each code cell's source, the (JSON line, column) of each of its source lines."""
    decoder = json.JSONDecoder()
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]

    def line_col(offset: int) -> tuple[int, int]:
        n = bisect.bisect_right(starts, offset)
        return n, offset - starts[n - 1] + 1

    out: list[list[tuple[int, int]]] = []
    cursor = 0
    for source in sources:
        spots: list[tuple[int, int]] = []
        for match in _SOURCE_KEY.finditer(text, cursor):
            try:
                value, end = decoder.raw_decode(text, match.end())
            except ValueError:
                continue
            if value != source:
                continue
            cursor = end
            if isinstance(value, str):
                spots = [line_col(match.end())] * max(1, len(value.splitlines()))
                break
            pos = match.end() + 1  # after "["
            for element in value:
                pos = text.index('"', pos)
                where = line_col(pos)
                _, pos = decoder.raw_decode(text, pos)
                spots += [where] * max(1, len(str(element).splitlines()))
            break
        out.append(spots)
    return out


def build(script_lines: list[str], notebook: str) -> CellMap | None:
    """The map for an nbqa script whose notebook can be read; None otherwise (the script lines stay)."""
    separators, chunks = _chunks(script_lines)
    if not separators:
        return None
    try:
        if os.path.getsize(notebook) > MAX_NOTEBOOK_BYTES:
            return None
        with open(notebook, encoding="utf-8") as handle:
            text = handle.read()
        data = json.loads(text)
        sources = [c.get("source", "") for c in data["cells"] if c.get("cell_type") == "code"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    cells = [_source_text(s) for s in sources]
    positions = _positions(text, sources)
    places: dict[tuple[int, int], CellPlace] = {}
    for k, index in enumerate(_align(chunks, cells)):
        if index is None:
            continue
        cell_lines = cells[index].splitlines()
        spots = positions[index]
        for n in range(1, len(cell_lines) + 1):
            json_line, column = spots[n - 1] if n - 1 < len(spots) else (0, 0)
            places[(k, n)] = CellPlace(index + 1, n, json_line, column, cell_lines[n - 1])
    return CellMap(notebook, separators, places)


def for_script(filename: str, script_lines: list[str]) -> CellMap | None:
    """The cell map when ``filename`` is an nbqa script, cached per notebook version (by the project model)."""
    notebook = notebook_path(filename)
    if notebook is None:
        return None
    try:
        stat = os.stat(notebook)
    except OSError:
        return None
    key = (os.path.abspath(notebook), stat.st_mtime_ns, stat.st_size, hash(tuple(script_lines)))
    found: CellMap | None = project.worker().notebooks.lookup(key, lambda: build(script_lines, notebook))
    return found
