"""Prices over time: each (shop, listing) price is a pure function of (seed, shop, listing, day).

No randomness source other than a keyed hash, so the same inputs give the same price in any
process, on any machine, at any time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from demoshops.shops import ShopSpec

DEFAULT_SEED = 2025
CENT = Decimal("0.01")
DISCOUNTS = (5, 7, 10, 12, 15, 20)


def unit(*parts: object) -> float:
    """A number in [0, 1) from a keyed hash of the parts (stable across processes)."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def whole(*parts: object, low: int, high: int) -> int:
    """An integer in [low, high] from a keyed hash."""
    return low + int(unit(*parts) * (high - low + 1))


@dataclass(frozen=True)
class Quote:
    price: Decimal
    regular_price: Decimal | None
    """The struck-through price during a promotion, else None."""
    availability: str
    """schema.org name: InStock or OutOfStock."""


def launch_day(seed: int, shop: str, key: str) -> int:
    """The first day a listing is on sale; most are there from day 0, a few appear late."""
    if unit(seed, shop, key, "late") < 0.06:
        return whole(seed, shop, key, "launch", low=8, high=60)
    return -(10**6)


def round_price(amount: Decimal, style: str, seed: int, shop: str, key: str) -> Decimal:
    if style == "exact":
        return amount.quantize(CENT, ROUND_HALF_UP)
    euros = amount.quantize(Decimal("1"), ROUND_FLOOR)
    if style == "mixed":
        style = "00" if unit(seed, shop, key, "round") < 0.4 else "99"
    if style == "00":
        return euros.quantize(CENT)
    ending = Decimal("0." + style)
    if euros >= 1000 and style == "99":
        # Large amounts end in 9.99 / 49.99 as shops do.
        euros = euros - euros % 10 + (9 if euros % 10 >= 5 else 4)
    return (euros + ending).quantize(CENT)


def regular_amount(base: Decimal, spec: ShopSpec, key: str, day: int, seed: int) -> Decimal:
    """The undiscounted price on `day`: market price x margin x listing jitter x weekly level."""
    jitter = Decimal(whole(seed, spec.slug, key, "jitter", low=-30, high=30)) / 1000
    week = day // 7
    level = Decimal(whole(seed, spec.slug, key, "level", week, low=-20, high=20)) / 1000
    amount = base * spec.margin * (1 + jitter) * (1 + level)
    if unit(seed, spec.slug, key, "rise") < 0.15:
        rise_day = whole(seed, spec.slug, key, "rise-day", low=10, high=60)
        if day >= rise_day:
            amount *= 1 + Decimal(whole(seed, spec.slug, key, "rise-pct", low=4, high=8)) / 100
    return round_price(amount, spec.cents, seed, spec.slug, key)


def quote(base: Decimal, spec: ShopSpec, key: str, day: int, seed: int = DEFAULT_SEED) -> Quote:
    """Price, struck-through price and availability of one listing on one day."""
    regular = regular_amount(base, spec, key, day, seed)
    price, shown_regular = regular, None
    period = day // 4
    if spec.promotions and unit(seed, spec.slug, key, "promo", period) < 0.14:
        pct = DISCOUNTS[whole(seed, spec.slug, key, "promo-pct", period, low=0, high=5)]
        price = round_price(regular * (100 - pct) / 100, spec.cents, seed, spec.slug, key)
        if price < regular:
            shown_regular = regular
        else:
            price = regular
    availability = "InStock"
    if spec.stockouts and unit(seed, spec.slug, key, "stock", day // 3) < 0.08:
        availability = "OutOfStock"
    return Quote(price, shown_regular, availability)
