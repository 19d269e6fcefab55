"""Validation: an offer the catalog cannot trust is dropped with a reason counted in the stats."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from spiders.items import Offer

logger = logging.getLogger(__name__)

CENT = Decimal("0.01")
# Above this an offer is a parsing accident (a GTIN read as a price), not a datacenter GPU.
ABSURD_PRICE = Decimal("2000000")
MAX_URL = 2048
# Active ISO 4217 codes.
ISO_4217 = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
    MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD
    TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG""".split()
)
DROP_PREFIX = "comparateur/dropped/"
ERRORS = "comparateur/errors"


def currency_code(value: str | None) -> str | None:
    """The upper-cased, stripped code; None when empty."""
    if value is None:
        return None
    code = value.strip().upper()
    return code or None


def price_problem(value: Any, name: str) -> str | None:
    if not isinstance(value, Decimal):
        return f"bad_{name}"
    if not value.is_finite():
        return f"bad_{name}"
    if value != value.quantize(CENT):
        return f"{name}_too_precise"
    if value < 0:
        return f"negative_{name}"
    if value == 0:
        return f"zero_{name}"
    if value > ABSURD_PRICE:
        return f"absurd_{name}"
    return None


def problem(offer: Any, *, require_price: bool = True) -> str | None:
    """Why this offer cannot be stored, or None when it can. Pure: also used by persistence."""
    if not isinstance(offer, Offer):
        return "not_an_offer"
    parts = urlsplit(offer.url or "")
    if parts.scheme not in ("http", "https", "file") or not (parts.netloc or parts.path):
        return "no_url"
    if len(offer.url) > MAX_URL:
        return "url_too_long"
    if not (offer.title or "").strip():
        return "no_title"
    if offer.price is None:
        return "no_price" if require_price else None
    reason = price_problem(offer.price, "price")
    if reason:
        return reason
    code = currency_code(offer.currency)
    if code is None:
        return "price_without_currency"
    if code not in ISO_4217:
        return "bad_currency"
    return None


def count_error(crawler: Crawler) -> None:
    """Counts an error for the CrawlRun (log counts depend on LOG_LEVEL; this does not)."""
    if crawler.stats is not None:
        crawler.stats.inc_value(ERRORS)


def record_drop(crawler: Crawler, reason: str, count: int = 1) -> None:
    """Counts a dropped page, item or feed row under its reason (stored on the CrawlRun)."""
    if crawler.stats is not None:
        crawler.stats.inc_value(DROP_PREFIX + reason, count)


class ValidatePipeline:
    """Drops offers that fail `problem()`.

    A spider may set `require_price = False` (the `product` spider: one item per page, even
    without a price) and `drop_invalid = False` to let invalid items through to its output;
    those are counted under `comparateur/invalid/<reason>` and never stored.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        spider = self.crawler.spider
        reason = problem(item, require_price=getattr(spider, "require_price", True))
        if reason is None:
            return item
        if not getattr(spider, "drop_invalid", True):
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(f"comparateur/invalid/{reason}")
            return item
        record_drop(self.crawler, reason)
        raise DropItem(f"{reason}: {getattr(item, 'url', '?')}", log_level="DEBUG")
