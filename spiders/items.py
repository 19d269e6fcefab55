"""The one typed item that flows from extraction through the pipelines into the catalog.

Field meanings follow zyte-common-items' `Product`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Offer:
    """One shop listing as read from a page or a feed row."""

    url: str
    """The URL fetched (for feeds: the product link given by the row)."""
    title: str | None = None
    """The product name as the shop writes it (plain text, untrusted)."""
    price: Decimal | None = None
    """The price to pay, VAT and discounts applied; None when the page shows none."""
    regular_price: Decimal | None = None
    """The struck-through price before a discount, if shown."""
    currency: str | None = None
    """ISO 4217 code."""
    availability: str | None = None
    """schema.org name: InStock, OutOfStock, PreOrder, BackOrder, Discontinued."""
    brand: str | None = None
    """Brand name."""
    gtin: str | None = None
    """GTIN-8/12/13/14 with a valid check digit, normalised to digits."""
    mpn: str | None = None
    """Manufacturer part number."""
    sku: str | None = None
    """The shop's own product identifier."""
    image: str | None = None
    """Main image URL."""
    shop: str | None = None
    """The shop's domain (netloc)."""
    method: str | None = None
    """Which source gave the price: json-ld, microdata, rdfa, opengraph, shop-module, html, feed."""
    delivery: Decimal | None = None
    """Delivery cost to France when the page or feed states it."""
    category: str | None = None
    """The shop's category path or name."""
    description: str | None = None
    """Short description text."""
    colour: str | None = None
    """Colour when the page or feed gives it."""
    item_group_id: str | None = None
    """Groups variants of one product (Google's item_group_id, schema.org ProductGroup)."""
    attributes: dict[str, Any] = field(default_factory=dict)
    """Variant attributes the page states (e.g. {"storage": "256 Go", "color": "Noir"})."""
    shop_slug: str | None = None
    """The shop configuration's slug, set by the spider for catalogue crawls."""
