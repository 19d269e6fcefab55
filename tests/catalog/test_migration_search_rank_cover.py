"""Revision 0008: the covering rank index on PostgreSQL (index-only walks), nothing on SQLite."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from catalog.migrate import downgrade, upgrade

NAME = "ix_search_document_rank_cover"


def _index(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            found = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"), {"n": NAME}
            ).scalar()
        else:
            found = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                {"n": NAME},
            ).scalar()
    engine.dispose()
    return found


def test_the_rank_index_carries_the_tsvector_on_postgresql_only(db_url: str) -> None:
    found = _index(db_url)
    if db_url.startswith("sqlite"):
        assert found is None
        return
    assert found is not None and "(rank) INCLUDE (" in found and "tsv" in found
    downgrade(db_url, "0007_search_statistics")
    try:
        assert _index(db_url) is None
    finally:
        upgrade(db_url)  # the PostgreSQL database is shared by the session's other tests
    assert _index(db_url) is not None
