"""Tests cannot silently skip in CI: a test that needs a tool ``.[test]`` installs (or the SARIF schema)
skips on a developer's machine when it is missing, and fails when ``CI`` is set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import SARIF_SCHEMA, in_ci, require, require_module, require_tool

TESTS = Path(__file__).resolve().parent
# What .[test] installs, plus the SARIF schema the formatter tests validate against.
GUARDED = re.compile(r"nbqa|pre.?commit|mkdocs|jsonschema|hypothesmith|\bbuild\b|yaml|pygments|schema", re.I)
SKIP = re.compile(r"pytest\.skip\(|importorskip\(|skipif\(")


def test_missing_dependency_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not in_ci()
    with pytest.raises(pytest.skip.Exception):
        require(False, "a tool")
    with pytest.raises(pytest.skip.Exception):
        require_module("no_such_module_for_afr_tests")
    for value in ("true", "1", "yes"):
        monkeypatch.setenv("CI", value)
        assert in_ci()
        with pytest.raises(pytest.fail.Exception, match="must run in CI"):
            require(False, "a tool")
        with pytest.raises(pytest.fail.Exception):
            require_tool("no-such-command-for-afr-tests")
    monkeypatch.setenv("CI", "false")
    assert not in_ci()
    require(True, "present")  # nothing happens


def test_no_test_skips_on_a_test_dependency_except_through_require() -> None:
    offenders = []
    for path in sorted(TESTS.glob("*.py")):
        if path.name in ("helpers.py", Path(__file__).name):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if SKIP.search(line) and GUARDED.search(" ".join(lines[max(0, n - 2) : n + 3])):
                offenders.append(f"{path.name}:{n + 1}: {line.strip()}")
    assert not offenders, "use helpers.require/require_module/require_tool instead:\n" + "\n".join(offenders)


def test_the_sarif_schema_is_where_ci_expects_it() -> None:
    require(SARIF_SCHEMA.exists(), f"the SARIF 2.1.0 schema at {SARIF_SCHEMA}")
    assert '"$schema"' in SARIF_SCHEMA.read_text(encoding="utf-8")[:2000]
