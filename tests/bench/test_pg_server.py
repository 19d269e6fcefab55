"""The load benchmark's own PostgreSQL server: started with its settings, prewarmed, stopped."""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench import pg_server
from bench.site_load_run import drop_pg_database


def _can_run() -> str | None:
    try:
        pg_server.bindir()
    except RuntimeError as exc:
        return str(exc)
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres account"
    return None


@pytest.mark.skipif(_can_run() is not None, reason=str(_can_run()))
def test_server_starts_with_its_settings_and_prewarms(monkeypatch) -> None:
    # Directly under /tmp: the postgres account must reach its data directory (pytest's
    # own temporary directories are private to the user running the tests).
    top = Path(tempfile.mkdtemp(prefix="comparateur-pgserver-"))
    top.chmod(0o755)
    monkeypatch.setattr(pg_server, "DATA", top / "pgserver" / "data")
    monkeypatch.setitem(pg_server.SETTINGS, "shared_buffers", "48MB")  # small for the test
    try:
        _start_twice()
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _start_twice() -> None:
    with pg_server.server() as admin_url:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            assert conn.execute(text("SHOW shared_buffers")).scalar() == "48MB"
            assert conn.execute(text("SHOW listen_addresses")).scalar() == "127.0.0.1"
            conn.execute(text("CREATE DATABASE prewarmed"))
        admin.dispose()
        url = admin_url.rsplit("/", 1)[0] + "/prewarmed"
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION pg_buffercache"))
            conn.execute(text("CREATE TABLE t (id int PRIMARY KEY, v text)"))
            conn.execute(
                text("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 5000) AS g")
            )
        engine.dispose()
    # Started again (the same directory): empty buffers until prewarm() reads the table in.
    with pg_server.server() as admin_url:
        url = admin_url.rsplit("/", 1)[0] + "/prewarmed"
        engine = create_engine(url)
        count = text(
            "SELECT count(*) FROM pg_buffercache b JOIN pg_class c "
            "ON b.relfilenode = pg_relation_filenode(c.oid) WHERE c.relname IN ('t', 't_pkey')"
        )
        with engine.connect() as conn:
            assert conn.execute(count).scalar() == 0
        pg_server.prewarm(url)
        with engine.connect() as conn:
            assert conn.execute(count).scalar() >= 40  # 5,000 rows: about 45 table pages
        engine.dispose()
        drop_pg_database(url)
