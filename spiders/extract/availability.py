"""Availability: schema.org names from markup values and from visible French/English text."""

from __future__ import annotations

import re

from spiders.extract.folded import Folded, lowers_safely

# Markup values (schema.org URLs, OpenGraph words, Google feed spellings) -> schema.org name.
_MARKUP = {
    "instock": "InStock",
    "in stock": "InStock",
    "in_stock": "InStock",
    "available": "InStock",
    "limitedavailability": "InStock",
    "limited availability": "InStock",
    "available for order": "BackOrder",
    "availablefororder": "BackOrder",
    "en stock": "InStock",
    "rupture de stock": "OutOfStock",
    "onlineonly": "InStock",
    "instoreonly": "InStock",
    "outofstock": "OutOfStock",
    "out of stock": "OutOfStock",
    "out_of_stock": "OutOfStock",
    "oos": "OutOfStock",
    "soldout": "OutOfStock",
    "sold out": "OutOfStock",
    "unavailable": "OutOfStock",
    "preorder": "PreOrder",
    "pre-order": "PreOrder",
    "pre_order": "PreOrder",
    "presale": "PreOrder",
    "backorder": "BackOrder",
    "back order": "BackOrder",
    "discontinued": "Discontinued",
}

# Visible phrases, checked near the buy area. Order matters: "pre-order" before "in stock".
_TEXT_RULES: list[tuple[str, Folded]] = [
    (
        "Discontinued",
        Folded(
            r"\b(no longer available|discontinued|n'est plus (disponible|commercialis)"
            r"|plus commercialis|fin de s[ée]rie)"
        ),
    ),
    (
        "OutOfStock",
        Folded(
            r"(rupture de stock|\bindisponible\b|[ée]puis[ée]|\bsold out\b|\bout of stock\b"
            r"|currently unavailable|temporarily unavailable|non disponible|plus en stock"
            r"|ausverkauft|nicht verf[üu]gbar|agotado)"
        ),
    ),
    ("PreOrder", Folded(r"(\bpre-?order\b|pr[ée]-?commande|précommander)")),
    ("BackOrder", Folded(r"(\bback-?order|sur commande|en r[ée]approvisionnement)")),
    (
        "InStock",
        Folded(
            r"(\bin stock\b|\ben stock\b|disponible imm|\bauf lager\b|add to (cart|basket|bag)"
            r"|ajouter au panier|buy now|acheter maintenant|\bsofort lieferbar\b)"
        ),
    ),
]


_STORE = Folded(
    r"(en magasin|in store|in-store|store pickup|retrait|click ?& ?collect|abholung|im markt"
    r"|nearby stores|pick ?up)"
)


def from_markup(value: object) -> str | None:
    """Normalise a markup availability value ("http://schema.org/InStock", "in stock")."""
    if not isinstance(value, str):
        return None
    key = re.split(r"[/#:]", value.strip())[-1].strip().lower()
    return _MARKUP.get(key) or _MARKUP.get(key.replace("-", ""))


# A word every alternative of each rule holds (lower case): a rule whose words are all absent
# from the lowered text cannot match, and its regex (20 us on a 350-character text: many
# alternatives and no literal prefix) is skipped. Kept beside _TEXT_RULES, in its order.
_RULE_WORDS: dict[str, tuple[str, ...]] = {
    "Discontinued": ("no longer available", "discontinued", "n'est plus ", "plus commercialis",
                     "fin de s"),
    "OutOfStock": ("rupture de stock", "indisponible", "puis", "sold out", "out of stock",
                   "unavailable", "non disponible", "plus en stock", "ausverkauft", "nicht verf",
                   "agotado"),
    "PreOrder": ("order", "commande"),
    "BackOrder": ("order", "sur commande", "approvisionnement"),
    "InStock": ("stock", "disponible imm", "auf lager", "add to ", "ajouter au panier",
                "buy now", "acheter maintenant", "sofort lieferbar"),
}  # fmt: skip


def from_text(text: str) -> str | None:
    """The availability a visible text states, or None when it says nothing clear."""
    if not text:
        return None
    # the word test holds for the lowered text; İ, ı and ſ change under lower(): no shortcut
    lowered = text.lower() if lowers_safely(text) else None
    for name, pattern in _TEXT_RULES:
        if lowered is not None and not any(word in lowered for word in _RULE_WORDS[name]):
            continue
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40]
            if name in ("OutOfStock", "Discontinued") and _STORE.search(around):
                continue  # "Indisponible en magasin": the shop's stores, not the web offer
            return name
    return None


def negative_in_text(text: str) -> str | None:
    """Only the unavailable states (for overriding markup that claims InStock)."""
    found = from_text(text)
    return found if found in ("OutOfStock", "Discontinued") else None
