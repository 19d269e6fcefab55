"""Normalisation: tidy text, codes and names so that every shop's offers look alike."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler

from spiders.items import Offer
from spiders.pipelines.validate import currency_code, price_problem

SPACES = re.compile(r"\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_FIELDS = ("title", "brand", "mpn", "sku", "colour", "category", "item_group_id")
MAX_DESCRIPTION = 5000
AVAILABILITY = {
    "instock": "InStock",
    "in_stock": "InStock",
    "limitedavailability": "LimitedAvailability",
    "onlineonly": "OnlineOnly",
    "instoreonly": "InStoreOnly",
    "outofstock": "OutOfStock",
    "out_of_stock": "OutOfStock",
    "soldout": "SoldOut",
    "preorder": "PreOrder",
    "presale": "PreSale",
    "backorder": "BackOrder",
    "discontinued": "Discontinued",
    "enstock": "InStock",
    "disponible": "InStock",
    "rupturedestock": "OutOfStock",
    "indisponible": "OutOfStock",
    "epuise": "OutOfStock",
    "précommande": "PreOrder",
    "precommande": "PreOrder",
}


# What clean_text would change: an entity, a control character, whitespace other than one
# plain space between words. Most texts have none and are returned as they are.
UNTIDY = re.compile(r"[&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[^\S ]|  |^ | $")


def clean_text(value: Any) -> str | None:
    """Entities unescaped once (the text stays text: the site escapes it), spaces collapsed."""
    if value is None:
        return None
    text = str(value)
    if not UNTIDY.search(text):
        return text or None
    text = CONTROL.sub("", html.unescape(text))
    text = SPACES.sub(" ", text).strip()
    return text or None


def availability_name(value: str | None) -> str | None:
    """schema.org availability name from a URL, a schema name or a common spelling."""
    if not value:
        return None
    key = value.strip().rsplit("/", 1)[-1].lower()
    key = key.replace(" ", "").replace("-", "")
    return AVAILABILITY.get(key) or AVAILABILITY.get(key.replace("é", "e"))


def delivery_for(shop: Any, price: Decimal | None) -> Decimal | None:
    """The shop configuration's delivery rule, when the page or feed did not state a cost."""
    rule = getattr(shop, "delivery", None)
    if rule is None or price is None:
        return None
    return rule.cost(price)


def normalise(offer: Offer, shop: Any = None) -> Offer:
    """Tidies `offer` in place and returns it."""
    for name in TEXT_FIELDS:
        setattr(offer, name, clean_text(getattr(offer, name)))
    description = clean_text(offer.description)
    offer.description = description[:MAX_DESCRIPTION] if description else None
    offer.url = offer.url.strip()
    offer.image = (offer.image.strip() or None) if offer.image else None
    offer.currency = currency_code(offer.currency)
    offer.availability = availability_name(offer.availability)
    if offer.gtin is not None:
        digits = "".join(ch for ch in str(offer.gtin) if ch.isdigit())
        offer.gtin = digits if len(digits) in (8, 12, 13, 14) else None
    # A struck-through price that is not above the price is no discount.
    if offer.regular_price is not None and (
        price_problem(offer.regular_price, "regular_price")
        or offer.price is None
        or offer.regular_price <= offer.price
    ):
        offer.regular_price = None
    if offer.delivery is not None and price_problem(offer.delivery, "delivery") not in (
        None,
        "zero_delivery",
    ):
        offer.delivery = None
    if offer.delivery is None:
        offer.delivery = delivery_for(shop, offer.price)
    if not offer.shop:
        offer.shop = urlsplit(offer.url).netloc or None
    if shop is not None and not offer.shop_slug:
        offer.shop_slug = shop.slug
    return offer


class NormalisePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Offer):
            normalise(item, getattr(self.crawler.spider, "shop", None))
        return item
