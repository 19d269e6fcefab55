"""The scheduler: due/lock logic with an injected clock, and a loop that survives failures."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import persist
from catalog.db import make_engine, make_session_factory
from catalog.models import CrawlRun, Shop
from catalog.persist import LastRun
from catalog.shopconfig import parse
from spiders.run import RunSummary
from spiders.schedule import Scheduler, due_shops, is_locked, next_run

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
H = timedelta(hours=1)


def shops(*specs: tuple[str, dict]) -> list:
    return parse({"shop": [{"slug": slug, "url": f"http://{slug}.example/", "schedule": sched}
                           for slug, sched in specs]})  # fmt: skip


SIX = shops(("six", {"interval": "6h"}))[0]
CRON = shops(("cron", {"cron": "0 */8 * * *"}))[0]


def test_never_crawled_shops_are_due_in_configuration_order():
    assert [s.slug for s in due_shops([CRON, SIX], {}, T0)] == ["cron", "six"]


def test_interval_and_cron_slots():
    last = {"six": LastRun(T0, "finished"), "cron": LastRun(T0, "finished")}
    assert due_shops([SIX, CRON], last, T0 + 5 * H) == []
    assert due_shops([SIX, CRON], last, T0 + 6 * H) == [SIX]
    assert next_run(CRON, last["cron"]) == T0.replace(hour=16)
    assert due_shops([CRON], last, T0.replace(hour=15, minute=59)) == []
    assert due_shops([CRON], last, T0.replace(hour=16)) == [CRON]


def test_a_running_crawl_locks_its_shop_until_the_timeout():
    running = {"six": LastRun(T0, "running")}
    assert is_locked(running["six"], T0 + 10 * H / 60)
    assert due_shops([SIX], running, T0 + 7 * H, lock_timeout=8 * H) == []
    # Past the timeout the run is taken as dead and the shop is due again.
    assert due_shops([SIX], running, T0 + 2 * H, lock_timeout=H) == [SIX]


def test_a_failed_crawl_waits_for_its_next_slot():
    failed = {"six": LastRun(T0, "failed", T0)}
    assert due_shops([SIX], failed, T0 + H) == []
    assert due_shops([SIX], failed, T0 + 6 * H) == [SIX]


class FakeClock:
    def __init__(self, now: datetime):
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


class RecordingCrawl:
    """Stands in for spiders.run.crawl: records CrawlRuns like it; 'broken' shops crash."""

    def __init__(self, broken: set[str] = frozenset()):
        self.calls: list[tuple[str, datetime]] = []
        self.broken = broken
        self.during = None

    def __call__(self, shop_list, db_url, *, now, **options):
        engine = make_engine(db_url)
        try:
            with make_session_factory(engine).begin() as session:
                for shop in shop_list:
                    self.calls.append((shop.slug, now))
                    run = persist.start_run(session, persist.upsert_shop(session, shop).id,
                                            "shop", now)  # fmt: skip
                    status = "failed" if shop.slug in self.broken else "finished"
                    persist.finish_run(session, run.id, status=status, finished_at=now)
        finally:
            engine.dispose()
        if self.during:
            self.during()
        if any(shop.slug in self.broken for shop in shop_list):
            raise RuntimeError("the crawl process blew up")
        return [RunSummary(shop=s.slug, crawl_run_id=0, status="finished") for s in shop_list]


def test_loop_keeps_every_shop_on_its_schedule_when_one_keeps_failing(db_url):
    config = shops(("six", {"interval": "6h"}), ("broken", {"interval": "4h"}),
                   ("cron", {"cron": "0 */8 * * *"}))  # fmt: skip
    clock, crawl = FakeClock(T0), RecordingCrawl(broken={"broken"})
    scheduler = Scheduler(config, db_url, crawl=crawl, clock=clock, sleep=clock.sleep,
                          poll=H, workers=0)  # fmt: skip
    try:
        scheduler.run(max_ticks=25)  # a simulated day, ticking at least hourly
    finally:
        scheduler.close()
    times: dict[str, list[int]] = {}
    for slug, when in crawl.calls:
        times.setdefault(slug, []).append(int((when - T0) / H))
    assert times["six"] == [0, 6, 12, 18, 24]
    assert times["broken"] == [0, 4, 8, 12, 16, 20, 24]  # failed each time, never hammered
    assert times["cron"] == [0, 8, 16, 24]
    assert all(seconds <= 3600 for seconds in clock.slept)


def test_in_process_guard_and_database_lock(db_url):
    config = shops(("six", {"interval": "6h"}), ("other", {"interval": "6h"}))
    clock, crawl = FakeClock(T0), RecordingCrawl()
    scheduler = Scheduler(config, db_url, crawl=crawl, clock=clock, sleep=clock.sleep, workers=0)
    engine = make_engine(db_url)
    try:
        # Another process is crawling "other": its fresh running CrawlRun locks it.
        with make_session_factory(engine).begin() as session:
            other = persist.upsert_shop(session, config[1])
            stuck = persist.start_run(session, other.id, "shop", T0 - timedelta(minutes=5)).id
        reentrant = []
        crawl.during = lambda: reentrant.append(scheduler.tick())
        assert scheduler.tick() == ["six"]
        assert reentrant == [[]]  # "six" is being crawled by this process: not started twice
        # Three hours later the lock has timed out: the stuck run is failed, the shop crawled.
        clock.now = T0 + 3 * H
        crawl.during = None
        assert scheduler.tick() == ["other"]
        with Session(engine) as session:
            old = session.get(CrawlRun, stuck)
            assert old.status == "failed" and "abandoned" in old.message
    finally:
        scheduler.close()
        engine.dispose()


# -- the real crawl: one shop answers, one is down ---------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def tiny_shop() -> Iterator[str]:
    offer = {"@type": "Offer", "price": "969.00", "priceCurrency": "EUR"}
    product = {"@context": "https://schema.org", "@type": "Product",
               "name": "Apple iPhone 16 128 Go", "offers": offer}  # fmt: skip
    pages: dict[str, bytes] = {
        "/robots.txt": b"User-agent: *\nDisallow: /panier\n",
        "/p/iphone-16": (
            "<html><head><title>iPhone 16</title><script type='application/ld+json'>"
            f"{json.dumps(product)}</script></head><body><h1>Apple iPhone 16 128 Go</h1>"
            "<p>969,00 €</p><button>Ajouter au panier</button></body></html>"
        ).encode(),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path)
            if self.path == "/sitemap.xml":
                body = (
                    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/p/iphone-16</loc></url></urlset>"
                ).encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.send_header(
                "Content-Type", "text/xml" if self.path.endswith(".xml") else "text/html"
            )
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_real_scheduler_run_once_survives_a_shop_that_is_down(db_url, tiny_shop):
    polite = {"concurrency": 4, "delay": 0, "autothrottle": False}
    dead = f"http://127.0.0.1:{free_port()}/"
    config = parse({"shop": [
        {"slug": "up", "url": tiny_shop + "/", "politeness": polite,
         "discovery": {"sitemaps": [tiny_shop + "/sitemap.xml"], "robots_sitemaps": False}},
        {"slug": "down", "url": dead, "politeness": polite,
         "discovery": {"sitemaps": [dead + "sitemap.xml"], "robots_sitemaps": False}},
    ]})  # fmt: skip
    scheduler = Scheduler(config, db_url, crawl_options={"settings": {"LOG_LEVEL": "CRITICAL",
                          "RETRY_TIMES": 0}}, workers=2)  # fmt: skip
    try:
        scheduler.run(once=True)
    finally:
        scheduler.close()
    engine = make_engine(db_url)
    with Session(engine) as session:
        runs = dict(session.execute(select(Shop.slug, CrawlRun).join(CrawlRun.shop)).all())
    engine.dispose()
    assert (runs["up"].status, runs["up"].offers) == ("finished", 1)
    assert runs["down"].status == "failed"
    assert runs["down"].pages == 0 and runs["down"].errors >= 1


def test_loop_survives_an_unreachable_database():
    clock, crawl = FakeClock(T0), RecordingCrawl()
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none"
    scheduler = Scheduler([SIX], dead, crawl=crawl, clock=clock, sleep=clock.sleep, poll=H,
                          workers=0)  # fmt: skip
    try:
        scheduler.run(max_ticks=3)
    finally:
        scheduler.close()
    assert crawl.calls == []
    assert clock.slept == [3600.0, 3600.0]  # waited a poll interval and tried again
