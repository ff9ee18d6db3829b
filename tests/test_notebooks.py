"""Notebooks end to end: under ``nbqa flake8`` every format, and every line named inside a message, points at
the notebook's code cell and line (and at the line of the ``.ipynb`` file that holds it)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from helpers import require_tool
from test_formatters import validate_sarif

from flake8_azure_frt import notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "fixtures" / "notebooks"


def expected() -> set[str]:
    text = (NOTEBOOKS / "EXPECTED.md").read_text(encoding="utf-8")
    return set(re.findall(r"^(\S+\.ipynb:cell_\d+:\d+: AFR\d{3})$", text, re.MULTILINE))


def nbqa(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [require_tool("nbqa"), "flake8", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_nbqa_flake8_reports_exactly_the_expected_cells() -> None:
    proc = nbqa(NOTEBOOKS, "--select=AFR", *sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")))
    found = set()
    for line in proc.stdout.splitlines():
        m = re.match(r"^(\S+\.ipynb:cell_\d+:\d+):\d+: (AFR\d{3}) ", line)
        if m:
            found.add(f"{m.group(1)}: {m.group(2)}")
    assert found == expected()
    assert expected(), "EXPECTED.md lists at least one finding"


# A notebook with a markdown cell and a %pip cell (nbqa skips it but counts it), the prompt in one code cell
# and the request, spread over several lines, in the next.
CELLS: list[tuple[str, list[str]]] = [
    ("markdown", ["# Visitor desk\n", "Who came in today."]),
    ("code", ["%pip install openai"]),
    (
        "code",
        [
            'PROMPT = "Who is the person in this photo? Give their full name."\n',
            "\n",
            "from openai import AzureOpenAI\n",
            'client = AzureOpenAI(azure_endpoint="https://desk.openai.azure.com", api_version="2024-06-01")',
        ],
    ),
    (
        "code",
        [
            'url = "data:image/jpeg;base64,AAAA"\n',
            "reply = client.chat.completions.create(\n",
            '    model="gpt-4o",\n',
            '    messages=[{"role": "user", "content": [{"type": "text", "text": PROMPT},\n',
            '                                           {"type": "image_url", "image_url": {"url": url}}]}],\n',
            ")",
        ],
    ),
]


def _write_notebook(folder: Path) -> str:
    cells = [
        {"cell_type": kind, "metadata": {}, "source": source}
        | ({"execution_count": None, "outputs": []} if kind == "code" else {})
        for kind, source in CELLS
    ]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    (folder / "desk.ipynb").write_text(text + "\n", encoding="utf-8")
    return text


def _json_line(text: str, source_line: str) -> int:
    """Where the notebook file holds a source line, found independently of the plugin."""
    needle = json.dumps(source_line)
    (number,) = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().rstrip(",") == needle]
    return number


def _run(folder: Path, fmt: str) -> Any:
    proc = nbqa(folder, "desk.ipynb", "--isolated", "--select=AFR", f"--format={fmt}")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return proc.stdout if fmt == "afr-github" else json.loads(proc.stdout)


def test_every_format_names_the_notebook_cell_and_line(tmp_path: Path) -> None:
    text = _write_notebook(tmp_path)
    request_line = _json_line(text, CELLS[3][1][1])  # code cell 3, line 2
    prompt_line = _json_line(text, CELLS[2][1][0])  # code cell 2, line 1
    image_line = _json_line(text, CELLS[3][1][4])  # code cell 3, line 5

    text_out = nbqa(tmp_path, "desk.ipynb", "--isolated", "--select=AFR").stdout
    assert text_out.strip() == (
        'desk.ipynb:cell_3:2:9: AFR106 face identification via Azure OpenAI: prompt "Who is the person in this '
        'photo?" (cell 2, line 1)'
    )

    (item,) = _run(tmp_path, "afr-json")
    assert item["location"] == {
        "path": "desk.ipynb",
        "line": request_line,
        "cell": 3,
        "cell_line": 2,
        "column": item["location"]["column"],
        "cell_column": 9,
    }
    assert item["request"]["cell"] == 3 and item["request"]["line"] == request_line
    places = [(e["kind"], e["path"], e["line"], e["cell"], e["cell_line"]) for e in item["evidence"]]
    assert places == [
        ("prompt", "desk.ipynb", prompt_line, 2, 1),
        ("image input, image_url part", "desk.ipynb", image_line, 3, 5),
    ]
    assert "nbqa" not in json.dumps(item)

    sarif = _run(tmp_path, "afr-sarif")
    validate_sarif(sarif)
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "desk.ipynb"
    assert location["region"]["startLine"] == request_line
    assert location["region"]["snippet"]["text"] == CELLS[3][1][1].rstrip("\n")
    assert location["properties"] == {"notebookCell": 3, "cellLine": 2}
    related = [
        (r["physicalLocation"]["region"]["startLine"], r["physicalLocation"]["properties"])
        for r in result["relatedLocations"]
    ]
    assert related == [
        (request_line, {"notebookCell": 3, "cellLine": 2}),
        (prompt_line, {"notebookCell": 2, "cellLine": 1}),
        (image_line, {"notebookCell": 3, "cellLine": 5}),
    ]
    assert "in cell 3, line 2" in result["message"]["text"] and "[cell 2, line 1](2)" in result["message"]["text"]

    rdjson = _run(tmp_path, "afr-rdjson")
    (diagnostic,) = rdjson["diagnostics"]
    assert diagnostic["location"]["path"] == "desk.ipynb"
    assert diagnostic["location"]["range"]["start"]["line"] == request_line
    assert [r["location"]["range"]["start"]["line"] for r in diagnostic["related_locations"]] == [
        request_line,
        prompt_line,
        image_line,
    ]

    github = _run(tmp_path, "afr-github")
    assert github.startswith(
        f"::error file=desk.ipynb,line={request_line},title=AFR106 face identification via Azure OpenAI "
        "(cell 3%2C line 2)::"
    )
    assert "(desk.ipynb cell 2, line 1)" in github


def test_cell_map_counts_skipped_cells_and_reads_single_string_sources(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "code", "source": "%pip install x"},  # skipped by nbqa, still cell 1
        {"cell_type": "markdown", "source": "# title"},
        {"cell_type": "code", "source": "a = 1\nb = 2;"},  # one string; nbqa drops the trailing semicolon
        {"cell_type": "code", "source": ["c = 3\n", "d = 4"]},
    ]
    text = json.dumps({"cells": cells}, indent=1)
    (tmp_path / "nb.ipynb").write_text(text, encoding="utf-8")
    sep = notebooks.SEPARATOR + "abc123\n"
    script = [sep, "a = 1\n", "b = 2\n", "\n", "\n", "\n", sep, "c = 3\n", "d = 4\n"]
    name = str(tmp_path / "nbq1w2e3r4_nbqa_ipynb.py")
    assert notebooks.notebook_path(name) == str(tmp_path / "nb.ipynb")
    assert notebooks.notebook_path(str(tmp_path / "plain.py")) is None
    cells_map = notebooks.build(script, str(tmp_path / "nb.ipynb"))
    assert cells_map is not None
    assert [cells_map.label(n) for n in (2, 3, 8, 9)] == [
        "cell 2, line 1",
        "cell 2, line 2",
        "cell 3, line 1",
        "cell 3, line 2",
    ]
    single = text.splitlines().index('   "source": "a = 1\\nb = 2;"') + 1
    place = cells_map.place(3)
    assert place is not None and (place.json_line, place.text) == (single, "b = 2;")
    c_line = text.splitlines().index('    "c = 3\\n",') + 1
    place = cells_map.place(8)
    assert place is not None and place.json_line == c_line
    assert cells_map.place(1) is None  # the separator comment itself
    assert notebooks.build(script, str(tmp_path / "missing.ipynb")) is None
