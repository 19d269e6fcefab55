"""One engine per app, one session per request (closed at teardown)."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from catalog.db import default_url, make_engine, make_session_factory


def init_app(app: Flask) -> None:
    url = app.config.get("DATABASE_URL") or default_url()
    engine = make_engine(url)
    app.extensions["comparateur.engine"] = engine
    app.extensions["comparateur.sessions"] = make_session_factory(engine)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The request's session; created on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["comparateur.sessions"]()
    return g.db_session  # type: ignore[no-any-return]


def session_factory() -> sessionmaker[Session]:
    """For streamed responses: their generator outlives the request, so it opens and closes
    its own session (`with factory() as session:`) instead of the request's."""
    return current_app.extensions["comparateur.sessions"]  # type: ignore[no-any-return]


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
