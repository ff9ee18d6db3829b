"""Small helpers for unit tests: run the checker on a snippet and get (line, code, message) triples."""

from __future__ import annotations

import ast
import textwrap

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
