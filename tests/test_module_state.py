"""No function mutates a module-level name: state about inputs lives in the project model (project.Worker).

A worker checks many files, possibly on several threads; a module dict or set that functions fill is state no
one owns (never bounded, never cleared with the rest, shared across threads by accident). The caches belong to
the one project model object, which is passed on explicitly; this test finds any function that writes to a
module-level name directly: a ``global`` statement, an assignment to an item or attribute of it, or a call of
a mutating method on it (``NAME.add(...)``, ``NAME.attr.clear()``).
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from flake8_azure_frt import project

PACKAGE = Path(__file__).resolve().parents[1] / "flake8_azure_frt"

MUTATORS = frozenset(
    {
        "add",
        "append",
        "clear",
        "discard",
        "extend",
        "insert",
        "move_to_end",
        "pop",
        "popitem",
        "remove",
        "setdefault",
        "update",
    }
)

# (module, name): why a function may write to it.  Keep this short.
ALLOWED = {
    # The owner: the project model of the worker process (flake8 hands a plugin no object that lives as long as
    # a worker).  Its caches are bounded and locked inside its own methods; functions only call those methods.
    ("project", "_WORKER"): "the project model",
    # The plan of each libcst node type for the index walk: derived from libcst's code, never from a checked
    # file or an option, so it is the same in every worker and for every input (a memo of code, not state).
    ("index", "_PLANS"): "per-node-type plan, derived from code",
    # When the next full garbage collection is due: it schedules the interpreter's collector, which is itself
    # process-wide (gc.freeze), so its counter is too; nothing in it depends on what is checked.
    ("gcpolicy", "_state"): "the process-wide collector's schedule",
}


def _base(node: ast.expr) -> str | None:
    """The name an attribute/item chain starts from: ``a`` for ``a.b[c].d``."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for stmt in tree.body:
        for node in ast.walk(stmt) if isinstance(stmt, (ast.If, ast.Try)) else [stmt]:
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def _locals(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    args = fn.args
    out = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
    out |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add(node.id)
    return out


Write = tuple[int, str, str]  # line, module-level name, what the function does to it


def _writes(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, module_names: set[str]) -> list[Write]:
    shadowed = _locals(fn)
    out: list[Write] = []

    def hit(target: ast.expr) -> str | None:
        name = _base(target)
        return name if name in module_names and name not in shadowed else None

    for node in ast.walk(fn):
        if isinstance(node, ast.Global):
            out += [(node.lineno, name, f"global {name}") for name in node.names]
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, (ast.Attribute, ast.Subscript)) and (name := hit(part)):
                        out.append((node.lineno, name, f"assignment into {name}"))
                        break
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            if name := hit(node.func.value):
                out.append((node.lineno, name, f"{ast.unparse(node.func)}()"))
    return sorted(out)


def module_state_writes() -> list[str]:
    found: list[tuple[str, int, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _module_names(tree)
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            for line, name, what in _writes(fn, names):
                if (module, name) not in ALLOWED:
                    found.append((str(path.relative_to(PACKAGE.parent)), line, what))
    return [f"{path}:{line}: {what}" for path, line, what in sorted(set(found))]


def test_no_function_writes_module_level_state() -> None:
    assert module_state_writes() == []


def test_the_check_sees_each_kind_of_write(tmp_path: Path) -> None:
    """The detector itself: each way of writing a module-level name is reported, locals are not."""
    source = (
        "_D = {}\n_S = set()\n_L = [0]\nclass _O: pass\n_OBJ = _O()\n"
        "def f(x):\n"
        "    global _N\n"
        "    _D['k'] = x\n"
        "    _L[0] += 1\n"
        "    _S.add(x)\n"
        "    _OBJ.field = 1\n"
        "    _OBJ.cache.clear()\n"
        "def g(_D):\n"
        "    _D['k'] = 1\n"  # a parameter shadows the module name
        "    local = {}\n"
        "    local.update(_D)\n"
    )
    tree = ast.parse(source)
    names = _module_names(tree)
    fns = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert [what for _, _, what in _writes(fns[0], names)] == [
        "global _N",
        "assignment into _D",
        "assignment into _L",
        "_S.add()",
        "assignment into _OBJ",
        "_OBJ.cache.clear()",
    ]
    assert _writes(fns[1], names) == []


def test_the_models_deadline_and_refusal_belong_to_each_thread() -> None:
    """A cached module's evaluator calls ``Worker.tick``: it must answer to the deadline of its own thread's file."""
    model = project.Worker()

    def out_of_time() -> None:
        raise TimeoutError

    seen: list[str] = []

    def other_thread() -> None:
        for _ in range(1024):
            model.tick()  # no budget in this thread: never raises
        seen.append(str(model.last_refusal()))

    with model.budget(out_of_time):
        model.refuse(project.Refusal(project.MISSING, "here"))
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        with pytest.raises(TimeoutError):
            for _ in range(256):
                model.tick()
    model.check_deadline()  # the budget is over
    assert seen == ["None"]
    assert model.last_refusal() == project.Refusal(project.MISSING, "here")


def test_model_caches_are_bounded() -> None:
    memo: project.Memo[int, int | None] = project.Memo(3)
    for n in range(10):
        memo.lookup(n, lambda: None)
    assert memo.lookup(9, lambda: 1) is None  # a cached None is a hit
    assert [memo.get(n) for n in (0, 6)] == [None, None] and memo.lookup(6, lambda: 6) == 6  # 6 was dropped
