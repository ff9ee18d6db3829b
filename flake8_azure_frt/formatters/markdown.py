"""``--format=afr-markdown``: a GitHub-flavoured Markdown summary for ``$GITHUB_STEP_SUMMARY`` and pull-request
comments.

Counts per clause and per file, the inventory's counts when ``--azure-frt-inventory`` is on (requests seen,
with images, with findings), a table of findings linking to their lines (paths relative to the folder flake8
runs in), and what to do per code with a link to its rule page. GitHub refuses a step summary over 1 MiB, so
the document is built to stay under ``MAX_BYTES`` whatever the project: the per-file table and the findings
table are cut, with a note saying how many rows were left out and where to find them all.

Text from the checked code (quotes in messages) is escaped so that it cannot break the table, open HTML, or
mention (``@name``) anyone.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable

from ..registry import CLAUSES, INVENTORY_CODES, RULES, Tier
from .common import TOOL_NAME, BufferedFormatter, Report

MAX_BYTES = 1_000_000  # GitHub's step-summary limit is 1 MiB (1,048,576 bytes); this leaves room for a header
MAX_FILE_ROWS = 100
DOCS_URL_ENV = "FLAKE8_AZURE_FRT_DOCS_URL"  # where a team publishes the rule pages (docs/release.md)
_ICON = {"error": "🔴", "warning": "🟠", "note": "🔵"}
_UNSAFE = re.compile(r"[|<>@\\`*\[\]]")


def cell(text: str, limit: int = 300) -> str:
    """One table cell: a single line, bounded, with Markdown, HTML and mentions neutralised."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _UNSAFE.sub(lambda m: f"&#{ord(m.group(0))};", flat)


def _link_target(path: str) -> str:
    return path.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def rule_link(code: str) -> str:
    rule = RULES[code]
    base = os.environ.get(DOCS_URL_ENV, "").strip().rstrip("/")
    target = f"{base}/{code}.md" if base else rule.docs_page
    return f"[{rule.docs_page}]({_link_target(target)})"


def _size(lines: Iterable[str]) -> int:
    return sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return out + ["| " + " | ".join(row) + " |" for row in rows]


def _inventory(entries: list[Report]) -> list[str]:
    with_images = sum(1 for r in entries if r.facts.get("media"))
    with_findings = sum(1 for r in entries if r.facts.get("codes"))
    files = len({r.path for r in entries})
    return [
        "### What the linter sees",
        "",
        *_table(
            ["requests seen", "with images", "with findings", "files"],
            [[str(len(entries)), str(with_images), str(with_findings), str(files)]],
        ),
    ]


def _by_clause(findings: list[Report]) -> list[str]:
    counts: Counter[str] = Counter()
    codes: dict[str, set[str]] = {}
    for r in findings:
        for slug in r.rule.clauses if r.rule else ("other",):
            counts[slug] += 1
            codes.setdefault(slug, set()).add(r.code)
    rows = []
    for slug, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        clause = CLAUSES.get(slug)
        what = clause.banned if clause else "codes of flake8 or other plugins"
        rows.append([f"`{slug}`", cell(what, 120), ", ".join(sorted(codes[slug])), str(n)])
    return ["### By clause", "", *_table(["clause", "what it bans", "codes", "findings"], rows)]


def _by_file(findings: list[Report]) -> list[str]:
    per: dict[str, Counter[str]] = {}
    for r in findings:
        per.setdefault(r.path, Counter())[r.code] += 1
    ranked = sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    rows = [
        [f"[{cell(path, 200)}]({_link_target(path)})", str(sum(c.values())), ", ".join(sorted(c))]
        for path, c in ranked[:MAX_FILE_ROWS]
    ]
    out = ["### By file", "", *_table(["file", "findings", "codes"], rows)]
    if len(ranked) > MAX_FILE_ROWS:
        out += ["", f"_{len(ranked) - MAX_FILE_ROWS} more files not shown._"]
    return out


def _row(r: Report) -> str:
    where = f"{r.path}:{r.line}" if r.line else r.path
    target = f"{_link_target(r.path)}#L{r.line}" if r.line else _link_target(r.path)
    text = r.text.split(": ", 1)[1] if r.rule and ": " in r.text else r.text
    return f"| {_ICON.get(r.level, '')} | {r.code} | [{cell(where, 200)}]({target}) | {cell(text)} |"


def _what_to_do(codes: list[str]) -> list[str]:
    out = ["### What to do", ""]
    for code in codes:
        rule = RULES.get(code)
        if rule is None:
            continue
        out.append(f"- **{code}** {rule.title}: {rule.instead} Rule page: {rule_link(code)}.")
    return out


def document(reports: list[Report], limit: int = MAX_BYTES) -> str:
    shown = [r for r in reports if not r.suppressed]
    entries = [r for r in shown if r.code in INVENTORY_CODES]
    findings = [r for r in shown if r.code not in INVENTORY_CODES]
    suppressed = len(reports) - len(shown)
    tiers = Counter(r.rule.tier if r.rule else None for r in findings)
    head = [
        f"## {TOOL_NAME}",
        "",
        f"**{_count(len(findings), 'finding')}** in {_count(len({r.path for r in findings}), 'file')}: "
        f"{tiers[Tier.PROHIBITED]} prohibited, {tiers[Tier.REVIEW]} to review, {tiers[Tier.META]} about the "
        f"analysis, {tiers[None]} from other checks"
        + (f"; {suppressed} suppressed (with a reason or in the baseline) not counted." if suppressed else "."),
        "",
    ]
    head += _inventory(entries) if entries else ["_Run with `--azure-frt-inventory` to list every request seen._"]
    if findings:
        head += ["", *_by_clause(findings), "", *_by_file(findings)]
    order = sorted(findings, key=lambda r: (r.level != "error", r.level != "warning", r.path, r.line, r.code))
    codes = sorted({r.code for r in findings}, key=lambda c: (c not in RULES, c))
    tail = ["", *_what_to_do(codes)] if codes else []
    if not findings:
        return "\n".join(head + tail) + "\n"
    table = ["", "### Findings", "", "| | code | where | message |", "|---|---|---|---|"]
    budget = limit - _size(head) - _size(tail) - _size(table) - 400  # 400: the cut note
    rows: list[str] = []
    for r in order:
        row = _row(r)
        cost = _size([row])
        if cost > budget:
            break
        rows.append(row)
        budget -= cost
    note = []
    if len(rows) < len(order):
        note = [
            "",
            f"_{len(order) - len(rows)} more findings not shown: the summary stays under GitHub's 1 MiB limit. "
            "The SARIF, JSON or GitLab report lists them all._",
        ]
    return "\n".join(head + table + rows + note + tail) + "\n"


class MarkdownFormatter(BufferedFormatter):
    def render(self, reports: list[Report]) -> str:
        return document(reports)
