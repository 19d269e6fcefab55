"""Distributed crawl (scrapy-redis): two processes crawl one shop and share its queue."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.migrate import upgrade
from catalog.models import CrawlRun, Offer

redis = pytest.importorskip("redis")
pytest.importorskip("scrapy_redis")
demoshops = pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
from demoshops import truth  # noqa: E402
from demoshops.clock import DEMO_START, SimClock  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("COMPARATEUR_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    yield client
    client.close()


def test_two_processes_share_one_shops_crawl(tmp_path, redis_client):
    # A time of its own, so that this run's Redis keys are new.
    when = DEMO_START + timedelta(seconds=random.randrange(1, 3600))
    db_url = f"sqlite:///{tmp_path / 'd.db'}"
    upgrade(db_url)
    clock = SimClock(when)
    running = demoshops.start(clock=clock)
    env = {**os.environ, **running.variables(), "COMPARATEUR_REDIS_URL": REDIS_URL,
           "COMPARATEUR_NOW": when.isoformat(), "DATABASE_URL": db_url}  # fmt: skip
    command = [sys.executable, "-m", "scrapy", "crawl", "shop", "-a", "shop=micro-bazar",
               "-s", "LOG_LEVEL=ERROR"]  # fmt: skip
    try:
        workers = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(2)]
        codes = [worker.wait(timeout=600) for worker in workers]
        hits = dict(running.hits["micro-bazar"])
    finally:
        running.stop()
    assert codes == [0, 0]
    live = {
        item.path
        for item in truth.listings("micro-bazar")
        if truth.expected("micro-bazar", "http://demo" + item.path, when) is not None
    }
    # Each product page was fetched once, by one process or the other.
    assert {path: hits.get(path, 0) for path in live} == dict.fromkeys(live, 1)
    engine = make_engine(db_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count(Offer.id))) == len(live)
        runs = session.scalars(select(CrawlRun)).all()
    engine.dispose()
    assert [run.status for run in runs] == ["finished", "finished"]
    assert sum(run.pages for run in runs) >= len(live)
    keys = redis_client.keys(f"comparateur:micro-bazar:{when.isoformat()}:*")
    assert keys and all(0 < redis_client.ttl(key) <= 86400 for key in keys)
    redis_client.delete(*keys)
