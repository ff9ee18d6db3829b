"""Small helpers for unit tests: run the checker on a snippet and get (line, code, message) triples; and the
rule that a test needing a tool from ``.[test]`` may skip on a developer's machine but fails in CI."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import shutil
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.settings import Settings


def findings(source: str, settings: Settings | None = None, filename: str = "snippet.py") -> list[tuple[int, str, str]]:
    source = textwrap.dedent(source).lstrip("\n")
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    return [(f.line, f.code, f.message) for f in check_source(lines, filename, tree, settings or Settings())]


def codes(source: str, settings: Settings | None = None) -> set[tuple[int, str]]:
    return {(line, code) for line, code, _ in findings(source, settings)}


AZURE_HEADER = """
from openai import AzureOpenAI
client = AzureOpenAI(azure_endpoint="https://contoso.openai.azure.com", api_version="2024-10-21")
"""


def in_ci() -> bool:
    """CI services set CI (GitHub Actions, GitLab, Azure Pipelines with it mapped, most others)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(available: bool, what: str) -> None:
    """Skip when ``what`` is missing, except in CI: there ``.[test]`` installs it, so missing is a failure."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is missing, and CI is set: a test that needs it must run in CI, not skip")
    pytest.skip(f"{what} is missing")


def require_module(name: str) -> ModuleType:
    require(importlib.util.find_spec(name) is not None, f"the Python module {name!r} (pip install -e '.[test]')")
    return importlib.import_module(name)


def require_tool(name: str) -> str:
    """An executable from this venv (console scripts sit beside the interpreter) or from PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    require(found is not None, f"the {name!r} command")
    assert found is not None
    return found


SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"
