"""Second, still cheap stage before libcst: can this module supply any evidence at all?

It reads flake8's own ``ast`` tree (already built, so free) instead of parsing again with libcst. A finding
needs purpose or context evidence: a purpose phrase or schema field in the module's strings and names, police,
camera or face-pipeline context, or text that arrives from elsewhere (a file read, an environment value, a
local module whose text has purpose words). A module with none of these cannot produce an AFR1xx/AFR2xx
finding of its own; its requests may still be reached by callers in other files, which are analysed there.
"""

from __future__ import annotations

import ast
import re

from . import lexicon, prefilter, project
from .settings import Settings

_CONTEXT = ("police", "gallery", "mobile", "live")
_READS = frozenset({"open", "read_text", "safe_load", "load", "from_prompty", "get_template", "read_file"})
_ENV = frozenset({"getenv", "dotenv_values", "load_dotenv"})
_FILE_SUFFIXES = (".txt", ".md", ".j2", ".jinja", ".jinja2", ".prompty", ".yaml", ".yml", ".json", ".toml", ".ini",
                  ".cfg", ".env")  # fmt: skip
_MAX_TEXT = 200_000
_BODIES = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
_HOLE = " person "  # stands for any run-time value inside a prompt template
_FIELD = re.compile(r"\{[^{}\s]*\}|%[sdr]")


def may_have_evidence(tree: ast.AST, filename: str, settings: Settings) -> bool:
    if settings.law_enforcement:
        return True
    docstrings: set[int] = set()
    strings: list[str] = []
    names: list[str] = []
    reads = env = False
    for node in ast.walk(tree):  # breadth first: a body's docstring is noted before it is visited
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
        elif kind in _BODIES:
            _note_docstring(node, docstrings)  # type: ignore[arg-type]
            if kind is not ast.Module:
                names.append(node.name)  # type: ignore[attr-defined]
        elif kind is ast.arg:
            names.append(node.arg)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            reads = reads or called in _READS
            env = env or called in _ENV
        elif isinstance(node, ast.Attribute) and node.attr == "environ":
            env = True
    # Prompts or settings read from project files, or from a .env file: let the full analysis read them.
    if reads and ("__file__" in names or any(s.lower().endswith(_FILE_SUFFIXES) for s in strings)):
        return True
    if env and _has_env_file(filename, settings):
        return True
    # ``.format``/``%`` templates: their fields are filled at run time, like f-string holes.
    text = _FIELD.sub(_HOLE, " ".join(dict.fromkeys(strings))[:_MAX_TEXT])
    if lexicon.find_purposes(text, loose=True):
        return True
    words = [lexicon.identifier_words(n) for n in set(names)]
    if lexicon.any_field("\n".join(words)):
        return True
    context = text + "\n" + ". ".join(w for w in words if " " in w)
    if any(lexicon.find_context(context, c) for c in _CONTEXT):
        return True
    if _FACE_CALLS.intersection(names):
        return True
    return _local_modules_have_words(tree, filename, settings)


# Callables of local face pipelines (detectors and matchers), by their last name.
_FACE_CALLS = frozenset(
    {"face_locations", "face_landmarks", "face_encodings", "compare_faces", "face_distance", "FaceDetection",
     "face_detection", "face_mesh", "extract_faces", "detectFace", "MTCNN", "detect_faces", "FaceAnalysis",
     "FaceDetectorYN", "detect_with_stream", "detect_with_url", "FaceClient", "detectMultiScale",
     "CascadeClassifier", "get_frontal_face_detector", "cnn_face_detection_model_v1", "DeepFace",
     "identify_from_person_group", "verify_face_to_face", "find_similar", "compute_face_descriptor"}
)  # fmt: skip


def _note_docstring(node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, out: set[int]) -> None:
    """Docstrings are not prompts, except a dspy Signature's, which *is* the prompt."""
    if isinstance(node, ast.ClassDef) and any("Signature" in ast.unparse(b) for b in node.bases):
        return
    if node.body:
        first = node.body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            out.add(id(first.value))


def _local_modules_have_words(tree: ast.AST, filename: str, settings: Settings) -> bool:
    """A name imported from a local module may carry the prompt: look at that module's text, cheaply."""
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    if ws is None:
        return False
    cap = settings.limits.max_read_bytes
    for node in ast.iter_child_nodes(tree) if isinstance(tree, ast.Module) else ():
        targets: list[tuple[str, int]] = []
        if isinstance(node, ast.ImportFrom):
            if node.module:
                targets.append((node.module, node.level))
            else:
                targets += [(a.name, node.level) for a in node.names]
        elif isinstance(node, ast.Import):
            targets += [(a.name, 0) for a in node.names]
        for name, level in targets:
            # The one resolver (project.Workspace): never a path outside the root, each file scanned once.
            path = ws.module(name, filename, level)
            if path is not None and ws.derived("sharp", path, cap, _has_words):
                return True
    return False


def _has_words(path: str, text: str) -> bool:
    return prefilter.sharp(text.lower())


def _has_env_file(filename: str, settings: Settings) -> bool:
    ws = project.workspace_for(filename, settings.project_root, settings.config_root)
    return ws is not None and bool(ws.env_files(filename))
