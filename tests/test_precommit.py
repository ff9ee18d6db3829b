"""The repository works as a pre-commit hook repository: `pre-commit try-repo` against a clean clone.

pre-commit builds the hook's virtualenv and pip-installs this project into it, so the first run needs the
package index; the environment is cached for the session. Skipped on a developer's machine when pre-commit
or git is missing, or when installing the hook environment fails for lack of network; in CI (``CI`` set)
each of those fails the test instead (helpers.require).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import require, require_module, require_tool

from flake8_azure_frt.docs_examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
HOOK_ID = "flake8-azure-frt"
TIMEOUT = 900  # seconds; the first run builds the hook environment
_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", ".tox", "__pycache__", "*.egg-info", ".*_cache", ".bench-cache", "site", "build", "dist"
)
_OFFLINE = (
    "Temporary failure in name resolution",
    "NewConnectionError",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "Network is unreachable",
    "ConnectTimeoutError",
)

FACE_ID = EXAMPLES["AFR106"].bad

RECEIPT_OCR = '''\
"""Expense helper: read totals from photographed receipts with Azure OpenAI."""
import base64
import os

from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint="https://contoso-finance.openai.azure.com",
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-06-01",
)


def read_receipt(path: str) -> str:
    with open(path, "rb") as fh:
        image = "data:image/jpeg;base64," + base64.b64encode(fh.read()).decode()
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "You extract merchant, date, currency and total from till receipts."},
            {"role": "user", "content": [
                {"type": "text", "text": "Return the receipt fields as JSON."},
                {"type": "image_url", "image_url": {"url": image}},
            ]},
        ],
    )
    return response.choices[0].message.content
'''


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    require_module("pre_commit")
    require_tool("git")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=120,
    )


def _project_files() -> list[str] | None:
    """Tracked and untracked-but-not-ignored files: what a clean clone plus uncommitted work holds."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return [name for name in proc.stdout.decode().split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway git repository holding a snapshot of the working tree, as a clean clone would."""
    repo = tmp_path_factory.mktemp("hook-repo") / "flake8-azure-frt"
    files = _project_files()
    if files is None:
        shutil.copytree(ROOT, repo, ignore=_IGNORE)
    else:
        for name in files:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("project")
    (work / "face_id.py").write_text(FACE_ID, encoding="utf-8")
    (work / "receipt_ocr.py").write_text(RECEIPT_OCR, encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    return work


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo: Path, target: Path, home: Path, filename: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)  # the hook must run the clone's code, not this checkout's
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), HOOK_ID, "--files", filename]
    proc = subprocess.run(cmd, cwd=target, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    log = home / "pre-commit.log"
    if proc.returncode not in (0, 1) or (log.exists() and "An unexpected error" in log.read_text(errors="replace")):
        details = proc.stdout + proc.stderr + (log.read_text(errors="replace") if log.exists() else "")
        if any(marker in details for marker in _OFFLINE):
            require(False, "network for pre-commit to install the hook environment")
        pytest.fail(f"pre-commit failed to run ({proc.returncode}):\n{details[-4000:]}")
    return proc


def test_hook_fails_on_face_identification(hook_repo: Path, target: Path, pre_commit_home: Path) -> None:
    proc = try_repo(hook_repo, target, pre_commit_home, "face_id.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "face_id.py:13:16: AFR106" in proc.stdout, proc.stdout
    assert "Failed" in proc.stdout


def test_hook_passes_on_receipt_ocr(hook_repo: Path, target: Path, pre_commit_home: Path) -> None:
    proc = try_repo(hook_repo, target, pre_commit_home, "receipt_ocr.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout and "AFR" not in proc.stdout
