"""Identical findings, in identical order, whatever the job count, start method or hash seed.

flake8 has no option for the multiprocessing start method, so a tiny wrapper sets it before calling flake8's
``main``.  Every run must print byte-identical output: -j1, -j2 with fork, -j2 with spawn, and -j1 under
different ``PYTHONHASHSEED`` values (set iteration order must never leak into findings).
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

WRAPPER = """\
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    from flake8.main.cli import main

    main(sys.argv[2:])
"""

# Used when the fixtures folder is empty: a few files that give findings, none, and a limit AFR900, plus a
# two-file project whose prompt comes from a local module.
GENERATED = {
    "who.py": """\
        from openai import AzureOpenAI
        client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
        POLICE = "Dayton Police Department"

        def who(url):
            return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
                {"type": "text", "text": "Who is the person in this photo? Compare the faces."},
                {"type": "image_url", "image_url": {"url": url}}]}])
        """,
    "mood.py": """\
        from openai import AzureOpenAI
        client = AzureOpenAI()
        EMOTION = "What emotion does the face of each person show?"
        r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": EMOTION}, {"type": "image_url", "image_url": {"url": "data:,"}}]}])
        """,
    "receipt.py": """\
        from openai import AzureOpenAI
        client = AzureOpenAI()
        r = client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "Total of this receipt?"}]
        )
        """,
    "deep.py": "from openai import AzureOpenAI\nclient = AzureOpenAI()\nx = " + "[" * 120 + "]" * 120 + "\n",
    "app/__init__.py": "",
    "app/prompts.py": 'WHO = "Identify the person in this photo by name."\n',
    "app/main.py": """\
        from openai import AzureOpenAI
        from .prompts import WHO
        client = AzureOpenAI()
        r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": WHO}, {"type": "image_url", "image_url": {"url": "https://x/p.jpg"}}]}])
        """,
}


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(working directory, path to lint): the repo's fixtures, or a generated set if there are none yet."""
    if any(FIXTURES.rglob("*.py")):
        return ROOT, "fixtures"
    base = tmp_path_factory.mktemp("generated")
    for name, text in GENERATED.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(textwrap.dedent(text))
    return base, "."


@pytest.fixture(scope="module")
def wrapper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wrapper") / "flake8_with_start_method.py"
    path.write_text(WRAPPER)
    return path


def flake8(
    target: tuple[Path, str], *args: str, method: str | None = None, wrapper: Path | None = None, seed: str = "0"
) -> str:
    cwd, path = target
    command = [sys.executable, "-m", "flake8"] if method is None else [sys.executable, str(wrapper), method]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [*command, "--select=AFR", *args, path],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert out.returncode in (0, 1), out.stderr[-3000:]
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    return out.stdout


@pytest.fixture(scope="module")
def serial(target: tuple[Path, str]) -> str:
    out = flake8(target, "-j1")
    assert out.strip(), "no findings at all: the comparison would prove nothing"
    return out


def test_parallel_fork_matches_serial(target: tuple[Path, str], wrapper: Path, serial: str) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("fork is not available on this platform")
    assert flake8(target, "-j2", method="fork", wrapper=wrapper) == serial


def test_parallel_spawn_matches_serial(target: tuple[Path, str], wrapper: Path, serial: str) -> None:
    assert flake8(target, "-j2", method="spawn", wrapper=wrapper) == serial


def test_default_parallel_run_matches_serial(target: tuple[Path, str], serial: str) -> None:
    assert flake8(target, "-j2") == serial


@pytest.mark.parametrize("seed", ["1", "4242", "random"])
def test_hash_seed_does_not_change_findings(target: tuple[Path, str], serial: str, seed: str) -> None:
    assert flake8(target, "-j1", seed=seed) == serial
