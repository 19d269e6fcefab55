"""Keeping the search index current: documents, figures and exact-model keys per product.

Database triggers add a product's id to `search_dirty` when the product, or one of its
offers' product_id/gtin/mpn, changes (revision 0003_search), and to `search_stale` when an
offer's price, delivery, availability or shop changes (revision 0006_search_figures).
`refresh()` rebuilds the dirty documents and updates the stale figures; `reindex()` rebuilds
given products at once (the matcher may call it after a batch).

Products are read as plain rows of explicit columns (never whole ORM objects), so that the
migration that fills the figures keeps working when later revisions add product columns.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from catalog.models import Product, SearchDirty, SearchDocument, SearchKey, SearchStale
from catalog.search import figures as fig
from catalog.search.text import compact, document_terms, fold
from catalog.types import utcnow

DOCUMENTS: Table = SearchDocument.__table__  # type: ignore[assignment]

log = logging.getLogger(__name__)

# Category names as crawled are often English: French readers type these words.
CATEGORY_WORDS = {
    "gpu": "carte graphique gpu",
    "datacenter-gpu": "carte graphique gpu datacenter serveur ia",
    "gpu-datacenter": "carte graphique gpu datacenter serveur ia",
    "smartphone": "smartphone telephone mobile",
    "earbuds": "ecouteurs sans fil earbuds",
    "headphones": "casque audio",
    "laptop": "ordinateur portable pc laptop",
    "accessory": "accessoire accessory",
    "bundle": "pack bundle",
}
# Attribute keys whose value reads as a quantity a reader might type ("128 go").
UNIT_WORDS = {"storage_gb": "go", "memory_gb": "go", "ram_gb": "go"}
BATCH = 500
PRODUCT_COLUMNS = (
    Product.id,
    Product.name,
    Product.brand,
    Product.model,
    Product.category,
    Product.attributes,
    Product.gtins,
)


def product_text(product: Any, offer_codes: Iterable[str] = ()) -> str:
    """The words a reader may type to find this product (a Product or a product row)."""
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


def model_key(product: Any) -> str:
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


def _offer_codes(session: Session, ids: Sequence[int]) -> dict[int, set[str]]:
    codes: dict[int, set[str]] = {}
    rows = session.execute(
        text("SELECT product_id, gtin, mpn FROM offer WHERE product_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": list(ids)},
    )
    for row in rows:
        product_id, gtin, mpn = row[0], row[1], row[2]
        codes.setdefault(int(product_id), set()).update(str(c) for c in (gtin, mpn) if c)
    return codes


def _reindex_batch(session: Session, ids: Sequence[int]) -> int:
    dialect = session.get_bind().dialect.name
    products = session.execute(select(*PRODUCT_COLUMNS).where(Product.id.in_(ids))).all()
    codes = _offer_codes(session, ids)
    figures = fig.offer_figures(session, ids)
    _drop(session, dialect, ids)
    if not products:
        return 0
    vocabulary: set[str] = set()
    documents: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
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
                **fig.document_figures(product, figures.get(product.id)),
            }
        )
        keys.extend({"key": k, "product_id": product.id} for k in fig.exact_keys(product))
    session.execute(insert(SearchDocument), documents)
    if keys:
        session.execute(insert(SearchKey), keys)
    if dialect == "sqlite":
        session.execute(
            text("INSERT INTO search_fts(rowid, document) VALUES (:rank, :document)"), documents
        )
    elif dialect == "postgresql":
        # Name words weigh more (A) than the rest of the document (D).
        session.execute(
            text(
                "UPDATE search_document SET tsv = "
                "setweight(to_tsvector('simple', unaccent(lower(:name))), 'A') || "
                "to_tsvector('simple', :document) WHERE product_id = :product_id"
            ),
            [
                {"name": p.name, "document": d["document"], "product_id": p.id}
                for p, d in zip(products, documents, strict=True)
            ],
        )
    _add_terms(session, dialect, vocabulary)
    return len(products)


def _drop(session: Session, dialect: str, ids: Sequence[int]) -> None:
    if dialect == "sqlite":
        session.execute(
            text(
                "DELETE FROM search_fts WHERE rowid IN "
                "(SELECT rank FROM search_document WHERE product_id IN :ids)"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": list(ids)},
        )
    session.execute(delete(SearchKey).where(SearchKey.product_id.in_(ids)))
    session.execute(delete(SearchDocument).where(SearchDocument.product_id.in_(ids)))


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


def refresh_figures(session: Session, product_ids: Iterable[int]) -> int:
    """Update the figures (prices, counts, stock, rank) of these documents; not the text."""
    dialect = session.get_bind().dialect.name
    ids = sorted(set(product_ids))
    changed = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        current = session.execute(
            select(
                SearchDocument.product_id,
                SearchDocument.rank,
                SearchDocument.name_length,
                SearchDocument.document,
                SearchDocument.category,
            ).where(SearchDocument.product_id.in_(chunk))
        ).all()
        figures = fig.offer_figures(session, chunk)
        rows = []
        for pid, old_rank, name_length, document, category in current:
            values = fig.offer_values(figures.get(pid))
            values["rank"] = fig.rank_key(values["offer_count"], name_length, pid, category)
            rows.append({"pid": pid, "old_rank": old_rank, "document": document, **values})
        if not rows:
            continue
        columns: dict[str, Any] = {
            k: bindparam(k) for k in rows[0] if k not in ("pid", "old_rank", "document")
        }
        session.execute(
            update(DOCUMENTS).where(DOCUMENTS.c.product_id == bindparam("pid")).values(**columns),
            rows,
        )
        if dialect == "sqlite":
            moved = [r for r in rows if r["rank"] != r["old_rank"]]
            if moved:
                session.execute(text("DELETE FROM search_fts WHERE rowid = :old_rank"), moved)
                session.execute(
                    text("INSERT INTO search_fts(rowid, document) VALUES (:rank, :document)"),
                    moved,
                )
        changed += len(rows)
    return changed


def refresh(session: Session, limit: int = 2000) -> int:
    """Rebuild stale documents and figures the triggers marked; returns how many. Commits."""
    ids = list(session.scalars(select(SearchDirty.product_id).limit(limit)))
    stale = list(session.scalars(select(SearchStale.product_id).limit(limit)))
    if not ids and not stale:
        return 0
    # Unmark first: a change committed meanwhile marks the product again for next time.
    count = 0
    if ids:
        session.execute(delete(SearchDirty).where(SearchDirty.product_id.in_(ids)))
        count += reindex(session, ids)
    stale = sorted(set(stale) - set(ids))
    if stale:
        session.execute(delete(SearchStale).where(SearchStale.product_id.in_(stale)))
        count += refresh_figures(session, stale)
    session.commit()
    log.info("search index refreshed for %d products", count)
    return count


def rebuild(session: Session) -> int:
    """Reindex every product (after a bulk load or a change of text rules). Commits."""
    session.execute(delete(SearchDirty))
    session.execute(delete(SearchStale))
    ids = list(session.scalars(select(Product.id)))
    count = reindex(session, ids)
    session.commit()
    return count


def backfill(session: Session) -> int:
    """Fill figures and keys of existing documents (revision 0006); renumber FTS5 rows."""
    dialect = session.get_bind().dialect.name
    ids = list(
        session.scalars(select(SearchDocument.product_id).order_by(SearchDocument.product_id))
    )
    for start in range(0, len(ids), BATCH * 4):
        chunk = ids[start : start + BATCH * 4]
        products = session.execute(select(*PRODUCT_COLUMNS).where(Product.id.in_(chunk))).all()
        figures = fig.offer_figures(session, chunk)
        rows = [{"pid": p.id, **fig.document_figures(p, figures.get(p.id))} for p in products]
        if rows:
            columns: dict[str, Any] = {k: bindparam(k) for k in rows[0] if k != "pid"}
            session.execute(
                update(DOCUMENTS)
                .where(DOCUMENTS.c.product_id == bindparam("pid"))
                .values(**columns),
                rows,
            )
        keys = [{"key": k, "product_id": p.id} for p in products for k in fig.exact_keys(p)]
        if keys:
            session.execute(insert(SearchKey), keys)
        if start and start % 50_000 == 0:
            log.info("search figures: %d documents", start)
    if dialect == "sqlite":
        session.execute(text("DELETE FROM search_fts"))
        session.execute(
            text(
                "INSERT INTO search_fts(rowid, document) SELECT rank, document FROM search_document"
            )
        )
    session.flush()
    return len(ids)


def stale_count(session: Session) -> int:
    dirty = session.scalar(select(func.count()).select_from(SearchDirty)) or 0
    return int(dirty) + int(session.scalar(select(func.count()).select_from(SearchStale)) or 0)
