"""The generated stems table: current, complete for what the screens ask, and only ever a time saver."""

from __future__ import annotations

from flake8_azure_frt import gate, lexicon, prefilter
from flake8_azure_frt.lexicon import literals, stems_gen


def test_the_table_is_current() -> None:
    # After editing a lexicon or surface pattern: python -m flake8_azure_frt.lexicon.stems_gen
    assert stems_gen.TABLE.read_text(encoding="utf-8") == stems_gen.render()


def test_the_screens_derive_nothing_at_run_time() -> None:
    literals.derive_words.cache_clear()
    lexicon.clear_caches()
    prefilter.vocabulary.__wrapped__()
    prefilter.sharp_vocabulary.__wrapped__()
    prefilter.image_words.__wrapped__()
    gate._face_stems.__wrapped__()
    lexicon.may_ask_purpose("Who is the person in this photo? Identify him.")
    for category in lexicon.CONTEXTS:
        lexicon.find_context("the police bodycam footage", category)
    assert literals.derive_words.cache_info().misses == 0


def test_a_pattern_missing_from_the_table_is_derived() -> None:
    pattern = r"\bpatterns? (?:nobody|none) tabled\b"
    assert pattern not in literals.WORDS
    assert literals.word_stems([pattern]) == ("pattern",)  # "tabled" is shorter: either word screens it
