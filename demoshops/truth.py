"""Ground truth of the demo shops, for tests and for measuring the matcher.

For every listing URL of every shop: which model and colour(s) it is, or that it is an
accessory/bundle; and `expected(shop_slug, url, when)`: the price, struck-through price,
availability and delivery cost the shop shows at that time. URLs may be full (any host and port:
the shops bind free ports) or paths; a `?couleur=` query names one variant of a group page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from demoshops import catalogue
from demoshops.catalogue import Accessory, Model
from demoshops.clock import EPOCH, day_of
from demoshops.listings import Listing, by_path
from demoshops.listings import listings as shop_listings
from demoshops.pricing import DEFAULT_SEED, quote
from demoshops.shops import BY_SLUG, SHOPS


class Expected(NamedTuple):
    price: Decimal
    regular_price: Decimal | None
    availability: str
    delivery: Decimal


@dataclass(frozen=True)
class ListingTruth:
    shop: str
    path: str
    sku: str
    kind: str
    """device, accessory or bundle."""
    title: str
    category: str
    model_id: str | None
    """The catalogue model for devices (None for accessories and bundles)."""
    accessory_id: str | None
    colours: tuple[str, ...]
    """Colour keys sold at this URL (several on a ProductGroup page)."""
    gtins: tuple[str, ...]
    """GTINs of those colours (or of the accessory)."""
    related: tuple[str, ...]
    """For accessories and bundles: the models they fit or contain."""
    brand: str
    mpn: str | None
    """The model code the shop publishes (of the first colour on a group page)."""
    published_gtins: tuple[str, ...]
    """The GTINs the page or feed row shows (empty when the shop does not publish them)."""

    @property
    def is_device(self) -> bool:
        return self.kind == "device"


def _truth(item: Listing) -> ListingTruth:
    gtins = tuple(v.gtin for v in item.variants) or ((item.gtin,) if item.gtin else ())
    return ListingTruth(
        shop=item.shop,
        path=item.path,
        sku=item.sku,
        kind=item.kind,
        title=item.title,
        category=item.category,
        model_id=item.model_id,
        accessory_id=item.accessory_id,
        colours=tuple(v.colour for v in item.variants),
        gtins=gtins,
        related=item.related,
        brand=item.brand,
        mpn=item.mpn,
        published_gtins=gtins if item.show_gtin else (),
    )


@cache
def _truths(shop_slug: str) -> dict[str, ListingTruth]:
    return {item.path: _truth(item) for item in shop_listings(shop_slug)}


def shops() -> list[str]:
    return [spec.slug for spec in SHOPS]


def listings(shop_slug: str | None = None) -> list[ListingTruth]:
    """Every listing (launched or not) of one shop, or of all shops."""
    slugs = [shop_slug] if shop_slug else shops()
    return [truth for slug in slugs for truth in _truths(slug).values()]


def _path(url: str) -> tuple[str, str | None]:
    parts = urlsplit(url)
    colour = parse_qs(parts.query).get("couleur", [None])[0]
    return parts.path or "/", colour


def listing(shop_slug: str, url: str) -> ListingTruth:
    """The truth for a URL of a shop; KeyError when the shop has no such listing."""
    path, colour = _path(url)
    truth = _truths(shop_slug)[path]
    if colour is not None:
        if colour not in truth.colours:
            raise KeyError(f"{url}: no colour {colour!r}")
        index = truth.colours.index(colour)
        gtin = truth.gtins[index]
        published = (gtin,) if truth.published_gtins else ()
        return replace(truth, colours=(colour,), gtins=(gtin,), published_gtins=published)
    return truth


def expected(shop_slug: str, url: str, when: datetime, seed: int = DEFAULT_SEED) -> Expected | None:
    """What the shop shows for `url` at `when`; None when the listing is not on sale yet."""
    path, _ = _path(url)
    item = by_path(shop_slug)[path]
    day = day_of(when)
    if not item.live(day, seed):
        return None
    spec = BY_SLUG[shop_slug]
    q = quote(item.base, spec, item.key, day, seed)
    return Expected(q.price, q.regular_price, q.availability, spec.delivery(q.price))


def on_sale(shop_slug: str, url: str, when: datetime, seed: int = DEFAULT_SEED) -> bool:
    """Whether the listing is on sale at `when` (else 404 and absent from sitemaps/feeds)."""
    path, _ = _path(url)
    return by_path(shop_slug)[path].live(day_of(when), seed)


def appearances(
    shop_slug: str, start: datetime, end: datetime, seed: int = DEFAULT_SEED
) -> list[tuple[str, datetime]]:
    """Listings absent at some day in [start, end) that are on sale the next day: (path, day
    it appears, at 00:00 UTC). The demo window always has some."""
    found = []
    first, last = day_of(start), day_of(end)
    for item in shop_listings(shop_slug):
        for day in range(first, last):
            if not item.live(day, seed) and item.live(day + 1, seed):
                when = datetime.combine(EPOCH + timedelta(days=day + 1), time(0), tzinfo=UTC)
                found.append((item.path, when))
    return found


def model(model_id: str) -> Model:
    return catalogue.model(model_id)


def models() -> tuple[Model, ...]:
    return catalogue.models()


def accessories() -> tuple[Accessory, ...]:
    return catalogue.accessories_list()
