"""One shop on one simulated day: which listings are live and what each costs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from demoshops.listings import CATEGORY_SLUGS, Listing, listings
from demoshops.pricing import DEFAULT_SEED, Quote, quote
from demoshops.shops import BY_SLUG, ShopSpec


@dataclass(frozen=True)
class Snapshot:
    spec: ShopSpec
    day: int
    live: tuple[Listing, ...]
    quotes: dict[str, Quote]
    """sku -> quote."""

    def quote(self, listing: Listing) -> Quote:
        return self.quotes[listing.sku]

    def delivery(self, listing: Listing) -> Decimal:
        return self.spec.delivery(self.quotes[listing.sku].price)

    def in_category(self, category: str) -> list[Listing]:
        return [item for item in self.live if item.category == category]

    def pages(self, category: str) -> int:
        count = len(self.in_category(category))
        return max(1, -(-count // self.spec.page_size))

    def category_page(self, category: str, page: int) -> list[Listing]:
        size = self.spec.page_size
        return self.in_category(category)[(page - 1) * size : page * size]

    def category_urls(self) -> list[tuple[str, int]]:
        return [(slug, self.pages(cat)) for cat, slug in CATEGORY_SLUGS.items()]


@lru_cache(maxsize=64)
def snapshot(shop_slug: str, day: int, seed: int = DEFAULT_SEED) -> Snapshot:
    spec = BY_SLUG[shop_slug]
    live = tuple(item for item in listings(shop_slug) if item.live(day, seed))
    quotes = {item.sku: quote(item.base, spec, item.key, day, seed) for item in live}
    return Snapshot(spec, day, live, quotes)
