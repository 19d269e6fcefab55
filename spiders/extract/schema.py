"""Interpret schema.org product dicts (from any syntax) as Offer items, one per variant."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urljoin

from spiders.extract import availability as avail
from spiders.extract.gtin import normalise_gtin
from spiders.extract.prices import parse_price, to_iso
from spiders.extract.structured import type_names
from spiders.items import Offer

_GTIN_KEYS = ("gtin", "gtin13", "gtin12", "gtin14", "gtin8", "ean", "upc", "isbn")
_REGULAR_TYPES = {"StrikethroughPrice", "ListPrice", "MSRP", "SRP"}


def first(value: Any) -> Any:
    """The first non-empty element of a list, or the value itself."""
    if isinstance(value, list):
        for item in value:
            if item not in (None, "", {}, []):
                return item
        return None
    return value


def text(value: Any) -> str | None:
    """A clean single-line string from a markup value (dicts give their name)."""
    value = first(value)
    if isinstance(value, dict):
        value = first(value.get("name") or value.get("@value") or value.get("value"))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return str(value)
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def amount(value: Any, currency: str | None) -> tuple[Decimal | None, str | None]:
    """A markup price value: a JSON number, "1299.99", "1.299,00 €" or "$1,299.99"."""
    value = first(value)
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return None, currency
    if isinstance(value, int | Decimal):
        return (Decimal(value) if value >= 0 else None), currency
    raw = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", raw):  # the schema.org form: dot decimal, no grouping
        try:
            return Decimal(raw), currency
        except InvalidOperation:
            return None, currency
    parsed, parsed_currency = parse_price(raw, currency_hint=currency)
    return parsed, currency or parsed_currency


def _image(value: Any, base_url: str) -> str | None:
    value = first(value)
    if isinstance(value, dict):
        value = first(value.get("url") or value.get("contentUrl") or value.get("@id"))
    if not isinstance(value, str) or not value.strip():
        return None
    return urljoin(base_url, value.strip())


def _identifiers(node: dict[str, Any]) -> dict[str, str | None]:
    """gtin/mpn/sku from the dedicated keys or from productID "sku:X" / "mpn:Y" / "isbn:Z"."""
    ids: dict[str, str | None] = {"gtin": None, "mpn": text(node.get("mpn")),
                                  "sku": text(node.get("sku"))}  # fmt: skip
    for key in _GTIN_KEYS:
        gtin = normalise_gtin(text(node.get(key)))
        if gtin:
            ids["gtin"] = gtin
            break
    product_ids = node.get("productID")
    for raw in product_ids if isinstance(product_ids, list) else [product_ids]:
        raw = text(raw)
        if not raw or ":" not in raw:
            continue
        prefix, _, rest = raw.partition(":")
        prefix = prefix.strip().lower()
        if prefix in ("sku", "mpn") and not ids[prefix]:
            ids[prefix] = rest.strip() or None
        elif prefix in _GTIN_KEYS and not ids["gtin"]:
            ids["gtin"] = normalise_gtin(rest)
    return ids


def _attributes(node: dict[str, Any]) -> dict[str, str]:
    attrs: dict[str, str] = {}
    props = node.get("additionalProperty")
    for prop in props if isinstance(props, list) else [props]:
        if isinstance(prop, dict):
            name, value = text(prop.get("name")), text(prop.get("value"))
            if name and value:
                attrs[name] = value
    for key in ("color", "size", "material", "pattern"):
        value = text(node.get(key))
        if value:
            attrs[key] = value
    return attrs


def _offer_list(node: dict[str, Any]) -> list[dict[str, Any]]:
    offers = node.get("offers")
    if isinstance(offers, dict):
        return [offers]
    if isinstance(offers, list):
        return [o for o in offers if isinstance(o, dict)]
    return []


def _price_of(offer: dict[str, Any]) -> tuple[Decimal | None, Decimal | None, str | None]:
    """(price, regular price, currency) of one Offer or AggregateOffer node."""
    currency = to_iso(text(offer.get("priceCurrency")))
    regular = None
    price, currency = amount(offer.get("price"), currency)
    if price is None and "AggregateOffer" in type_names(offer):
        price, currency = amount(offer.get("lowPrice"), currency)
    specs = offer.get("priceSpecification")
    for spec in specs if isinstance(specs, list) else [specs]:
        if not isinstance(spec, dict):
            continue
        spec_currency = to_iso(text(spec.get("priceCurrency"))) or currency
        value, spec_currency = amount(spec.get("price"), spec_currency)
        kind = re.split(r"[/#:]", text(spec.get("priceType")) or "")[-1]
        if kind in _REGULAR_TYPES:
            regular = value
        elif price is None and value is not None:
            price, currency = value, spec_currency
    if price is None and isinstance(offer.get("offers"), list | dict):
        nested = [_price_of(o) for o in _offer_list(offer) if "Offer" in str(o.get("@type"))]
        prices = [p for p in nested if p[0] is not None]
        if prices:
            price, _, currency = min(prices, key=lambda p: p[0] or Decimal(0))
    if price is not None and price <= 0:
        price = None  # "0.00" is a placeholder for "ask us", never a price
    if regular is not None and (price is None or regular <= price):
        regular = None
    return price, regular, currency


def _distinct_variants(offers: list[dict[str, Any]]) -> bool:
    """Several offers are variants (not competing sellers) when they name different items."""
    keys = set()
    for offer in offers:
        item = offer.get("itemOffered")
        item = item if isinstance(item, dict) else {}
        keys.add(text(offer.get("sku")) or text(item.get("sku")) or text(item.get("name"))
                  or text(offer.get("name")) or text(offer.get("color")))  # fmt: skip
    return len(offers) > 1 and len(keys) == len(offers) and None not in keys


def product_offers(node: dict[str, Any], base_url: str, method: str) -> list[Offer]:
    """All Offer items a product node describes (one per variant for groups)."""
    base = Offer(url=base_url, title=text(node.get("name")), method=method)
    base.brand = text(node.get("brand")) or text(node.get("manufacturer"))
    base.image = _image(node.get("image"), base_url)
    base.colour = text(node.get("color"))
    base.category = text(node.get("category"))
    base.description = text(node.get("description"))
    ids = _identifiers(node)
    base.gtin, base.mpn, base.sku = ids["gtin"], ids["mpn"], ids["sku"]
    base.attributes = _attributes(node)
    if "ProductGroup" in type_names(node):
        base.item_group_id = text(node.get("productGroupID")) or base.sku
        variants = node.get("hasVariant")
        result: list[Offer] = []
        for variant in variants if isinstance(variants, list) else [variants]:
            if isinstance(variant, dict):
                result.extend(_merge(base, v) for v in product_offers(variant, base_url, method))
        if result:
            return result
    offers = _offer_list(node)
    if _distinct_variants(offers):
        result = []
        for offer in offers:
            variant = _with_offer(base, offer, base_url)
            name = text(offer.get("name"))
            if name and name != base.title:
                variant.attributes["variant"] = name
            result.append(variant)
        return result
    if not offers:
        return [base]
    chosen = [_with_offer(base, offer, base_url) for offer in offers]
    priced = [o for o in chosen if o.price is not None]
    in_stock = [o for o in priced if o.availability in (None, "InStock")]
    pool = in_stock or priced or chosen
    return [min(pool, key=lambda o: o.price if o.price is not None else Decimal(0))]


def _with_offer(base: Offer, offer: dict[str, Any], base_url: str) -> Offer:
    result = _merge(base, Offer(url=base_url))
    result.price, result.regular_price, result.currency = _price_of(offer)
    result.availability = avail.from_markup(text(offer.get("availability")))
    item = offer.get("itemOffered")
    if isinstance(item, dict):
        result = _merge(result, product_offers(item, base_url, base.method or "")[0])
    ids = _identifiers(offer)
    result.gtin = ids["gtin"] or result.gtin
    result.sku = ids["sku"] or result.sku
    result.mpn = ids["mpn"] or result.mpn
    result.colour = text(offer.get("color")) or result.colour
    result.delivery = _shipping(offer.get("shippingDetails"), result.currency)
    return result


def _shipping(details: Any, currency: str | None) -> Decimal | None:
    """OfferShippingDetails.shippingRate to France when stated, else the first rate given."""
    rates: list[tuple[str, Decimal]] = []
    for detail in details if isinstance(details, list) else [details]:
        if not isinstance(detail, dict):
            continue
        rate = first(detail.get("shippingRate"))
        if not isinstance(rate, dict):
            continue
        value, rate_currency = amount(rate.get("value"), to_iso(text(rate.get("currency"))))
        if value is None or (currency and rate_currency and rate_currency != currency):
            continue
        destination = first(detail.get("shippingDestination"))
        country = text(destination.get("addressCountry")) if isinstance(destination, dict) else None
        rates.append(((country or "").upper(), value))
    if not rates:
        return None
    return next((value for country, value in rates if country == "FR"), rates[0][1])


def _merge(base: Offer, over: Offer) -> Offer:
    """A copy of `base` with every non-empty field of `over` applied on top."""
    merged = Offer(**{**base.__dict__, "attributes": dict(base.attributes)})
    for key, value in over.__dict__.items():
        if key == "attributes":
            merged.attributes.update(value)
        elif key != "url" and value not in (None, ""):
            setattr(merged, key, value)
    return merged
