"""Keeping the search index current: documents built from products and their offers.

Database triggers (revision 0003_search) add a product's id to `search_dirty` whenever the
product, or one of its offers' product_id/gtin/mpn, changes. `refresh()` rebuilds those
documents; `reindex()` rebuilds given products at once (the matcher may call it after a batch).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, text
from sqlalchemy.orm import Session

from catalog.models import Offer, Product, SearchDirty, SearchDocument
from catalog.search.text import compact, document_terms, fold
from catalog.types import utcnow

log = logging.getLogger(__name__)

# Category names as crawled are often English: French readers type these words.
CATEGORY_WORDS = {
    "gpu": "carte graphique gpu",
    "datacenter-gpu": "carte graphique gpu datacenter serveur ia",
    "smartphone": "smartphone telephone mobile",
    "earbuds": "ecouteurs sans fil earbuds",
    "headphones": "casque audio",
    "laptop": "ordinateur portable pc laptop",
}
# Attribute keys whose value reads as a quantity a reader might type ("128 go").
UNIT_WORDS = {"storage_gb": "go", "memory_gb": "go", "ram_gb": "go"}
BATCH = 500


def product_text(product: Product, offer_codes: Iterable[str] = ()) -> str:
    """The words a reader may type to find this product."""
    parts: list[str] = [product.name, product.brand or "", product.model or ""]
    category = product.category or ""
    parts.append(CATEGORY_WORDS.get(fold(category), category))
    for key, value in sorted((product.attributes or {}).items()):
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            unit = UNIT_WORDS.get(key, "")
            parts.append(f"{value} {unit}".strip())
    parts.extend(product.gtins or [])
    parts.extend(offer_codes)
    return " ".join(p for p in parts if p)


def model_key(product: Product) -> str:
    return compact(f"{product.model}") if product.model else compact(product.name)


def reindex(session: Session, product_ids: Iterable[int]) -> int:
    """Rebuild the documents of these products (deleted ones are dropped); returns the count.

    Runs in the caller's transaction; the caller commits.
    """
    ids = sorted(set(product_ids))
    done = 0
    for start in range(0, len(ids), BATCH):
        done += _reindex_batch(session, ids[start : start + BATCH])
    return done


def _reindex_batch(session: Session, ids: Sequence[int]) -> int:
    dialect = session.get_bind().dialect.name
    products = session.scalars(select(Product).where(Product.id.in_(ids))).all()
    codes: dict[int, set[str]] = {}
    rows = session.execute(
        select(Offer.product_id, Offer.gtin, Offer.mpn).where(Offer.product_id.in_(ids))
    )
    for product_id, gtin, mpn in rows:
        if product_id is None:
            continue
        codes.setdefault(product_id, set()).update(c for c in (gtin, mpn) if c)
    session.execute(delete(SearchDocument).where(SearchDocument.product_id.in_(ids)))
    if dialect == "sqlite":
        session.execute(
            text("DELETE FROM search_fts WHERE rowid IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": list(ids)},
        )
    if not products:
        return 0
    vocabulary: set[str] = set()
    documents: list[dict[str, Any]] = []
    now = utcnow()
    for product in products:
        terms = document_terms(product_text(product, sorted(codes.get(product.id, ()))))
        vocabulary.update(t for t in terms if 2 <= len(t) <= 64)
        documents.append(
            {
                "product_id": product.id,
                "document": " ".join(terms),
                "model_key": model_key(product)[:200] or None,
                "indexed_at": now,
                "name": product.name,
            }
        )
    session.execute(
        insert(SearchDocument), [{k: v for k, v in d.items() if k != "name"} for d in documents]
    )
    if dialect == "sqlite":
        session.execute(
            text("INSERT INTO search_fts(rowid, document) VALUES (:product_id, :document)"),
            documents,
        )
    elif dialect == "postgresql":
        # Name words weigh more (A) than the rest of the document (D) in ts_rank.
        session.execute(
            text(
                "UPDATE search_document SET tsv = "
                "setweight(to_tsvector('simple', unaccent(lower(:name))), 'A') || "
                "to_tsvector('simple', :document) WHERE product_id = :product_id"
            ),
            documents,
        )
    _add_terms(session, dialect, vocabulary)
    return len(products)


def _add_terms(session: Session, dialect: str, vocabulary: set[str]) -> None:
    if not vocabulary:
        return
    rows: list[dict[str, Any]] = [{"t": t, "n": len(t)} for t in sorted(vocabulary)]
    if dialect == "sqlite":
        statement = "INSERT OR IGNORE INTO search_term(term, term_length) VALUES (:t, :n)"
    else:
        statement = (
            "INSERT INTO search_term(term, term_length) VALUES (:t, :n) ON CONFLICT DO NOTHING"
        )
    session.execute(text(statement), rows)


def refresh(session: Session, limit: int = 2000) -> int:
    """Rebuild the documents the triggers marked stale; returns how many. Commits."""
    ids = list(session.scalars(select(SearchDirty.product_id).limit(limit)))
    if not ids:
        return 0
    # Unmark first: a change committed meanwhile marks the product again for next time.
    session.execute(delete(SearchDirty).where(SearchDirty.product_id.in_(ids)))
    count = reindex(session, ids)
    session.commit()
    log.info("search index refreshed for %d products", count)
    return count


def rebuild(session: Session) -> int:
    """Reindex every product (after a bulk load or a change of text rules). Commits."""
    session.execute(delete(SearchDirty))
    ids = list(session.scalars(select(Product.id)))
    count = reindex(session, ids)
    session.commit()
    return count


def stale_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(SearchDirty)) or 0)
