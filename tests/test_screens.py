"""The screens (prefilter and gate) never drop a finding: shapes found by review where they once did.

Each program is checked with the screens on and off; the findings must be equal and hold the expected code.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_azure_frt import analysis
from flake8_azure_frt.settings import Settings

CLIENT = """
from openai import AzureOpenAI
client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
"""
WRAP = (
    CLIENT
    + """
def ask_about_image(image_url, question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": question}, {"type": "image_url", "image_url": {"url": image_url}}]}])
"""
)
MOOD = {"app/prompts.py": 'MOOD_PROMPT = "What emotion does the person in this photo show?"\n'}
SEND = """
def describe(url):
    return client.chat.completions.create(model="gpt-4o", messages=[{{"role": "user", "content": [
        {{"type": "text", "text": {prompt}}}, {{"type": "image_url", "image_url": {{"url": url}}}}]}}])
"""
POLICE = """
def describe(url):
    return client.chat.completions.create(model="gpt-4o", messages=[
        {{"role": "system", "content": {system}}},
        {{"role": "user", "content": [{{"type": "text", "text": "Describe this scene."}},
                                     {{"type": "image_url", "image_url": {{"url": url}}}}]}}])
"""

CASES: dict[str, tuple[dict[str, str], str]] = {
    "escaped-japanese-caller": (
        {"app/vision.py": WRAP, "app/main.py": "from app.vision import ask_about_image\n"
         "def main(u):\n    return ask_about_image(u, "
         '"\\u3053\\u306e\\u5199\\u771f\\u306e\\u4eba\\u7269\\u306f\\u8ab0\\u3067\\u3059\\u304b\\uff1f")\n'},
        "AFR106",
    ),
    "submodule-import": ({**MOOD, "app/main.py": CLIENT + "from app import prompts\n"
                          + SEND.format(prompt="prompts.MOOD_PROMPT")}, "AFR104"),
    "function-level-import": ({**MOOD, "app/main.py": CLIENT + SEND.format(prompt="prompts.MOOD_PROMPT").replace(
        "def describe(url):\n", "def describe(url):\n    from app import prompts\n")}, "AFR104"),
    "import-in-try": ({**MOOD, "app/main.py": CLIENT + "try:\n    from app import prompts\nexcept ImportError:\n"
                       "    prompts = None\n" + SEND.format(prompt="prompts.MOOD_PROMPT")}, "AFR104"),
    "environ-subscript": ({".env": 'AGENCY="Springfield Police Department"\n', "app/main.py": CLIENT
                           + "import os\n" + POLICE.format(system='f"You assist the {os.environ[\'AGENCY\']}."')},
                          "AFR201"),
    "basesettings-env": ({".env": 'AGENCY_NAME="Springfield Police Department"\n', "app/main.py": CLIENT
                          + "from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n"
                          "    agency_name: str = 'Example Org'\nsettings = Settings()\n"
                          + POLICE.format(system='f"You assist the {settings.agency_name}."')}, "AFR201"),
    "context-after-long-text": ({"app/main.py": CLIENT + "STYLE = " + repr("Use short sentences. " * 1100)
                                 + "\n" + POLICE.format(system='"You help officers of the Springfield Police '
                                                               'Department."')}, "AFR201"),
    "parenthesised-import-over-lines": ({"app/vision.py": WRAP, "app/main.py": "from app.vision import (\n"
                                         "    ask_about_image,\n)\n\n\ndef main(u):\n    return ask_about_image("
                                         "u, 'Who is the person in this photo? Give the full name.')\n"}, "AFR106"),
    # Found by the validation of the project screens (files the listings once skipped): a prompt file of any
    # suffix in a hidden folder, and a client module in a folder named like a virtual environment.
    "prompt-file-in-hidden-folder": ({"app/.prompts/p1.tmpl": "Identify the person in this photo and give their "
                                      "full name.\n", "app/main.py": CLIENT + "from pathlib import Path\nPROMPT = ("
                                      "Path(__file__).parent / '.prompts' / 'p1.tmpl').read_text()\n"
                                      + SEND.format(prompt="PROMPT")}, "AFR106"),
    "client-module-in-env-folder": ({"app/env/__init__.py": "", "app/env/vision.py": WRAP,
                                     "app/main.py": "from app.env.vision import ask_about_image\n\n\ndef main(u):\n"
                                     "    return ask_about_image(u, 'Identify the person in this photo.')\n"},
                                    "AFR106"),
    "split-mid-word": ({"app/main.py": CLIENT + 'P = "Who is the per" + "son in this photo? Give the full name."\n'
                        + SEND.format(prompt="P")}, "AFR106"),
}  # fmt: skip


def _check(root: Path, files: dict[str, str], settings: Settings) -> list[tuple[int, str]]:
    text = (root / "app/main.py").read_text(encoding="utf-8")
    settings = settings.with_(project_root=str(root))
    found = analysis.check_source(text.splitlines(keepends=True), "app/main.py", ast.parse(text), settings)
    return sorted({(f.line, f.code) for f in found})


@pytest.mark.parametrize("name", sorted(CASES))
def test_screens_keep_the_finding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    files, code = CASES[name]
    for rel, text in {**files, "app/__init__.py": ""}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    screened = _check(tmp_path, files, Settings())
    unscreened = _check(tmp_path, files, Settings().with_(prefilter=False))
    assert code in {c for _, c in unscreened}, unscreened
    assert screened == unscreened


def test_the_project_screen_keeps_a_wrapper_two_imports_away(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """caller -> service (no client words of its own) -> factory (the Azure client): the caller is still read."""
    files = {
        "app/factory.py": CLIENT.replace("client = ", "def make():\n    return ").replace("\nfrom", "from", 1),
        "app/service.py": "from app.factory import make\n\n\ndef ask(url, question):\n    c = make()\n"
        "    return c.chat.completions.create(model='gpt-4o', messages=[{'role': 'user', 'content': [\n"
        "        {'type': 'text', 'text': question}, {'type': 'image_url', 'image_url': {'url': url}}]}])\n",
        "app/main.py": "from app.service import ask\n\n\ndef main(u):\n"
        "    return ask(u, 'Who is the person in this photo? Give the full name.')\n",
    }
    for rel, text in {**files, "app/__init__.py": ""}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    screened = _check(tmp_path, files, Settings())
    assert screened == _check(tmp_path, files, Settings().with_(prefilter=False))
    assert (5, "AFR106") in screened


def test_the_project_screen_skips_code_that_reaches_no_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from flake8_azure_frt import gate

    main = "from app.models import Profile\n\n\ndef avatar(p: Profile):\n    return p.image  # who is this person?\n"
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "app/models.py").write_text("class Profile:\n    image = None\n    name = ''\n", encoding="utf-8")
    (tmp_path / "app/main.py").write_text(main, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = Settings().with_(project_root=str(tmp_path))
    assert not gate.reaches_a_request("app/main.py", settings, main)


def _project(tmp_path: Path, files: dict[str, str]) -> Settings:
    from flake8_azure_frt import project

    project.clear_cache()  # each layout is a new project for the worker
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return Settings().with_(project_root=str(tmp_path))


PROMPT_ONLY = "import json\nfrom app.models import Profile\nP = 'Who is the person in this photo?'\n"


def test_a_project_without_any_request_screens_out_prompt_words(tmp_path: Path) -> None:
    from flake8_azure_frt import gate, prefilter

    files = {"app/__init__.py": "", "app/models.py": "class Profile:\n    image = None\n", "app/main.py": PROMPT_ONLY}
    settings = _project(tmp_path, {**files, "README.md": "A photo album. No LLM here.\n"})
    main = str(tmp_path / "app/main.py")
    assert not gate.project_names_a_request(main, settings)
    assert not prefilter.is_candidate(PROMPT_ONLY, settings, lambda: gate.project_names_a_request(main, settings))
    # The same file once any module of the project imports a surface's package: it may call that module.
    settings = _project(tmp_path, {**files, "app/llm.py": "import os, openai\n"})
    assert gate.project_names_a_request(main, settings)
    assert prefilter.is_candidate(PROMPT_ONLY, settings, lambda: gate.project_names_a_request(main, settings))


def test_a_package_word_counts_only_as_an_import(tmp_path: Path) -> None:
    from flake8_azure_frt import gate

    settings = _project(tmp_path, {"app/__init__.py": ""})
    main = str(tmp_path / "app/main.py")
    prose = "# autogenerated file; the needle is in the haystack\nx = 1\n"
    assert not gate.reaches_a_request(main, settings, prose)
    assert gate.reaches_a_request(main, settings, prose + "import haystack\n")
    assert gate.reaches_a_request(main, settings, prose + "x = 2; from autogen_ext.models.openai import Client\n")


def test_reading_files_counts_when_a_project_text_names_a_request(tmp_path: Path) -> None:
    from flake8_azure_frt import gate

    reader = "import json\nCFG = json.load(open('settings.json'))\n"
    settings = _project(tmp_path, {"app/__init__.py": "", "settings.json": '{"threshold": 3}'})
    main = str(tmp_path / "app/main.py")
    assert not gate.reaches_a_request(main, settings, reader)
    settings = _project(tmp_path, {"settings.json": '{"endpoint": "https://x.openai.azure.com"}'})
    assert gate.reaches_a_request(main, settings, reader)
