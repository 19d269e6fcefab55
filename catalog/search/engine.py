"""The engine-specific half of search: term lookup and matches in rank order.

SQLite uses FTS5 (its rowid is the document's rank, so `ORDER BY rowid LIMIT n` stops after
n matches); PostgreSQL a tsvector (GIN) with a b-tree on rank, and pg_trgm for the
vocabulary. Terms reaching this module are already folded to [a-z0-9]+, so the query
languages never see a reader's quotes, operators or control characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import column, false, select, table, text
from sqlalchemy.orm import Session

from catalog.models import SearchDocument, SearchKey
from catalog.search import walk

# Broad queries ("nvidia") rank at most this many matches; the total then reads "1000+".
CANDIDATES = 1000
NEAR_SCAN = 20_000
EXACT_LIMIT = 200
# The narrow row of a match: what ranking, filters, facets and result cards need.
ROW_COLUMNS = ("product_id", "rank", "best_total", "offer_count", "shop_count", "in_stock",
               "category", "brand", "price_range", "storage", "gpu_memory")  # fmt: skip
FILTER_COLUMNS = {"category": "category", "brand": "brand", "price": "price_range",
                  "storage": "storage", "gpu_memory": "gpu_memory"}  # fmt: skip
_FTS = table("search_fts", column("rowid"))


@dataclass(frozen=True)
class Term:
    """A query term as searched: the text, whether it matches as a prefix, and the
    vocabulary's words it then stands for when they are few (see `expand`)."""

    text: str
    prefix: bool
    alternatives: tuple[str, ...] = ()


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _prefix_range(prefix: str) -> dict[str, str]:
    """Bounds of the terms starting with `prefix`, for a range read of the primary key.

    Terms are [a-z0-9]+ of at most 64 characters and "z" sorts last, so every such term lies
    between the prefix and the prefix followed by 64 "z". LIKE would scan the vocabulary
    (1.4 million terms for 200,000 products): SQLite's LIKE ignores case and cannot use the
    index, nor can PostgreSQL's under a non-C collation.
    """
    return {"lo": prefix, "hi": prefix + "z" * 64}


def term_known(session: Session, term: Term) -> bool:
    if term.prefix:
        found = session.execute(
            text("SELECT 1 FROM search_term WHERE term >= :lo AND term <= :hi LIMIT 1"),
            _prefix_range(term.text),
        ).first()
    else:
        found = session.execute(
            text("SELECT 1 FROM search_term WHERE term = :t"), {"t": term.text}
        ).first()
    return found is not None


def _no_digits(session: Session) -> str:
    return "term !~ '[0-9]'" if dialect(session) == "postgresql" else "term NOT GLOB '*[0-9]*'"


def expand(session: Session, prefix: str, most: int = 20) -> tuple[str, ...] | None:
    """The alphabetic terms starting with an alphabetic prefix, or None when more than `most`.

    Matching them is the same as matching the prefix: a term with digits ("rtx5090") is always
    indexed beside its leading letters ("rtx"), which start with the same prefix. Engines
    read a few exact terms far faster than a prefix spanning thousands of model codes.
    """
    rows = session.execute(
        text(
            "SELECT term FROM search_term WHERE term >= :lo AND term <= :hi "
            f"AND {_no_digits(session)} ORDER BY term LIMIT :n"
        ),
        {**_prefix_range(prefix), "n": most + 1},
    )
    found = tuple(r[0] for r in rows)
    return found if len(found) <= most else None


def correct(session: Session, word: str, cutoff: float = 75.0) -> str | None:
    """The closest vocabulary term to a misspelt word, or None.

    Words with digits are never corrected, nor corrected into a term with digits: "h20"
    and "h200" are different products (and the vocabulary's model codes are most of it).
    """
    if len(word) < 4 or any(c.isdigit() for c in word):
        return None
    if dialect(session) == "postgresql":
        rows = session.execute(
            text(
                "SELECT term FROM search_term WHERE term % :t AND term !~ '[0-9]' "
                "ORDER BY similarity(term, :t) DESC, term LIMIT 50"
            ),
            {"t": word},
        )
        choices = [r[0] for r in rows]
        # Trigram similarity misses short words with one swapped pair; widen like SQLite.
        choices += _by_length(session, word)
    else:
        choices = _by_length(session, word)
    if not choices:
        return None
    best = process.extractOne(word, sorted(set(choices)), scorer=fuzz.ratio, score_cutoff=cutoff)
    return best[0] if best else None


def _by_length(session: Session, word: str) -> list[str]:
    rows = session.execute(
        text(
            # "+" keeps SQLite on the primary key range (the length index alone read 10x more).
            "SELECT term FROM search_term WHERE term >= :lo AND term <= :hi "
            f"AND +term_length BETWEEN :short AND :long AND {_no_digits(session)}"
        ),
        {**_prefix_range(word[0]), "short": len(word) - 2, "long": len(word) + 2},
    )
    return [r[0] for r in rows]


def match_text(session: Session, terms: list[Term], any_term: bool, whole: list[str]) -> str:
    """The engine's query: every term (or any), and these words as whole terms."""
    if dialect(session) == "postgresql":
        parts = [
            f"({' | '.join(t.alternatives)})"
            if t.alternatives
            else t.text + (":*" if t.prefix else "")
            for t in terms
        ]
        query = (" | " if any_term else " & ").join(parts)
        return " & ".join([f"({query})", *whole]) if whole else query
    parts = [
        f"({' OR '.join(chr(34) + a + chr(34) for a in t.alternatives)})"
        if t.alternatives
        else f'"{t.text}"' + ("*" if t.prefix else "")
        for t in terms
    ]
    query = (" OR " if any_term else " AND ").join(parts)
    return " AND ".join([f"({query})", *(f'"{w}"' for w in whole)]) if whole else query


def window(
    session: Session,
    terms: list[Term],
    filters: dict[str, str],
    limit: int,
    any_term: bool = False,
    whole: list[str] | None = None,
    max_rank: int | None = None,
    ids_only: bool = False,
    with_text: bool = False,
) -> list[Any]:
    """The first `limit` matches in rank order, as narrow rows (figures, no text).

    No terms lists the whole catalogue. `whole` adds words that must be whole terms,
    `max_rank` keeps the rows up to that rank; `with_text` adds the document's text.
    """
    doc = SearchDocument.__table__.c
    columns = [doc.product_id, doc.rank] if ids_only else [doc[name] for name in ROW_COLUMNS]
    if with_text:
        columns.append(doc.document)
    statement = select(*columns).limit(limit)
    order: Any
    if terms and dialect(session) == "sqlite":
        order = _FTS.c.rowid
        statement = statement.select_from(
            _FTS.join(SearchDocument.__table__, doc.rank == _FTS.c.rowid)
        ).where(text("search_fts MATCH :q"))
    else:
        order = doc.rank
        if terms:
            statement = statement.where(text("search_document.tsv @@ to_tsquery('simple', :q)"))
    conditions = filter_conditions(filters)
    if max_rank is not None:
        conditions.append(order <= max_rank)
    if terms:
        query = match_text(session, terms, any_term, whole or [])
        statement = statement.params(q=query)
        pg = dialect(session) == "postgresql"
        share = walk.share(session, terms, any_term, whole) if pg and walk.pays(session) else 0.0
        if share >= walk.DENSE:
            rows = walk.walked(session, columns, conditions, query, limit)
            if rows is not None:
                return rows
            if share <= walk.SORT_SHARE:
                # Few matches near the top of the rank order: read them all through the GIN
                # index and sort (`rank + 0` keeps the planner off a longer walk of the rank).
                order = order + 0
    return session.execute(statement.where(*conditions).order_by(order)).all()  # type: ignore[return-value]


def filter_conditions(filters: dict[str, str], indexed: bool = True) -> list[Any]:
    """SQL conditions of facet choices. `indexed=False` writes them so that no index serves
    them (`category || ''`): for a few rows found by another index, which must drive."""
    doc = SearchDocument.__table__.c
    out: list[Any] = []
    for name, value in filters.items():
        if "\x00" in value:
            out.append(false())  # no stored value has one (and PostgreSQL refuses them)
        elif name == "availability":
            out.append(doc.in_stock.is_(value == "in_stock"))
        else:
            column = doc[FILTER_COLUMNS[name]]
            out.append((column if indexed else column.concat("")) == value)
    return out


def exact_rows(session: Session, key: str, filters: dict[str, str]) -> list[Any]:
    """Products named exactly by the compact query (any match or not), as narrow rows.

    The key's index drives: with a category or brand chosen, SQLite otherwise walked that
    facet's (category, rank) index over tens of thousands of documents (about 9 ms a search
    at 200,000 products) to find the few keyed ones.
    """
    doc = SearchDocument.__table__.c
    statement = (
        select(*[doc[name] for name in ROW_COLUMNS])
        .join(SearchKey, SearchKey.product_id == doc.product_id)
        .where(SearchKey.key == key[:200], *filter_conditions(filters, indexed=False))
        .order_by(doc.rank)
        .limit(EXACT_LIMIT)
    )
    return session.execute(statement).all()  # type: ignore[return-value]


def rows_for(session: Session, ids: list[int]) -> list[Any]:
    """Narrow rows of these products, in the order of `ids`."""
    if not ids:
        return []
    doc = SearchDocument.__table__.c
    rows = session.execute(
        select(*[doc[name] for name in ROW_COLUMNS]).where(doc.product_id.in_(ids))
    )
    found = {int(r.product_id): r for r in rows}
    return [found[i] for i in ids if i in found]


def near_names(session: Session, query: str, limit: int = 5) -> list[int]:
    """Products whose name looks like the query (the no-result page's proposals)."""
    if dialect(session) == "postgresql":
        rows = session.execute(
            text(
                "SELECT p.id FROM product p WHERE similarity(lower(unaccent(p.name)), :q) > 0.15 "
                "ORDER BY similarity(lower(unaccent(p.name)), :q) DESC, p.id LIMIT :n"
            ),
            {"q": query, "n": limit},
        )
        return [int(r[0]) for r in rows]
    # SQLite has no trigram index: score a bounded slice of documents in Python.
    scanned: Any = session.execute(
        text("SELECT product_id, document FROM search_document LIMIT :n"), {"n": NEAR_SCAN}
    )
    documents: dict[int, str] = {int(pid): str(doc) for pid, doc in scanned}
    scored = process.extract(
        query, documents, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=60
    )
    return [int(str(key)) for _doc, _score, key in scored]
