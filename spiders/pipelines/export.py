"""The `product` spider's output contract: flat strings, prices as "1299.99", "" when absent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Self

from scrapy.crawler import Crawler

from spiders.items import Offer

CENT = Decimal("0.01")
CONTRACT_FIELDS = (
    "url", "title", "price", "regular_price", "currency", "availability", "brand", "gtin",
    "mpn", "sku", "image", "shop", "method",
)  # fmt: skip


def decimal_text(value: Decimal) -> str:
    """ "199" -> "199.00"; an amount with more than two decimals is written as it is."""
    if value.is_finite() and value == value.quantize(CENT):
        value = value.quantize(CENT)
    return format(value, "f")


def contract_row(offer: Offer) -> dict[str, str]:
    """One JSON line of `scrapy crawl product`: every field present, every value a string."""
    row: dict[str, str] = {}
    for name in CONTRACT_FIELDS:
        value = getattr(offer, name)
        if value is None:
            row[name] = ""
        elif isinstance(value, Decimal):
            row[name] = decimal_text(value)
        else:
            row[name] = str(value)
    return row


class ContractPipeline:
    """Turns offers into contract rows for spiders that set `contract_output = True`."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Offer) and getattr(self.crawler.spider, "contract_output", False):
            return contract_row(item)
        return item
