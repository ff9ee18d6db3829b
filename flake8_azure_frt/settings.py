"""Plugin options: their flake8 registration, validation, and the frozen settings the checker reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

PREFIX = "azure-frt-"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_QUALNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")


class OptionError(ValueError):
    """An invalid option value: flake8 stops with this one-line message."""


@dataclass(frozen=True)
class Limits:
    """Bounds on the work done for one file (see docs/limits.md for the measurements behind each default)."""

    max_file_bytes: int = 1_000_000
    max_depth: int = 100  # libcst 1.9 fails at ~133 nested brackets
    max_chain: int = 200  # libcst 1.9 fails at ~312 chain links, operands or string parts
    max_nodes: int = 40_000  # ~6-8 s of analysis at the limit; real files: 99.9% have fewer than 33,000
    time_budget: float = 10.0
    max_read_bytes: int = 256_000


@dataclass(frozen=True)
class Settings:
    jurisdiction: str | None = None
    law_enforcement: bool = False
    extra_clients: tuple[str, ...] = ()
    all_openai: bool = False
    baseline: str | None = None
    project_root: str | None = None
    limits: Limits = field(default_factory=Limits)
    prefilter: bool = True

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def parse_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise OptionError(f"{PREFIX}{name}: expected true or false, got {value!r}")


def parse_country(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not _COUNTRY.match(text):
        raise OptionError(
            f"{PREFIX}jurisdiction: expected a two-letter ISO country code such as US or GB, got {value!r}"
        )
    return text.upper()


def parse_qualnames(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    names = tuple(str(i).strip() for i in items if str(i).strip())
    for name in names:
        if not _QUALNAME.match(name):
            raise OptionError(
                f"{PREFIX}extra-clients: expected dotted qualified names such as mycorp.llm.ask_vision, got {name!r}"
            )
    return names


def parse_positive(name: str, value: object, kind: type) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise OptionError(f"{PREFIX}{name}: expected a positive number, got {value!r}") from None
    if number <= 0:
        raise OptionError(f"{PREFIX}{name}: expected a positive number, got {value!r}")
    return number


def register(manager: Any) -> None:
    """Register every option with flake8's option manager (readable from [flake8] config)."""
    add = manager.add_option
    add(
        f"--{PREFIX}jurisdiction",
        default=None,
        parse_from_config=True,
        help="ISO country of the deploying organisation (e.g. US). US makes any police context count as US; "
        "another country turns AFR101 off unless the code shows US evidence.",
    )
    add(
        f"--{PREFIX}law-enforcement",
        default="false",
        nargs="?",
        const="true",
        parse_from_config=True,
        help="The codebase is built by or for law enforcement: police context applies everywhere.",
    )
    add(
        f"--{PREFIX}extra-clients",
        default="",
        parse_from_config=True,
        comma_separated_list=True,
        help="Comma-separated qualified names of in-house wrappers whose calls are Azure OpenAI requests.",
    )
    add(
        f"--{PREFIX}all-openai",
        default="false",
        nargs="?",
        const="true",
        parse_from_config=True,
        help="Treat every OpenAI-compatible client as Azure OpenAI (gateways, proxies).",
    )
    add(
        f"--{PREFIX}baseline",
        default=None,
        parse_from_config=True,
        normalize_paths=True,
        help="Baseline file of finding fingerprints to hide (see docs: baseline).",
    )
    defaults = Limits()
    for name, default, what in (
        ("max-file-bytes", defaults.max_file_bytes, "largest file analysed, in bytes"),
        ("max-depth", defaults.max_depth, "deepest expression nesting analysed"),
        (
            "max-chain",
            defaults.max_chain,
            "longest chain analysed: attribute/call/subscript links, operands of one operator, string parts, "
            "elif branches",
        ),
        ("max-nodes", defaults.max_nodes, "most syntax nodes analysed in one file"),
        ("time-budget", defaults.time_budget, "seconds of analysis per file"),
        ("max-read-bytes", defaults.max_read_bytes, "largest other project file read (prompt files, local modules)"),
    ):
        add(
            f"--{PREFIX}{name}",
            default=str(default),
            parse_from_config=True,
            help=f"Limit: {what} (default {default}).",
        )


def from_options(options: Any) -> Settings:
    """Build validated settings from flake8's argparse namespace; raise OptionError on a bad value."""

    def get(name: str) -> Any:
        return getattr(options, (PREFIX + name).replace("-", "_"), None)

    defaults = Limits()
    limits = Limits(
        max_file_bytes=parse_positive("max-file-bytes", get("max-file-bytes") or defaults.max_file_bytes, int),
        max_depth=parse_positive("max-depth", get("max-depth") or defaults.max_depth, int),
        max_chain=parse_positive("max-chain", get("max-chain") or defaults.max_chain, int),
        max_nodes=parse_positive("max-nodes", get("max-nodes") or defaults.max_nodes, int),
        time_budget=parse_positive("time-budget", get("time-budget") or defaults.time_budget, float),
        max_read_bytes=parse_positive("max-read-bytes", get("max-read-bytes") or defaults.max_read_bytes, int),
    )
    baseline = get("baseline")
    return Settings(
        jurisdiction=parse_country(get("jurisdiction")),
        law_enforcement=parse_bool("law-enforcement", get("law-enforcement") or "false"),
        extra_clients=parse_qualnames(get("extra-clients")),
        all_openai=parse_bool("all-openai", get("all-openai") or "false"),
        baseline=str(baseline) if baseline else None,
        limits=limits,
    )
