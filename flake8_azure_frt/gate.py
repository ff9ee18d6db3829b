"""The screens before libcst, on flake8's own ``ast`` tree and on the project's cached texts.

By project (``reaches_a_request``, ``project_names_a_request``): can this file take part in a request at all?
Its own text or imports name one, a local module it imports does (three hops), or a file it reads may; and, one
look per worker, does any module or text file of the project name a request? By evidence
(``may_have_evidence``): a finding needs a purpose phrase or schema field in the module's strings and names,
police context or a face pipeline, or text that arrives from elsewhere (a file read, an environment value, a
local module that passes the same test). A module with none of these cannot produce an AFR1xx/AFR2xx finding of
its own; its requests may still be reached by callers in other files, which are analysed there.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cache
from typing import NamedTuple

from . import astread, lexicon, prefilter, project, surfaces
from .lexicon import literals
from .settings import Settings

# Context that can raise a finding without a purpose: law enforcement (AFR201/202; weak words count when several
# stand together). Galleries, watch lists, live and mobile cameras only ever qualify a purpose or police context
# (rules.md: AFR102/103/202 need one of those too), so on their own they are no reason to parse.
_CONTEXT = lexicon.SCREEN_CONTEXTS
_READS = surfaces.FILE_READS
_ENV = surfaces.ENV_READS
_FILE_SUFFIXES = surfaces.TEXT_FILE_SUFFIXES
_MAX_TEXT = 50_000  # more string text than this: the analysis, inside its time budget, reads it
_BODIES = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
_HOLE = " person "  # stands for any run-time value inside a prompt template
_FIELD = re.compile(r"\{[^{}\s]*\}|%[sdr]")


def may_have_evidence(tree: ast.AST, filename: str, settings: Settings) -> bool:
    if settings.law_enforcement:
        return True
    filename = os.path.abspath(filename)
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return _evidence_facts(tree).words
    # Cached with the facts of the modules other files import: a module checked after it was imported (or the
    # other way round) is walked once. flake8's tree is the tree ast.parse gives for the same text.
    known = ws.derived("evidence", filename, settings.limits.max_read_bytes, lambda path, text: _evidence_facts(tree))
    words, reads, imports = known if known is not None else _evidence_facts(tree)
    if words:
        return True
    # Prompts or settings read from project files, or from a .env file: only if some text file has the words.
    if reads and _project_texts(ws, settings)[1]:
        return True
    return _local_modules_have_evidence(ws, imports, filename, settings)


class _Facts(NamedTuple):
    words: bool  # purpose, field, context or face-pipeline words in the module's strings and names
    reads: bool  # reads a file named in the code, or the environment (text that arrives from elsewhere)
    imports: list[tuple[str, int]]


def _evidence_facts(tree: ast.AST) -> _Facts:
    """What one module's tree can supply by itself (the same test for the checked file and the local modules
    it imports)."""
    docstrings: set[int] = set()
    strings: list[str] = []
    names: list[str] = []
    imports: list[tuple[str, int]] = []
    chains: set[tuple[str, ...]] = set()
    bound: astread.Bound = {}
    reads = env = False
    for node in astread.nodes(tree):  # breadth first: a body's docstring is noted before it is visited
        kind = type(node)  # exact-type dispatch: this loop runs once per node of every candidate file
        if kind is ast.Constant:
            value = node.value  # type: ignore[attr-defined]
            if type(value) is str and id(node) not in docstrings:
                strings.append(value)
        elif kind is ast.JoinedStr:
            # An f-string's holes are filled at run time: a placeholder word keeps its phrase matchable.
            strings.append(
                "".join(
                    part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else _HOLE
                    for part in node.values  # type: ignore[attr-defined]
                )
            )
        elif kind is ast.Name:
            names.append(node.id)  # type: ignore[attr-defined]
        elif kind is ast.Attribute:
            names.append(node.attr)  # type: ignore[attr-defined]
            env = env or node.attr == surfaces.ENV_MAPPING  # type: ignore[attr-defined]
            chain = _dotted(node)  # type: ignore[arg-type]
            if chain is not None:
                chains.add(chain)
        elif kind in _BODIES:
            _note_docstring(node, docstrings)  # type: ignore[arg-type]
            if kind is not ast.Module:
                names.append(node.name)  # type: ignore[attr-defined]
            if kind is ast.ClassDef and any("BaseSettings" in ast.unparse(b) for b in node.bases):  # type: ignore[attr-defined]
                env = True  # pydantic settings read the environment (the project's .env) by field name
        elif kind is ast.BinOp and isinstance(node.op, ast.Add):  # type: ignore[attr-defined]
            # "Who is the per" + "son in this photo?": the joined text, as the analysis will see it
            parts = _added_strings(node)  # type: ignore[arg-type]
            if parts:
                strings.append("".join(parts))
        elif kind is ast.arg:
            names.append(node.arg)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            called = _called(node.func)  # type: ignore[attr-defined]
            reads = reads or called in _READS
            env = env or called in _ENV
        elif kind is ast.Import or kind is ast.ImportFrom:
            imports += astread.import_targets(node)  # type: ignore[arg-type]  # in functions and try blocks too
            astread.bind(node, bound)  # type: ignore[arg-type]
    files = reads and ("__file__" in names or any(s.lower().endswith(_FILE_SUFFIXES) for s in strings))
    return _Facts(_has_words(strings, names), files or env, imports + astread.submodules(bound, chains))


def _has_words(strings: list[str], names: list[str]) -> bool:
    # ``.format``/``%`` templates: their fields are filled at run time, like f-string holes.
    joined = " ".join(dict.fromkeys(strings))
    if len(joined) > _MAX_TEXT:
        return True  # too much text to screen cheaply: let the analysis (and its limits) decide
    text = _FIELD.sub(_HOLE, joined)
    if lexicon.may_ask_purpose(text):
        return True
    words = [lexicon.identifier_words(n) for n in set(names)]
    if lexicon.any_field("\n".join(words)):
        return True
    context = text + "\n" + ". ".join(w for w in words if " " in w)
    if any(lexicon.find_contexts(context, _CONTEXT, limit=len(context)).values()):
        return True
    low_names = " ".join(set(names)).lower()
    return any(stem in low_names for stem in _face_stems())


@cache
def _face_stems() -> tuple[str, ...]:
    """Stems of local face-pipeline calls (detectors, matchers), derived from the surface tables."""
    return literals.word_stems([surfaces.FACE_DETECTORS.pattern, surfaces.FACE_MATCHERS.pattern])


def _note_docstring(node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, out: set[int]) -> None:
    """Docstrings are not prompts, except a dspy Signature's, which *is* the prompt."""
    if isinstance(node, ast.ClassDef) and any("Signature" in ast.unparse(b) for b in node.bases):
        return
    if node.body:
        first = node.body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            out.add(id(first.value))


def _called(func: ast.expr) -> str:
    """The last name of a called expression: ``open``, ``Path(p).read_text`` → ``read_text``."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _dotted(node: ast.Attribute) -> tuple[str, ...] | None:
    """``app.prompts.PROMPT`` as (app, prompts, PROMPT), for a chain of at most five names rooted at a name."""
    parts = [node.attr]
    value = node.value
    while isinstance(value, ast.Attribute) and len(parts) < 5:
        parts.append(value.attr)
        value = value.value
    return (value.id, *reversed(parts)) if isinstance(value, ast.Name) else None


def _local_modules_have_evidence(
    ws: project.Workspace, imports: list[tuple[str, int]], filename: str, settings: Settings
) -> bool:
    """A name imported from a local module may carry the prompt or the context: the module passes the same test
    as the checked file (its own tree's facts, parsed with ``ast`` once per worker)."""
    cap = settings.limits.max_read_bytes
    for name, level in imports:
        # The one resolver (project.Workspace): never a path outside the root, each file parsed once.
        path = ws.module(name, filename, level)
        facts = ws.derived("evidence", path, cap, _module_facts) if path is not None else None
        if facts is not None and (facts.words or (facts.reads and _project_texts(ws, settings)[1])):
            return True
    return False


def _module_facts(path: str, text: str) -> _Facts:
    try:
        return _evidence_facts(ast.parse(text))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _Facts(True, True, [])  # cannot tell: as if it could


# Imports and calls as they appear in a module's text (the screen reads text, not a tree: a Python-level walk
# of the tree cost more than everything else the screen does). Parenthesised names may span lines; a statement
# may follow a semicolon. Text inside strings or comments may match too, which only widens the screen.
_IMPORT = re.compile(
    r"(?:^|;)[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[\w, \t.*]+)|import[ \t]+([\w., \t]+))",
    re.M,
)
_READ_CALL = re.compile(r"\b(?:" + "|".join(sorted(_READS | _ENV)) + r")\s*\(")
_MAX_MEMO = 50_000  # (module, hops) answers kept per worker


def reaches_a_request(filename: str, settings: Settings, source: str) -> bool:
    """Screen by project: can this file take part in a request at all? Its own text marks one (an endpoint path,
    a request-shaped call), it imports a surface's package, it reads files or the environment while some text file
    of the project (a prompt, settings, prompty or .env file) names a request, or a local module it imports does
    one of these, directly or through that module's own imports (three hops at most). A file that does none of
    these cannot produce a finding; what each module and the project's text files say is cached per worker."""
    if settings.law_enforcement or prefilter.marks_request(lexicon.fold(source)):
        return True
    filename = os.path.abspath(filename)  # flake8 names files from its working folder, not from the root
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return True
    targets = text_imports(source)
    if _imports_a_surface(targets):
        return True
    if _reads_outside(source) and _project_texts(ws, settings)[0]:
        return True
    if not project_names_a_request(filename, settings):
        return False  # no module or text file of the project names a request: no import can lead to one
    memo: project.Memo[tuple[str, int], bool] = ws.fact("reach-memo", lambda: project.Memo(_MAX_MEMO))
    return any(_module_reaches(ws, name, level, filename, settings, 2, memo) for name, level in targets)


def project_names_a_request(filename: str, settings: Settings) -> bool:
    """Does any Python module or text file of the project name a request? When none does, a file without a
    request of its own cannot reach one, and no import needs resolving. One look per worker (the modules' facts
    are the ones the import search reads); a file outside the listed folders, or a project too large to list,
    is answered yes."""
    filename = os.path.abspath(filename)
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None or not ws.lists(filename):
        return True

    def look() -> bool:
        files = ws.importable_files()
        if files is None or _project_texts(ws, settings)[0]:
            return True
        cap = settings.limits.max_read_bytes
        return any(ws.derived("names", path, cap, _names_a_request) is not False for path in files)

    return ws.fact("names-a-request", look)


def _imports_a_surface(targets: list[tuple[str, int]]) -> bool:
    return any(level == 0 and name.split(".")[0] in surfaces.REQUEST_PACKAGES for name, level in targets)


def _module_reaches(
    ws: project.Workspace,
    name: str,
    level: int,
    from_file: str,
    settings: Settings,
    hops: int,
    memo: project.Memo[tuple[str, int], bool],
) -> bool:
    """Does the local module ``name`` reach a request within ``hops`` more imports? Memoised per worker by
    (module, hops): each module's answer is shared by every file that imports it. Hops strictly decrease, so an
    import cycle ends without a visited set."""
    path = ws.module(name, from_file, level)
    if path is None:
        return False

    def reaches() -> bool:
        cap = settings.limits.max_read_bytes
        facts = ws.derived("reach", path, cap, _reach_facts)
        return facts is not None and (
            bool(ws.derived("names", path, cap, _names_a_request))
            or (facts[0] and _project_texts(ws, settings)[0])
            or (hops > 0 and any(_module_reaches(ws, n, i, str(path), settings, hops - 1, memo) for n, i in facts[1]))
        )

    return memo.lookup((str(path), hops), reaches)


def _names_a_request(path: str, text: str) -> bool:
    """Does a module's text mark a request or import a surface's package?"""
    if prefilter.marks_request(lexicon.fold(text)):
        return True
    # The imports are read only where a package's name occurs at all (substring scans are C-fast; reading
    # every import of every module of a large project is not).
    return any(p in text for p in surfaces.REQUEST_PACKAGES) and _imports_a_surface(text_imports(text))


def _reach_facts(path: str, text: str) -> tuple[bool, list[tuple[str, int]]]:
    """Does a module's text read files or the environment (where an endpoint may be); which modules does it
    import."""
    return _reads_outside(text), text_imports(text)[:64]


def _reads_outside(text: str) -> bool:
    """Does the text read a file, the environment or a prompty template (calls named in the surface tables)?"""
    return surfaces.ENV_MAPPING in text or "prompty" in text or _READ_CALL.search(text) is not None


def text_imports(text: str) -> list[tuple[str, int]]:
    """(module name, relative level) of every import in a module's text; ``from app import prompts`` also gives
    the submodule ``app.prompts``, and ``import app`` … ``app.vision.ask(...)`` the submodules ``app.vision`` and
    ``app.vision.ask`` (a package's submodule is reached through attributes, not named by the import)."""
    imports: list[tuple[str, int]] = []
    bound: dict[str, list[tuple[str, int]]] = {}  # local name -> what it stands for
    for m in _IMPORT.finditer(text):
        if m.group(3):
            for item in (n.split() for n in m.group(3).split(",") if n.strip()):
                imports.append((item[0], 0))
                local = item[2] if len(item) > 2 and item[1] == "as" else item[0].split(".")[0]
                bound.setdefault(local, []).append((item[0] if len(item) > 2 else local, 0))
            continue
        dots = len(m.group(1)) - len(m.group(1).lstrip("."))
        base = m.group(1)[dots:]
        items = [n.split() for n in m.group(2).strip("()").replace("\n", ",").split(",") if n.strip()]
        imports += [(base, dots)] if base else []
        for item in items:
            if item[0] == "*" or item[0].startswith("#"):
                continue
            full = f"{base}.{item[0]}" if base else item[0]
            imports.append((full, dots))
            local = item[2] if len(item) > 2 and item[1] == "as" else item[0]
            bound.setdefault(local, []).append((full, dots))
    if bound:
        uses = re.compile(r"\b(" + "|".join(map(re.escape, bound)) + r")((?:\.[A-Za-z_]\w*){1,4})")
        for root, chain in dict.fromkeys(uses.findall(text)):
            parts = chain[1:].split(".")
            for full, level in bound[root]:
                imports += [(".".join([full, *parts[:cut]]), level) for cut in range(1, len(parts) + 1)]
    return list(dict.fromkeys(imports))


def _project_texts(ws: project.Workspace, settings: Settings) -> tuple[bool, bool]:
    """(does a text file of the project name a request, does one hold purpose or police words): the files code
    may read as prompts, settings or ``.env``. One bounded look per worker; too many files to look at: (True,
    True), as if they did."""

    def look() -> tuple[bool, bool]:
        files = ws.readable_files()
        if files is None:
            return True, True
        cap = settings.limits.max_read_bytes
        names = words = False
        for path in files:
            facts = ws.derived("text-facts", path, cap, _text_facts)
            if facts is not None:
                names, words = names or facts[0], words or facts[1]
            if names and words:
                break
        return names, words

    return ws.fact("project-texts", look)


def _text_facts(path: str, text: str) -> tuple[bool, bool]:
    """(names a request, holds purpose or police words) for a file code may read. The words are the lexicon's
    phrases, read over the whole text as the gate reads a module's strings, not the screens' stems (one of
    which nearly every README holds)."""
    if "\x00" in text[:8192]:
        return False, False  # binary (an image, an archive): git's test; no prompt or endpoint is written there
    low = lexicon.fold(text)
    words = prefilter.sharp(low)
    if words:
        prose = _FIELD.sub(_HOLE, text)
        words = lexicon.may_ask_purpose(prose) or any(lexicon.find_contexts(prose, _CONTEXT, limit=len(prose)).values())
    return prefilter.names_request(low), words


def _added_strings(node: ast.BinOp) -> list[str] | None:
    """The string constants of a ``+`` chain, in order; None when a part is not a string constant."""
    parts: list[str] = []
    stack: list[ast.expr] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
            stack += [item.right, item.left]
        elif isinstance(item, ast.Constant) and isinstance(item.value, str):
            parts.append(item.value)
        else:
            return None
    return parts
