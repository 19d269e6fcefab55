"""Folded patterns give IGNORECASE's answers (they replace it in extraction for speed)."""

from __future__ import annotations

import re
import sys

import pytest

from spiders.extract import availability, cues
from spiders.extract.folded import Folded

TEXTS = [
    "", "price", "PRICE", "Old-Price was", "a-text-strike", "Prix Barré", "PRIX BARRÉ",
    "Ähnliche Produkte", "ÄHNLICHE", "zubehÖr", "Rupture de STOCK", "ÉPUISÉ", "épuisé",
    "İn stock", "ın stock", "in ſtock", "Sold ſout", "related", "relatıed", "KELVIN K in stock",
    "393,99 € En stock", "Prix conseillé 1 499 €", "UVP 99 €", "statt 12 €", "Ab 5 €",
    "a-section a-spacing-none aok-align-center product-card-container",
]  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [cues._STRUCK_CLASS, cues._RELATED, cues._REJECT_BEFORE, cues._REGULAR_LABEL,
     cues._FROM_LABEL, cues._BUY, availability._STORE]
    + [rule for _, rule in availability._TEXT_RULES],
)  # fmt: skip
def test_same_matches_as_ignorecase(pattern: Folded) -> None:
    reference = re.compile(pattern.pattern, re.I)
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.title() for t in TEXTS]:
        spans = [m.span() for m in pattern.finditer(text)]
        assert spans == [m.span() for m in reference.finditer(text)], text
        assert bool(pattern.search(text)) == bool(reference.search(text)), text


def test_lower_is_ignorecase_outside_the_three_traps() -> None:
    """What makes folding exact: each character lowers to one character that matches the
    same letters as IGNORECASE does (all of the Basic Multilingual Plane checked)."""
    letters = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüœæ"
    any_case = re.compile(f"[{letters}]", re.I)
    word = re.compile(r"\w")
    odd = []
    for code in range(min(sys.maxunicode, 0xFFFF) + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in "\u0130\u0131\u017f":
            continue
        lowered = char.lower()
        if len(lowered) != 1 or bool(word.match(char)) != bool(word.match(lowered)):
            odd.append(char)
        elif bool(any_case.match(char)) != (lowered in letters):
            odd.append(char)
    assert odd == []


@pytest.mark.parametrize("pattern", [r"\bHT\b", r"(?-i:ht)", r"(?i)ht", r"\\A"])
def test_refuses_patterns_it_cannot_fold(pattern: str) -> None:
    with pytest.raises(ValueError):
        Folded(pattern)
