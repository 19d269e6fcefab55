"""The run API: a crawl that crashes or hangs gives failed CrawlRuns, never an exception."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.models import CrawlRun
from catalog.shopconfig import parse
from spiders.run import crawl

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def silent_shop() -> Iterator[str]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def shop_at(url: str, slug: str = "s") -> list:
    return parse({"shop": [{"slug": slug, "url": url,
                            "politeness": {"delay": 0, "autothrottle": False}}]})  # fmt: skip


def runs(db_url: str) -> list[CrawlRun]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        result = list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))
    engine.dispose()
    return result


def test_a_hanging_crawl_is_killed_at_its_timeout_and_failed(db_url, silent_shop):
    (summary,) = crawl(shop_at(silent_shop), db_url, now=NOW, timeout=3,
                       settings={"LOG_LEVEL": "CRITICAL"})  # fmt: skip
    assert summary.status == "failed"
    assert "time limit" in summary.message
    (run,) = runs(db_url)
    assert (run.status, run.started_at) == ("failed", NOW)
    assert run.finished_at >= NOW


def test_a_crawler_that_cannot_start_leaves_failed_runs_and_no_exception(db_url):
    shops = shop_at("http://127.0.0.1:9/", "a") + shop_at("http://127.0.0.1:9/", "b")
    summaries = crawl(shops, db_url, now=NOW, processes=1,
                      settings={"LOG_LEVEL": "CRITICAL",
                                "ITEM_PIPELINES": {"no.such.Pipeline": 1}})  # fmt: skip
    assert [(s.shop, s.status) for s in summaries] == [("a", "failed"), ("b", "failed")]
    assert all(s.message for s in summaries)
    assert [r.status for r in runs(db_url)] == ["failed", "failed"]


def test_no_shops_no_crawl(db_url):
    assert crawl([], db_url) == []
    with pytest.raises(ValueError, match="aware"):
        crawl(shop_at("http://127.0.0.1:9/"), db_url, now=datetime(2026, 10, 1))


def test_match_flag_hands_the_offers_seen_to_the_matcher(db_url, caplog):
    pytest.importorskip("matching.service", reason="the matching service is not there yet")
    demoshops = pytest.importorskip("demoshops.server", reason="no demo shops yet")
    from catalog.models import Offer
    from demoshops.clock import DEMO_START, SimClock

    running = demoshops.start(clock=SimClock())
    try:
        shops = [shop for shop in running.shops if shop.slug == "depot-hitech"]
        (summary,) = crawl(shops, db_url, now=DEMO_START, match=True,
                           settings={"LOG_LEVEL": "WARNING"})  # fmt: skip
    finally:
        running.stop()
    assert summary.status == "finished" and summary.offers > 0
    engine = make_engine(db_url)
    with Session(engine) as session:
        matched = session.scalars(select(Offer).where(Offer.product_id.is_not(None))).all()
    engine.dispose()
    # The matcher ran on this crawl's offers; if it broke, that was logged and the crawl kept.
    assert matched or "matching after the crawl failed" in caplog.text
    assert summary.offers == len(set(summary_offers(db_url)))


def summary_offers(db_url: str) -> list[int]:
    from catalog.models import PriceObservation

    engine = make_engine(db_url)
    with Session(engine) as session:
        ids = list(session.scalars(select(PriceObservation.offer_id)))
    engine.dispose()
    return ids
