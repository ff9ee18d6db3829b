"""Tests generated from the vocabulary's own examples (lexicon/<lang>.py ``examples``).

Every must-match sentence of every concept in every language is put in several program shapes (literal in the
call, module constant, f-string, prompt file, a wrapper in another module called with it) and must raise the
concept's code on the right line; every must-not sentence must stay silent. The same programs run with the
prefilter and gate on and off and must give the same findings: the screens are derived from the lexicon, and
this is the property that says so for every phrase. Adding an example to a language table adds its tests.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from flake8_azure_frt import analysis, gate, lexicon, prefilter
from flake8_azure_frt.lexicon import literals
from flake8_azure_frt.lexicon.table import CONTEXTS, NONE, PURPOSES
from flake8_azure_frt.registry import PURPOSE_CODES
from flake8_azure_frt.settings import Settings

PROHIBITED = set(PURPOSE_CODES.values()) | {"AFR101", "AFR102", "AFR103"}


def _examples() -> Iterator[tuple[str, str, str]]:
    for lang in lexicon.LANGUAGES:
        for concept, sentences in lang.examples.items():
            for sentence in sentences:
                yield lang.code, concept, sentence


EXAMPLES = list(_examples())
PURPOSE_EXAMPLES = [e for e in EXAMPLES if e[1] in PURPOSES]
NONE_EXAMPLES = [e for e in EXAMPLES if e[1] == NONE]
CONTEXT_EXAMPLES = [e for e in EXAMPLES if e[1] in CONTEXTS]


def _id(example: tuple[str, str, str]) -> str:
    return f"{example[0]}-{example[1]}-{example[2][:40]}"


# ----------------------------------------------------------------------------------------------- the tables
def test_every_language_has_every_concept_with_examples() -> None:
    assert {lang.code for lang in lexicon.LANGUAGES} == {"en", "es", "fr", "de", "pt", "it", "nl", "ja"}
    for lang in lexicon.LANGUAGES:
        assert set(lang.purposes) == set(PURPOSES), lang.code
        for concept in (*PURPOSES, NONE, "police"):
            assert lang.examples.get(concept), f"{lang.code}: no example for {concept}"
        for concept in ("police", "gallery", "mobile", "live", "blur", "watchlist"):
            assert concept in lang.context, f"{lang.code}: no {concept} context"
        assert lang.refusal != r"(?!x)x", f"{lang.code}: no refusal phrases"


def test_every_pattern_has_a_screen_stem() -> None:
    """A pattern without a literal every match contains would force the screens open; none may exist."""
    for lang in lexicon.LANGUAGES:
        patterns = [p for pats in lang.purposes.values() for p, _ in pats] + list(lang.fields.values())
        patterns += [lang.context[c] for c in lexicon.SCREEN_CONTEXTS if c in lang.context] + [lang.visual]
        for pattern in patterns:
            assert literals.word_stems([pattern]), pattern


@pytest.mark.parametrize("example", PURPOSE_EXAMPLES, ids=_id)
def test_purpose_example_matches(example: tuple[str, str, str]) -> None:
    _, concept, sentence = example
    assert concept in {h.category for h in lexicon.find_purposes(sentence)}


@pytest.mark.parametrize("example", NONE_EXAMPLES, ids=_id)
def test_none_example_matches_nothing(example: tuple[str, str, str]) -> None:
    _, _, sentence = example
    assert lexicon.find_purposes(sentence) == []
    assert lexicon.find_context(sentence, "police") is None


@pytest.mark.parametrize("example", CONTEXT_EXAMPLES, ids=_id)
def test_context_example_matches(example: tuple[str, str, str]) -> None:
    _, concept, sentence = example
    assert lexicon.find_context(sentence, concept)


@pytest.mark.parametrize("example", PURPOSE_EXAMPLES, ids=_id)
def test_screens_pass_every_example(example: tuple[str, str, str]) -> None:
    """The derived stems let every example through, whatever the phrase (the conservative direction)."""
    _, _, sentence = example
    low = lexicon.fold(sentence)
    assert any(stem in low for stem in lexicon.stems("purpose")), sentence
    assert prefilter.sharp(low)


# ----------------------------------------------------------------------------------------------- programs
HEADER = """\
import base64
import sys
from pathlib import Path

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://contoso.openai.azure.com", api_key="k", api_version="2024-10-21")


def data_url(path):
    return "data:image/jpeg;base64," + base64.b64encode(Path(path).read_bytes()).decode()

"""

REQUEST = """\
def ask(photo_path{extra}):
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[{{"role": "user", "content": [{{"type": "text", "text": {prompt}}},
                   {{"type": "image_url", "image_url": {{"url": data_url(photo_path)}}}}]}}],
    )
    return response.choices[0].message.content
"""

WRAPPER = HEADER + REQUEST.format(extra=", prompt", prompt="prompt").replace("def ask(", "def ask_image(")


def _shape(shape: str, sentence: str) -> tuple[dict[str, str], int]:
    """Files of a small project (``app/main.py`` is checked) and the line the finding must be on."""
    literal = repr(sentence)
    if shape == "call":
        main = HEADER + REQUEST.format(extra="", prompt=literal)
    elif shape == "constant":
        main = HEADER + f"PROMPT = {literal}\n\n\n" + REQUEST.format(extra="", prompt="PROMPT")
    elif shape == "fstring":
        body = sentence.replace("{", "{{").replace("}", "}}")
        main = HEADER + REQUEST.format(extra=", ticket", prompt=f"f{body + ' (ticket {ticket})'!r}")
    elif shape == "prompt_file":
        main = HEADER + 'PROMPT = Path(__file__).with_name("prompt.txt").read_text(encoding="utf-8")\n\n\n'
        main += REQUEST.format(extra="", prompt="PROMPT")
        files = {"app/main.py": main, "app/prompt.txt": sentence + "\n"}
        return files, _line_of(main, "client.chat.completions.create(")
    elif shape == "wrapper":
        main = f"import sys\n\nfrom vision import ask_image\n\nprint(ask_image(sys.argv[1], {literal}))\n"
        return {"app/main.py": main, "app/vision.py": WRAPPER}, 5
    else:
        raise ValueError(shape)
    return {"app/main.py": main}, _line_of(main, "client.chat.completions.create(")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _check(tmp_path: Path, files: dict[str, str], settings: Settings) -> list[tuple[int, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    text = (tmp_path / "app/main.py").read_text(encoding="utf-8")
    settings = settings.with_(project_root=str(tmp_path))
    found = analysis.check_source(text.splitlines(keepends=True), "app/main.py", ast.parse(text), settings)
    return sorted({(f.line, f.code) for f in found})


def _both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, files: dict[str, str]) -> list[tuple[int, str]]:
    monkeypatch.chdir(tmp_path)
    screened = _check(tmp_path, files, Settings())
    unscreened = _check(tmp_path, files, Settings().with_(prefilter=False))
    assert screened == unscreened, "the prefilter and gate changed the findings"
    return screened


SHAPES = ("call", "constant", "fstring", "prompt_file", "wrapper")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("example", PURPOSE_EXAMPLES, ids=_id)
def test_purpose_example_in_a_program_fires(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, example: tuple[str, str, str], shape: str
) -> None:
    _, concept, sentence = example
    files, line = _shape(shape, sentence)
    found = _both(monkeypatch, tmp_path, files)
    assert (line, PURPOSE_CODES[concept]) in found, found


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("example", NONE_EXAMPLES, ids=_id)
def test_none_example_in_a_program_is_silent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, example: tuple[str, str, str], shape: str
) -> None:
    _, _, sentence = example
    files, _ = _shape(shape, sentence)
    assert _both(monkeypatch, tmp_path, files) == []


def test_a_phrase_added_only_to_the_lexicon_reaches_a_wrapper_through_the_screens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """One edit in one place: a new phrase in the English table is found through a cross-file wrapper with the
    prefilter and gate on, because their stems are derived, not copied."""
    main = 'import sys\n\nfrom vision import peek\n\nprint(peek(sys.argv[1] + ".jpg", "Flurbnicate."))\n'
    files, line = {"app/main.py": main, "app/vision.py": WRAPPER.replace("def ask_image(", "def peek(")}, 5
    assert not prefilter.sharp(main.lower()), "the phrase must be new to the screens"
    english = next(lang for lang in lexicon.LANGUAGES if lang.code == "en")
    identify = [*english.purposes["identify"], (r"\bflurbnicat\w*\b", True)]
    monkeypatch.setitem(english.purposes, "identify", identify)
    lexicon.clear_caches()
    for cached in (prefilter.vocabulary, prefilter.sharp_vocabulary):
        cached.cache_clear()
    monkeypatch.setattr(gate, "_words_cache", {}, raising=False)
    try:
        monkeypatch.chdir(tmp_path)
        found = _check(tmp_path, files, Settings())
        assert (line, "AFR106") in found
    finally:
        monkeypatch.undo()
        lexicon.clear_caches()
        for cached in (prefilter.vocabulary, prefilter.sharp_vocabulary):
            cached.cache_clear()


def test_stems_are_not_a_hand_copy() -> None:
    """The screen's vocabulary is exactly what the tables derive (plus the two face-pipeline words)."""
    derived = set(lexicon.stems("purpose")) | set(lexicon.stems("police"))
    assert all(any(s in stem for s in prefilter.sharp_vocabulary()) for stem in derived)
    assert set(prefilter.sharp_vocabulary()) <= derived


def test_the_vocabulary_page_is_rendered_from_the_tables() -> None:
    from flake8_azure_frt.lexicon import page

    committed = (Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == page.render(), "run: python -m flake8_azure_frt.lexicon.page > docs/vocabulary.md"
