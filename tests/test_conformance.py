"""Every surface in surfaces.SURFACES is proven by a pair of programs under fixtures/conformance/<surface id>/.

``positive.py`` sends person images the way that surface takes them with a prohibited purpose; ``allowed.py`` is
its twin on the same surface with an allowed purpose. Findings must match the ``# expect:`` comments exactly
(code and line), and the request marked ``# request`` (in the program or in a project module it imports) must
be recognised in both twins, so that the allowed twin's silence proves something. A text-only surface (no
images in its data) stays silent on both twins, its request still recognised.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import libcst as cst
import pytest
from fixture_runner import ROOT, expected

from flake8_azure_frt import surfaces
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.checker import _llm_calls
from flake8_azure_frt.crossfile import Project
from flake8_azure_frt.index import build
from flake8_azure_frt.requests import Azure, RequestFinder
from flake8_azure_frt.settings import Settings
from flake8_azure_frt.values import Evaluator

CONFORMANCE = ROOT / "fixtures" / "conformance"
SETTINGS = Settings(project_root=str(ROOT))
REQUEST_MARK = re.compile(r"#\s*request\b")
IDS = [s.id for s in surfaces.SURFACES]
BY_ID = {s.id: s for s in surfaces.SURFACES}


def _findings(path: Path) -> set[tuple[str, int, str]]:
    source = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    found = check_source(source.splitlines(keepends=True), rel, ast.parse(source), SETTINGS)
    return {(rel, f.line, f.code) for f in found}


def _recognised_lines(path: Path) -> set[int]:
    """Lines where the request finder sees a request that is (or may be) Azure, as the checker builds it."""
    rel = path.relative_to(ROOT).as_posix()
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    index = build(module, lambda: None)
    project = Project.for_file(rel, SETTINGS)
    evaluator = Evaluator(index, lambda: None, _llm_calls(index), read_file=project.reader(index))
    evaluator.remote = project.remote(index)
    evaluator.remote_functions = project.functions(index)
    finder = RequestFinder(index, evaluator, SETTINGS, project.remote_values)
    lines = cst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve(cst.metadata.PositionProvider)
    return {lines[r.site.node].start.line for r in finder.find() if r.azure is not Azure.NO}


def _marked(path: Path) -> list[int]:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if REQUEST_MARK.search(line)]


def test_every_surface_has_a_pair_and_every_pair_a_surface() -> None:
    dirs = {p.name for p in CONFORMANCE.iterdir() if p.is_dir()}
    twins = ("positive", "allowed")
    missing = [s for s in IDS if not all((CONFORMANCE / s / f"{t}.py").is_file() for t in twins)]
    assert not missing, f"surfaces without a conformance pair: {missing}"
    assert dirs == set(IDS), f"conformance folders without a surface entry: {sorted(dirs - set(IDS))}"
    assert len(IDS) == len(set(IDS))


def test_surface_entries_are_complete() -> None:
    for s in surfaces.SURFACES:
        assert s.package and s.entry and s.chain and s.prompt, s.id
        assert s.role in ("client", "agent", "function", "http", "wrapper"), s.id
        if s.role == "client":
            assert s.kind in surfaces.REQUEST_METHODS, s.id


@pytest.mark.parametrize("surface_id", IDS)
def test_positive(surface_id: str) -> None:
    path = CONFORMANCE / surface_id / "positive.py"
    want = expected(path)
    if BY_ID[surface_id].images:
        assert want, "a positive program must expect a prohibited-use finding"
        assert {code for _, _, code in want} == {"AFR106"}
    else:
        assert not want, "a text-only surface carries no person media: its positive stays silent"
    assert _findings(path) == want


@pytest.mark.parametrize("surface_id", IDS)
def test_allowed(surface_id: str) -> None:
    path = CONFORMANCE / surface_id / "allowed.py"
    assert not expected(path)
    assert _findings(path) == set()


@pytest.mark.parametrize("surface_id", IDS)
@pytest.mark.parametrize("twin", ["positive", "allowed"])
def test_request_recognised(surface_id: str, twin: str) -> None:
    folder = CONFORMANCE / surface_id
    marked = [
        (p, n)
        for p in sorted(folder.glob("*.py"))
        if p.name not in ("allowed.py", "positive.py") or p.name == f"{twin}.py"
        for n in _marked(p)
    ]
    assert marked, "mark the request line with '# request'"
    for path, line in marked:
        assert line in _recognised_lines(path), f"{path.name}:{line} is not recognised as a request"


def test_positive_and_allowed_are_twins() -> None:
    """Same surface, same shape: the twins differ only in their purpose (and the expect comments)."""
    for sid in IDS:
        pos = (CONFORMANCE / sid / "positive.py").read_text(encoding="utf-8").splitlines()
        alw = (CONFORMANCE / sid / "allowed.py").read_text(encoding="utf-8").splitlines()
        assert len(pos) == len(alw), sid
        differ = [i for i, (a, b) in enumerate(zip(pos, alw, strict=True)) if a != b]
        assert 1 <= len(differ) <= 3, f"{sid}: twins differ on lines {[i + 1 for i in differ]}"
