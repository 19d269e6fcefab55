"""Shared fixtures: a migrated database on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade

SHARED_DATA = Path(
    os.environ.get(
        "COMPARATEUR_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)
PG_ADMIN_URL = os.environ.get(
    "COMPARATEUR_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with a reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run, dropped at the end."""
    name = f"comparateur_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - report any connection failure as a skip reason
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc}")
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_migrated_url(pg_server_url: str) -> str:
    upgrade(pg_server_url)
    return pg_server_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A freshly migrated, empty database URL on each engine."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'catalog.db'}"
        upgrade(url)
        return url
    url: str = request.getfixturevalue("pg_migrated_url")
    _truncate_all(url)
    return url


@pytest.fixture(scope="module")
def pg_empty_url(pg_migrated_url: str) -> str:
    """The session's PostgreSQL database emptied, for a module that fills it once."""
    _truncate_all(pg_migrated_url)
    return pg_migrated_url


def _truncate_all(url: str) -> None:
    from catalog.models import Base

    engine = create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    """A session inside an outer transaction that is rolled back after the test."""
    with engine.connect() as connection:
        outer = connection.begin()
        factory = make_session_factory(connection)  # type: ignore[arg-type]
        factory.configure(join_transaction_mode="create_savepoint")
        with factory() as sess:
            yield sess
        outer.rollback()


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[object, object]]:
    """The crawl tests' demo shops on free ports, clock moved by the test: (shops, clock)."""
    demoshops = pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
    from demoshops.clock import SimClock

    clock = SimClock()
    running = demoshops.start(clock=clock)
    try:
        yield running, clock
    finally:
        running.stop()
