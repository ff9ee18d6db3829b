"""Values followed across a project: where the client and the purpose come from decides the finding."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_azure_frt import analysis
from flake8_azure_frt.settings import Settings

SERVICE = """
import base64


class PhotoService:
    def __init__(self, client):
        self.client = client

    def who(self, jpeg):
        url = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()
        return self.client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": url}}]}])
"""


def _findings(root: Path, files: dict[str, str], main: str = "app/main.py") -> list[tuple[int, str]]:
    for rel, text in {**files, "app/__init__.py": ""}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    text = (root / main).read_text(encoding="utf-8")
    settings = Settings().with_(project_root=str(root))
    found = analysis.check_source(text.splitlines(keepends=True), main, ast.parse(text), settings)
    return sorted({(f.line, f.code) for f in found})


def test_a_service_constructed_elsewhere_with_an_azure_client_is_reported_at_its_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    caller = "from openai import AzureOpenAI\nfrom app.main import PhotoService\n"
    caller += 'svc = PhotoService(AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="v"))\n'
    assert _findings(tmp_path, {"app/main.py": SERVICE, "app/run.py": caller}) == [(10, "AFR106")]


def test_a_class_of_the_same_name_elsewhere_does_not_count(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    plain = "from openai import OpenAI\nfrom app.main import PhotoService\nsvc = PhotoService(OpenAI())\n"
    other = "from openai import AzureOpenAI\n\n\nclass PhotoService:\n    def __init__(self, client):\n"
    other += "        self.client = client\n\n\n"
    other += 'svc = PhotoService(AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="v"))\n'
    assert _findings(tmp_path, {"app/main.py": SERVICE, "app/run.py": plain, "app/other.py": other}) == []


def test_a_purpose_split_over_parts_is_read_in_written_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    main = """
    from openai import AzureOpenAI
    client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")


    def ask(url):
        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Look at this photo."},
            {"type": "image_url", "image_url": {"url": url}},
            {"type": "text", "text": "Who is"},
            {"type": "text", "text": "the man on the left?"}]}])
    """
    assert _findings(tmp_path, {"app/main.py": main}) == [(6, "AFR106")]
