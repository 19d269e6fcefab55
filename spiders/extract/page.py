"""`extract_offers` and `is_product_page`: structured data first, checked against the visible
page, then the visible HTML. The tree is parsed once (Scrapy's cached selector root)."""

from __future__ import annotations

import importlib
import logging
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from spiders.extract import structured, visible, visible_prices
from spiders.extract.parse import lean_tree, text_content
from spiders.extract.prices import to_iso
from spiders.extract.visible_prices import PriceCandidate
from spiders.items import Offer

log = logging.getLogger(__name__)

_TLD_REGION = {"ca": "CA", "au": "AU", "nz": "NZ", "sg": "SG", "hk": "HK", "mx": "MX"}
_TLD_CURRENCY = {
    "fr": "EUR", "de": "EUR", "at": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "be": "EUR",
    "ie": "EUR", "pt": "EUR", "fi": "EUR", "lu": "EUR", "gr": "EUR", "lt": "EUR", "uk": "GBP",
    "ch": "CHF", "ca": "CAD", "au": "AUD", "tr": "TRY", "pl": "PLN", "se": "SEK", "com": "USD",
    "us": "USD", "jp": "JPY", "dk": "DKK", "no": "NOK", "cz": "CZK",
}  # fmt: skip


def tree_of(response: Any) -> Any:
    """The page's tree: the spider's own when it already parsed the page, else a lean parse."""
    return lean_tree(response)


_MICRODATA = (b"itemscope", b"itemScope", b"ITEMSCOPE")
_RDFA = (b"typeof", b"typeOf", b"TYPEOF")
_CURRENCIES = etree.XPath("descendant::*[@itemprop='priceCurrency']/@content")


class Page:
    """One parsed page and the evidence read from it, computed lazily and once."""

    def __init__(self, response: Any) -> None:
        self.url: str = response.url
        self.root = tree_of(response)
        raw = getattr(response, "body", None)
        self.raw: bytes | None = raw if isinstance(raw, bytes) else None
        body = self.root.find("body")
        self.body = body if body is not None else self.root
        self.og = structured.opengraph(self.root)
        html = self.root if self.root.tag == "html" else self.root.getroottree().getroot()
        self.locale = html.get("lang") or self.og.get("og:locale")
        host = urlsplit(self.url).hostname or ""
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        if self.locale and "-" not in self.locale and "_" not in self.locale and tld in _TLD_REGION:
            self.locale = f"{self.locale}-{_TLD_REGION[tld]}"
        self.default_currency = _TLD_CURRENCY.get(tld)
        self._elements: list[Any] | None = None
        self._candidates: list[PriceCandidate] | None = None
        self._positions: dict[Any, int] | None = None
        self._buy: int | None = None
        self.memo: dict[Any, Any] = {}
        self.reads: dict[str, dict[Any, Any]] = {}  # what the price searches read, per element
        self.h1, self.h1_text = visible.find_title(self.root, self.body)

    @property
    def elements(self) -> list[Any]:
        if self._elements is None:
            self._elements = visible.visible_elements(self.body)
        return self._elements

    def position(self, el: Any) -> int:
        """Index of an element among the visible ones (-1 when absent or hidden)."""
        if self._positions is None:
            elements = self.elements
            self._positions = dict(zip(elements, range(len(elements)), strict=True))
        return self._positions.get(el, -1) if el is not None else -1

    def page_currency(self) -> str | None:
        """A currency the page states somewhere (markup), else the one its prices show."""
        values = _CURRENCIES(self.root) if self.mentions(b"priceCurrency", b"pricecurrency") else []
        for value in values[:1]:
            iso = to_iso(str(value))
            if iso:
                return iso
        found = [c.currency for c in self.candidates() if c.currency]
        return max(set(found), key=found.count) if found else None

    def buy_position(self) -> int:
        if self._buy is None:
            self._buy = visible.buy_anchor(self.elements)
        return self._buy

    def anchors(self) -> list[int]:
        return [self.position(self.h1), self.buy_position()]

    def candidates(
        self, hint: str | None = None, window: tuple[int, int] | None = None, skip: Any = None
    ) -> list[PriceCandidate]:
        """Scored visible prices of the whole page (cached) or of a window of it (without the
        block `skip`)."""
        self.position(None)  # builds the positions map
        assert self._positions is not None
        if window is not None:
            return visible_prices.price_candidates(
                self.elements, self._positions, self.anchors(), hint, self.locale, window,
                self.reads, skip,
            )  # fmt: skip
        if self._candidates is None:
            self._candidates = visible_prices.price_candidates(
                self.elements, self._positions, self.anchors(), hint, self.locale, None,
                self.reads,
            )  # fmt: skip
        return self._candidates

    def locate(self, amounts: set[Decimal], hint: str | None) -> PriceCandidate | None:
        self.position(None)
        assert self._positions is not None
        return visible_prices.locate_amount(
            self.elements, self._positions, amounts, self.anchors(), hint, self.locale, self.reads
        )

    def mentions(self, *words: bytes) -> bool:
        """A cheap byte-level test before a tree query: does the page hold any of `words`?"""
        return self.raw is None or any(word in self.raw for word in words)

    def structured_products(self) -> tuple[list[dict[str, Any]], str]:
        """The first syntax that describes products: JSON-LD, then microdata, then RDFa (each
        read only when the page mentions it)."""
        for method, reader, words in (
            ("json-ld", structured.jsonld_products, (b"json",)),
            ("microdata", structured.microdata_products, _MICRODATA),
            ("rdfa", structured.rdfa_products, _RDFA),
        ):
            products = reader(self.root) if self.mentions(*words) else []
            if products:
                return products, method
        return [], ""

    def title(self) -> str | None:
        return self.h1_text or self.og.get("og:title") or text_of_title(self.root)


def text_of_title(root: Any) -> str | None:
    title = root.find(".//title")
    return " ".join(text_content(title).split()) or None if title is not None else None


def extract_offers(response: Any, module: str | None = None) -> list[Offer]:
    """The offers of the page's main product (one per variant); [] when not a product page.

    With `module`, `spiders.pages.<module>.extract(response)` is tried first; when it returns
    nothing the generic extraction runs (a shop module that breaks after a redesign then
    degrades to the generic rules instead of losing the shop).
    """
    if module:
        shop_module = importlib.import_module(f"spiders.pages.{module}")
        offers = list(shop_module.extract(response))
        for offer in offers:
            offer.url = offer.url or response.url
            offer.shop = offer.shop or urlsplit(response.url).netloc or None
            offer.method = offer.method or "shop-module"
        if offers:
            return offers
        log.info("shop module %s found nothing on %s; generic extraction", module, response.url)
    from spiders.extract.decide import decide

    return decide(Page(response))


def is_product_page(response: Any) -> bool:
    """True when the page describes one main product (not a listing, category or home)."""
    from spiders.extract.decide import product_page

    return product_page(Page(response))
