"""The engine-specific half of search: term lookup and candidate retrieval.

SQLite uses FTS5 (bm25); PostgreSQL uses a tsvector (ts_rank, unaccent) and pg_trgm for the
vocabulary. Terms reaching this module are already folded to [a-z0-9]+, so the query
languages never see a reader's quotes, operators or control characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import text
from sqlalchemy.orm import Session

# Broad queries ("nvidia") rank at most this many matches; the total then reads "1000+".
CANDIDATES = 1000
NEAR_SCAN = 20_000


@dataclass(frozen=True)
class Term:
    """A query term as searched: the text and whether it matches as a prefix."""

    text: str
    prefix: bool


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


def correct(session: Session, word: str, cutoff: float = 75.0) -> str | None:
    """The closest vocabulary term to a misspelt word, or None.

    Words with digits are never corrected: "h20" and "h200" are different products.
    """
    if len(word) < 4 or any(c.isdigit() for c in word):
        return None
    if dialect(session) == "postgresql":
        rows = session.execute(
            text(
                "SELECT term FROM search_term WHERE term % :t "
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
            "AND +term_length BETWEEN :short AND :long"
        ),
        {**_prefix_range(word[0]), "short": len(word) - 2, "long": len(word) + 2},
    )
    return [r[0] for r in rows]


def candidates(
    session: Session, terms: list[Term], any_term: bool = False, limit: int = CANDIDATES
) -> list[int]:
    """Product ids whose document has every term (or any, for near matches), best first."""
    if not terms:
        return []
    if dialect(session) == "postgresql":
        joiner = " | " if any_term else " & "
        query = joiner.join(t.text + (":*" if t.prefix else "") for t in terms)
        rows = session.execute(
            text(
                "SELECT product_id FROM search_document, to_tsquery('simple', unaccent(:q)) q "
                "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, product_id LIMIT :n"
            ),
            {"q": query, "n": limit},
        )
    else:
        joiner = " OR " if any_term else " AND "
        query = joiner.join(f'"{t.text}"' + ("*" if t.prefix else "") for t in terms)
        rows = session.execute(
            text(
                "SELECT f.rowid FROM search_fts f JOIN search_document d "
                "ON d.product_id = f.rowid WHERE search_fts MATCH :q "
                "ORDER BY bm25(search_fts), f.rowid LIMIT :n"
            ),
            {"q": query, "n": limit},
        )
    return [int(r[0]) for r in rows]


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
