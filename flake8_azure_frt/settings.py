"""Plugin options: their flake8 registration, validation, and the frozen settings the checker reads."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, replace
from typing import Any

PREFIX = "azure-frt-"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
# ISO 3166-1 alpha-2, the 249 officially assigned codes; plus the exceptionally reserved UK (= GB) and EU.
_ISO_COUNTRIES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
    MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
    UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU""".split()
)
_ALIASES = {"UK": "GB"}
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


# Accepted ranges (inclusive).  The upper ends are far beyond anything useful: they exist so that a typo such as
# an extra few zeros, or ``inf``/``nan``, cannot silently switch a bound off.
RANGES: dict[str, tuple[float, float]] = {
    "max-file-bytes": (1, 1_000_000_000),
    "max-depth": (1, 10_000),
    "max-chain": (1, 100_000),
    "max-nodes": (1, 100_000_000),
    "time-budget": (0.001, 86_400),
    "max-read-bytes": (1, 1_000_000_000),
}


@dataclass(frozen=True)
class Settings:
    jurisdiction: str | None = None
    law_enforcement: bool = False
    extra_clients: tuple[str, ...] = ()
    all_openai: bool = False
    inventory: bool = False  # report AFR001 for every request found (issue 17)
    baseline: str | None = None
    # Where other project files may be read from (the option); None: found per checked file (project.find_root),
    # starting with the folder of flake8's configuration, ``config_root``.
    project_root: str | None = None
    config_root: str | None = None
    limits: Limits = field(default_factory=Limits)
    prefilter: bool = True
    # False when --select/--ignore leave no finding code of this plugin to report: no analysis at all.
    analyse: bool = True
    # False when AFR901 (suppression without reason) cannot be reported either.
    suppressions: bool = True

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
    code = _ALIASES.get(text.upper(), text.upper())
    if not _COUNTRY.match(text) or code not in _ISO_COUNTRIES:
        raise OptionError(
            f"{PREFIX}jurisdiction: expected a two-letter ISO country code such as US or GB, got {value!r}"
        )
    return code


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
    """A finite number inside ``RANGES[name]``; nan, inf, and huge digit strings are refused, never raised."""
    low, high = RANGES.get(name, (0, 1e18))
    what = "a whole number" if kind is int else "a number"
    expected = f"expected {what} from {low:,g} to {int(high):,}, got {_short(value)}"
    text = str(value).strip()
    if len(text) > 40:  # int() of a 100,000-digit string is slow or raises past Python's digit limit
        raise OptionError(f"{PREFIX}{name}: {expected}")
    try:
        number = kind(text)
    except (TypeError, ValueError, OverflowError):
        raise OptionError(f"{PREFIX}{name}: {expected}") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise OptionError(f"{PREFIX}{name}: {expected}")
    return number


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_root(value: object) -> str | None:
    """An existing directory other than the filesystem root or the home directory (both hold far too much)."""
    if value is None:
        return None
    text = str(value).strip() or os.sep  # flake8's path normalisation turns "/" into ""
    path = os.path.abspath(os.path.expanduser(text))
    if not os.path.isdir(path):
        raise OptionError(f"{PREFIX}project-root: expected an existing directory, got {_short(value)}")
    real = os.path.realpath(path)
    if real == os.path.dirname(real) or real == os.path.realpath(os.path.expanduser("~")):
        raise OptionError(
            f"{PREFIX}project-root: {real} is the filesystem root or the home directory; name the project's folder"
        )
    return real


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
        f"--{PREFIX}inventory",
        default="false",
        nargs="?",
        const="true",
        parse_from_config=True,
        help="Report AFR001 once per Azure OpenAI request found, with or without a finding: what the linter sees.",
    )
    add(
        f"--{PREFIX}baseline",
        default=None,
        parse_from_config=True,
        normalize_paths=True,
        help="Baseline file of finding fingerprints to hide (see docs: baseline).",
    )
    add(
        f"--{PREFIX}project-root",
        default=None,
        parse_from_config=True,
        normalize_paths=True,
        help="Folder whose files may be read for evidence (local modules, prompt files, .env). Default: the folder "
        "of the flake8 configuration, else the nearest folder above the checked file holding .git, pyproject.toml, "
        "setup.cfg, tox.ini or .flake8.",
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
        inventory=parse_bool("inventory", get("inventory") or "false"),
        baseline=str(baseline) if baseline else None,
        project_root=parse_root(get("project-root")),
        limits=limits,
    )
