"""The outline of another module (outline.py) answers before libcst: never narrower than the index, and a module
that cannot answer a lookup is not parsed."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import libcst as cst
import pytest

from flake8_azure_frt import analysis, project
from flake8_azure_frt.index import build
from flake8_azure_frt.outline import outline
from flake8_azure_frt.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for folder in ("fixtures", "flake8_azure_frt") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_outline_holds_everything_the_index_records(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    index = build(cst.parse_module(text), lambda: None)
    shape = outline(str(path), text)
    assert shape is not None
    assert {k for k in index.root.assigns if "." not in k} <= shape.bound
    assert {fn.name for fns in index.functions.values() for fn in fns} <= shape.functions
    assert set(index.classes) <= shape.classes
    assert {m for info in index.classes.values() for m in info.methods} <= shape.functions


def test_each_kind_of_binding_is_in_the_outline() -> None:
    text = textwrap.dedent(
        """
        import os
        from app import helpers
        A = 1
        B: int = 2
        C, (D, *E) = 3, (4, 5)
        for F in []: pass
        with open("x") as G: pass
        if (H := 1): pass
        I["k"] = 1
        J.attr = 2
        K += 1
        L.append(1)
        img.save(M)
        cv2.putText(N, "label")
        def f(): pass
        async def g(): pass
        class Cls:
            def method(self): pass
        """
    )
    shape = outline("m.py", text)
    assert shape is not None
    assert set("ABCDEFGHIJKLMN") | {"f", "g"} <= shape.bound
    assert {"os", "helpers", "img", "cv2", "Cls", "method"}.isdisjoint(shape.bound - shape.functions)
    assert shape.functions == {"f", "g", "method"}
    assert shape.classes == {"Cls"}


def test_unreadable_text_has_no_outline() -> None:
    assert outline("m.py", "def (:\n") is None


REQUEST = """
def describe(url):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is the person in this photo? Give the full name."},
        {"type": "image_url", "image_url": {"url": url}}]}])
"""
AZURE = 'AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")'


def _analyse(tmp_path: Path, files: dict[str, str]) -> tuple[set[tuple[int, str]], set[str]]:
    project.clear_cache()
    for rel, text in {**files, "app/__init__.py": ""}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    text = files["app/main.py"]
    settings = Settings().with_(project_root=str(tmp_path))
    found = analysis.check_source(text.splitlines(keepends=True), "app/main.py", ast.parse(text), settings)
    ws = project.workspace_for(str(tmp_path / "app/main.py"), str(tmp_path), None)
    assert ws is not None
    parsed = {Path(r.path).name for r in ws.cached("remote") if r is not None}
    return {(f.line, f.code) for f in found}, parsed


def test_a_module_that_only_defines_the_imported_class_is_not_parsed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    main = f"from openai import AzureOpenAI\nfrom app.models import Profile\nclient = {AZURE}\n" + REQUEST.replace(
        "    return", "    owner = Profile()\n    return"
    )
    models = "# kept beside the openai client\nclass Profile:\n    pass\n"  # names a request, holds no prompt word
    findings, parsed = _analyse(tmp_path, {"app/main.py": main, "app/models.py": models})
    assert (7, "AFR106") in findings
    assert "models.py" not in parsed


def test_a_module_that_binds_the_imported_client_is_parsed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    main = "from app.clients import client\n" + REQUEST
    clients = f"from openai import AzureOpenAI\n\nclient = {AZURE}\n"
    findings, parsed = _analyse(tmp_path, {"app/main.py": main, "app/clients.py": clients})
    assert (4, "AFR106") in findings
    assert "clients.py" in parsed
