"""Invariants between the registry, the rule predicates and the vocabulary (were import-time asserts)."""

from __future__ import annotations

from flake8_azure_frt import rules
from flake8_azure_frt.lexicon.table import PURPOSES
from flake8_azure_frt.registry import CLAUSES, PROHIBITED_CODES, RULES, Tier


def test_every_prohibited_and_review_rule_has_a_predicate() -> None:
    assert set(rules.PREDICATES) == {c for c in RULES if c.startswith(("AFR1", "AFR2"))}
    assert all(code in rules.PREDICATES for code in PROHIBITED_CODES)


def test_tiers_follow_the_code_ranges() -> None:
    for code, rule in RULES.items():
        expected = {"AFR0": None, "AFR1": Tier.PROHIBITED, "AFR2": Tier.REVIEW, "AFR9": Tier.META}[code[:4]]
        if expected is not None:
            assert rule.tier is expected, code


def test_every_rule_names_known_clauses() -> None:
    for code, rule in RULES.items():
        assert rule.clauses and all(c in CLAUSES for c in rule.clauses), code


def test_every_purpose_of_the_vocabulary_has_a_prohibited_code() -> None:
    """A purpose the lexicon can find but no rule reports would be silently dropped."""
    ev = rules.RequestEvidence(media=[rules.Evidence("image input", 1)])
    for purpose in PURPOSES:
        ev.purposes = {purpose: [rules.Evidence("prompt", 1, "x")]}
        found = rules.evaluate(ev, rules.Settings())
        assert any(code in PROHIBITED_CODES for code in found), purpose
