"""Micro Bazar (demo shop without structured data): read the main product from its own markup.

Only the product block `#fiche-produit` counts: the related products, the struck-through
"prix conseillé", the instalment ("ou 4x ...") and the eco-participation lines are other amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin, urlsplit

from cssselect import HTMLTranslator
from lxml import etree
from price_parser import Price

from spiders.extract.parse import lean_tree
from spiders.items import Offer

CENT = Decimal("0.01")
# "1 299€99": euros, the euro sign, then the cents (written in a <sup>).
EURO_CENTS = re.compile(r"(\d[\d\s.\u00a0\u202f]*)\s*€\s*(\d{2})\s*$")
OUT_OF_STOCK = ("rupture de stock", "indisponible", "épuisé")


def _css(selector: str, then: str = "") -> etree.XPath:
    """A CSS selector compiled once to an XPath over the extraction's own tree (the page is
    parsed once for the module and, when it finds nothing, for the generic rules)."""
    xpath = HTMLTranslator().css_to_xpath(selector, prefix="descendant-or-self::")
    return etree.XPath(xpath + then)


BLOCK = _css("#fiche-produit")
PRICE = _css(".bloc-prix > .prix-actuel")
OLD_PRICE = _css(".bloc-prix > .prix-barre s")
STOCK = _css(".dispo")
DELIVERY = _css(".livraison")
SPECS = _css("ul.caracteristiques li")
CRUMBS = _css("nav.fil-ariane a", "/text()")
IMAGES = _css("img.visuel", "/@src")
TITLE = _css("h1.titre-produit")


def _text(nodes: list[Any]) -> str:
    return " ".join(" ".join(t for node in nodes for t in node.itertext()).split())


def parse_amount(text: str) -> Decimal | None:
    """A French-written amount: '1 299,99 €', '1.299,-', '1 299 ,99 €', '1 299€99'."""
    text = " ".join(text.replace("\u00a0", " ").split())
    match = EURO_CENTS.search(text)
    if match:
        text = f"{match.group(1).strip()},{match.group(2)} €"
    # Pieces split across <span>/<sup> come back as '1 299 ,99 €'.
    text = text.replace(" ,", ",")
    amount = Price.fromstring(text, decimal_separator=",").amount
    return None if amount is None else amount.quantize(CENT)


def _spec(specs: list[str], label: str) -> str | None:
    for text in specs:
        if text.lower().startswith(label.lower()):
            value = text.split(":", 1)[1].strip() if ":" in text else ""
            return value or None
    return None


def extract(response: Any) -> list[Offer]:
    """The page's main offer, or [] when the page is not a product page."""
    root = lean_tree(response)
    blocks = BLOCK(root)
    if not blocks:
        return []
    block = blocks[0]
    price_node = PRICE(block)
    price = parse_amount(_text(price_node[:1])) if price_node else None
    old_node = OLD_PRICE(block)
    regular = parse_amount(_text(old_node[:1])) if old_node else None
    stock_text = _text(STOCK(block)).lower()
    if not stock_text:
        availability = None
    elif any(word in stock_text for word in OUT_OF_STOCK):
        availability = "OutOfStock"
    else:
        availability = "InStock"
    delivery_text = _text(DELIVERY(block)).lower()
    delivery = Decimal("0.00") if "gratuite" in delivery_text else parse_amount(delivery_text)
    specs = [_text([item]) for item in SPECS(block)]
    gtin = _spec(specs, "EAN")
    crumbs = [str(text) for text in CRUMBS(root)]
    images = [str(src) for src in IMAGES(block)]
    return [
        Offer(
            url=response.url,
            title=_text(TITLE(block)) or None,
            price=price,
            regular_price=regular if regular is not None and regular != price else None,
            currency="EUR" if price is not None else None,
            availability=availability,
            brand=_spec(specs, "Marque"),  # as written ("APPLE"); matching normalises case
            gtin=gtin if gtin and gtin.isdigit() else None,
            mpn=_spec(specs, "Réf. fabricant"),
            sku=_spec(specs, "Code article") or block.get("data-code"),
            image=urljoin(response.url, images[0]) if images else None,
            shop=urlsplit(response.url).netloc,
            method="shop-module",
            delivery=delivery,
            category=crumbs[-1].strip() if len(crumbs) > 1 else None,
        )
    ]
