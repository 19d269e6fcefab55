"""Search queries: resolve terms, rank matches, filter and count facets, mostly in SQL.

Order: exact model first, then the share of the query's words found whole, then the stored
rank (more offers, then shorter names, then older products). The engine returns matches in
rank order, so a broad query reads its first CANDIDATES matches and stops; facets count
those (`facets_partial` then says so) and the total reads "1000+".
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalog.models import Product
from catalog.queries import ProductSummary
from catalog.search import engine
from catalog.search.cache import ResultCache
from catalog.search.engine import Term
from catalog.search.figures import PRICE_RANGES, model_keys, price_key
from catalog.search.index import refresh
from catalog.search.ranking import Match, Matches, collect, documents_score
from catalog.search.text import compact, query_terms, split_word

log = logging.getLogger(__name__)
NEAR_ROWS = 50  # unfiltered matches ranked again for a filtered search's proposals
FACETS = ("category", "brand", "price", "storage", "gpu_memory", "availability")
__all__ = ["PRICE_RANGES", "model_keys", "price_key"]


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
    # True when facets were counted over the first CANDIDATES matches only (how many: below).
    facets_partial: bool = False
    facets_counted: int = 0


@dataclass(frozen=True)
class Plan:
    """What a search found, as plain data (cacheable): the page, counts, facets."""

    page: list[Match]
    total: int
    capped: bool
    facets: dict[str, list[Facet]]
    facets_partial: bool
    facets_counted: int
    corrections: dict[str, str]
    near: list[Match]


def _terms(words_: list[str], last_prefix: bool) -> list[Term]:
    out = []
    for i, word in enumerate(words_):
        prefix = (word.isalpha() and len(word) >= 3) or (last_prefix and i == len(words_) - 1)
        out.append(Term(word, prefix))
    return out


def _resolve(
    session: Session, words_: list[str], last_prefix: bool, cache: ResultCache | None = None
) -> tuple[list[Term], dict[str, str]]:
    """Terms to search with, misspelt words replaced by their closest indexed term."""
    terms: list[Term] = []
    corrections: dict[str, str] = {}
    for term in _terms(words_, last_prefix):
        known, fixed = _lookup(session, term, cache)
        if known is not None:
            terms.append(known)
        elif fixed:
            corrections[term.text] = fixed
            terms.append(Term(fixed, False))
        else:
            terms.append(term)
    return terms, corrections


def _split_glued(
    session: Session, words_: list[str], cache: ResultCache | None = None
) -> list[str]:
    """Unknown words gluing letters and digits, read as their parts: "s25ultra" -> s25 ultra.

    The index joins neighbouring parts two by two only ("S25 Ultra" gives "s25" and
    "25ultra"), so three glued parts meet no term. Such a word is replaced by its parts, two
    neighbours kept together when the vocabulary knows them ("s25"), else one by one
    ("alienware27" -> alienware 27). Words with digits are never corrected, so without this
    the search found nothing and fell back to the no-result page's slow look-alike scan.
    """
    out: list[str] = []
    for word in words_:
        parts = split_word(word)
        if len(parts) < 2 or _known(session, word, cache):
            out.append(word)
            continue
        i = 0
        while i < len(parts):
            pair = parts[i] + parts[i + 1] if i + 1 < len(parts) else ""
            if pair and pair != word and _known(session, pair, cache):
                out.append(pair)
                i += 2
            else:
                out.append(parts[i])
                i += 1
    return list(dict.fromkeys(out))


def _known(session: Session, word: str, cache: ResultCache | None) -> bool:
    term = Term(word, False)

    def find() -> bool:
        return engine.term_known(session, term)

    return bool(cache.get_or_make(("known", word), find) if cache else find())


def _lookup(
    session: Session, term: Term, cache: ResultCache | None
) -> tuple[Term | None, str | None]:
    """(the term as searched, or None when unknown; its correction when unknown)."""

    def find() -> tuple[Term | None, str | None]:
        if term.prefix and term.text.isalpha():
            alternatives = engine.expand(session, term.text)
            if alternatives:
                return Term(term.text, True, alternatives), None
        if engine.term_known(session, term):
            return term, None
        return None, engine.correct(session, term.text)

    return cache.get_or_make(("term", term), find) if cache else find()


def _facet_tuple(row: Any) -> tuple[str | None, ...]:
    """`facet_values(row)` as a tuple in FACETS order (no dict per row: 1,000 rows a search)."""
    return (row.category, row.brand, row.price_range, row.storage, row.gpu_memory,
            "in_stock" if row.in_stock else "out_of_stock")  # fmt: skip


def count_facets(rows: list[Any], filters: Filters) -> dict[str, list[Facet]]:
    """Counts per facet value among rows passing the *other* facets' choices."""
    active = filters.active()
    every = [_facet_tuple(row) for row in rows]
    choices = [(FACETS.index(k), v) for k, v in active.items()]
    # Per row, the active facets it fails: it counts for facet i when it fails none but i.
    fails = [tuple(j for j, v in choices if values[j] != v) for values in every] if choices else []
    out: dict[str, list[Facet]] = {}
    for i, name in enumerate(FACETS):
        if choices:
            column = [v[i] for v, f in zip(every, fails, strict=True) if not f or f == (i,)]
        else:
            column = [v[i] for v in every]
        counts: Counter[str] = Counter(column)  # type: ignore[arg-type]
        counts.pop(None, None)  # type: ignore[call-overload]
        order = sorted(counts, key=lambda v: (_facet_sort(name, v), v))
        out[name] = [Facet(name, v, counts[v], active.get(name) == v) for v in order]
    return out


def _facet_sort(name: str, value: str) -> Any:
    if name in ("price", "storage", "gpu_memory"):
        return int(value.split("-")[0])
    return 0


def search(
    session: Session,
    query: str,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
    keep_current: bool = True,
    cache: ResultCache | None = None,
) -> SearchResult:
    """Products matching `query` and `filters`, best first; never raises on odd input.

    An empty query lists the catalogue (browse by facets). `keep_current` first rebuilds
    the documents the triggers marked stale. `cache` keeps identical searches for a while.
    """
    filters = filters or Filters()
    if keep_current:
        _refresh_quietly(session, cache)
    words_ = query_terms(query or "")
    key = ("search", tuple(words_), tuple(sorted(filters.active().items())), limit, offset)

    def make() -> Plan:
        return _plan(session, words_, filters, limit, offset, cache)

    plan: Plan = cache.get_or_make(key, make) if cache else make()
    hits = _hits(session, plan.page + plan.near)
    page, near = hits[: len(plan.page)], hits[len(plan.page) :]
    return SearchResult(
        query=query,
        hits=page,
        total=plan.total,
        facets=plan.facets,
        corrections=dict(plan.corrections),
        near=near,
        capped=plan.capped,
        facets_partial=plan.facets_partial,
        facets_counted=plan.facets_counted,
    )


def _plan(
    session: Session,
    words_: list[str],
    filters: Filters,
    limit: int,
    offset: int,
    cache: ResultCache | None,
) -> Plan:
    words_ = _split_glued(session, words_, cache)
    terms, corrections = _resolve(session, words_, False, cache) if words_ else ([], {})
    found = collect(
        session, terms, words_, compact(" ".join(words_)), filters.active(), offset + limit,
        engine.CANDIDATES, facets=True,
    )  # fmt: skip
    facets = count_facets(found.facet_rows, filters)
    near: list[Match] = []
    if words_ and not found.total:
        near = near_plan(session, words_, cache=cache, unfiltered=found.facet_rows)
    return Plan(
        page=found.ranked[offset : offset + limit],
        total=found.total,
        capped=found.capped,
        facets=facets,
        facets_partial=found.facets_partial,
        facets_counted=len(found.facet_rows),
        corrections=corrections,
        near=near,
    )


def _hits(session: Session, matches: list[Match]) -> list[Hit]:
    """The page's products as ORM objects (one query), with their stored figures."""
    if not matches:
        return []
    ids = [m.product_id for m in matches]
    products = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(ids)))}
    return [
        Hit(
            ProductSummary(
                products[m.product_id], m.best_total, m.offer_count, m.shop_count, m.in_stock
            ),
            m.exact,
            m.score,
        )
        for m in matches
        if m.product_id in products
    ]


def near_plan(
    session: Session,
    words_: list[str],
    limit: int = 5,
    cache: ResultCache | None = None,
    unfiltered: list[Any] | None = None,
) -> list[Match]:
    """Proposals for a search without results: its matches without the filters (the rows
    of `unfiltered`, first in rank order) when the filters removed them all; else any of the
    words, then similar names.

    The words' own best matches are what the reader most likely meant with a filter too
    many, and they are already read: an OR of every word and its expansions
    matched tens of thousands of products (0.6-1.5 s on PostgreSQL at 200,000 products).
    """
    query_compact = compact(" ".join(words_))
    if unfiltered:
        return documents_score(session, unfiltered[:NEAR_ROWS], words_, query_compact)[:limit]
    terms, _ = _resolve(session, words_, True, cache)
    found: Matches = collect(session, terms, words_, query_compact, {}, limit, 200, any_term=True)
    if found.ranked:
        return found.ranked[:limit]
    ids = engine.near_names(session, " ".join(words_), limit)
    rows = engine.rows_for(session, ids)
    return documents_score(session, rows, words_, query_compact)[:limit]


def near_matches(session: Session, words_: list[str], limit: int = 5) -> list[Hit]:
    return _hits(session, near_plan(session, words_, limit))


def suggest(
    session: Session, prefix: str, limit: int = 8, cache: ResultCache | None = None
) -> list[Hit]:
    """As-you-type proposals: the last word is a prefix."""
    words_ = query_terms(prefix or "")
    if not words_:
        return []
    _refresh_quietly(session, cache)

    def make() -> list[Match]:
        terms, _ = _resolve(session, words_, True, cache)
        qc = compact(" ".join(words_))
        return collect(session, terms, words_, qc, {}, limit, 200).ranked[:limit]

    matches: list[Match] = (
        cache.get_or_make(("suggest", tuple(words_), limit), make) if cache else make()
    )
    return _hits(session, matches)


def _refresh_quietly(session: Session, cache: ResultCache | None) -> None:
    try:
        if refresh(session) and cache is not None:
            cache.clear()  # this process changed the index: forget what it answered before
    except DBAPIError:
        # A busy writer (crawl in progress) must not break a reader's search.
        session.rollback()
        log.warning("search index refresh skipped (database busy)", exc_info=True)
