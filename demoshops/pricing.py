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


CYCLE_DAYS = 150
LATE_SHARE = 0.07


def late_until(seed: int, shop: str, key: str, day: int) -> int | None:
    """The day a late listing appears in the current cycle, or None when it is not late.

    Time is cut into 150-day cycles, shifted per listing, so listings keep appearing late at
    any date (the demo crawls the 72 days before today): in each of its cycles a listing is
    late with a 7 % chance, absent for the cycle's first 5-60 days, then on sale.
    """
    shift = whole(seed, shop, key, "cycle-shift", low=0, high=CYCLE_DAYS - 1)
    cycle = (day + shift) // CYCLE_DAYS
    if unit(seed, shop, key, "late", cycle) >= LATE_SHARE:
        return None
    start = cycle * CYCLE_DAYS - shift
    return start + whole(seed, shop, key, "late-days", cycle, low=5, high=60)


def on_sale(seed: int, shop: str, key: str, day: int) -> bool:
    appears = late_until(seed, shop, key, day)
    return appears is None or day >= appears


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
    """The undiscounted price on `day`: market price x margin x listing offset x weekly level,
    and in 15 % of 30-day blocks a rise of 4-8 % from a day inside the block."""
    jitter = Decimal(whole(seed, spec.slug, key, "jitter", low=-30, high=30)) / 1000
    level = Decimal(whole(seed, spec.slug, key, "level", day // 7, low=-20, high=20)) / 1000
    amount = base * spec.margin * (1 + jitter) * (1 + level)
    block = day // 30
    if unit(seed, spec.slug, key, "rise", block) < 0.15:
        if day % 30 >= whole(seed, spec.slug, key, "rise-day", block, low=0, high=20):
            rise = whole(seed, spec.slug, key, "rise-pct", block, low=4, high=8)
            amount *= 1 + Decimal(rise) / 100
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
