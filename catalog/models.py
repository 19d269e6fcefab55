"""The catalog's typed models: shops, products, offers, their price history and crawl runs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from catalog.types import Money, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        Decimal: Money(),
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class Shop(Base):
    """A merchant we crawl; `slug` is the key used by the shop configuration."""

    __tablename__ = "shop"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    domain: Mapped[str] = mapped_column(String(255))
    country: Mapped[str] = mapped_column(String(2), default="FR")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    url: Mapped[str | None] = mapped_column(String(2048))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    offers: Mapped[list[Offer]] = relationship(back_populates="shop")

    def __repr__(self) -> str:
        return f"Shop({self.slug!r})"


class Product(Base):
    """A canonical product: one model in one price-relevant configuration (colour is a variant)."""

    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    brand: Mapped[str | None] = mapped_column(String(100), index=True)
    model: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(100), index=True)
    # Price-relevant attributes, e.g. {"storage_gb": 128, "memory_gb": 141}.
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    gtins: Mapped[list[str]] = mapped_column(default=list)
    # Normalised identity used to find the product again (brand|model|attributes).
    signature: Mapped[str | None] = mapped_column(String(500), index=True)
    image: Mapped[str | None] = mapped_column(String(2048))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    offers: Mapped[list[Offer]] = relationship(back_populates="product")

    def __repr__(self) -> str:
        return f"Product({self.id}, {self.name!r})"


# The product page's variants (same brand and model, case-folded); revision 0005_perf.
Index("ix_product_brand_model", func.lower(Product.brand), func.lower(Product.model))


class Offer(Base):
    """One shop's listing; its price is the latest seen, its history is in PriceObservation."""

    __tablename__ = "offer"
    __table_args__ = (
        UniqueConstraint("shop_id", "url", name="uq_offer_shop_url"),
        Index("ix_offer_product_price", "product_id", "price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2048))
    title: Mapped[str] = mapped_column(Text)
    brand: Mapped[str | None] = mapped_column(String(100))
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)
    mpn: Mapped[str | None] = mapped_column(String(100), index=True)
    sku: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    image: Mapped[str | None] = mapped_column(String(2048))
    colour: Mapped[str | None] = mapped_column(String(50))
    # Attributes read from the listing (storage, memory, ...), whatever the matcher understood.
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    item_group_id: Mapped[str | None] = mapped_column(String(100))

    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("product.id", ondelete="SET NULL"), index=True
    )
    # How the offer was tied to its product: gtin, mpn, fuzzy, words, new, human.
    match_method: Mapped[str | None] = mapped_column(String(20))
    match_score: Mapped[float | None] = mapped_column(Float)
    # Set by a human decision; automatic matching never moves a locked offer.
    match_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Hash of the listing fields the matcher used; a change means the evidence changed.
    match_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # Why the offer belongs to its product: rule, score, features, conflicts (revision 0002).
    match_evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    price: Mapped[Decimal | None]
    regular_price: Mapped[Decimal | None]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    delivery: Mapped[Decimal | None]
    availability: Mapped[str | None] = mapped_column(String(20))
    # Which source gave the price: json-ld, microdata, rdfa, opengraph, shop-module, html, feed.
    extraction: Mapped[str | None] = mapped_column(String(20))
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    shop: Mapped[Shop] = relationship(back_populates="offers")
    product: Mapped[Product | None] = relationship(back_populates="offers")
    observations: Mapped[list[PriceObservation]] = relationship(
        back_populates="offer", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def total_price(self) -> Decimal | None:
        """Price plus delivery, the figure French law asks comparators to rank by."""
        if self.price is None:
            return None
        return self.price + (self.delivery or Decimal("0"))

    def __repr__(self) -> str:
        return f"Offer({self.id}, {self.title!r})"


class PriceObservation(Base):
    """What a shop charged for an offer at one moment: answers "price at shop X on day D"."""

    __tablename__ = "price_observation"
    __table_args__ = (
        UniqueConstraint("offer_id", "observed_at", name="uq_price_observation_offer_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    crawl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("crawl_run.id", ondelete="SET NULL"), index=True
    )
    observed_at: Mapped[datetime] = mapped_column(index=True)
    price: Mapped[Decimal | None]
    regular_price: Mapped[Decimal | None]
    delivery: Mapped[Decimal | None]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    availability: Mapped[str | None] = mapped_column(String(20))

    offer: Mapped[Offer] = relationship(back_populates="observations")

    @property
    def total_price(self) -> Decimal | None:
        if self.price is None:
            return None
        return self.price + (self.delivery or Decimal("0"))


class CrawlRun(Base):
    """One crawl of one shop, with its counters and the reasons pages or rows were dropped."""

    __tablename__ = "crawl_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id", ondelete="CASCADE"), index=True)
    spider: Mapped[str] = mapped_column(String(50))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    # running, finished, failed
    status: Mapped[str] = mapped_column(String(20), default="running")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    offers: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    # reason -> count, e.g. {"no_price": 3, "http_404": 1}
    dropped: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    message: Mapped[str | None] = mapped_column(Text)

    shop: Mapped[Shop] = relationship()


class MatchDecision(Base):
    """A matching decision about an offer: the review queue and the record of human choices.

    status: pending (waits for a human), accepted, rejected. A human decision is never
    overwritten by automatic matching.
    """

    __tablename__ = "match_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    offer: Mapped[Offer] = relationship()
    product: Mapped[Product | None] = relationship()


class SearchDocument(Base):
    """The searchable text of one product (kept by catalog.search; FTS5 or tsvector beside it)."""

    __tablename__ = "search_document"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)
    # Compact model code ("rtx5090") and name key, for "exact model first".
    model_key: Mapped[str | None] = mapped_column(String(200), index=True)
    indexed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Ranking and facet figures kept with the text (revision 0006_search_figures): `rank` orders
    # by offers then name length (and is the FTS5 rowid on SQLite), so LIMIT stops early.
    rank: Mapped[int | None] = mapped_column(BigInteger, index=True)
    name_length: Mapped[int] = mapped_column(Integer, default=0)
    best_total: Mapped[Decimal | None]
    offer_count: Mapped[int] = mapped_column(Integer, default=0)
    shop_count: Mapped[int] = mapped_column(Integer, default=0)
    in_stock: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str | None] = mapped_column(String(100))
    brand: Mapped[str | None] = mapped_column(String(100))
    price_range: Mapped[str | None] = mapped_column(String(20))
    storage: Mapped[str | None] = mapped_column(String(20))
    gpu_memory: Mapped[str | None] = mapped_column(String(20))


Index("ix_search_document_category_rank", SearchDocument.category, SearchDocument.rank)
Index("ix_search_document_brand_rank", SearchDocument.brand, SearchDocument.rank)


class SearchKey(Base):
    """Compact spellings naming a product exactly ("rtx5090", a GTIN): "exact model first"."""

    __tablename__ = "search_key"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SearchStale(Base):
    """Products whose search figures (prices, offers, stock) are stale; filled by triggers."""

    __tablename__ = "search_stale"

    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SearchTerm(Base):
    """Every indexed term once: the vocabulary typo correction picks from."""

    __tablename__ = "search_term"

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    term_length: Mapped[int] = mapped_column(Integer, index=True)


class SearchDirty(Base):
    """Products whose search document is stale; filled by database triggers on product/offer."""

    __tablename__ = "search_dirty"

    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


from catalog import site_models as site_models  # noqa: E402 - site tables (alerts, admin) share Base
