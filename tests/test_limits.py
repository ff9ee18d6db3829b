"""Bounded work per file: each limit, the exact message users see, and hostile shapes end to end.

The hostile shapes are the ones measured in docs/limits.md: each would make libcst raise RecursionError, take
many seconds, or crash the process.  They must finish fast with one AFR900 naming the limit and its option
(or, for shapes that Python's own parser rejects, with flake8's own error and no traceback from us).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flake8_azure_frt import limits
from flake8_azure_frt.analysis import check_source
from flake8_azure_frt.settings import Limits, Settings

DEFAULTS = Limits()
# A request the checker reports (AFR106) when a file is within limits; it also makes the file a prefilter
# candidate, so that the limits are what stops the analysis.
HEAD = "from openai import AzureOpenAI\nclient = AzureOpenAI()\n"
TAIL = (
    'resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ['
    '{"type": "text", "text": "Who is the person in this photo?"}, {"type": "image_url", "image_url": {"url": u}}]}])\n'
)
FAST = 20.0  # seconds: the bound for any hostile file


def method_chain(calls: int) -> str:
    return HEAD + "r = client" + "".join(f".m{i}()" for i in range(calls)) + "\n" + TAIL


def nested_dict(levels: int) -> str:
    return HEAD + "x = " + '{"a": ' * levels + "1" + "}" * levels + "\n" + TAIL


def flat_list(items: int) -> str:
    return HEAD + "x = [" + ", ".join(str(i) for i in range(items)) + "]\n" + TAIL


def concatenation(terms: int, op: str = "+") -> str:
    return HEAD + "x = " + f" {op} ".join(f"a{i}" for i in range(terms)) + "\n" + TAIL


def implicit_concatenation(parts: int) -> str:
    return HEAD + "x = (\n" + "".join(f'    "line {i}\\n"\n' for i in range(parts)) + ")\n" + TAIL


def elif_chain(branches: int) -> str:
    body = "if a0:\n    pass\n" + "".join(f"elif a{i}:\n    pass\n" for i in range(1, branches))
    return HEAD + body + TAIL


def requests(count: int) -> str:
    return HEAD + "".join(f"u{i} = 'https://x/{i}.jpg'\n" + TAIL.replace("u}", f"u{i}}}") for i in range(count))


def reason(source: str, lim: Limits = DEFAULTS, tree: bool = True) -> str | None:
    return limits.check(source, ast.parse(source) if tree else None, lim)


def run(source: str, lim: Limits = DEFAULTS, tree: bool = True) -> tuple[list[tuple[int, str, str]], float]:
    start = time.monotonic()
    parsed = ast.parse(source) if tree else None
    found = check_source(source.splitlines(keepends=True), "hostile.py", parsed, Settings(limits=lim))
    return [(f.line, f.code, f.message) for f in found], time.monotonic() - start


def afr900(text: str) -> str:
    return f"AFR900 analysis incomplete: {text}"


# ---------------------------------------------------------------------------------------------- messages


def test_file_size_limit_message() -> None:
    source = HEAD + TAIL
    size = len(source.encode())
    assert reason(source, Limits(max_file_bytes=100)) == (
        f"file of {size} bytes larger than the limit of 100 (azure-frt-max-file-bytes)"
    )


def test_size_counts_utf8_bytes_not_characters() -> None:
    source = HEAD + "x = '" + "é" * 60 + "'\n" + TAIL
    assert reason(source, Limits(max_file_bytes=len(source))) is not None
    assert reason(source, Limits(max_file_bytes=len(source.encode()))) is None


def test_depth_limit_message_for_a_dict_nested_140_deep() -> None:
    # Assign (1) + 140 dicts + the innermost constant = 142 statements and expressions on the path.
    assert reason(nested_dict(140)) == "expression nesting 142 deeper than the limit of 100 (azure-frt-max-depth)"


def test_chain_limit_message_for_a_195_call_method_chain() -> None:
    # Every ``.name`` and every ``(...)`` is one link: 195 method calls are 390 links.
    assert reason(method_chain(195)) == (
        "attribute/call chain of 390 links longer than the limit of 200 (azure-frt-max-chain)"
    )


def test_operator_chain_message() -> None:
    assert reason(concatenation(300)) == (
        "operator chain of 300 operands longer than the limit of 200 (azure-frt-max-chain)"
    )


def test_boolean_chain_is_an_operator_chain() -> None:
    # ast keeps ``a and b and ...`` flat; libcst nests it pairwise and its native parser crashes at ~10,000.
    assert reason(concatenation(10_000, "and")) == (
        "operator chain of 10000 operands longer than the limit of 200 (azure-frt-max-chain)"
    )


def test_implicit_string_concatenation_message() -> None:
    assert reason(implicit_concatenation(300)) == (
        "implicit string concatenation of 300 parts longer than the limit of 200 (azure-frt-max-chain)"
    )


def test_elif_chain_message() -> None:
    assert reason(elif_chain(250)) == "if/elif chain of 250 branches longer than the limit of 200 (azure-frt-max-chain)"


def test_node_limit_message_for_a_100000_element_list() -> None:
    assert reason(flat_list(100_000)) == "more than 40000 syntax nodes (azure-frt-max-nodes)"


def test_without_a_tree_python_parser_failure_is_a_reason() -> None:
    # A 50,000-term concatenation: Python's own parser gives up (flake8 would report that itself).
    assert reason(concatenation(50_000), tree=False) == (
        "nesting too deep for Python's own parser (azure-frt-max-depth)"
    )


def test_without_a_tree_a_syntax_error_is_a_reason() -> None:
    assert reason("def broken(:\n", tree=False) == "Python could not parse the file (line 1): invalid syntax"
    # NUL bytes: a SyntaxError without a line on Python 3.11.4+, a ValueError before.
    assert (reason("x = 1\0\n", tree=False) or "").startswith("Python could not parse the file: ")


def test_without_a_tree_what_python_rejects_never_reaches_libcst() -> None:
    # libcst 1.9's native parser segfaults on 10,000 nested brackets, which Python rejects as a syntax error.
    # In a subprocess, so that a regression fails this test instead of killing the test run.
    code = (
        "from flake8_azure_frt.analysis import check_source\n"
        "src = 'from openai import AzureOpenAI\\nx = ' + '[' * 10000 + ']' * 10000 + '\\n'\n"
        "print([f.message for f in check_source(src.splitlines(True), 'x.py')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Python could not parse the file (line 2): too many nested parentheses" in out.stdout


def test_first_limit_in_a_fixed_order() -> None:
    both = HEAD + "x = " + '{"a": ' * 120 + "1" + "}" * 120 + "\n" + "r = client" + ".a" * 300 + "\n"
    assert reason(both) == "attribute/call chain of 300 links longer than the limit of 200 (azure-frt-max-chain)"


# ---------------------------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("source", "option"),
    [
        (nested_dict(140), {"max_depth": 150}),
        (method_chain(120), {"max_chain": 250}),
        (implicit_concatenation(250), {"max_chain": 260}),
        (flat_list(50_000), {"max_nodes": 60_000}),
    ],
)
def test_raising_the_option_lets_the_shape_through(source: str, option: dict[str, int]) -> None:
    assert reason(source) is not None
    assert reason(source, Limits(**option)) is None  # type: ignore[arg-type]


def test_limits_come_from_flake8_options(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text(nested_dict(60))
    out = flake8(tmp_path, "--azure-frt-max-depth=50", "deep.py")
    assert "expression nesting 62 deeper than the limit of 50 (azure-frt-max-depth)" in out.stdout


# ---------------------------------------------------------------------------------------------- measuring


def test_shapes_within_the_defaults_pass() -> None:
    for source in (
        nested_dict(90),
        method_chain(90),
        concatenation(150),
        implicit_concatenation(150),
        elif_chain(150),
        flat_list(30_000),
    ):
        assert reason(source) is None


def test_the_package_and_its_fixtures_are_within_the_defaults() -> None:
    root = Path(__file__).resolve().parents[1]
    files = sorted((root / "flake8_azure_frt").rglob("*.py")) + sorted((root / "fixtures").rglob("*.py"))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        if "# expect: AFR900" in source:
            continue  # a fixture that demonstrates a limit on purpose
        assert reason(source) is None, path


def test_measure_is_iterative() -> None:
    # 100,000 nested unary minus built directly: any recursive walk would raise RecursionError here.
    expr: ast.expr = ast.Constant(1)
    for _ in range(100_000):
        expr = ast.UnaryOp(ast.USub(), expr)
    tree = ast.Module([ast.Expr(expr)], [])
    shape = limits.measure(tree, Limits(max_nodes=10**6))
    assert shape.depth == 100_002 and shape.complete


def test_measure_counts_links_operands_parts_and_branches() -> None:
    source = 'r = a.b(c)[d].e\nx = a + b - c\ny = p or q or r or s\nz = ("one" "two" f"{x}" "four")\n'
    shape = limits.measure(ast.parse(source), Limits(max_chain=1), source)
    assert (shape.chain, shape.operands) == (4, 4)
    assert shape.parts == 4  # counted exactly once above the chain limit


def test_implicit_concatenation_with_comments_and_non_ascii() -> None:
    # Byte offsets (the ast's) differ from character offsets on this line; quotes inside comments don't count.
    source = 'x = "é"; y = (  # it\'s "tricky"\n' + "".join(f'    "ü{i}"  # don\'t\n' for i in range(30)) + ")\n"
    shape = limits.measure(ast.parse(source), Limits(max_chain=10), source)
    assert shape.parts == 30


def test_short_strings_are_not_scanned() -> None:
    source = 'x = "a" "b"\n' + "y = 'it''s'\n" * 1000
    shape = limits.measure(ast.parse(source), DEFAULTS, source)
    assert shape.parts == 1  # below the threshold, every literal counts as one part


def test_check_is_cheap_on_large_inputs() -> None:
    for source in (flat_list(100_000), implicit_concatenation(20_000), method_chain(1_000)):
        tree = ast.parse(source)
        start = time.monotonic()
        assert limits.check(source, tree, DEFAULTS) is not None
        assert time.monotonic() - start < 1.0


# ---------------------------------------------------------------------------------------------- end to end


HOSTILE = {
    "chain195": (lambda: method_chain(195), "attribute/call chain of 390 links longer than the limit of 200"),
    "dict140": (lambda: nested_dict(140), "expression nesting 142 deeper than the limit of 100"),
    "list100k": (lambda: flat_list(100_000), "more than 40000 syntax nodes"),
    "and10k": (lambda: concatenation(10_000, "and"), "operator chain of 10000 operands"),
    "implicit50k": (lambda: implicit_concatenation(50_000), "implicit string concatenation of 50000 parts"),
    "elif250": (lambda: elif_chain(250), "if/elif chain of 250 branches"),
    "requests3000": (lambda: requests(3_000), "more than 40000 syntax nodes"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_shape_through_check_source(name: str) -> None:
    make, expected = HOSTILE[name]
    found, elapsed = run(make())
    assert [(line, code) for line, code, _ in found] == [(1, "AFR900")]
    assert expected in found[0][2]
    assert elapsed < FAST


def test_concatenation_of_50000_terms_through_check_source() -> None:
    # No ast can be built (flake8 never calls us then); called directly, we refuse before libcst sees it.
    found, elapsed = run(concatenation(50_000), tree=False)
    assert found == [(1, "AFR900", afr900("nesting too deep for Python's own parser (azure-frt-max-depth)"))]
    assert elapsed < FAST


def test_many_requests_within_the_limits_give_findings_in_time() -> None:
    found, elapsed = run(requests(600))
    assert {code for _, code, _ in found} == {"AFR106"}
    assert len(found) == 600
    assert elapsed < FAST


def test_time_budget_stops_the_analysis() -> None:
    found, elapsed = run(requests(1_000), Limits(time_budget=0.2))
    assert [(line, code) for line, code, _ in found] == [(1, "AFR900")]
    assert "time budget of 0.2 s exceeded" in found[0][2]
    assert elapsed < FAST


def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select=AFR,E9", "-j1", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def flake8_failed_itself(out: subprocess.CompletedProcess[str]) -> bool:
    """flake8's own parser or pyflakes gave up first (RecursionError): flake8 stops and reports it itself."""
    text = out.stdout + out.stderr
    return '"pyflakes[F]" failed during execution' in text or "during ast construction" in text


def no_crash_from_us(out: subprocess.CompletedProcess[str]) -> None:
    assert out.returncode >= 0, f"flake8 was killed by signal {-out.returncode}"
    assert "flake8_azure_frt" not in out.stderr, out.stderr[-2000:]
    assert "flake8-azure-frt" not in out.stderr, out.stderr[-2000:]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_shape_through_flake8(tmp_path: Path, name: str) -> None:
    make, expected = HOSTILE[name]
    (tmp_path / "hostile.py").write_text(make())
    (tmp_path / "normal.py").write_text(HEAD + "u = 'https://x/1.jpg'\n" + TAIL)
    start = time.monotonic()
    out = flake8(tmp_path, "hostile.py", "normal.py")
    elapsed = time.monotonic() - start
    no_crash_from_us(out)
    if flake8_failed_itself(out):
        return  # pyflakes is at its own recursion edge on this shape; check_source covers ours above
    lines = out.stdout.splitlines()
    mine = [line for line in lines if line.startswith("hostile.py:")]
    assert len(mine) == 1, out.stdout[-2000:]
    assert mine[0].startswith("hostile.py:1:1: " + afr900("")) and expected in mine[0]
    # The plugin moves on: the next file is analysed as usual.
    assert any(line.startswith("normal.py:") and " AFR106 " in line for line in lines), out.stdout
    assert elapsed < FAST + 10  # flake8's own checks of a large file come on top of ours


@pytest.mark.parametrize(("terms", "op"), [(50_000, "+"), (3_000, "+"), (3_000, "-")])
def test_shapes_python_rejects_end_in_flake8s_own_error(tmp_path: Path, terms: int, op: str) -> None:
    # Python's own parser (or pyflakes) fails first on these; flake8 reports that, and nothing from us crashes.
    (tmp_path / "hostile.py").write_text(concatenation(terms, op))
    out = flake8(tmp_path, "hostile.py")
    no_crash_from_us(out)
    assert out.returncode != 0
    assert flake8_failed_itself(out), (out.stdout + out.stderr)[-2000:]


def test_docs_name_flake8s_own_limits_and_what_users_can_do() -> None:
    """Issue 13, item 6: limits no plugin can fix are documented, with the user's options."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")
    section = page.split("## flake8's own limits", 1)[1].split("\n## ", 1)[0]
    for needed in ("single-line", "Python 3.12", "tokenize", "extend-exclude", "timeout", "ulimit"):
        assert needed in section, needed
