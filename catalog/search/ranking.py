"""Ranking matches: exact model first, then words found whole, then the stored rank.

Everything is read from narrow rows (figures; the text only when relevance needs it) in the
engine's rank order:
- the first `cap` + 1 matches without filters give the facet counts and, when there are at
  most `cap`, every match (filters then apply here, in Python, on those rows);
- otherwise the filtered matches come from the engine, capped again;
- exact products come from the `search_key` index, whatever their rank;
- "found whole" is read from the window's documents for the words that matched as a prefix
  (the other words are whole in every match): the same rule on both engines.
A capped search (more than `cap` matches) also reads the first matches having every word
whole, so that they rank first even beyond the window.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from catalog.models import SearchDocument
from catalog.search import engine
from catalog.search.engine import Term
from catalog.search.text import words


@dataclass(frozen=True)
class Match:
    """One ranked product with the figures the result card shows (plain, cacheable data)."""

    product_id: int
    rank: int
    exact: bool
    score: float
    best_total: Decimal | None
    offer_count: int
    shop_count: int
    in_stock: bool


@dataclass
class Matches:
    ranked: list[Match]
    total: int
    capped: bool
    facet_rows: list[Any]
    facets_partial: bool


def to_match(row: Any, exact: bool, score: float) -> Match:
    return Match(
        product_id=int(row.product_id),
        rank=int(row.rank or 0),
        exact=exact,
        score=round(score, 6),
        best_total=row.best_total,
        offer_count=int(row.offer_count or 0),
        shop_count=int(row.shop_count or 0),
        in_stock=bool(row.in_stock),
    )


def facet_values(row: Any) -> dict[str, str | None]:
    """A match's value for every facet, from its narrow row."""
    return {
        "category": row.category,
        "brand": row.brand,
        "price": row.price_range,
        "storage": row.storage,
        "gpu_memory": row.gpu_memory,
        "availability": "in_stock" if row.in_stock else "out_of_stock",
    }


def _passes(row: Any, active: dict[str, str]) -> bool:
    values = facet_values(row)
    return all(values.get(k) == v for k, v in active.items())


def collect(
    session: Session,
    terms: list[Term],
    words_: list[str],
    query_compact: str,
    active: dict[str, str],
    need: int,
    cap: int,
    any_term: bool = False,
    facets: bool = False,
) -> Matches:
    """Matches of `terms` passing `active` filters, ranked, at most `cap` (see module doc)."""
    always, check, never = _word_kinds(terms, words_, any_term)
    text = bool(check)  # the documents tell which words are whole (same rule on both engines)
    first = engine.window(session, terms, {}, cap + 1, any_term, with_text=text)
    complete = len(first) <= cap
    if complete or not active:
        matched = [r for r in first[:cap] if _passes(r, active)] if active else first[:cap]
        capped = not complete
    else:
        matched = engine.window(session, terms, active, cap + 1, any_term, with_text=text)
        capped = len(matched) > cap
        matched = matched[:cap]
    by_id = {int(r.product_id): r for r in matched}
    whole: dict[str, set[int]] = {w: set() for w in check}
    for row in matched if check else ():
        padded = f" {row.document} "
        for w in check:
            if f" {w} " in padded:
                whole[w].add(int(row.product_id))
    known = set(by_id)
    exact = _exact(session, terms, query_compact, active, any_term, by_id, capped)
    if capped and check and not never and _whole_rows(matched, whole, check) < need + len(exact):
        tier = engine.window(session, terms, active, need + len(exact), any_term, whole=check)
        for row in tier:
            by_id.setdefault(int(row.product_id), row)
            known.add(int(row.product_id))
            for w in check:
                whole[w].add(int(row.product_id))
    # Exact products beyond the window: their documents say which words are whole.
    extra = [pid for pid in by_id if pid not in known]
    if check and extra:
        for pid, doc in _documents(session, extra).items():
            for w in check:
                if w in doc:
                    whole[w].add(pid)
    n = max(len(words_), 1)
    whole_count: Counter[int] = Counter(pid for w in check for pid in whole[w])
    keys = [
        (pid not in exact, -(always + whole_count[pid]) / n, int(row.rank), pid)
        for pid, row in by_id.items()
    ]
    # Only the first `need` become Match objects: a page never shows more.
    top = heapq.nsmallest(need, keys) if need < len(keys) else sorted(keys)
    ranked = [to_match(by_id[pid], not other, -neg) for other, neg, _rank, pid in top]
    return Matches(
        ranked=ranked,
        total=len(keys),  # a lower bound when capped
        capped=capped,
        facet_rows=first[:cap] if facets else [],
        facets_partial=not complete,
    )


def _whole_rows(matched: list[Any], whole: dict[str, set[int]], check: list[str]) -> int:
    """How many rows of the window have every word whole. The window is the first matches
    in rank order, so when it holds enough of them they are the tier query's first rows
    too, and that query (7-20 ms on PostgreSQL at 200,000 products) is not needed."""
    return sum(1 for r in matched if all(int(r.product_id) in whole[w] for w in check))


def _exact(
    session: Session,
    terms: list[Term],
    query_compact: str,
    active: dict[str, str],
    any_term: bool,
    by_id: dict[int, Any],
    capped: bool,
) -> set[int]:
    """Products named exactly by the query among the matches (added to `by_id` if beyond)."""
    if not terms or len(query_compact) < 2:
        return set()
    found = engine.exact_rows(session, query_compact, active)
    outside = [r for r in found if int(r.product_id) not in by_id]
    if outside and capped:
        # A few rows: their documents say whether they match (FTS5 cannot seek a rowid list).
        docs = _documents(session, [int(r.product_id) for r in outside])
        for row in outside:
            doc = docs.get(int(row.product_id), set())
            hits = [_term_in(t, doc) for t in terms]
            if any(hits) if any_term else all(hits):
                by_id[int(row.product_id)] = row
    return {int(r.product_id) for r in found if int(r.product_id) in by_id}


def _term_in(term: Term, doc: set[str]) -> bool:
    if term.prefix:
        return any(t.startswith(term.text) for t in doc)
    return term.text in doc


def _documents(session: Session, ids: list[int]) -> dict[int, set[str]]:
    rows = session.execute(
        select(SearchDocument.product_id, SearchDocument.document).where(
            SearchDocument.product_id.in_(ids)
        )
    )
    return {int(pid): set(str(doc).split()) for pid, doc in rows}


def _word_kinds(
    terms: list[Term], words_: list[str], any_term: bool
) -> tuple[int, list[str], list[str]]:
    """Words whole in every match (count), words to ask about, words whole in none."""
    always, check, never = 0, [], []
    for word, term in zip(words_, terms, strict=False):
        if term.text != word:
            never.append(word)  # corrected: the reader's spelling is in no document
        elif term.prefix or any_term:
            check.append(word)
        else:
            always += 1
    return always, list(dict.fromkeys(check)), never


def documents_score(
    session: Session, rows: list[Any], words_: list[str], query_compact: str
) -> list[Match]:
    """Rank a few rows found outside the engine (look-alike names) from their documents."""
    if not rows:
        return []
    ids = [int(r.product_id) for r in rows]
    docs = dict(
        session.execute(
            select(SearchDocument.product_id, SearchDocument.document).where(
                SearchDocument.product_id.in_(ids)
            )
        ).all()
    )
    keyed = set(
        session.scalars(
            text("SELECT product_id FROM search_key WHERE key = :k AND product_id IN :ids")
            .bindparams(bindparam("ids", expanding=True)),
            {"k": query_compact[:200], "ids": ids},
        )
    )  # fmt: skip
    n = max(len(words_), 1)
    out = []
    for row in rows:
        doc = set(words(docs.get(row.product_id, "")))
        score = sum(1 for w in words_ if w in doc) / n
        out.append(to_match(row, int(row.product_id) in keyed, score))
    return sorted(out, key=lambda m: (not m.exact, -m.score, m.rank))
