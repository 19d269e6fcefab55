"""Helpers for the look-alike tests: two titles as records, a rule read both ways, and the
catalog's service run on a list of titles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from sqlalchemy.orm import Session

from catalog.models import Offer, Shop
from matching.pairs import pair_records, pair_threshold, score_pairs
from matching.record import Record
from matching.service import match_offers

Rule = Callable[[Record, Record], bool]


def pair(left: str, right: str) -> tuple[Record, Record]:
    return pair_records([{"id": "1", "left_title": left, "right_title": right}], "product")[0]


def both(rule: Rule, left: str, right: str) -> bool:
    return rule(*pair(left, right)) and rule(*pair(right, left))


def either(rule: Rule, left: str, right: str) -> bool:
    return rule(*pair(left, right)) or rule(*pair(right, left))


def matched_pairs(pairs: Sequence[tuple[str, str]]) -> list[bool]:
    """`match-pairs`' decision on each (left, right) title pair, all scored in one file."""
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(pairs)]
    return [s >= pair_threshold() for s in score_pairs(rows, "product")]


def matched_products(session: Session, listings: Sequence[tuple[str, str]]) -> list[int | None]:
    """The product of each (title, shop slug) listing after `match_offers`, in order."""
    slugs = sorted({shop for _, shop in listings})
    shops = {s: Shop(slug=s, name=f"Shop {s}", domain=f"{s}.test") for s in slugs}
    session.add_all(shops.values())
    session.flush()
    offers = [
        Offer(shop=shops[shop], url=f"https://x.test/{i}", title=t, price=Decimal(999))
        for i, (t, shop) in enumerate(listings)
    ]
    session.add_all(offers)
    session.flush()
    match_offers(session)
    return [o.product_id for o in offers]


def one_product_each(session: Session, pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether the service puts each pair's two listings, from two shops, in one product,
    and each pair in its own."""
    listings = [(title, f"s{i}") for both in pairs for i, title in enumerate(both)]
    products = matched_products(session, listings)
    lefts, rights = products[::2], products[1::2]
    joined = all(a is not None and a == b for a, b in zip(lefts, rights, strict=True))
    return joined and len(set(lefts)) == len(pairs)
