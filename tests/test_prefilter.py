"""The prefilter skips only files that cannot produce a finding.

Equivalence: over every fixture, the full analysis with the prefilter off finds exactly what it finds with the
prefilter on.  Units: ordinary code is rejected; files whose request, client or prompt comes from elsewhere
(a local import, a wrapper, an option) are analysed.  "Analysed" is observed at the pipeline (the libcst
stage ``analysis._analyse`` runs), so these tests hold whatever the prefilter's own signature.
"""

from __future__ import annotations

import argparse
import ast
import textwrap
from pathlib import Path

import pytest
from fixture_runner import FIXTURES, ROOT, fixture_files, options

from flake8_azure_frt import analysis
from flake8_azure_frt.findings import Finding
from flake8_azure_frt.settings import Settings, from_options

Key = tuple[str, int, int, str]


def _settings(path: Path) -> Settings:
    """The fixture's ``# flake8-options:`` header as settings, rooted at the repo (flake8 runs from there)."""
    namespace = argparse.Namespace()
    for opt in options(path):
        name, _, value = opt.lstrip("-").partition("=")
        setattr(namespace, name.replace("-", "_"), value or "true")
    return from_options(namespace).with_(project_root=str(ROOT))


def _run(path: Path, settings: Settings) -> list[Key]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    found = analysis.check_source(text.splitlines(keepends=True), rel, ast.parse(text), settings)
    return [(f.code, f.line, f.col, f.message) for f in found]


FIXTURE_FILES = fixture_files()


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.relative_to(FIXTURES).as_posix() for p in FIXTURE_FILES])
def test_prefilter_off_finds_the_same(path: Path) -> None:
    settings = _settings(path)
    assert _run(path, settings.with_(prefilter=False)) == _run(path, settings.with_(prefilter=True))


def test_fixtures_are_there() -> None:
    assert len(FIXTURE_FILES) > 100


# ----------------------------------------------------------------------------------------------- units
def _analysed(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    source: str,
    settings: Settings | None = None,
    files: dict[str, str] | None = None,
) -> tuple[bool, list[Finding], list[Finding]]:
    """Write a small project, check ``app/main.py``: (analysed?, findings, findings with the prefilter off)."""
    for name, text in {**(files or {}), "app/main.py": source}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    text = (tmp_path / "app/main.py").read_text(encoding="utf-8")
    lines, tree = text.splitlines(keepends=True), ast.parse(text)
    settings = (settings or Settings()).with_(project_root=str(tmp_path))
    monkeypatch.chdir(tmp_path)
    real = analysis._analyse
    calls: list[str] = []

    def spy(*args: object) -> list[Finding]:
        calls.append("analysed")
        return real(*args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(analysis, "_analyse", spy)
        found = analysis.check_source(lines, "app/main.py", tree, settings)
    unfiltered = analysis.check_source(lines, "app/main.py", tree, settings.with_(prefilter=False))
    return bool(calls), found, unfiltered


DJANGO_MODEL = '''
"""Orders: who placed them, when, and what they cost."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Customer(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(unique=True)
    date_of_birth = models.DateField(null=True, blank=True)
    avatar = models.ImageField(upload_to="avatars/", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    placed = models.DateTimeField(auto_now_add=True)
    total = models.DecimalField(max_digits=10, decimal_places=2)
    notes = models.TextField(blank=True, help_text=_("Follow the customer's instructions."))

    def same_customer(self, other):
        return self.customer_id == other.customer_id
'''

NUMPY_SCRIPT = """
import json
import sys

import numpy as np
from PIL import Image


def main(path):
    image = np.asarray(Image.open(path).convert("L"), dtype=float)
    frame = image[10:200, 20:300]
    stats = {"mean": frame.mean(), "std": frame.std(), "faces": 0}
    with open("stats.json", "w") as fh:
        json.dump(stats, fh)


if __name__ == "__main__":
    main(sys.argv[1])
"""

WHO_REQUEST = """
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")


def who(url):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is the person in this photo?"},
        {"type": "image_url", "image_url": {"url": url}}]}])
"""

CLIENTS = """
from openai import AzureOpenAI


def get_client():
    return AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
"""

VISION = """
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")


def ask_image(path, prompt):
    data = base64.b64encode(open(path, "rb").read()).decode()
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": prompt},
        {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + data}}]}])
"""


# The project screen (gate.reaches_a_request) asks for a request source: the file's own text or imports, a file it
# reads, or a local module it imports. The numpy script writes "stats.json" with open(), but no text file of its
# project names a request, so reading files cannot supply one.
@pytest.mark.parametrize("source", [DJANGO_MODEL, NUMPY_SCRIPT], ids=["django-model", "numpy-script"])
def test_rejects_ordinary_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str) -> None:
    analysed, found, _ = _analysed(monkeypatch, tmp_path, source)
    assert not analysed
    assert found == []


def test_accepts_a_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, WHO_REQUEST)
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_a_client_from_a_local_import(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = """
    from clients import get_client

    llm = get_client()


    def who(url):
        return llm.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": url}}]}])
    """
    assert "azure" not in source.lower() and "openai" not in source.lower()
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, files={"app/clients.py": CLIENTS})
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_a_call_of_an_imported_wrapper_with_a_face_prompt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = """
    import sys

    from vision import ask_image

    print(ask_image(sys.argv[1], "Identify the person in this photo and give their full name."))
    """
    files = {"app/vision.py": VISION}
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, files=files)
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_a_wrapper_call_with_a_prompt_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = """
    import sys
    from pathlib import Path

    from vision import ask_image

    PROMPT = (Path(__file__).parent / "prompts" / "task.txt").read_text()
    print(ask_image(sys.argv[1], PROMPT))
    """
    files = {
        "app/vision.py": VISION,
        "app/prompts/task.txt": "Identify the person in this photo and give their full name.\n",
    }
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, files=files)
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_an_http_request_whose_endpoint_is_in_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = """
    import os

    import httpx

    session = httpx.Client(timeout=30)


    def who(url):
        body = {"messages": [{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": url}}]}]}
        return session.post(os.getenv("VISION_URL"), json=body)
    """
    env = "VISION_URL=https://x.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21\n"
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, files={"app/.env": env})
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_an_extra_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = """
    import sys

    from mycorp.llm import ask_vision

    print(ask_vision(prompt="Who is the person in this photo?", image={"type": "image_url", "image_url": sys.argv[1]}))
    """
    settings = Settings(extra_clients=("mycorp.llm.ask_vision",))
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, settings)
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_with_law_enforcement(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = WHO_REQUEST.replace("Who is the person in this photo?", "Describe this image.")
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, Settings(law_enforcement=True))
    assert analysed
    assert "AFR201" in {f.code for f in found}
    assert found == unfiltered


def test_accepts_with_all_openai(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = """
    from gateway_sdk import Gateway

    gw = Gateway(base_url="https://llm-gateway.internal.example")


    def who(url):
        return gw.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": url}}]}])
    """
    analysed, found, unfiltered = _analysed(monkeypatch, tmp_path, source, Settings(all_openai=True))
    assert analysed
    assert "AFR106" in {f.code for f in found}
    assert found == unfiltered
