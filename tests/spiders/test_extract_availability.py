"""Availability from visible text: every phrase of every rule, and the word shortcut."""

from __future__ import annotations

import re

import pytest

from spiders.extract import availability
from spiders.extract.availability import _RULE_WORDS, _TEXT_RULES, from_text

# Every alternative of every rule, spelt every way its pattern allows.
PHRASES = {
    "Discontinued": ["No longer available", "Discontinued", "n'est plus disponible",
                     "N'EST PLUS COMMERCIALISÉ", "plus commercialisé", "Fin de série",
                     "fin de serie"],
    "OutOfStock": ["Rupture de stock", "Indisponible", "Épuisé", "epuise", "Sold out",
                   "Out of stock", "Currently unavailable", "Temporarily unavailable",
                   "Non disponible", "Plus en stock", "Ausverkauft", "Nicht verfügbar",
                   "nicht verfugbar", "Agotado"],
    "PreOrder": ["Pre-order", "Preorder", "Pré-commande", "precommande", "Précommander"],
    "BackOrder": ["Back-order", "backorder", "Sur commande", "En réapprovisionnement",
                  "en reapprovisionnement"],
    "InStock": ["In stock", "En stock", "Disponible immédiatement", "Auf Lager",
                "Add to cart", "Add to basket", "Add to bag", "Ajouter au panier", "Buy now",
                "Acheter maintenant", "Sofort lieferbar"],
}  # fmt: skip


def test_the_words_follow_the_rules() -> None:
    assert [name for name, _ in _TEXT_RULES] == list(PHRASES)
    assert set(_RULE_WORDS) == set(PHRASES)


@pytest.mark.parametrize(
    ("name", "phrase"), [(name, phrase) for name, phrases in PHRASES.items() for phrase in phrases]
)
def test_every_phrase_is_read_and_passes_the_word_test(name: str, phrase: str) -> None:
    text = f"Samsung Galaxy S25 256 Go 899,00 € {phrase} Livraison offerte"
    assert from_text(text) == name
    lowered = text.lower()
    assert any(word in lowered for word in _RULE_WORDS[name]), phrase


def _without_shortcut(text: str) -> str | None:
    for name, pattern in _TEXT_RULES:
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40]
            if name in ("OutOfStock", "Discontinued") and availability._STORE.search(around):
                continue
            return name
    return None


def test_shortcut_gives_the_answers_of_the_patterns_alone() -> None:
    texts = [phrase for phrases in PHRASES.values() for phrase in phrases]
    texts += [
        "Indisponible en magasin, en stock en ligne",
        "Pre-order now · in stock soon",
        "ſold out",
        "İn stock",
        "sur commande uniquement",
        "Réf. 123 Prix 19,99 €",
        "",
    ]
    words = re.findall(r"[\w'-]+", " ".join(texts))
    texts += [" ".join(words[i : i + 6]) for i in range(0, len(words), 3)]
    for text in texts:
        assert from_text(text) == _without_shortcut(text), text
