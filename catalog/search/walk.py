"""PostgreSQL: read the matches of common words by walking the rank index.

The planner estimates `tsv @@ 'carte & graphique & rtx'` as if the words were independent
(7,413 of 200,000 documents where 22,903 match), and with a facet chosen it also takes the
category as independent of the words. It then reads every match through the GIN index and
sorts them for the first 1,001 (110-180 ms on the benchmark catalogue), where walking the
rank index, checking each document, finds them in the first few thousand rows (a few ms).

So when every word of the query is common (PostgreSQL's own statistics of the column say
each is in at least DENSE of the documents), the search first walks the rows in rank order,
at most WALK_ROWS of them; if that gives the `limit` matches asked for they are the first ones
in rank order, exactly what the index query would return. Otherwise the caller runs the
index query. Rare words never walk: their matches are few and the GIN index finds them at
once.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import literal_column, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import ClauseAdapter

from catalog.models import SearchDocument

DENSE = 0.04  # share of documents holding every word (assumed correlated): 8,000 of 200,000
# After a failed walk, matches up to this share are read by the GIN index and sorted; past it
# the planner chooses (an OR of common words: sorting 50,000 matches took 0.6 s).
SORT_SHARE = 0.10
WALK_ROWS = 25_000  # at most this many rows in rank order (10-20 ms)
PROBE_ROWS = 2_000  # the first walk, telling whether the matches are dense at the top
STATS_SECONDS = 600.0

# The columns revision 0008 keeps in the rank index (every column a condition may name).
COVERED = ("product_id", "rank", "best_total", "offer_count", "shop_count", "in_stock",
           "category", "brand", "price_range", "storage", "gpu_memory")  # fmt: skip

_frequencies: dict[str, tuple[float, Any]] = {}
_pays: dict[str, tuple[float, Any]] = {}


def pays(session: Session) -> bool:
    """Whether walking can pay on this server: only when the search table and its indexes
    are larger than PostgreSQL's buffers.

    The walk reads the rank index in order, page after page; the GIN index query fetches each
    match's heap page at random. With the pages in the server's buffers the random fetches
    cost little and the walk's checking of every row in rank order costs more: on the
    benchmark catalogue with 4 GB of buffers, searches took 34.4 ms on average with walking
    and 26.8 ms without (p95 141 and 93 ms); with Debian's 128 MB it was the reverse.
    """

    def read() -> bool:
        row = session.execute(
            text(
                "SELECT pg_total_relation_size('search_document'), "
                "(SELECT setting::bigint * pg_size_bytes(unit) FROM pg_settings "
                "WHERE name = 'shared_buffers')"
            )
        ).one()
        return bool(row[0] > row[1])

    return bool(_per_database(_pays, session, read))


def frequencies(session: Session) -> dict[str, float]:
    """Share of documents holding each common lexeme (pg_stats of search_document.tsv).

    Read once per database and kept STATS_SECONDS: ANALYZE changes it rarely. Lexemes not
    listed are rarer than every listed one.
    """

    def read() -> dict[str, float]:
        row = session.execute(
            text(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = 'search_document' AND attname = 'tsv' "
                "AND schemaname = current_schema()"
            )
        ).first()
        if not (row and row[0] and row[1]):
            return {}
        return {str(lexeme): float(freq) for lexeme, freq in zip(row[0], row[1], strict=False)}

    found: dict[str, float] = _per_database(_frequencies, session, read)
    return found


def _per_database(store: dict[str, tuple[float, Any]], session: Session, read: Any) -> Any:
    """What `read()` gives for this session's database, read again after STATS_SECONDS."""
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    cached = store.get(key)
    if cached and now - cached[0] < STATS_SECONDS:
        return cached[1]
    found = read()
    store[key] = (now, found)
    return found


def share(session: Session, terms: list[Any], any_term: bool, whole: list[str] | None) -> float:
    """Estimated share of the documents the query matches: its least common word's (the
    words of a product's text go together: "carte graphique" is in every graphics card's
    document), the sum of its words' for an OR. 0 when a word is a prefix of many terms."""
    freq = frequencies(session)
    shares = []
    for term in terms:
        if term.alternatives:
            shares.append(min(1.0, sum(freq.get(a, 0.0) for a in term.alternatives)))
        elif term.prefix:
            shares.append(0.0)  # a prefix of many model codes: unknown, so not common
        else:
            shares.append(freq.get(term.text, 0.0))
    if not shares:
        return 0.0
    found = min(1.0, sum(shares)) if any_term else min(shares)
    return min([found, *(freq.get(w, 0.0) for w in whole or ())])


def walked(
    session: Session,
    columns: list[Any],
    conditions: list[Any],
    query: str,
    limit: int,
) -> list[Any] | None:
    """The first `limit` matches in rank order when a short walk finds them, else None (the
    index query must then find them).

    A probe walks the first PROBE_ROWS rows; when the matches there are too few for the rest
    to be found within WALK_ROWS, the walk stops: common words are not always common at the
    top of the rank order (phones and their accessories rank late in the benchmark
    catalogue: "iphone16" has 10,059 matches, the 1,001st at row 157,125).
    """
    probe = min(PROBE_ROWS, limit * 5)
    rows = _walk(session, columns, conditions, query, limit, probe)
    if len(rows) >= limit:
        return rows
    needed = limit * probe / max(len(rows), 1) * 1.25
    if needed > WALK_ROWS:
        return None
    rows = _walk(session, columns, conditions, query, limit, int(needed))
    return rows if len(rows) >= limit else None


def _walk(
    session: Session,
    columns: list[Any],
    conditions: list[Any],
    query: str,
    limit: int,
    walk_rows: int,
) -> list[Any]:
    """The first `limit` matches among the first `walk_rows` rows in rank order.

    The walk reads the rank index that carries the figures and the tsvector (revision
    0008_search_rank_cover): an index-only scan in rank order. Facet `conditions` apply to the
    walked rows, so every search walks that one index; the document's text, when asked for,
    is read for the matches found only.
    """
    doc = SearchDocument.__table__.c
    covered = [c for c in columns if c.name != "document"]
    inner = (
        select(*[doc[name] for name in COVERED], literal_column("search_document.tsv"))
        .order_by(doc.rank)
        .limit(walk_rows)
        .subquery("walk")
    )
    found = (
        select(*[inner.c[c.name] for c in covered])
        .where(
            text("walk.tsv @@ to_tsquery('simple', :q)").bindparams(q=query),
            *[_on(inner, condition) for condition in conditions],
        )
        .order_by(inner.c.rank)
        .limit(limit)
    )
    if len(covered) < len(columns):
        hits = found.subquery("hits")
        found = (
            select(*[hits.c[c.name] if c.name != "document" else doc.document for c in columns])
            .join_from(hits, SearchDocument.__table__, doc.product_id == hits.c.product_id)
            .order_by(hits.c.rank)
        )
    return list(session.execute(found))


def _on(inner: Any, condition: Any) -> Any:
    """A condition on search_document's columns, written on the walk's columns instead."""
    return ClauseAdapter(inner).traverse(condition)
