"""The scheduler: each shop crawled on its own interval or cron expression, never twice at once.

The decision is a pure function, `due_shops(shops, last_runs, now)`; the loop around it takes
its clock and its sleeper as arguments so tests never sleep. Two guards keep a shop from being
crawled twice at once: a CrawlRun still `running` and younger than the lock timeout (another
scheduler, a manual `comparateur crawl`), and the set of shops this process is crawling now.
Each shop is crawled in its own child process: one shop's crash never touches the others.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from croniter import croniter

from catalog import persist
from catalog.db import make_engine, make_session_factory
from catalog.persist import LastRun
from catalog.shopconfig import ShopConfig

logger = logging.getLogger(__name__)

LOCK_TIMEOUT = timedelta(hours=2)
POLL = timedelta(minutes=1)
DEFAULT_INTERVAL = timedelta(hours=6)


def next_run(shop: ShopConfig, last: LastRun | None) -> datetime | None:
    """When the shop is next due after its last run; None when it never ran (due now)."""
    if last is None:
        return None
    if shop.schedule.cron:
        following: datetime = croniter(shop.schedule.cron, last.started_at).get_next(datetime)
        return following
    return last.started_at + (shop.schedule.interval or DEFAULT_INTERVAL)


def is_locked(last: LastRun | None, now: datetime, lock_timeout: timedelta = LOCK_TIMEOUT) -> bool:
    """A crawl of this shop is under way (a running CrawlRun younger than the timeout)."""
    return last is not None and last.status == "running" and now - last.started_at < lock_timeout


def due_shops(
    shops: Iterable[ShopConfig],
    last_runs: dict[str, LastRun],
    now: datetime,
    lock_timeout: timedelta = LOCK_TIMEOUT,
) -> list[ShopConfig]:
    """The shops to crawl at `now`, in configuration order.

    Never-crawled shops are due; a shop whose run is still going is not; a run left `running`
    past the lock timeout is taken as dead, so its shop is due again. A failed run waits for
    the next slot like a finished one (a failing shop is not hammered).
    """
    due = []
    for shop in shops:
        last = last_runs.get(shop.slug)
        if is_locked(last, now, lock_timeout):
            continue
        stale = last is not None and last.status == "running"
        when = next_run(shop, last)
        if when is None or stale or when <= now:
            due.append(shop)
    return due


class Scheduler:
    """Runs due crawls in worker threads (each a child process via `crawl`)."""

    def __init__(
        self,
        shops: list[ShopConfig],
        db_url: str,
        *,
        crawl: Callable[..., Any] | None = None,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        lock_timeout: timedelta = LOCK_TIMEOUT,
        poll: timedelta = POLL,
        workers: int = 2,
        crawl_options: dict[str, Any] | None = None,
    ):
        from catalog.types import utcnow
        from spiders.run import crawl as run_crawl

        self.shops = shops
        self.db_url = db_url
        self.crawl = crawl or run_crawl
        self.clock = clock or utcnow
        self.sleep = sleep
        self.lock_timeout = lock_timeout
        self.poll = poll
        # A crawl still going at the lock timeout is killed: by then it counts as dead anyway.
        self.crawl_options = {"timeout": lock_timeout.total_seconds(), **(crawl_options or {})}
        self.running: set[str] = set()
        self.guard = threading.Lock()
        # workers=0: crawl inline, one shop after the other (deterministic, for tests).
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="crawl") if workers else None
        self.pending: list[Future[None]] = []
        self.engine = make_engine(db_url)
        self.factory = make_session_factory(self.engine)

    def last_runs(self) -> dict[str, LastRun]:
        with self.factory() as session:
            return persist.last_runs(session, [shop.slug for shop in self.shops])

    def tick(self) -> list[str]:
        """Starts the crawls due now; returns their shop slugs."""
        now = self.clock()
        last = self.last_runs()
        with self.guard:
            due = [s for s in due_shops(self.shops, last, now, self.lock_timeout)
                   if s.slug not in self.running]  # fmt: skip
            self.running.update(shop.slug for shop in due)
        stale = [
            last[s.slug].run_id for s in due if s.slug in last and last[s.slug].status == "running"
        ]
        if any(stale):
            with self.factory.begin() as session:
                message = "abandoned: still running past the lock timeout"
                persist.fail_unfinished(session, [i for i in stale if i], now, message)
        for shop in due:
            if self.pool is None:
                self._crawl_one(shop, now)
            else:
                self.pending.append(self.pool.submit(self._crawl_one, shop, now))
        return [shop.slug for shop in due]

    def _crawl_one(self, shop: ShopConfig, now: datetime) -> None:
        try:
            for summary in self.crawl([shop], self.db_url, now=now, **self.crawl_options):
                if summary.status == "finished":
                    logger.info("%s: %s", shop.slug, summary.message)
                else:
                    logger.warning("%s: crawl %s: %s", shop.slug, summary.status, summary.message)
        except Exception:  # noqa: BLE001 - one shop's failure must not stop the scheduler
            logger.exception("%s: crawl failed", shop.slug)
        finally:
            with self.guard:
                self.running.discard(shop.slug)

    def wait(self) -> None:
        """Waits for the crawls started so far."""
        pending, self.pending = self.pending, []
        for future in pending:
            future.result()

    def seconds_to_next(self) -> float:
        """Until the next shop is due (at most the poll interval)."""
        now = self.clock()
        last = self.last_runs()
        upcoming = [next_run(shop, last.get(shop.slug)) for shop in self.shops]
        soonest = min((when for when in upcoming if when is not None), default=now + self.poll)
        return max(1.0, min((soonest - now).total_seconds(), self.poll.total_seconds()))

    def run(self, *, once: bool = False, max_ticks: int | None = None) -> None:
        """Loops forever (or once, or `max_ticks` times), sleeping between ticks."""
        ticks = 0
        try:
            while True:
                try:
                    started = self.tick()
                    pause = self.seconds_to_next()
                except Exception:  # noqa: BLE001 - the database may be back at the next tick
                    logger.exception("scheduler tick failed; trying again later")
                    started, pause = [], self.poll.total_seconds()
                if started:
                    logger.info("crawling %s", ", ".join(started))
                ticks += 1
                if once or (max_ticks is not None and ticks >= max_ticks):
                    break
                self.sleep(pause)
        finally:
            self.wait()

    def close(self) -> None:
        self.wait()
        if self.pool is not None:
            self.pool.shutdown()
        self.engine.dispose()
