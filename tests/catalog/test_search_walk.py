"""PostgreSQL: common words walk the rank index and find the same rows as the GIN index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from bench.generate_catalog import generate
from bench.site_load import FACETS, QUERIES
from catalog.db import make_engine, make_session_factory
from catalog.search import engine, walk
from catalog.search.query import _resolve, _split_glued
from catalog.search.text import query_terms

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_session(pg_empty_url: str) -> Iterator[Session]:
    generate(pg_empty_url, 1500, 4500, seed=9)
    eng = make_engine(pg_empty_url)
    with eng.connect() as conn:
        conn.execute(text("ANALYZE search_document"))
        conn.commit()
    walk._frequencies.clear()  # statistics read by earlier tests of this database
    with make_session_factory(eng)() as session:
        yield session
    eng.dispose()
    walk._frequencies.clear()


def windows(session: Session, monkeypatch: pytest.MonkeyPatch, dense: float) -> list[object]:
    """Every bench query (and with each facet) at a few limits, with walking set by `dense`."""
    monkeypatch.setattr(walk, "DENSE", dense)
    monkeypatch.setattr(walk, "pays", lambda session: True)  # the test table fits in memory
    out: list[object] = []
    for query in QUERIES:
        words = _split_glued(session, query_terms(query))
        terms, _ = _resolve(session, words, False)
        for filters in [{}, *[f for f in FACETS if "page" not in f]]:
            for limit in (5, 40, 200):
                rows = engine.window(session, terms, filters, limit, with_text=True)
                out.append([tuple(r) for r in rows])
    return out


def test_walking_finds_the_rows_of_the_index_query(
    pg_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    walks: list[int] = []
    real = walk.walked

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = real(*args, **kwargs)
        walks.append(rows is not None)
        return rows

    monkeypatch.setattr(walk, "walked", counted)
    index_only = windows(pg_session, monkeypatch, dense=2.0)  # never common: GIN index only
    assert not walks
    walked = windows(pg_session, monkeypatch, dense=0.02)
    # Common-word queries walked, and some walks ended early (too few matches): both paths ran.
    assert sum(walks) >= 20 and not all(walks)
    assert walked == index_only


def test_a_short_walk_falls_back_to_the_index(
    pg_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(walk, "WALK_ROWS", 30)
    short = windows(pg_session, monkeypatch, dense=0.02)
    assert short == windows(pg_session, monkeypatch, dense=2.0)


def test_common_words_are_read_from_the_column_statistics(pg_session: Session) -> None:
    freq = walk.frequencies(pg_session)
    assert freq and all(0 < f <= 1 for f in freq.values())
    terms, _ = _resolve(pg_session, ["carte", "graphique"], False)
    assert walk.share(pg_session, terms, False, None) >= walk.DENSE
    rare, _ = _resolve(pg_session, ["carte", "h200"], False)
    assert walk.share(pg_session, rare, False, None) < walk.DENSE


def test_walking_only_pays_when_the_table_outgrows_the_buffers(pg_session: Session) -> None:
    walk._pays.clear()
    # 1,500 products: a few MB, far under any server's shared_buffers.
    assert walk.pays(pg_session) is False
    size = pg_session.execute(text("SELECT pg_total_relation_size('search_document')")).scalar()
    buffers = pg_session.execute(
        text("SELECT setting::bigint * pg_size_bytes(unit) FROM pg_settings "
             "WHERE name = 'shared_buffers'")
    ).scalar()  # fmt: skip
    assert 0 < size < buffers  # type: ignore[operator]
    walk._pays.clear()
