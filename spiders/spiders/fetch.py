"""`scrapy crawl fetch -a urls=FILE`: downloads pages and does nothing else.

The baseline of bench/crawl_overhead.py: same URLs, same settings, no extraction, no storage.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.http import Response

from spiders.spiders.base import BaseSpider, read_url_file


class FetchSpider(BaseSpider):
    name = "fetch"

    def __init__(self, urls: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.targets = read_url_file(urls) if urls else []

    async def start(self) -> AsyncIterator[Request]:
        for target in self.targets:
            yield Request(target, callback=self.parse, errback=self.on_error, dont_filter=True)

    def parse(self, response: Response) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("fetch/bytes", len(response.body))
