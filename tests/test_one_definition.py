"""Each kind of knowledge has one definition in the package (issue 15): evidence kinds, purpose → code."""

from __future__ import annotations

import ast
from pathlib import Path

from flake8_azure_frt.findings import EvidenceKind
from flake8_azure_frt.lexicon.table import PURPOSES
from flake8_azure_frt.registry import PURPOSE_CODES, RULES
from flake8_azure_frt.rules import PREDICATES

PACKAGE = Path(__file__).resolve().parents[1] / "flake8_azure_frt"
# Modules that render docs: a kind named in their text is prose (a rule page, the vocabulary page's titles).
# The generated stems table holds screen words (a stem may spell a kind: "blur"), not kinds.
_DOCS = {"docs_gen.py", "docs_examples.py", "lexicon/page.py", "lexicon/stems_table.py"}
# The same word in another sense, by module; each is a reason, not an evidence kind written twice.
_OTHER_SENSES = {
    ("lexicon/table.py", "blur"): "the name of the context concept (its kind is context.KINDS['blur'])",
    ("inventory.py", "blur"): "the name of the RequestEvidence attribute",
    ("requests.py", "request"): "an HTTP method name (requests.request)",
    ("surfaces.py", "request"): "an HTTP method name",
    ("formatters/github.py", "request"): "the report's label for the place of the request call",
    ("formatters/rdjson.py", "request"): "the report's label for the place of the request call",
    ("formatters/sarif.py", "request"): "the report's label for the place of the request call",
    ("formatters/cyclonedx.py", "request"): "a CycloneDX property name",
}


def _is_kind(text: str) -> bool:
    """A kind's text, alone or composed with a detail: ``image input, url``, ``police context (ORI)``."""
    return any(text == k or text.startswith((f"{k}, ", f"{k} (", f"{k}: ")) for k in map(str, EvidenceKind))


def _bare_kinds(root: Path) -> list[str]:
    """String literals in ``root`` that spell an evidence kind, outside the enum and outside keys and indexes
    (a dict key or subscript names a field or a category, such as ``"request"`` in ``to_dict``)."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in _DOCS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == EvidenceKind.__name__:
                skip.update(id(n) for n in ast.walk(node))
            elif isinstance(node, ast.Dict):
                skip.update(id(k) for k in node.keys if k is not None)
            elif isinstance(node, ast.Subscript):
                skip.add(id(node.slice))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
                skip.update(id(a) for a in node.args[:1])  # data.get("request"): a key too
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and _is_kind(node.value)
                and (rel, node.value) not in _OTHER_SENSES
            ):
                found.append((rel, node.lineno, node.value))
    return [f"{rel}:{line}: {value!r}" for rel, line, value in sorted(found)]


def test_evidence_kinds_are_written_once() -> None:
    """A kind is an ``EvidenceKind`` member wherever the package makes or compares one, so that a kind renamed
    in the enum is renamed in every message, lead and report at once."""
    assert _bare_kinds(PACKAGE) == []


def test_the_scan_finds_a_bare_kind(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(
        "a = Evidence('face crop', 1)\n"
        "b = f'image input, {how}'\n"
        "c = 'police context (ORI)'\n"
        "d = {'blur': 1}['blur']\n"  # a category name as a key and an index
        "e = 'face crops'\n",  # another word
        encoding="utf-8",
    )
    assert _bare_kinds(tmp_path) == [
        "mod.py:1: 'face crop'",
        "mod.py:2: 'image input, '",
        "mod.py:3: 'police context (ORI)'",
    ]


def test_each_other_sense_is_still_there() -> None:
    """An exemption whose word is gone from its module is stale: it would hide a bare kind written later."""
    for rel, word in _OTHER_SENSES:
        tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
        assert any(isinstance(n, ast.Constant) and n.value == word for n in ast.walk(tree)), (rel, word)


def test_every_purpose_has_one_code_in_the_registry() -> None:
    assert set(PURPOSE_CODES) == set(PURPOSES)
    assert len(set(PURPOSE_CODES.values())) == len(PURPOSE_CODES)
    assert set(PURPOSE_CODES.values()) <= set(RULES)


def test_each_purpose_code_has_its_predicate() -> None:
    """rules.py builds the purpose predicates from the map: one per code, in code order like the others."""
    assert set(PURPOSE_CODES.values()) <= set(PREDICATES)
    assert list(PREDICATES) == sorted(PREDICATES)
