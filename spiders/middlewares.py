"""Downloader middleware and extension of the crawl: polite retries, final stats to a file."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus a wait before each retry of an HTTP error.

    429 and 503 answers that carry Retry-After are retried after that many seconds (capped by
    RETRY_AFTER_MAX: a shop asking for longer is given up on for this crawl); other retryable
    statuses wait an exponential backoff (RETRY_BACKOFF_BASE * 2**n, at most RETRY_BACKOFF_MAX).
    The wait does not block the reactor; other requests go on meanwhile.
    """

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    def delay_for(self, response: Response, retries: int) -> float | None:
        """Seconds to wait before retrying; None when the shop asks for too long."""
        if response.status in (429, 503):
            header = response.headers.get(b"Retry-After")
            asked = parse_retry_after(header.decode("latin-1") if header else None, _now())
            if asked is not None:
                return asked if asked <= self.retry_after_max else None
        return min(self.backoff_max, self.backoff_base * 2**retries)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retries = int(request.meta.get("retry_times", 0))
        delay = self.delay_for(response, retries)
        stats = self.crawler.stats
        if delay is None:
            if stats:
                stats.inc_value("retry_after/too_long")
            logger.warning("%s asks to come back too late; giving up for this crawl", request.url)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if delay > 0:
            if stats:
                stats.inc_value("retry_after/wait_seconds", delay, start=0.0)
            logger.info(
                "waiting %.1fs before retrying %s (%d)", delay, request.url, response.status
            )
            await self.wait(delay)
        return retry

    async def wait(self, seconds: float) -> None:
        from twisted.internet import reactor

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


def _now() -> datetime:
    return datetime.now(UTC)


class StatsFileExtension:
    """Appends the final stats of each crawler as one JSON line to COMPARATEUR_STATS_FILE."""

    def __init__(self, crawler: Crawler, path: str):
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler, crawler.settings.get("COMPARATEUR_STATS_FILE", ""))
        if extension.path:
            crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        stats["finish_reason"] = reason
        stats["spider"] = getattr(spider, "name", "")
        stats["shop_slug"] = getattr(getattr(spider, "shop", None), "slug", None)
        with Path(self.path).open("a", encoding="utf-8") as out:
            out.write(json.dumps(stats, default=str) + "\n")
