"""The shape every language's table fills: concepts as regexes, plus the sentences that prove them.

A language module is data for compliance engineers to extend: to add a phrase, add it to the concept's
pattern and add a sentence to ``examples`` that must match it (and, for a trap, one that must not). Tests
generate programs from every example; the prefilter's stems are derived from the patterns
(``literals.py``), so nothing else needs an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The purposes a request can ask for; each is one prohibited-use concept (rules.md).
PURPOSES = ("identify", "emotion", "sensitive", "track", "criminality")
# Context concepts read from a whole module (police, jurisdiction, galleries, cameras, blurring).
CONTEXTS = ("police", "police_weak", "us", "non_us", "gallery", "watchlist", "live", "mobile", "blur")
# An example that must match no purpose and no police context.
NONE = "none"


@dataclass(frozen=True)
class Language:
    code: str
    # concept -> [(regex, strong)]; a weak identification phrase needs an image or a visual word.
    purposes: dict[str, list[tuple[str, bool]]]
    # schema field names (as words) that ask for a purpose
    fields: dict[str, str]
    # a cue that negates a purpose that follows it in its clause, unless a contrast word comes between
    negation: str
    contrast: str
    # a cue after the purpose that forbids it ("… is not allowed"); ``post_window`` bounds how far it may be
    post_negation: str
    person: str
    visual: str
    written: str
    context: dict[str, str] = field(default_factory=dict)
    non_person: str = r"(?!x)x"
    person_strict: str = ""
    # A sentence telling the model to refuse ("if asked who someone is, refuse"): nothing in it is a purpose.
    refusal: str = r"(?!x)x"
    # Word senses that are not evidence ("police de caractères", "coffee mug shot"), replaced by a neutral word
    # before any concept is matched.
    senses: tuple[str, ...] = ()
    post_window: int | None = None
    # concept (a purpose, a context, or NONE) -> sentences that must match it (NONE: must match nothing)
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
