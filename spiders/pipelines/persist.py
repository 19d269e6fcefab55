"""Persistence: offers and their price history into the catalog, in batches, with a CrawlRun.

One transaction per batch (COMPARATEUR_BATCH_SIZE items), never a session per item. The
observation time of the whole crawl is COMPARATEUR_NOW when set (ISO 8601 with an offset), else
the real UTC time at the start; every offer seen gets one PriceObservation at that time.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from sqlalchemy.exc import SQLAlchemyError

from catalog import persist
from catalog.db import default_url, make_engine, make_session_factory
from catalog.types import utcnow
from spiders.items import Offer
from spiders.pipelines.validate import DROP_PREFIX, ERRORS, count_error, problem

logger = logging.getLogger(__name__)

# The part of Scrapy's stats worth keeping on the CrawlRun row.
KEPT_STATS = (
    "downloader/request_count", "downloader/response_count", "response_received_count",
    "item_scraped_count", "item_dropped_count", "retry/count", "retry/max_reached",
    "robotstxt/forbidden", "httperror/response_ignored_count", "retry_after/wait_seconds",
    "retry_after/too_long", "elapsed_time_seconds", "finish_reason", "log_count/ERROR",
    "spider_exceptions/count",
    "log_count/WARNING", "offsite/filtered", "dupefilter/filtered", "comparateur/duplicate_links",
)  # fmt: skip


def observation_time(text: str | None) -> datetime:
    """COMPARATEUR_NOW parsed (must carry an offset), or the real UTC now."""
    if not text:
        return utcnow()
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError(
            f"COMPARATEUR_NOW needs a UTC offset, e.g. 2026-10-01T08:00:00+00:00: {text}"
        )
    return when


# One engine per database URL for the whole crawl process: the crawlers of one crawl (one per
# shop) and the rounds of a series share its compiled-statement cache, which is per engine
# (SQLAlchemy compiles every statement again for a new engine). When the last pipeline using
# it closes, its connections are closed (a test may drop the database) but the engine and its
# cache stay for the next round.
_ENGINES: dict[str, Any] = {}
_USERS: dict[str, int] = {}


def acquire_engine(url: str) -> Any:
    if url not in _ENGINES:
        _ENGINES[url] = make_engine(url)
    _USERS[url] = _USERS.get(url, 0) + 1
    return _ENGINES[url]


def release_engine(url: str) -> None:
    _USERS[url] = _USERS.get(url, 1) - 1
    if _USERS[url] <= 0 and url in _ENGINES:
        _ENGINES[url].dispose()


@dataclass
class RunState:
    shop_id: int
    run_id: int
    offer_ids: set[int] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)


class PersistPipeline:
    """Stores offers when the spider says `store = True`; otherwise passes items through."""

    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.url = settings.get("COMPARATEUR_DB_URL") or default_url()
        self.batch_size = max(1, settings.getint("COMPARATEUR_BATCH_SIZE", 200))
        self.now_text = settings.get("COMPARATEUR_NOW", "")
        self.enabled = False
        self.buffer: list[Offer] = []
        self.runs: dict[str, RunState] = {}
        self.engine: Any = None
        self.observed_at = utcnow()
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        pipeline = cls(crawler)
        # Closed after CoreStats has written finish_reason and elapsed time.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.enabled = bool(getattr(spider, "store", False))
        if not self.enabled:
            return
        self.observed_at = observation_time(self.now_text)
        self.started = time.monotonic()
        self.engine = acquire_engine(self.url)
        self.factory = make_session_factory(self.engine)
        shop = getattr(spider, "shop", None)
        if shop is not None:
            with self.factory.begin() as session:
                shop_row = persist.upsert_shop(session, shop)
                run_id = getattr(spider, "crawl_run_id", None)
                if run_id is None:
                    run_id = persist.start_run(
                        session, shop_row.id, spider.name, self.observed_at
                    ).id
            self.runs[shop.slug] = RunState(shop_row.id, int(run_id))
            logger.info("crawl run %s for shop %s at %s", run_id, shop.slug, self.observed_at)

    def process_item(self, item: Any) -> Any:
        if not self.enabled or not isinstance(item, Offer):
            return item
        reason = problem(item)
        if reason is not None:  # lenient spiders let these through to their output only
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(f"comparateur/not_stored/{reason}")
            return item
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def _key(self, offer: Offer) -> str:
        shop = getattr(self.crawler.spider, "shop", None)
        return shop.slug if shop is not None else (offer.shop or "unknown")

    def _ensure_runs(self, keys: set[str]) -> None:
        missing = keys - set(self.runs)
        if not missing:
            return
        spider_name = getattr(self.crawler.spider, "name", "product")
        with self.factory.begin() as session:
            for domain in sorted(missing):
                shop = persist.shop_for_domain(session, domain)
                run = persist.start_run(session, shop.id, spider_name, self.observed_at)
                self.runs[domain] = RunState(shop.id, run.id)

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        if not batch:
            return
        groups: dict[str, list[Offer]] = {}
        for offer in batch:
            groups.setdefault(self._key(offer), []).append(offer)
        try:
            self._ensure_runs(set(groups))
            with self.factory.begin() as session:
                saved = {
                    key: persist.save_offers(session, self.runs[key].shop_id, offers,
                                             self.observed_at, self.runs[key].run_id)
                    for key, offers in groups.items()
                }  # fmt: skip
        except SQLAlchemyError as exc:
            logger.error("could not store a batch of %d offers: %s", len(batch), exc)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("comparateur/persist_errors")
            count_error(self.crawler)
            for key in groups:
                if key in self.runs:
                    self.runs[key].failures.append(f"batch of {len(groups[key])} lost: {exc}")
            return
        for key, ids in saved.items():
            self.runs[key].offer_ids.update(ids)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("comparateur/stored", len(batch))

    def close_spider(self) -> None:
        if self.enabled:
            self.flush()

    def spider_closed(self, spider: Any, reason: str) -> None:
        if not self.enabled:
            return
        stats = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        finished_at = self.observed_at + timedelta(seconds=time.monotonic() - self.started)
        try:
            with self.factory.begin() as session:
                for state in self.runs.values():
                    status, message = run_outcome(stats, reason, state)
                    persist.finish_run(session, state.run_id, status=status,
                                       finished_at=finished_at, **run_counts(stats, state),
                                       message=message)  # fmt: skip
        except SQLAlchemyError as exc:
            logger.error("could not close the crawl runs: %s", exc)
        finally:
            release_engine(self.url)


def run_counts(stats: dict[str, Any], state: RunState) -> dict[str, Any]:
    dropped = {
        key[len(DROP_PREFIX) :]: int(value)
        for key, value in stats.items()
        if key.startswith(DROP_PREFIX)
    }
    kept = {key: stats[key] for key in KEPT_STATS if key in stats}
    kept.update({k: v for k, v in stats.items() if k.startswith("comparateur/")})
    kept.update({k: v for k, v in stats.items() if k.startswith("downloader/response_status")})
    return {
        "pages": int(stats.get("response_received_count", 0)),
        "offers": len(state.offer_ids),
        "errors": errors_of(stats),
        "dropped": dropped,
        "stats": {k: v if isinstance(v, int | float | str) else str(v) for k, v in kept.items()},
    }


def errors_of(stats: dict[str, Any]) -> int:
    """Requests that failed for good, pages extraction choked on, callbacks that raised, lost
    batches."""
    return int(stats.get(ERRORS, 0)) + int(stats.get("spider_exceptions/count", 0))


def run_outcome(stats: dict[str, Any], reason: str, state: RunState) -> tuple[str, str]:
    """finished or failed, and a one-line message for the CrawlRun."""
    pages = int(stats.get("response_received_count", 0))
    errors = errors_of(stats)
    if reason != "finished":
        return "failed", f"crawl ended early: {reason}"
    if state.failures:
        return "failed", "; ".join(state.failures)[:2000]
    if pages == 0 and errors:
        return "failed", f"no page could be fetched ({errors} errors)"
    if not state.offer_ids and errors:
        return "failed", f"{pages} pages but no offer stored ({errors} errors)"
    return "finished", f"{pages} pages, {len(state.offer_ids)} offers, {errors} errors"
