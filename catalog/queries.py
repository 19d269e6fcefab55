"""Read-side queries for the site, the API and the exports (no Flask here).

"Total price" is always price + delivery (delivery unknown counts as 0 and is flagged).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session, joinedload

from catalog.models import Offer, PriceObservation, Product, SearchDocument, Shop
from catalog.types import Money

# schema.org availability names that mean "you can buy it now".
IN_STOCK = ("instock", "limitedavailability", "onlineonly", "instoreonly")


def availability_key(value: str | None) -> str:
    """'https://schema.org/InStock' or 'InStock' -> 'instock'; unknown -> ''."""
    if not value:
        return ""
    return value.rsplit("/", 1)[-1].strip().lower().replace("_", "").replace(" ", "")


def is_in_stock(value: str | None) -> bool:
    return availability_key(value) in IN_STOCK


def offer_total() -> Any:
    """SQL expression of an offer's total price, exact on both engines."""
    return type_coerce(Offer.price + func.coalesce(Offer.delivery, 0), Money())


def in_stock_sql() -> Any:
    """SQL test on Offer.availability matching `is_in_stock` for the usual spellings."""
    key = func.lower(func.replace(Offer.availability, "https://schema.org/", ""))
    key = func.replace(func.replace(key, "http://schema.org/", ""), "_", "")
    return key.in_(IN_STOCK)


@dataclass(frozen=True)
class ProductSummary:
    """A product with its market figures: best total price, offers and shops counted."""

    product: Product
    best_total: Decimal | None
    offer_count: int
    shop_count: int
    in_stock: bool


def summaries_query() -> Select:  # type: ignore[type-arg]
    """Per product: best total price, priced offers, shops, any offer in stock."""
    return (
        select(
            Offer.product_id,
            func.min(offer_total()).label("best_total"),
            func.count(Offer.id).label("offer_count"),
            func.count(func.distinct(Offer.shop_id)).label("shop_count"),
            func.max(case((in_stock_sql(), 1), else_=0)).label("in_stock"),
        )
        .where(Offer.product_id.is_not(None), Offer.price.is_not(None))
        .group_by(Offer.product_id)
    )


def product_summaries(session: Session, ids: Sequence[int]) -> dict[int, ProductSummary]:
    """Summaries for these product ids (products without a priced offer included)."""
    out: dict[int, ProductSummary] = {}
    for start in range(0, len(ids), 900):
        chunk = list(ids[start : start + 900])
        products = session.scalars(select(Product).where(Product.id.in_(chunk))).all()
        figures = {
            row.product_id: row
            for row in session.execute(summaries_query().where(Offer.product_id.in_(chunk)))
        }
        for product in products:
            row = figures.get(product.id)
            out[product.id] = ProductSummary(
                product=product,
                best_total=row.best_total if row else None,
                offer_count=int(row.offer_count) if row else 0,
                shop_count=int(row.shop_count) if row else 0,
                in_stock=bool(row.in_stock) if row else False,
            )
    return out


def summary_of_offers(product: Product, offers: Sequence[Offer]) -> ProductSummary:
    """The same figures as `product_summaries`, from offers already loaded (the product page)."""
    priced = [o for o in offers if o.price is not None]
    totals = [o.total_price for o in priced if o.total_price is not None]
    return ProductSummary(
        product=product,
        best_total=min(totals) if totals else None,
        offer_count=len(priced),
        shop_count=len({o.shop_id for o in priced}),
        in_stock=any(is_in_stock(o.availability) for o in priced),
    )


def offer_colours(offers: Sequence[Offer]) -> list[str]:
    """`colours()` from offers already loaded."""
    found = {o.colour.strip() for o in offers if o.colour and o.colour.strip()}
    return sorted(found, key=str.lower)


def most_compared(session: Session, limit: int = 8) -> list[ProductSummary]:
    """The products with the most priced offers (the home page), in SQL rather than search."""
    counted = summaries_query().subquery()
    ids: list[int] = list(
        session.scalars(
            select(counted.c.product_id)
            .order_by(counted.c.offer_count.desc(), counted.c.product_id)
            .limit(limit)
        )
    )
    found = product_summaries(session, ids)
    return [found[i] for i in ids if i in found]


def category_counts(session: Session) -> list[tuple[str, int]]:
    """Categories with their number of products, largest first."""
    rows = session.execute(
        select(Product.category, func.count(Product.id))
        .where(Product.category.is_not(None))
        .group_by(Product.category)
        .order_by(func.count(Product.id).desc(), Product.category)
    )
    return [(str(name), int(count)) for name, count in rows]


def category_summaries(
    session: Session, category: str, chunk: int = 500
) -> Iterator[ProductSummary]:
    """Every product of a category with its figures, by id, in chunks (exports)."""
    last = 0
    while True:
        ids: list[int] = list(
            session.scalars(
                select(Product.id)
                .where(func.lower(Product.category) == category.lower(), Product.id > last)
                .order_by(Product.id)
                .limit(chunk)
            )
        )
        if not ids:
            return
        found = product_summaries(session, ids)
        yield from (found[i] for i in ids if i in found)
        last = ids[-1]


def ranked_offers(session: Session, product_id: int) -> list[Offer]:
    """The product's offers for the page: priced and in stock first, then by total price.

    Ties keep the most recently seen first, then the shop name, so the order is stable.
    """
    offers = session.scalars(
        select(Offer).options(joinedload(Offer.shop)).where(Offer.product_id == product_id)
    ).all()

    def key(offer: Offer) -> tuple[int, int, Decimal, float, str]:
        total = offer.total_price
        return (
            0 if total is not None else 1,
            0 if is_in_stock(offer.availability) else 1,
            total if total is not None else Decimal(0),
            -offer.last_seen.timestamp(),
            offer.shop.name.lower(),
        )

    return sorted(offers, key=key)


def variants(session: Session, product: Product) -> list[ProductSummary]:
    """Other configurations of the same brand and model (storage, memory...).

    Their figures come from the search documents in the same query (kept current by the
    triggers and the next search's refresh); a product without a document yet is summed live.
    """
    if not product.model:
        return []
    rows = session.execute(
        select(
            Product,
            SearchDocument.best_total,
            SearchDocument.offer_count,
            SearchDocument.shop_count,
            SearchDocument.in_stock,
        )
        .outerjoin(SearchDocument, SearchDocument.product_id == Product.id)
        .where(
            func.lower(Product.brand) == (product.brand or "").lower(),
            func.lower(Product.model) == product.model.lower(),
            Product.id != product.id,
        )
    ).all()
    found = {
        p.id: ProductSummary(p, best, int(offers), int(shops), bool(stock))
        for p, best, offers, shops, stock in rows
        if offers is not None
    }
    missing = [p.id for p, *_ in rows if p.id not in found]
    found.update(product_summaries(session, missing) if missing else {})
    return sorted(
        found.values(),
        key=lambda s: (sorted((k, str(v)) for k, v in s.product.attributes.items()), s.product.id),
    )


def colours(session: Session, product_id: int) -> list[str]:
    rows: Any = session.scalars(
        select(func.distinct(Offer.colour)).where(
            Offer.product_id == product_id, Offer.colour.is_not(None)
        )
    )
    return sorted({c.strip() for c in rows if c and c.strip()}, key=str.lower)


@dataclass(frozen=True)
class HistoryRow:
    """One price observation with its offer, shop and product (exports and charts)."""

    observed_at: datetime
    product_id: int
    product_name: str
    shop_slug: str
    shop_name: str
    offer_id: int
    offer_title: str
    price: Decimal | None
    delivery: Decimal | None
    currency: str
    availability: str | None
    url: str

    @property
    def total_price(self) -> Decimal | None:
        if self.price is None:
            return None
        return self.price + (self.delivery or Decimal(0))


def history_rows(
    session: Session,
    product_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    category: str | None = None,
    batch: int = 2000,
) -> Iterator[HistoryRow]:
    """Price observations in time order, streamed in batches (constant memory)."""
    statement = (
        select(
            PriceObservation.observed_at,
            Product.id,
            Product.name,
            Shop.slug,
            Shop.name,
            Offer.id,
            Offer.title,
            PriceObservation.price,
            PriceObservation.delivery,
            PriceObservation.currency,
            PriceObservation.availability,
            Offer.url,
        )
        .join(Offer, PriceObservation.offer_id == Offer.id)
        .join(Product, Offer.product_id == Product.id)
        .join(Shop, Offer.shop_id == Shop.id)
        .order_by(PriceObservation.observed_at, PriceObservation.id)
    )
    conditions = []
    if product_id is not None:
        conditions.append(Offer.product_id == product_id)
    if since is not None:
        conditions.append(PriceObservation.observed_at >= since)
    if until is not None:
        conditions.append(PriceObservation.observed_at < until)
    if category:
        conditions.append(func.lower(Product.category) == category.lower())
    if conditions:
        statement = statement.where(and_(*conditions))
    result = session.execute(statement.execution_options(yield_per=batch))
    for row in result:
        yield HistoryRow(*row)  # type: ignore[call-arg]
