"""`scrapy crawl product -a urls=FILE -O OUT.jsonl`: one JSON line per fetched page.

The contract other tools rely on (docs/crawling.md): fields url, title, price, regular_price,
currency, availability, brand, gtin, mpn, sku, image, shop, method; every value a string, ""
when absent; prices as "1299.99". A page with variants gives one line per variant. Nothing is
written to the database unless `-a store=1`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.items import Offer
from spiders.spiders.base import BaseSpider, failure_reason, read_url_file

TRUE = ("1", "true", "yes", "on")


class ProductSpider(BaseSpider):
    name = "product"
    require_price = False
    drop_invalid = False
    contract_output = True

    def __init__(self, urls: str | None = None, url: str | None = None, store: str = "0",
                 module: str | None = None, **kwargs: Any):  # fmt: skip
        super().__init__(**kwargs)
        self.targets = read_url_file(urls) if urls else []
        if url:
            self.targets.append(url.strip())
        if not self.targets:
            raise ValueError("give -a urls=FILE (one URL a line) or -a url=URL")
        self.store = str(store).lower() in TRUE
        self.module = module

    async def start(self) -> AsyncIterator[Request]:
        for target in self.targets:
            yield Request(target, callback=self.parse, errback=self.failed, dont_filter=True,
                          cb_kwargs={"asked": target})  # fmt: skip

    def parse(self, response: Response, asked: str = "") -> Iterator[Offer]:
        asked = asked or response.url
        offers = self.extract(response, module=self.module)
        if not offers:
            if offers is not None:
                self.drop("no_offer")
            yield self.empty(asked)
            return
        for offer in offers:
            # The contract's url is the URL asked for (callers join on it); variants keep theirs.
            if not offer.url or offer.url == response.url:
                offer.url = asked
            offer.shop = offer.shop or urlsplit(asked).netloc
            yield offer

    def failed(self, failure: Failure) -> Iterator[Offer]:
        self.on_error(failure)
        if failure_reason(failure) == "robots_or_filtered":
            return
        asked = failure.request.cb_kwargs.get("asked", failure.request.url)
        yield self.empty(asked)

    @staticmethod
    def empty(url: str) -> Offer:
        """The line written for a page that gave no offer (no price, 404, unreachable)."""
        return Offer(url=url, shop=urlsplit(url).netloc)
