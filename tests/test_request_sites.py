"""The request-site screen (request_sites.py): a module none of whose calls can be a request or a wrapper call is
not parsed with libcst; every other module is. Each project is also checked end to end, screens on and off."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_azure_frt import analysis, project, request_sites
from flake8_azure_frt.settings import Settings

AZURE = 'AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")'
ASK = """
def ask(url, question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": question}, {"type": "image_url", "image_url": {"url": url}}]}])
"""
PROMPT = "'Who is the person in this photo? Give the full name.'"
VISION = f"from openai import AzureOpenAI\nclient = {AZURE}\n" + ASK

PROJECTS: dict[str, tuple[dict[str, str], bool]] = {
    "own-request": ({"app/main.py": VISION + f"ask('u', {PROMPT})\n"}, True),
    "own-http-post": ({"app/main.py": "import requests\nrequests.post(URL, json={'q': 1})\n"}, True),
    "renamed-surface-function": ({"app/main.py": "def f(m):\n    return call(model=m)\n\n\n"
                                  "from litellm import completion as call\n"}, True),
    "wrapper-function": ({"app/vision.py": VISION, "app/main.py": f"from app.vision import ask\nask('u', {PROMPT})\n"},
                         True),
    "wrapper-below-a-package-import": ({"app/vision.py": VISION, "app/main.py": f"import app.vision\n"
                                        f"app.vision.ask('u', {PROMPT})\n"}, True),
    "wrapper-method-with-a-pass-through-name": (
        {"app/vision.py": f"from openai import AzureOpenAI\nclass Photos:\n    def __init__(self):\n"
                          f"        self.client = {AZURE}\n\n    def copy(self, url):\n"
                          "        return self.client.chat.completions.create(model='m', messages=[])\n",
         "app/main.py": "from app.vision import Photos\nPhotos().copy('u')\n"}, True),
    "client-called-by-name-made-elsewhere": (
        {"app/llm.py": "import dspy\nlm = dspy.LM('azure/gpt-4o')\n",
         "app/main.py": f"from app.llm import lm\nlm({PROMPT})\n"}, True),
    "plain-code": ({"app/models.py": "class Profile:\n    pass\n",
                    "app/main.py": "from app.models import Profile\nprint(Profile(), len([1]))\n"}, False),
    "local-helper-without-a-request": ({"app/util.py": "def ask(x):\n    return x.strip()\n",
                                        "app/main.py": f"from app.util import ask\nask({PROMPT})\n"}, False),
}  # fmt: skip


def _project(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, files: dict[str, str]) -> tuple[Settings, str]:
    """The project written to ``tmp_path`` (the working folder, as flake8's), its settings and app/main.py's text."""
    project.clear_cache()
    monkeypatch.chdir(tmp_path)
    for rel, text in {**files, "app/__init__.py": ""}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    return Settings().with_(project_root=str(tmp_path)), files["app/main.py"]


def _found(text: str, settings: Settings) -> list[tuple[int, str]]:
    found = analysis.check_source(text.splitlines(keepends=True), "app/main.py", ast.parse(text), settings)
    return sorted((f.line, f.code) for f in found)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_the_screen_keeps_what_may_send(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    files, sends = PROJECTS[name]
    settings, text = _project(monkeypatch, tmp_path, files)
    assert request_sites.may_send(ast.parse(text), "app/main.py", settings, text) is sends


@pytest.mark.parametrize("name", sorted(n for n, (_, sends) in PROJECTS.items() if sends))
def test_screened_and_unscreened_findings_agree(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    settings, text = _project(monkeypatch, tmp_path, PROJECTS[name][0])
    assert _found(text, settings) == _found(text, settings.with_(prefilter=False))


def test_the_wrapper_finding_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings, text = _project(monkeypatch, tmp_path, PROJECTS["wrapper-below-a-package-import"][0])
    assert _found(text, settings) == [(2, "AFR106")]


# Found by an adversarial review: each lost its finding to a screen (an aliased wrapper, to the request-site
# screen; a submodule reached through a package's attributes, to the project screen and the evidence gate).
PROMPTS = {"app/prompts.py": f"PROMPT = {PROMPT}\n"}
REVIEWED: dict[str, tuple[dict[str, str], list[tuple[int, str]]]] = {
    "aliased-wrapper": ({"app/vision.py": VISION, "app/main.py": f"from app.vision import ask as who\n"
                         f"who('u', {PROMPT})\n"}, [(2, "AFR106")]),
    "relative-aliased-wrapper": ({"app/vision.py": VISION, "app/main.py": f"from .vision import ask as who\n"
                                  f"who('u', {PROMPT})\n"}, [(2, "AFR106")]),
    "wrapper-through-package-attributes": ({"app/vision.py": VISION, "app/main.py": f"import app\n"
                                            f"app.vision.ask('u', {PROMPT})\n"}, [(2, "AFR106")]),
    "wrapper-two-packages-down": ({"app/services/__init__.py": "", "app/services/vision.py": VISION,
                                   "app/main.py": f"import app\napp.services.vision.ask('u', {PROMPT})\n"},
                                  [(2, "AFR106")]),
    "prompt-through-package-attributes": ({**PROMPTS, "app/main.py": "import app\n" + VISION.replace(
        "question}", "app.prompts.PROMPT}").replace("def ask(url, question)", "def ask(url)")}, [(6, "AFR106")]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_reviewed_shapes_keep_their_finding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    files, expected = REVIEWED[name]
    settings, text = _project(monkeypatch, tmp_path, files)
    assert _found(text, settings) == expected
    assert _found(text, settings.with_(prefilter=False)) == expected
