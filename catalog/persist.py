"""Writes crawled offers, their price history and crawl runs into the catalog.

Pure SQLAlchemy: the crawl's persist pipeline, the run API and the scheduler call these with a
session they own (`with factory.begin() as session:`), one transaction per batch. Offers are
upserted by (shop, url); each crawl adds one PriceObservation per offer at the crawl's
observation time, and the unique (offer, observed_at) key makes a re-run idempotent. Offers that
disappear from a shop are kept: their `last_seen` simply stops moving.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from catalog.models import CrawlRun, Offer, PriceObservation, Shop
from catalog.shopconfig import ShopConfig

OFFER = cast(Table, Offer.__table__)
OBSERVATION = cast(Table, PriceObservation.__table__)
# Column widths of catalog.models.Offer: scraped text is cut to fit rather than failing a batch.
TEXT_LIMITS = {
    "brand": 100,
    "mpn": 100,
    "sku": 100,
    "category": 200,
    "image": 2048,
    "colour": 50,
    "item_group_id": 100,
    "availability": 20,
    "extraction": 20,
}
# Listing fields kept when a later crawl does not state them (a feed without the brand, ...).
STICKY = (
    "brand",
    "gtin",
    "mpn",
    "sku",
    "category",
    "description",
    "image",
    "colour",
    "item_group_id",
)


# What save_offers reads of an existing offer to write only what changed.
_CURRENT = [OFFER.c[name] for name in ("id", "url", "last_seen", "first_seen", "attributes",
            *TEXT_LIMITS, "title", "price", "regular_price", "currency", "delivery", "gtin",
            "description")]  # fmt: skip


class OfferData(Protocol):
    """What persistence needs from a crawled offer (spiders.items.Offer fits)."""

    url: str
    title: str | None
    price: Decimal | None
    regular_price: Decimal | None
    currency: str | None
    availability: str | None
    brand: str | None
    gtin: str | None
    mpn: str | None
    sku: str | None
    image: str | None
    method: str | None
    delivery: Decimal | None
    category: str | None
    description: str | None
    colour: str | None
    item_group_id: str | None
    attributes: dict[str, Any]


@dataclass(frozen=True)
class LastRun:
    """The latest crawl of a shop, as the scheduler sees it."""

    started_at: datetime
    status: str
    finished_at: datetime | None = None
    run_id: int | None = None


def _ensure_shop(session: Session, values: dict[str, Any]) -> None:
    """Insert a shop unless its slug exists. Two processes of a distributed crawl open the same
    shop at once: a plain INSERT after a SELECT failed the second one on the unique slug."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(Shop).values(**values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(Shop).values(**values).on_conflict_do_nothing())
    elif session.scalars(select(Shop.id).where(Shop.slug == values["slug"])).first() is None:
        session.add(Shop(**values))  # other engines: no concurrent crawls there
        session.flush()


def upsert_shop(session: Session, config: ShopConfig) -> Shop:
    """The Shop row for a configured shop, created or brought up to date."""
    shop = session.scalars(select(Shop).where(Shop.slug == config.slug)).one_or_none()
    if shop is None:
        _ensure_shop(session, {"slug": config.slug, "name": config.name, "domain": config.domain,
                               "currency": config.currency})  # fmt: skip
        shop = session.scalars(select(Shop).where(Shop.slug == config.slug)).one()
    shop.name = config.name
    shop.domain = config.domain
    shop.country = config.country
    shop.currency = config.currency
    shop.url = config.url
    session.flush()
    return shop


def shop_for_domain(session: Session, domain: str, currency: str = "EUR") -> Shop:
    """A Shop for an unconfigured domain (the `product` spider storing ad-hoc URLs)."""
    shop = session.scalars(select(Shop).where(Shop.domain == domain)).first()
    if shop is None:
        slug = "".join(c if c.isalnum() else "-" for c in domain.lower())[:64]
        _ensure_shop(session, {"slug": slug, "name": domain, "domain": domain,
                               "currency": currency, "url": f"https://{domain}/"})  # fmt: skip
        shop = session.scalars(select(Shop).where(Shop.slug == slug)).one()
    return shop


def start_run(session: Session, shop_id: int, spider: str, started_at: datetime) -> CrawlRun:
    run = CrawlRun(
        shop_id=shop_id,
        spider=spider,
        started_at=started_at,
        status="running",
        dropped={},
        stats={},
    )
    session.add(run)
    session.flush()
    return run


def finish_run(
    session: Session,
    run_id: int,
    *,
    status: str,
    finished_at: datetime,
    pages: int = 0,
    offers: int = 0,
    errors: int = 0,
    dropped: dict[str, int] | None = None,
    stats: dict[str, Any] | None = None,
    message: str | None = None,
) -> None:
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise LookupError(f"no crawl run {run_id}")
    run.status = status
    run.finished_at = finished_at
    run.pages, run.offers, run.errors = pages, offers, errors
    run.dropped = dict(dropped or {})
    run.stats = dict(stats or {})
    run.message = message[:2000] if message else None
    session.flush()


def fail_unfinished(
    session: Session, run_ids: Iterable[int], finished_at: datetime, message: str
) -> list[int]:
    """Marks runs still 'running' as failed (their crawl process died); returns their ids."""
    runs = session.scalars(
        select(CrawlRun).where(CrawlRun.id.in_(list(run_ids)), CrawlRun.status == "running")
    ).all()
    for run in runs:
        run.status = "failed"
        run.finished_at = finished_at
        run.errors = max(run.errors, 1)
        run.message = message[:2000]
    session.flush()
    return [run.id for run in runs]


def save_offers(
    session: Session,
    shop_id: int,
    offers: Sequence[OfferData],
    observed_at: datetime,
    crawl_run_id: int | None = None,
) -> list[int]:
    """Upserts a batch of one shop's offers and records their prices at `observed_at`.

    A handful of statements per batch whatever its size. Returns the ids of the offers saved.
    An observation older than the offer's `last_seen` (a backfill) adds history only.
    """
    by_url = {offer.url: offer for offer in offers}  # the last reading of a URL wins
    if not by_url:
        return []
    existing = {
        row.url: row
        for row in session.execute(
            select(*_CURRENT).where(OFFER.c.shop_id == shop_id, OFFER.c.url.in_(list(by_url)))
        )
    }
    new_rows = [
        {
            **_columns(offer),
            "shop_id": shop_id,
            "url": url,
            "first_seen": observed_at,
            "last_seen": observed_at,
            "attributes": dict(offer.attributes or {}),
        }
        for url, offer in by_url.items()
        if url not in existing
    ]
    ids: dict[str, int] = {}
    if new_rows:
        # Core, not ORM, insert: the ORM keeps RETURNING rows in parameter order by inserting
        # one row at a time on SQLite; matching on the URL needs no order, so one statement.
        returning = insert(OFFER).returning(OFFER.c.id, OFFER.c.url)
        ids.update({row.url: row.id for row in session.execute(returning, new_rows)})
    updates = []
    for url, row in existing.items():
        ids[url] = row.id
        change: dict[str, Any] = {"id": row.id}
        if row.first_seen > observed_at:
            change["first_seen"] = observed_at
        if row.last_seen <= observed_at:
            # Only what differs is written: most offers change nothing but last_seen.
            columns, current = _columns(by_url[url]), row._mapping
            change.update(
                {k: v for k, v in columns.items() if (k not in STICKY or v) and v != current[k]}
            )
            if row.last_seen != observed_at:
                change["last_seen"] = observed_at
            attributes = by_url[url].attributes
            if attributes and dict(attributes) != row.attributes:
                change["attributes"] = dict(attributes)
        if len(change) > 1:
            updates.append(change)
    _update_rows(session, updates)
    _observe(session, {ids[url]: offer for url, offer in by_url.items()}, observed_at, crawl_run_id)
    return list(ids.values())


def _update_rows(session: Session, updates: list[dict[str, Any]]) -> None:
    """UPDATE offer rows by id: one executemany per set of columns. Core, not the ORM bulk
    update, which processes every row through the mapper and cost three times as much."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in updates:
        groups.setdefault(tuple(sorted(change)), []).append(change)
    for keys, rows in groups.items():
        columns = [key for key in keys if key != "id"]
        statement = (
            update(OFFER)
            .where(OFFER.c.id == bindparam("b_id", type_=OFFER.c.id.type))
            .values({key: bindparam(f"b_{key}", type_=OFFER.c[key].type) for key in columns})
        )
        session.execute(statement, [{f"b_{key}": row[key] for key in keys} for row in rows])


def _observe(
    session: Session, offers: dict[int, OfferData], observed_at: datetime, crawl_run_id: int | None
) -> None:
    seen = dict(
        session.execute(
            select(PriceObservation.offer_id, PriceObservation.id).where(
                PriceObservation.offer_id.in_(list(offers)),
                PriceObservation.observed_at == observed_at,
            )
        ).all()
    )
    rows = [
        {
            "offer_id": offer_id,
            "observed_at": observed_at,
            "crawl_run_id": crawl_run_id,
            "price": offer.price,
            "regular_price": offer.regular_price,
            "delivery": offer.delivery,
            "currency": (offer.currency or "EUR")[:3],
            "availability": _clip(offer.availability, 20),
        }
        for offer_id, offer in offers.items()
    ]
    fresh = [row for row in rows if row["offer_id"] not in seen]
    again = [{**row, "id": seen[row["offer_id"]]} for row in rows if row["offer_id"] in seen]
    if fresh:
        session.execute(insert(OBSERVATION), fresh)
    if again:
        session.execute(update(PriceObservation), again)


def _columns(offer: OfferData) -> dict[str, Any]:
    gtin = offer.gtin if offer.gtin and offer.gtin.isdigit() and len(offer.gtin) <= 14 else None
    values: dict[str, Any] = {
        "title": offer.title or "",
        "price": offer.price,
        "regular_price": offer.regular_price,
        "currency": (offer.currency or "EUR")[:3],
        "delivery": offer.delivery,
        "availability": offer.availability,
        "extraction": offer.method,
        "brand": offer.brand,
        "gtin": gtin,
        "mpn": offer.mpn,
        "sku": offer.sku,
        "category": offer.category,
        "description": offer.description,
        "image": offer.image,
        "colour": offer.colour,
        "item_group_id": offer.item_group_id,
    }
    return {k: _clip(v, TEXT_LIMITS[k]) if k in TEXT_LIMITS else v for k, v in values.items()}


def _clip(value: Any, limit: int) -> Any:
    return value[:limit] if isinstance(value, str) else value


def last_runs(session: Session, slugs: Iterable[str] | None = None) -> dict[str, LastRun]:
    """The latest CrawlRun of each shop (by start time), keyed by shop slug."""
    latest = (
        select(CrawlRun.shop_id, func.max(CrawlRun.started_at).label("started_at"))
        .group_by(CrawlRun.shop_id)
        .subquery()
    )
    query = (
        select(Shop.slug, CrawlRun.started_at, CrawlRun.status, CrawlRun.finished_at, CrawlRun.id)
        .join(CrawlRun, CrawlRun.shop_id == Shop.id)
        .join(
            latest,
            (latest.c.shop_id == CrawlRun.shop_id) & (latest.c.started_at == CrawlRun.started_at),
        )
        .order_by(CrawlRun.id)
    )
    if slugs is not None:
        query = query.where(Shop.slug.in_(list(slugs)))
    return {
        slug: LastRun(started, status, finished, run_id)
        for slug, started, status, finished, run_id in session.execute(query)
    }


def offer_ids_of_runs(session: Session, run_ids: Iterable[int]) -> list[int]:
    """The offers observed by these crawl runs (what the matcher should look at next)."""
    query = select(PriceObservation.offer_id).where(
        PriceObservation.crawl_run_id.in_(list(run_ids))
    )
    return sorted(set(session.scalars(query)))
