"""``--format=afr-gitlab``: GitLab's Code Quality report, for the merge-request widget.

A JSON array of issues, each with ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location.path`` / ``location.lines.begin`` (docs.gitlab.com/ci/testing/code_quality). The fingerprint is
the SARIF one (``partialFingerprints.primaryLocationLineHash``, the baseline's): it ignores line numbers, so
GitLab tells new findings from old ones when unrelated lines move. Suppressed findings are left out: the
widget would show them as new issues. Paths are relative to the folder flake8 runs in (the project root in
a GitLab job).
"""

from __future__ import annotations

import json
from typing import Any

from ..registry import Tier
from .common import BufferedFormatter, Report

# GitLab's severities: info, minor, major, critical, blocker.
_BY_TIER = {Tier.PROHIBITED: "critical", Tier.REVIEW: "major", Tier.INVENTORY: "info"}
_META = {"AFR900": "info", "AFR901": "minor"}


def severity(report: Report) -> str:
    rule = report.rule
    if rule is None:  # another plugin's code: E9xx means the file was not checked at all
        return "critical" if report.level == "error" else "minor"
    return _BY_TIER.get(rule.tier) or _META.get(rule.code, "minor")


def issue(report: Report) -> dict[str, Any]:
    return {
        "description": f"{report.code} {report.text}",
        "check_name": report.code,
        "fingerprint": report.fingerprint,
        "severity": severity(report),
        "location": {"path": report.path, "lines": {"begin": max(report.line, 1)}},
    }


class GitlabFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return json.dumps([issue(r) for r in reports if not r.suppressed], indent=2, ensure_ascii=False)
