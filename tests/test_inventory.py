"""AFR001, the inventory of Azure OpenAI requests (issue 17): only with the option, once per request found, on
the request's line, with the facts a reviewer needs and never an environment value."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import AZURE_HEADER, findings

from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.findings import Finding
from flake8_azure_frt.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = ROOT / "fixtures" / "conformance"
REQUEST_MARK = re.compile(r"#\s*request\b")
ON = Settings(inventory=True)

VISION = (
    AZURE_HEADER
    + """
def who(photo_url):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is the person in this photo?"},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )


def hello():
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hi"}])
"""
)


def _check(source: str, settings: Settings, filename: str = "snippet.py") -> list[Finding]:
    source = textwrap.dedent(source).lstrip("\n")
    return check_source(source.splitlines(keepends=True), filename, ast.parse(source), settings)


def test_only_with_the_option() -> None:
    assert not [f for f in findings(VISION) if f[1] == "AFR001"]
    assert [(line, code) for line, code, _ in findings(VISION, ON)] == [(5, "AFR001"), (5, "AFR106"), (15, "AFR001")]


def test_message_names_surface_deployment_host_media_purpose_and_codes() -> None:
    messages = {line: text for line, code, text in findings(VISION, ON) if code == "AFR001"}
    assert messages[5] == (
        "AFR001 Azure OpenAI request: chat.completions.create (deployment gpt-4o, host contoso.openai.azure.com); "
        "codes: AFR106; media: images via image_url part (line 9), from parameter photo_url; purposes: identify"
    )
    assert messages[15] == (
        "AFR001 Azure OpenAI request: chat.completions.create (deployment gpt-4o-mini, host contoso.openai.azure.com); "
        "no code: text only; media: none; purposes: none"
    )


def test_images_without_a_purpose_say_why_no_code() -> None:
    source = VISION.replace("Who is the person in this photo?", "Describe the clothing colours.")
    (entry,) = [f for f in _check(source, ON) if f.line == 5 and f.code == "AFR001"]
    assert entry.facts["codes"] == [] and entry.facts["why_none"] == "images, no purpose found"
    assert entry.facts["sends"] == ["text", "images"]
    assert "no code: images, no purpose found" in entry.message


def test_plain_openai_only_with_all_openai() -> None:
    source = """
    from openai import OpenAI
    client = OpenAI()
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    """
    assert [f.code for f in _check(source, ON)] == []
    found = _check(source, ON.with_(all_openai=True))
    assert [(f.line, f.code) for f in found] == [(3, "AFR001")]


def test_rest_request_and_caller_images(tmp_path: Path) -> None:
    source = """
    import requests

    URL = "https://desk.openai.azure.com/openai/deployments/vision-1/chat/completions?api-version=2024-06-01"


    def ask(image_url, prompt):
        body = {"messages": [{"role": "user", "content": [
            {"type": "text", "text": prompt}, {"type": "image_url", "image_url": {"url": image_url}}]}]}
        return requests.post(URL, headers={"api-key": "k"}, json=body)


    ask("data:image/png;base64,AAAA", "Which of our employees is this?")
    """
    entries = [f for f in _check(source, ON) if f.code == "AFR001"]
    assert [f.line for f in entries] == [9]
    facts = entries[0].facts
    assert facts["surface"] == "REST POST …/chat/completions"
    assert (facts["deployment"], facts["endpoint_host"]) == ("vision-1", "desk.openai.azure.com")
    assert facts["media"] and "identify" in facts["purposes"]
    assert "AFR106" in facts["codes"]  # raised at the caller's line, through the wrapper


def test_environment_values_are_named_never_shown(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / ".env").write_text(
        "AZURE_OPENAI_ENDPOINT=https://secret-host-7f3a.openai.azure.com\nDEPLOY=secret-deploy-99\n", encoding="utf-8"
    )
    app = tmp_path / "app.py"
    app.write_text(
        textwrap.dedent(
            """
            import os
            from dotenv import load_dotenv
            from openai import AzureOpenAI

            load_dotenv()
            client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-06-01")
            client.chat.completions.create(model=os.getenv("DEPLOY"), messages=[{"role": "user", "content": "hi"}])
            """
        ).lstrip(),
        encoding="utf-8",
    )
    source = app.read_text(encoding="utf-8")
    found = check_source(source.splitlines(keepends=True), str(app), ast.parse(source), ON)
    (entry,) = [f for f in found if f.code == "AFR001"]
    assert entry.facts["deployment"] == "env DEPLOY"
    assert entry.facts["endpoint_host"] == "env AZURE_OPENAI_ENDPOINT"
    dumped = json.dumps(entry.to_dict()) + entry.message
    assert "secret" not in dumped


def test_noqa_for_afr001_needs_no_reason() -> None:
    source = VISION.replace(
        '    return client.chat.completions.create(model="gpt-4o-mini"',
        '    return client.chat.completions.create(model="gpt-4o-mini"',
    ).replace('"content": "Say hi"}])', '"content": "Say hi"}])  # noqa: AFR001')
    assert "noqa: AFR001" in source
    assert not [f for f in findings(source, ON) if f[1] == "AFR901"]
    assert [f for f in findings(source.replace("AFR001", "AFR106"), ON) if f[1] == "AFR901"]


def _marked(path: Path) -> list[int]:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if REQUEST_MARK.search(line)]


CONFORMANCE_FILES = sorted(CONFORMANCE.rglob("*.py"))


@pytest.mark.parametrize("path", CONFORMANCE_FILES, ids=lambda p: p.relative_to(CONFORMANCE).as_posix())
def test_every_marked_request_appears_once(path: Path) -> None:
    """The fixtures say where their requests are (``# request``): the inventory lists exactly those lines."""
    rel = path.relative_to(ROOT).as_posix()
    source = path.read_text(encoding="utf-8")
    found = check_source(source.splitlines(keepends=True), rel, ast.parse(source), ON.with_(project_root=str(ROOT)))
    assert sorted(f.line for f in found if f.code == "AFR001") == _marked(path)


def test_conformance_figures() -> None:
    """Requests seen / with images / with findings on the conformance programs (both twins)."""
    seen = images = flagged = 0
    for path in CONFORMANCE_FILES:
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        settings = ON.with_(project_root=str(ROOT))
        entries = [
            f for f in check_source(source.splitlines(True), rel, ast.parse(source), settings) if f.code == "AFR001"
        ]
        seen += len(entries)
        images += sum(1 for f in entries if f.facts["media"])
        flagged += sum(1 for f in entries if f.facts["codes"])
    assert seen == sum(len(_marked(p)) for p in CONFORMANCE_FILES)
    assert images >= 120 and flagged >= 60, (seen, images, flagged)


def test_every_request_with_a_finding_is_in_the_inventory() -> None:
    """Every finding's request (in its own file) is listed, with the finding's code among its codes."""
    for path in sorted(p for p in (ROOT / "fixtures").rglob("*.py") if "conformance" not in p.parts):
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        settings = ON.with_(project_root=str(ROOT))
        found = check_source(source.splitlines(True), rel, ast.parse(source), settings)
        listed = {f.line: f for f in found if f.code == "AFR001"}
        for f in found:
            if f.code.startswith(("AFR1", "AFR2")) and not f.request_path:
                assert f.request_line in listed, (rel, f.code, f.request_line)
                assert f.code in listed[f.request_line].facts["codes"], (rel, f.code)


def _flake8(cwd: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "flake8", "--isolated", "-j1", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1) and not proc.stderr.strip(), proc.stderr
    return proc.stdout


SAMPLE = "fixtures/positive/noqa_approval_and_bare.py"


def _without_inventory(fmt: str, text: str) -> str:
    """A report with the AFR001 entries taken out, formatted as the formatter formats it."""
    if fmt in ("default", "afr-github"):
        return "".join(line for line in text.splitlines(keepends=True) if "AFR001" not in line)
    doc = json.loads(text)
    if fmt == "afr-json":
        doc = [item for item in doc if item["code"] != "AFR001"]
    elif fmt == "afr-rdjson":
        doc["diagnostics"] = [d for d in doc["diagnostics"] if d["code"]["value"] != "AFR001"]
    else:  # SARIF: the rule is described only in runs that list requests, and it comes first
        run = doc["runs"][0]
        assert run["tool"]["driver"]["rules"].pop(0)["id"] == "AFR001"
        run["results"] = [r for r in run["results"] if r["ruleId"] != "AFR001"]
        for result in run["results"]:
            result["ruleIndex"] -= 1
    return json.dumps(doc, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("fmt", ["default", "afr-sarif", "afr-json", "afr-rdjson", "afr-github"])
def test_without_the_option_nothing_changes(fmt: str) -> None:
    """Off, the output is byte for byte the output with the option, minus its AFR001 entries."""
    off = _flake8(ROOT, "--select=AFR", f"--format={fmt}", SAMPLE)
    on = _flake8(ROOT, "--azure-frt-inventory", "--select=AFR", f"--format={fmt}", SAMPLE)
    assert "AFR001" not in off and on.count("AFR001") >= 2
    assert off.rstrip("\n") == _without_inventory(fmt, on).rstrip("\n")
    ignored = ("--azure-frt-inventory", "--select=AFR", "--extend-ignore=AFR001", f"--format={fmt}", SAMPLE)
    assert _flake8(ROOT, *ignored) == off


@pytest.mark.parametrize(("args", "analysed"), [([], False), (["--azure-frt-inventory"], True)])
def test_select_afr001_alone_analyses_only_with_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], analysed: bool
) -> None:
    from flake8.main.application import Application

    from flake8_azure_frt import analysis

    (tmp_path / "app.py").write_text(textwrap.dedent(VISION).lstrip("\n"), encoding="utf-8")
    calls: list[str] = []
    real = analysis._analyse
    monkeypatch.setattr(analysis, "_analyse", lambda *a: calls.append("x") or real(*a))
    monkeypatch.chdir(tmp_path)
    Application().run(["-j1", "--isolated", "--output-file=out.txt", *args, "--select=AFR001", "app.py"])
    lines = (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split()[1] for line in lines] == (["AFR001", "AFR001"] if analysed else [])
    assert bool(calls) == analysed


def test_option_is_read_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(VISION).lstrip("\n"), encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = AFR\nazure-frt-inventory = true\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "flake8", "-j1", "app.py"]
    out = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300).stdout
    assert [line.split()[1] for line in out.splitlines()] == ["AFR001", "AFR106", "AFR001"]


def test_sarif_and_json_carry_the_facts() -> None:
    sarif = json.loads(_flake8(ROOT, "--azure-frt-inventory", "--select=AFR", "--format=afr-sarif", SAMPLE))
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules[0] == "AFR001"
    descriptor = run["tool"]["driver"]["rules"][0]
    assert descriptor["defaultConfiguration"]["level"] == "note"
    assert "security-severity" not in descriptor["properties"]
    entries = [r for r in run["results"] if r["ruleId"] == "AFR001"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in entries] == [27, 39]
    facts = entries[1]["properties"]["azureOpenAIRequest"]
    assert facts["surface"] == "chat.completions.create" and facts["codes"] == ["AFR106"]
    assert facts["deployment"] == "gpt-4o" and facts["endpoint_host"] == "newsarchive.openai.azure.com"
    assert all(r["level"] == "note" and r["ruleIndex"] == 0 for r in entries)
    items = json.loads(_flake8(ROOT, "--azure-frt-inventory", "--select=AFR", "--format=afr-json", SAMPLE))
    listed = [i for i in items if i["code"] == "AFR001"]
    assert [i["request_facts"]["why_none"] for i in listed] == ["images, no purpose found", ""]
    assert all("request_facts" not in i for i in items if i["code"] != "AFR001")


def test_never_baselined(tmp_path: Path) -> None:
    out = tmp_path / "baseline.json"
    _flake8(ROOT, "--azure-frt-inventory", "--select=AFR", "--format=afr-baseline", f"--output-file={out}", SAMPLE)
    text = out.read_text(encoding="utf-8")
    assert "AFR106" in text and "AFR001" not in text


def test_a_failure_in_the_inventory_keeps_the_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_azure_frt import inventory

    def broken(*args: object) -> None:
        raise ValueError("value of a secret")

    monkeypatch.setattr(inventory, "_facts", broken)
    found = findings(VISION, ON)
    assert [(line, code) for line, code, _ in found] == [(5, "AFR001"), (5, "AFR106"), (15, "AFR001")]
    assert (
        found[0][2]
        == "AFR001 Azure OpenAI request: AzureOpenAI chat.completions.create; facts not gathered (ValueError)"
    )


def test_where_images_come_from() -> None:
    source = (
        AZURE_HEADER
        + """
import base64
from flask import request


def from_file(path):
    b64 = base64.b64encode(open(path, "rb").read()).decode()
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{b64}"}}]}])


def from_upload():
    data = request.files["photo"].read()
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64," + data.hex()}}]}])


def from_url():
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}])
"""
    )
    sources = [f.facts["media_sources"][0]["kind"] for f in _check(source, ON) if f.code == "AFR001"]
    assert sources == ["a file (open)", "an upload (request.files)", "a URL in the code"]
