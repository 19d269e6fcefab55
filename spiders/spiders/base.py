"""What every spider here shares: drop reasons for failed requests, extraction with a guard."""

from __future__ import annotations

import logging
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.items import Offer
from spiders.pipelines.validate import count_error, record_drop

logger = logging.getLogger(__name__)


def read_url_file(path: str) -> list[str]:
    """One URL a line; blank lines and `#` comments ignored."""
    urls = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                urls.append(line)
    return urls


def failure_reason(failure: Failure) -> str:
    """A drop reason for a request that gave no usable response."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return "robots_or_filtered"
    return f"download_error:{failure.type.__name__ if failure.type else 'unknown'}"


class BaseSpider(scrapy.Spider):
    """Records why a request failed; extraction errors drop the page, never the crawl."""

    # Overridden per spider: see spiders.pipelines.
    store = False
    require_price = True
    drop_invalid = True
    contract_output = False

    def drop(self, reason: str, count: int = 1) -> None:
        record_drop(self.crawler, reason, count)

    def on_error(self, failure: Failure) -> Any:
        reason = failure_reason(failure)
        self.drop(reason)
        url = failure.request.url if hasattr(failure, "request") else "?"
        if reason.startswith("download_error"):
            count_error(self.crawler)
            logger.error("could not fetch %s: %s", url, failure.getErrorMessage())
        else:
            logger.info("dropped %s: %s", url, reason)
        return None

    def extract(self, response: Response, module: str | None = None) -> list[Offer] | None:
        """The page's offers; None when the page could not be read (counted as dropped)."""
        from spiders.extract import extract_offers

        if not isinstance(response, TextResponse):
            self.drop("not_html")
            return None
        try:
            return extract_offers(response, module=module)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the crawl
            self.drop("extraction_error")
            count_error(self.crawler)
            logger.error("extraction failed on %s: %r", response.url, exc)
            return None
