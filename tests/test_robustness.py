"""Never crash on valid Python: the plugin over the standard library and site-packages, and fuzzed programs.

The sweep forces the full analysis (prefilter off) on a deterministic sample of every ``.py`` file of the
standard library and of the installed site-packages, within a time budget: ``AFR_SWEEP_SECONDS`` (default
30), plus a third of that with a request appended; ``AFR_SWEEP_SECONDS=0`` sweeps everything.  A failure
names the file, so it can be replayed alone.  Any exception inside the plugin becomes an "internal error"
AFR900 (plugin.py), so that is what we look for.  ``AFR_FUZZ_EXAMPLES`` sets the fuzzing examples (60).
"""

from __future__ import annotations

import ast
import hashlib
import os
import sysconfig
import time
import tokenize
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import require_module

from flake8_azure_frt.plugin import Plugin
from flake8_azure_frt.registry import RULES
from flake8_azure_frt.settings import Settings

SWEEP_SECONDS = float(os.environ.get("AFR_SWEEP_SECONDS", "30"))
# Full analysis everywhere (the prefilter would skip almost every file), inside the tested project root only.
SWEEP_SETTINGS = Settings(prefilter=False, project_root=str(Path(__file__).resolve().parents[1]))
HEAD = "from openai import AzureOpenAI\nclient = AzureOpenAI()\n"
TAIL = (
    '\nresp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ['
    '{"type": "text", "text": "Who is the person in this photo?"}, {"type": "image_url", "image_url": {"url": u}}]}])\n'
)


def library_roots() -> list[Path]:
    paths = sysconfig.get_paths()
    roots = [Path(paths["stdlib"]), Path(paths["purelib"]), Path(paths["platlib"])]
    return sorted({r.resolve() for r in roots if r.is_dir()})


def sample() -> list[Path]:
    """Every .py file under the roots, in an order fixed by a hash of its path relative to its root.

    The hash order spreads the sample over all packages (not the alphabetically first ones), and is the
    same on every run and machine with the same installed files.
    """
    roots = library_roots()
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    seen: dict[str, Path] = {}
    for root in roots:
        for path in root.rglob("*.py"):
            # A site-packages folder sits inside the stdlib folder: sweep only the one of this environment.
            inner = max((r for r in roots if path.is_relative_to(r)), key=lambda r: len(r.parts))
            if inner != root or (inner == stdlib and {"site-packages", "dist-packages"} & set(path.parts)):
                continue
            rel = f"{root.name}/{path.relative_to(root).as_posix()}"
            seen[hashlib.sha1(rel.encode()).hexdigest()] = path
    return [seen[key] for key in sorted(seen)]


def quiet_parse(source: str) -> ast.AST:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning/DeprecationWarning of odd but valid code
        return ast.parse(source)


def source_of(path: Path) -> tuple[list[str], ast.AST] | None:
    """The lines and tree flake8 would hand over, or None for files Python itself can't read or parse."""
    try:
        with tokenize.open(path) as handle:
            lines = handle.readlines()
        return lines, quiet_parse("".join(lines))
    except (SyntaxError, UnicodeDecodeError, ValueError, OSError, RecursionError, MemoryError):
        return None


def check_well_formed(results: list[tuple[int, int, str, type]], lines: list[str], where: str) -> None:
    for line, col, message, kind in results:
        code = message.split(" ", 1)[0]
        assert code in RULES, f"{where}: unknown code in {message!r}"
        assert isinstance(line, int) and 1 <= line <= max(len(lines), 1) + 1, f"{where}: line {line}"
        assert isinstance(col, int) and col >= 0, f"{where}: col {col}"
        assert kind is Plugin
        assert "\n" not in message, f"{where}: multi-line message"
        assert "internal error" not in message, f"{where}: {message}"


def run_plugin(lines: list[str], tree: ast.AST, filename: str, settings: Settings) -> list[tuple[int, int, str, type]]:
    previous = Plugin.settings
    Plugin.settings = settings
    try:
        return list(Plugin(tree, lines, filename).run())
    finally:
        Plugin.settings = previous


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = sample()
    if not found:
        pytest.skip("no library files found")
    return found


def test_sweep_standard_library_and_site_packages(files: list[Path]) -> None:
    start = time.monotonic()
    checked = 0
    for path in files:
        if SWEEP_SECONDS and time.monotonic() - start > SWEEP_SECONDS:
            break
        read = source_of(path)
        if read is None:
            continue
        lines, tree = read
        check_well_formed(run_plugin(lines, tree, str(path), SWEEP_SETTINGS), lines, str(path))
        checked += 1
    # Enough files for the sweep to mean something (this machine checks about 10 a second).
    assert checked >= min(20, len(files)), checked


def test_sweep_with_a_request_appended(files: list[Path]) -> None:
    # The same code, now with an Azure OpenAI request in it: exercises request finding and the rules too.
    start = time.monotonic()
    checked = 0
    for path in files[::7]:
        if SWEEP_SECONDS and time.monotonic() - start > SWEEP_SECONDS / 3:
            break
        read = source_of(path)
        if read is None:
            continue
        lines, _ = read
        text = HEAD + "".join(lines) + TAIL
        try:
            tree = quiet_parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue  # e.g. a file ending inside a line continuation
        lines = text.splitlines(keepends=True)
        check_well_formed(run_plugin(lines, tree, str(path), Settings()), lines, str(path))
        checked += 1
    assert checked >= 1, checked


# ---------------------------------------------------------------------------------------------- fuzzing

try:
    import hypothesmith
    from hypothesis import HealthCheck, assume, given, settings
    from hypothesis import strategies as st
except ImportError:  # the sweep above still runs; the fuzz tests below are skipped
    hypothesmith = None


def parsed(source: str) -> Iterator[tuple[list[str], ast.AST]]:
    try:
        tree = quiet_parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    yield source.splitlines(keepends=True), tree


if hypothesmith is not None:
    FUZZ = settings(
        max_examples=int(os.environ.get("AFR_FUZZ_EXAMPLES", "60")),
        deadline=None,  # the plugin's own time budget bounds each example
        derandomize=True,  # the same examples on every CI run: a failure is reproducible
        suppress_health_check=list(HealthCheck),
        database=None,
    )

    @pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles odd but valid code
    @FUZZ
    @given(source=hypothesmith.from_grammar(), wrap=st.booleans())
    def test_fuzz_generated_programs(source: str, wrap: bool) -> None:
        text = HEAD + source + TAIL if wrap else source
        found = list(parsed(text))
        assume(found)
        for lines, tree in found:
            check_well_formed(run_plugin(lines, tree, "fuzz.py", SWEEP_SETTINGS), lines, repr(text[:200]))

    @pytest.mark.filterwarnings("ignore::SyntaxWarning")
    @FUZZ
    @given(source=hypothesmith.from_node())
    def test_fuzz_generated_syntax_trees(source: str) -> None:
        found = list(parsed(HEAD + source + TAIL))
        assume(found)
        for lines, tree in found:
            check_well_formed(run_plugin(lines, tree, "fuzz.py", SWEEP_SETTINGS), lines, repr(source[:200]))
else:

    def test_fuzz_needs_hypothesmith() -> None:
        require_module("hypothesmith")  # skips locally when missing, fails in CI (helpers.require)
