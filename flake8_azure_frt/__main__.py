"""``python -m flake8_azure_frt explain AFRnnn``: the rule page in the terminal.

    python -m flake8_azure_frt explain AFR106     # the page, as docs/rules/AFR106.md shows it
    python -m flake8_azure_frt explain --list     # every code with its title
    python -m flake8_azure_frt --version

The page is generated from the registry (``docs_gen.rule_page``), so it is the same text as the docs site
and needs neither the docs nor a network.
"""

from __future__ import annotations

import argparse
import re
import sys

from . import __version__


def _plain(markdown: str) -> str:
    """Markdown made readable in a terminal: no HTML comment, no link targets, no backticks."""
    text = re.sub(r"<!--.*?-->\n*", "", markdown, flags=re.DOTALL)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1 <\2>", text)  # keep web addresses
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # drop links between docs pages
    return re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"\1", text)  # inline code only; fences stay


def main(argv: list[str] | None = None) -> int:
    from .docs_gen import rule_page
    from .registry import RULES

    parser = argparse.ArgumentParser(prog="python -m flake8_azure_frt", description="flake8-azure-frt helpers")
    parser.add_argument("--version", action="version", version=f"flake8-azure-frt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    explain = commands.add_parser("explain", help="print the rule page of a code")
    explain.add_argument("code", nargs="?", help="an AFR code, e.g. AFR106 (case does not matter)")
    explain.add_argument("--list", action="store_true", help="list every code with its title")
    explain.add_argument("--markdown", action="store_true", help="print the Markdown source of the page")
    args = parser.parse_args(argv)
    if args.list or not args.code:
        for code, rule in RULES.items():
            print(f"{code}  {rule.slug:52}  {rule.title}")
        return 0
    code = args.code.strip().upper()
    found = RULES.get(code)
    if found is None:
        print(f"unknown code {args.code!r}; known: {', '.join(RULES)}", file=sys.stderr)
        return 2
    page = rule_page(found)
    print(page if args.markdown else _plain(page), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
