"""Every fixture yields exactly the findings its ``# expect:`` comments name: code and line, no more, no less."""

from __future__ import annotations

import re

import pytest
from fixture_runner import FIXTURES, ROOT, expected, fixture_files, run_all


@pytest.fixture(scope="module")
def results() -> tuple[set[tuple[str, int, str]], dict[tuple[str, int, str], str]]:
    return run_all()


def test_fixture_set_is_substantial() -> None:
    files = fixture_files()
    positives = [f for f in files if expected(f)]
    assert len(files) >= 60
    assert len(positives) >= 30
    assert len(files) - len(positives) >= 25


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture(path, results) -> None:  # type: ignore[no-untyped-def]
    want, got = results
    rel = path.relative_to(ROOT).as_posix()
    mine_want = {k for k in want if k[0] == rel}
    mine_got = {k for k in got if k[0] == rel}
    missing = sorted(mine_want - mine_got)
    extra = sorted((k, got[k]) for k in mine_got - mine_want)
    assert not missing and not extra, f"missing={missing} extra={extra}"


def test_every_code_has_positive_fixtures(results) -> None:  # type: ignore[no-untyped-def]
    from flake8_azure_frt.registry import RULES

    want, _ = results
    codes = {k[2] for k in want}
    for code in RULES:
        if code != "AFR900":
            assert code in codes, f"no fixture expects {code}"


def test_messages_name_clause_and_evidence_lines(results) -> None:  # type: ignore[no-untyped-def]
    from flake8_azure_frt.registry import RULES

    _, got = results
    for (_, _, code), text in got.items():
        rule = RULES[code]
        # The short message (findings.py): title, then the evidence that sets the code apart and its line.
        assert text.startswith(f"{rule.title}: "), text
        if code.startswith(("AFR1", "AFR2")):
            assert re.search(r"\((?:\S+ )?line \d+\)|\(cell \d+, line \d+\)", text), text
