"""Micro Bazar (demo shop without structured data): read the main product from its own markup.

Only the product block `#fiche-produit` counts: the related products, the struck-through
"prix conseillé", the instalment ("ou 4x ...") and the eco-participation lines are other amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urlsplit

import scrapy.http
from lxml import etree
from price_parser import Price

from spiders.items import Offer

CENT = Decimal("0.01")
# "1 299€99": euros, the euro sign, then the cents (written in a <sup>).
EURO_CENTS = re.compile(r"(\d[\d\s.\u00a0\u202f]*)\s*€\s*(\d{2})\s*$")
OUT_OF_STOCK = ("rupture de stock", "indisponible", "épuisé")
_TEXTS = etree.XPath(".//text()")


def _text(node: scrapy.Selector | scrapy.selector.SelectorList | None) -> str:
    if node is None:
        return ""
    # The text nodes read from lxml directly: a Selector per text node cost most of a page.
    selectors = [node] if isinstance(node, scrapy.Selector) else node
    return " ".join(" ".join(str(t) for sel in selectors for t in _TEXTS(sel.root)).split())


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


def extract(response: scrapy.http.TextResponse) -> list[Offer]:
    """The page's main offer, or [] when the page is not a product page."""
    block = response.css("#fiche-produit")
    if not block:
        return []
    block = block[0]
    price_node = block.css(".bloc-prix > .prix-actuel")
    price = parse_amount(_text(price_node[0])) if price_node else None
    old_node = block.css(".bloc-prix > .prix-barre s")
    regular = parse_amount(_text(old_node[0])) if old_node else None
    stock_text = _text(block.css(".dispo")).lower()
    if not stock_text:
        availability = None
    elif any(word in stock_text for word in OUT_OF_STOCK):
        availability = "OutOfStock"
    else:
        availability = "InStock"
    delivery_text = _text(block.css(".livraison")).lower()
    delivery = Decimal("0.00") if "gratuite" in delivery_text else parse_amount(delivery_text)
    specs = [_text(item) for item in block.css("ul.caracteristiques li")]
    gtin = _spec(specs, "EAN")
    crumbs = response.css("nav.fil-ariane a::text").getall()
    image = block.css("img.visuel::attr(src)").get()
    return [
        Offer(
            url=response.url,
            title=_text(block.css("h1.titre-produit")) or None,
            price=price,
            regular_price=regular if regular is not None and regular != price else None,
            currency="EUR" if price is not None else None,
            availability=availability,
            brand=_spec(specs, "Marque"),  # as written ("APPLE"); matching normalises case
            gtin=gtin if gtin and gtin.isdigit() else None,
            mpn=_spec(specs, "Réf. fabricant"),
            sku=_spec(specs, "Code article") or block.attrib.get("data-code"),
            image=response.urljoin(image) if image else None,
            shop=urlsplit(response.url).netloc,
            method="shop-module",
            delivery=delivery,
            category=crumbs[-1].strip() if len(crumbs) > 1 else None,
        )
    ]
