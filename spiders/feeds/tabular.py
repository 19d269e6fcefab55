"""CSV and TSV feeds: Google Merchant columns and idealo's offer columns, streamed row by row."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from spiders.feeds.rows import Rejected, parse_shipping_text, to_offer
from spiders.items import Offer

# idealo column names (their CSV spec, plus common German spellings) -> Google attribute.
IDEALO_COLUMNS = {
    "sku": "id", "artikelnummer": "id", "id": "id",
    "title": "title", "name": "title", "produktname": "title",
    "brand": "brand", "marke": "brand", "hersteller": "brand",
    "price": "price", "preis": "price",
    "formerprice": "regular", "oldprice": "regular", "streichpreis": "regular",
    "url": "link", "deeplink": "link", "link": "link",
    "eans": "gtin", "ean": "gtin", "gtin": "gtin",
    "hans": "mpn", "han": "mpn", "mpn": "mpn",
    "categorypath": "product_type", "kategorie": "product_type",
    "imageurls": "image_link", "imageurl": "image_link", "bild-url": "image_link",
    "description": "description", "beschreibung": "description",
    "colour": "color", "color": "color", "farbe": "color",
    "deliverytime": "delivery_time", "lieferzeit": "delivery_time",
    "currency": "currency", "waehrung": "currency",
}  # fmt: skip
_IDEALO_UNAVAILABLE = re.compile(r"(nicht lieferbar|not available|indisponible|ausverkauft)", re.I)

csv.field_size_limit(1 << 20)  # long descriptions; still bounded


def _google_name(header: str) -> str:
    """ "g:price", "Price", "shipping(country:price)" -> "price", "shipping"."""
    name = header.strip().lstrip("\ufeff").lower()
    name = re.sub(r"\(.*\)$", "", name).strip()
    name = name.removeprefix("g:").replace(" ", "_")
    return name


def _text_stream(stream: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")


def iter_google(stream: BinaryIO, delimiter: str, *, now: datetime) -> Iterator[Offer | Rejected]:
    reader = csv.reader(_text_stream(stream), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    names = [_google_name(h) for h in header]
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        fields = {n: v for n, v in zip(names, values, strict=False) if v.strip()}
        shipping = parse_shipping_text(fields.pop("shipping", None))
        yield to_offer(fields, line, shipping, now=now)


def iter_idealo(stream: BinaryIO, *, now: datetime) -> Iterator[Offer | Rejected]:
    text = _text_stream(stream)
    sample = text.readline()
    delimiter = max(("\t", ";", ",", "|"), key=sample.count)
    header = next(csv.reader([sample], delimiter=delimiter), [])
    raw_names = [h.strip().lstrip("\ufeff") for h in header]
    reader = csv.reader(text, delimiter=delimiter)
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        raw = {n: v.strip() for n, v in zip(raw_names, values, strict=False) if v.strip()}
        fields: dict[str, str] = {}
        costs: list[str] = []
        for name, value in raw.items():
            key = name.lower()
            if key.startswith(("deliverycosts", "versandkosten", "delivery_costs")):
                costs.append(value)
            elif key in IDEALO_COLUMNS:
                fields.setdefault(IDEALO_COLUMNS[key], value)
        fields["gtin"] = re.split(r"[;,|\s]+", fields.get("gtin", ""))[0]
        fields["image_link"] = re.split(r"[;,|\s]+", fields.get("image_link", ""))[0]
        delivery_time = fields.pop("delivery_time", "")
        if delivery_time:
            unavailable = _IDEALO_UNAVAILABLE.search(delivery_time)
            fields["availability"] = "out of stock" if unavailable else "in stock"
        if "regular" in fields:
            fields["sale_price"], fields["price"] = fields["price"], fields.pop("regular")
        currency = fields.pop("currency", None) or "EUR"
        shipping = [{"country": "", "price": min(costs, key=_cost_key)}] if costs else []
        yield to_offer(fields, line, shipping, now=now, default_currency=currency)


def _cost_key(value: str) -> float:
    try:
        return float(value.replace(",", "."))  # ordering only; the amount stays Decimal
    except ValueError:
        return float("inf")
