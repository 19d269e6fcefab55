"""Search queries: resolve terms, fetch candidates, rank, filter and count facets."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalog.models import Product, SearchDocument
from catalog.queries import ProductSummary, product_summaries
from catalog.search import engine
from catalog.search.engine import Term
from catalog.search.index import refresh
from catalog.search.text import compact, fold, query_terms, words

log = logging.getLogger(__name__)

# Price ranges of the facet, in euros: (low inclusive, high exclusive).
PRICE_RANGES: list[tuple[int, int | None]] = [
    (0, 100),
    (100, 300),
    (300, 700),
    (700, 1500),
    (1500, 5000),
    (5000, 20000),
    (20000, None),
]
FACETS = ("category", "brand", "price", "storage", "gpu_memory", "availability")


@dataclass
class Filters:
    """Facet choices; None means "any". `price` is a range key such as "300-700"."""

    category: str | None = None
    brand: str | None = None
    price: str | None = None
    storage: str | None = None
    gpu_memory: str | None = None
    availability: str | None = None  # "in_stock"

    def active(self) -> dict[str, str]:
        return {k: v for k in FACETS if (v := getattr(self, k))}


@dataclass(frozen=True)
class Hit:
    summary: ProductSummary
    exact: bool
    score: float

    @property
    def product(self) -> Product:
        return self.summary.product


@dataclass(frozen=True)
class Facet:
    name: str
    value: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)
    near: list[Hit] = field(default_factory=list)
    # True when the matches reached engine.CANDIDATES: `total` is then a lower bound.
    capped: bool = False


def price_key(total: Decimal | None) -> str | None:
    if total is None:
        return None
    for low, high in PRICE_RANGES:
        if total >= low and (high is None or total < high):
            return f"{low}-{high}" if high is not None else f"{low}-"
    return None


def facet_values(summary: ProductSummary) -> dict[str, str | None]:
    attributes: dict[str, Any] = summary.product.attributes or {}
    return {
        "category": summary.product.category,
        "brand": summary.product.brand,
        "price": price_key(summary.best_total),
        "storage": _number(attributes.get("storage_gb")),
        "gpu_memory": _number(attributes.get("memory_gb")),
        "availability": "in_stock" if summary.in_stock else "out_of_stock",
    }


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, Decimal)) or (isinstance(value, str) and value.isdigit()):
        return str(int(value))
    return None


def _terms(words_: list[str], last_prefix: bool) -> list[Term]:
    out = []
    for i, word in enumerate(words_):
        prefix = (word.isalpha() and len(word) >= 3) or (last_prefix and i == len(words_) - 1)
        out.append(Term(word, prefix))
    return out


def _resolve(
    session: Session, words_: list[str], last_prefix: bool
) -> tuple[list[Term], dict[str, str]]:
    """Terms to search with, misspelt words replaced by their closest indexed term."""
    terms: list[Term] = []
    corrections: dict[str, str] = {}
    for term in _terms(words_, last_prefix):
        if engine.term_known(session, term):
            terms.append(term)
            continue
        fixed = engine.correct(session, term.text)
        if fixed:
            corrections[term.text] = fixed
            terms.append(Term(fixed, False))
        else:
            terms.append(term)
    return terms, corrections


def _score(summary: ProductSummary, query_compact: str, words_: list[str], doc: str) -> Hit:
    product = summary.product
    exact = bool(query_compact) and query_compact in model_keys(product)
    model = compact(product.model or "")
    # "rtx5090" names "GeForce RTX 5090": a model code typed without its family name.
    if not exact and model and any(c.isdigit() for c in query_compact):
        exact = len(query_compact) >= 3 and model.endswith(query_compact)
    name_words = set(words(product.name))
    doc_words = set(doc.split())
    whole = sum(1 for w in words_ if w in name_words or w in doc_words)
    # Relevance: the share of the words found whole (not only as a prefix or a correction).
    score = whole / max(len(words_), 1)
    return Hit(summary=summary, exact=exact, score=round(score, 6))


def model_keys(product: Product) -> set[str]:
    """Compact spellings that name exactly this product: model, brand+model, +capacity, GTIN."""
    model = compact(product.model or "")
    brand_model = compact(f"{product.brand or ''} {product.model or ''}")
    keys = {model, brand_model, compact(product.name)}
    for key in ("storage_gb", "memory_gb"):
        value = _number((product.attributes or {}).get(key))
        if value and model:
            keys.update({model + value, model + value + "go", brand_model + value})
    keys.update(compact(g) for g in product.gtins or [])
    return keys - {""}


def _order(hit: Hit) -> tuple[Any, ...]:
    # Ties: more offers first, then shorter names (fewer words that were not asked for).
    name = fold(hit.product.name)
    return (not hit.exact, -hit.score, -hit.summary.offer_count, len(name), name, hit.product.id)


def _ranked(session: Session, ids: list[int], query: str, words_: list[str]) -> list[Hit]:
    summaries = product_summaries(session, ids)
    docs = dict(
        session.execute(
            select(SearchDocument.product_id, SearchDocument.document).where(
                SearchDocument.product_id.in_(ids[:900])
            )
        ).all()
    )
    query_compact = compact(query)
    hits = [_score(s, query_compact, words_, docs.get(pid, "")) for pid, s in summaries.items()]
    return sorted(hits, key=_order)


def _all_ids(session: Session, filters: Filters) -> list[int]:
    """Browsing without words: category and brand narrow the set in SQL before the cap."""
    statement = select(Product.id).order_by(Product.id).limit(engine.CANDIDATES)
    if filters.category:
        statement = statement.where(Product.category == filters.category)
    if filters.brand:
        statement = statement.where(Product.brand == filters.brand)
    return list(session.scalars(statement))


def search(
    session: Session,
    query: str,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
    keep_current: bool = True,
) -> SearchResult:
    """Products matching `query` and `filters`, best first; never raises on odd input.

    An empty query lists the catalogue (browse by facets). `keep_current` first rebuilds
    the documents the triggers marked stale.
    """
    filters = filters or Filters()
    if keep_current:
        _refresh_quietly(session)
    words_ = query_terms(query or "")
    corrections: dict[str, str] = {}
    if words_:
        terms, corrections = _resolve(session, words_, last_prefix=False)
        ids = engine.candidates(session, terms)
        hits = _ranked(session, ids, " ".join(words_), words_) if ids else []
    else:
        ids = _all_ids(session, filters)
        hits = sorted(
            (Hit(s, False, 0.0) for s in product_summaries(session, ids).values()),
            key=_order,
        )
    facets = count_facets(hits, filters)
    chosen = [h for h in hits if _passes(h, filters.active())]
    result = SearchResult(
        query=query, hits=chosen[offset : offset + limit], total=len(chosen), facets=facets
    )
    result.corrections = corrections
    result.capped = len(ids) >= engine.CANDIDATES
    if words_ and not chosen:
        result.near = near_matches(session, words_)
    return result


def _passes(hit: Hit, active: dict[str, str], skip: str | None = None) -> bool:
    return _matches(facet_values(hit.summary), active, skip)


def _matches(values: dict[str, str | None], active: dict[str, str], skip: str | None) -> bool:
    return all(values.get(k) == v for k, v in active.items() if k != skip)


def count_facets(hits: list[Hit], filters: Filters) -> dict[str, list[Facet]]:
    """Counts per facet value among hits passing the *other* facets' choices."""
    active = filters.active()
    every = [facet_values(hit.summary) for hit in hits]
    out: dict[str, list[Facet]] = {}
    for name in FACETS:
        counts: Counter[str] = Counter()
        for values in every:
            if _matches(values, active, skip=name):
                value = values[name]
                if value is not None:
                    counts[value] += 1
        order = sorted(counts, key=lambda v: (_facet_sort(name, v), v))
        out[name] = [Facet(name, v, counts[v], active.get(name) == v) for v in order]
    return out


def _facet_sort(name: str, value: str) -> Any:
    if name in ("price", "storage", "gpu_memory"):
        return int(value.split("-")[0])
    return 0


def near_matches(session: Session, words_: list[str], limit: int = 5) -> list[Hit]:
    """Proposals for a search without results: any of the words, then similar names."""
    terms, _ = _resolve(session, words_, last_prefix=True)
    ids = engine.candidates(session, terms, any_term=True, limit=200)
    if not ids:
        ids = engine.near_names(session, " ".join(words_), limit)
    return _ranked(session, ids, " ".join(words_), words_)[:limit] if ids else []


def suggest(session: Session, prefix: str, limit: int = 8) -> list[Hit]:
    """As-you-type proposals: the last word is a prefix."""
    words_ = query_terms(prefix or "")
    if not words_:
        return []
    _refresh_quietly(session)
    terms, _ = _resolve(session, words_, last_prefix=True)
    ids = engine.candidates(session, terms, limit=200)
    return _ranked(session, ids, " ".join(words_), words_)[:limit] if ids else []


def _refresh_quietly(session: Session) -> None:
    try:
        refresh(session)
    except DBAPIError:
        # A busy writer (crawl in progress) must not break a reader's search.
        session.rollback()
        log.warning("search index refresh skipped (database busy)", exc_info=True)
