"""Fixtures of the site's tests: the app on each engine, its client and CLI runner, a catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from site_catalogue import Catalogue, build

from catalog.db import make_engine, make_session_factory
from webapp import create_app


@pytest.fixture
def app(db_url: str) -> Iterator[Flask]:
    """The site on a freshly migrated database (SQLite and PostgreSQL)."""
    app = create_app({"DATABASE_URL": db_url, "TESTING": True, "SECRET_KEY": "test"})
    yield app
    app.extensions["comparateur.engine"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def catalogue(db_url: str, now: datetime) -> Iterator[Catalogue]:
    """Shops, products, offers and 120 days of daily prices, committed."""
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        yield build(session, now)
    engine.dispose()
