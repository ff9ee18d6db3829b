"""AFR901: a ``# noqa`` naming an AFR code must give its reason after `` -- ``."""

from __future__ import annotations

import io
import re
import tokenize

from .findings import Finding
from .registry import INVENTORY_CODES

# The code list follows flake8's own noqa regex (flake8/defaults.py), so we judge exactly what flake8 applies.
_NOQA = re.compile(r"#\s*noqa:\s?(?P<codes>(?:[A-Z]+[0-9]+(?:[,\s]+)?)+)(?P<rest>.*)", re.IGNORECASE)
_QUICK = re.compile(r"noqa[^\n]*afr", re.IGNORECASE)
_REASON = re.compile(r"^\s*--\s*\S")


def check(lines: list[str]) -> list[Finding]:
    if not _QUICK.search("".join(lines)):  # one C-level search instead of one per line ([^\n]: same answer)
        return []
    findings = []
    for line, col, comment in _comments(lines):
        match = _NOQA.search(comment)
        if not match:
            continue
        codes = [c.upper() for c in re.split(r"[,\s]+", match["codes"]) if c]
        afr = [c for c in codes if c.startswith("AFR") and c not in INVENTORY_CODES]  # AFR001 needs no reason
        if afr and not _REASON.match(match["rest"]):
            findings.append(
                Finding(
                    "AFR901",
                    line,
                    col + match.start(),
                    reason=f"noqa for {', '.join(afr)} gives no reason; write '# noqa: {afr[0]} -- <reason>'",
                )
            )
    return findings


def _comments(lines: list[str]) -> list[tuple[int, int, str]]:
    """Real comment tokens only: a '# noqa' inside a string literal is not a suppression."""
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if tok.type == tokenize.COMMENT and _QUICK.search(tok.string):
                out.append((tok.start[0], tok.start[1], tok.string))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return out
