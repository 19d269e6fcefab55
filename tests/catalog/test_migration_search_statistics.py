"""Revision 0007: search_document.tsv's statistics target on PostgreSQL, nothing on SQLite."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from catalog.migrate import downgrade, upgrade

TARGET = text(
    "SELECT attstattarget FROM pg_attribute "
    "WHERE attrelid = 'search_document'::regclass AND attname = :column"
)
VERSIONS = text("SELECT version_num FROM alembic_version")


def _read(url: str) -> tuple[set[str], dict[str, int] | None]:
    engine = create_engine(url)
    with engine.connect() as conn:
        versions = set(conn.execute(VERSIONS).scalars())
        targets = None
        if engine.dialect.name == "postgresql":
            targets = {
                column: conn.execute(TARGET, {"column": column}).scalar_one()
                for column in ("tsv", "category", "rank")
            }
    engine.dispose()
    return versions, targets


def test_upgrade_down_and_up_again(db_url: str) -> None:
    versions, targets = _read(db_url)
    assert "0008_search_rank_cover" in versions  # the head, after 0007
    assert "0006_search_figures" not in versions
    if targets is not None:  # PostgreSQL: only tsv gets the finer target
        assert targets == {"tsv": 1000, "category": -1, "rank": -1}

    downgrade(db_url, "0006_search_figures")
    try:
        versions, targets = _read(db_url)
        assert "0006_search_figures" in versions
        assert "0007_search_statistics" not in versions
        if targets is not None:
            assert targets == {"tsv": -1, "category": -1, "rank": -1}
    finally:
        upgrade(db_url)  # the PostgreSQL database is shared by the session's other tests

    versions, targets = _read(db_url)
    assert "0008_search_rank_cover" in versions
    if targets is not None:
        assert targets["tsv"] == 1000
