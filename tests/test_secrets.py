"""Issue 13, item 2: no environment value ever appears in any output, whatever path it took to the request.

Each project is generated at run time: a ``.env`` holds a planted prompt with a unique marker, and the code
reaches it in every way the evaluator follows (``dotenv_values(...)["K"]``, ``os.getenv``/``os.environ`` in this
module or an imported one, settings fields with environment defaults, f-strings, ``.format``, ``+``, ``join``).
The findings must still fire, and every output format must name the variable instead of quoting it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_azure_frt import project, taint
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.settings import Settings

MARK = "zqxplanted"  # a word of the .env value that must never be printed, in any case
ENV = f'VISION_PROMPT="Identify the person in this photo {MARK} sk-{MARK}-0042"\nAGENCY_NAME="{MARK} police"\n'
HEAD = """\
import os
from openai import AzureOpenAI
AGENCY = "Metro Police Department"
client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
"""
ASK = """
def ask(img):
    return client.chat.completions.create(model="gpt-4o", messages=[{{"role": "user", "content": [
        {{"type": "text", "text": {prompt}}},
        {{"type": "image_url", "image_url": {{"url": img}}}}]}}])
"""
SETTINGS = """
@dataclass
class Settings:
    prompt: str = field(default_factory=lambda: os.getenv("VISION_PROMPT", ""))
"""
CONF = 'import os\nPROMPT = os.getenv("VISION_PROMPT")\n'
DATACLASS = "from dataclasses import dataclass, field\n"
# (module text of the checked file, extra files): every way an environment value can reach the prompt
PATHS = {
    "dotenv_subscript": ("from dotenv import dotenv_values\n", 'dotenv_values(".env")["VISION_PROMPT"]', {}),
    "getenv_in_local_module": ("from conf import PROMPT\n", "PROMPT", {"conf.py": CONF}),
    "environ_subscript": ("", 'os.environ["VISION_PROMPT"]', {}),
    "environ_get_fstring": ("", 'f"Task: {os.environ.get(\'VISION_PROMPT\')}!"', {}),
    "format_and_concat": ("", '"Task: {}".format(os.getenv("VISION_PROMPT")) + " now"', {}),
    "join": ("", '" ".join(["Task:", os.getenv("VISION_PROMPT")])', {}),
    "settings_field_here": (DATACLASS + SETTINGS + "cfg = Settings()\n", "cfg.prompt", {}),
    "settings_field_imported": ("from settings import SETTINGS\n", "SETTINGS.prompt",
                                {"settings.py": "import os\n" + DATACLASS + SETTINGS + "SETTINGS = Settings()\n"}),
}  # fmt: skip


def make_project(root: Path, name: str) -> Path:
    head, prompt, extra = PATHS[name]
    root.mkdir(parents=True, exist_ok=True)
    (root / "setup.cfg").write_text("[flake8]\n")
    (root / ".env").write_text(ENV)
    for rel, text in extra.items():
        (root / rel).write_text(text)
    app = root / "app.py"
    app.write_text(HEAD + head + ASK.format(prompt=prompt))
    return app


def check(app: Path) -> list[str]:
    project.clear_cache()
    source = app.read_text()
    settings = Settings(project_root=str(app.parent))
    return [f.message for f in check_source(source.splitlines(True), str(app), ast.parse(source), settings)]


@pytest.mark.parametrize("name", sorted(PATHS))
def test_environment_value_is_named_never_quoted(tmp_path: Path, name: str) -> None:
    messages = check(make_project(tmp_path / name, name))
    identify = [m for m in messages if m.startswith("AFR106")]
    assert identify, messages  # the value still counts as evidence
    assert "value of VISION_PROMPT from .env" in identify[0]
    assert all(MARK not in m.lower() and "identify the person" not in m.lower() for m in messages), messages


def test_context_read_from_env_is_not_quoted(tmp_path: Path) -> None:
    app = make_project(tmp_path / "ctx", "environ_subscript")
    app.write_text(app.read_text().replace('"Metro Police Department"', 'os.getenv("AGENCY_NAME")'))
    messages = check(app)
    assert messages and all(MARK not in m.lower() for m in messages), messages


FORMATS = ["default", "afr-sarif", "afr-rdjson", "afr-json", "afr-baseline"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_format_carries_the_value(tmp_path: Path, fmt: str) -> None:
    """The issue's measurement: text, SARIF, rdjson, JSON and the baseline file, for both reported paths."""
    root = tmp_path / "proj"
    make_project(root, "getenv_in_local_module")
    (root / "conf.py").write_text(PATHS["getenv_in_local_module"][2]["conf.py"])
    (root / "other.py").write_text(
        "from dotenv import dotenv_values\n" + HEAD + ASK.format(prompt='dotenv_values(".env")["VISION_PROMPT"]')
    )
    out = root / "out.txt"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            "--select=AFR",
            f"--format={fmt}",
            f"--output-file={out}",
            "app.py",
            "other.py",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    text = out.read_text(encoding="utf-8") + proc.stdout + proc.stderr
    assert "AFR106" in text, text
    assert text.count("VISION_PROMPT") >= (2 if fmt != "afr-baseline" else 0)
    assert MARK not in text.lower() and "identify the person" not in text.lower(), text


def test_taint_survives_string_building() -> None:
    value = taint.env_value("identify the person", "K", ".env")
    kept = ["a " + value, value + " b", "x %s" % value, value.lower().strip()[2:], value.format(), value.join("ab")]  # noqa: UP031
    assert [taint.describe(s) for s in kept] == ["value of K from .env"] * len(kept)
    # What plain str code drops, the evaluator rebuilds with taint.join / taint.like:
    assert taint.describe(" ".join(["a", value])) == ""
    assert taint.describe(taint.join(" ", ["a", value])) == "value of K from .env"
    assert taint.describe(taint.like("excerpt", "plain", value)) == "value of K from .env"
    two = value + taint.env_value("x", "J", "app/.env")
    assert taint.describe(two) == "values of K from .env; J from app/.env"
    assert taint.describe(taint.env_value("whole", "", ".env")) == "contents of .env"
    assert taint.describe("plain") == ""
