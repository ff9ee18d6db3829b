"""The shape every language's phrase table fills."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    code: str
    # category -> [(regex, strong)]; a weak identification phrase needs an image or a visual word.
    purposes: dict[str, list[tuple[str, bool]]]
    # schema field names (as words) that ask for a purpose
    fields: dict[str, str]
    negation: str
    contrast: str
    post_negation: str
    person: str
    visual: str
    written: str
    context: dict[str, str] = field(default_factory=dict)
    non_person: str = r"(?!x)x"
    person_strict: str = ""
