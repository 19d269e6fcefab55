"""One feed row (Google attribute names -> text) to an Offer, or a Rejected with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from spiders.extract import availability as avail
from spiders.extract.gtin import normalise_gtin
from spiders.extract.prices import parse_price
from spiders.items import Offer


@dataclass(frozen=True)
class Rejected:
    """A feed row that gave no offer: its number, a short reason code and a detail."""

    row: int
    reason: str
    detail: str


def _clean(value: str | None, limit: int = 2000) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())[:limit]
    return cleaned or None


def money(
    value: str | None, default_currency: str | None = None
) -> tuple[Decimal | None, str | None]:
    """ "15.00 EUR" -> (Decimal("15.00"), "EUR"); the currency is kept as the feed gives it."""
    text = _clean(value, 100)
    if not text:
        return None, None
    amount, currency = parse_price(text, currency_hint=default_currency)
    code = re.search(r"\b([A-Z]{3})\b", text)
    if code:
        currency = code.group(1)
    return amount, currency or default_currency


def _parse_time(text: str) -> datetime | None:
    text = text.strip()
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)  # +0100 -> +01:00
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sale_active(window: str | None, now: datetime) -> bool:
    """Google's sale_price_effective_date "start/end" (ISO 8601); no window = always active."""
    if not window or "/" not in window:
        return True
    start_text, _, end_text = window.partition("/")
    start, end = _parse_time(start_text), _parse_time(end_text)
    if start is None and end is None:
        return True
    return (start is None or start <= now) and (end is None or now < end)


def shipping_cost(entries: list[dict[str, str]]) -> Decimal | None:
    """The delivery price to France, else the first one given."""
    if not entries:
        return None
    chosen = next((e for e in entries if (e.get("country") or "").upper() == "FR"), entries[0])
    amount, _ = money(chosen.get("price"))
    return amount


def parse_shipping_text(value: str | None) -> list[dict[str, str]]:
    """CSV form "FR:::4.95 EUR,DE::Standard:6.90 EUR" (country:region:service:price)."""
    entries = []
    for part in re.split(r",(?=\s*[A-Za-z]{2}\s*:)", value or ""):
        pieces = part.strip().split(":")
        if len(pieces) >= 2:
            entries.append({"country": pieces[0].strip(), "price": pieces[-1].strip()})
    return entries


def to_offer(
    fields: dict[str, str],
    row: int,
    shipping: list[dict[str, str]],
    *,
    now: datetime,
    default_currency: str | None = None,
) -> Offer | Rejected:
    """Map Google Merchant attributes to an Offer; price and link are required."""
    link = _clean(fields.get("link"), 2000)
    if not link:
        return Rejected(row, "no-link", f"item {fields.get('id', '?')} has no link")
    if not _clean(fields.get("price")):
        return Rejected(row, "no-price", f"item {fields.get('id', '?')} has no price")
    price, currency = money(fields.get("price"), default_currency)
    if price is None:
        return Rejected(row, "bad-price", f"unreadable price {fields.get('price')!r}"[:200])
    regular = None
    sale, sale_currency = money(fields.get("sale_price"), currency)
    if (
        sale is not None
        and sale < price
        and sale_active(fields.get("sale_price_effective_date"), now)
    ):
        price, regular, currency = sale, price, sale_currency or currency
    offer = Offer(url=link, title=_clean(fields.get("title"), 500), price=price, method="feed")
    offer.regular_price = regular
    offer.currency = currency
    offer.availability = avail.from_markup(fields.get("availability"))
    offer.brand = _clean(fields.get("brand"), 200)
    offer.gtin = normalise_gtin(_clean(fields.get("gtin"), 50))
    offer.mpn = _clean(fields.get("mpn"), 200)
    offer.sku = _clean(fields.get("id"), 200)
    offer.image = _clean(fields.get("image_link"), 2000)
    offer.colour = _clean(fields.get("color"), 100)
    offer.item_group_id = _clean(fields.get("item_group_id"), 200)
    offer.category = _clean(fields.get("product_type") or fields.get("google_product_category"))
    offer.description = _clean(fields.get("description"), 5000)
    offer.delivery = shipping_cost(shipping)
    offer.attributes = {
        key: value
        for key in ("condition", "size", "material", "gender", "age_group")
        if (value := _clean(fields.get(key), 200) or "")
    }
    return offer
