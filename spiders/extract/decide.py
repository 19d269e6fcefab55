"""Put the evidence of a page together: which product, which price, which method."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urljoin, urlsplit

from rapidfuzz import fuzz

from spiders.extract import availability as avail
from spiders.extract.brand import brand_from_titles, find_brand
from spiders.extract.folded import Folded
from spiders.extract.page import Page, text_of_title
from spiders.extract.prices import to_iso
from spiders.extract.schema import amount, product_offers
from spiders.extract.structured import IN_LIST
from spiders.extract.visible import ancestors
from spiders.extract.visible_prices import PriceCandidate, is_from_price
from spiders.items import Offer

MIN_SCORE = 20.0  # a visible price needs a price-like name or closeness to the title/buy button
_LISTING_NAMES = Folded(r"(product-?list|productlist|search-?result|listing|product-?grid)")
_PRODUCT_TITLE = Folded(r"(product-?title|product-?name|producttitle|product_title|pdp)")


def _similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(a.lower(), b.lower()))


def _reference_title(page: Page) -> str | None:
    return page.h1_text or page.og.get("og:title") or text_of_title(page.root)


def _pick_main(groups: list[list[Offer]], page: Page) -> list[Offer]:
    """The product named like the h1; other descriptions of it fill its gaps."""
    reference = _reference_title(page)
    ranked = sorted(
        groups,
        key=lambda offers: (
            _similarity(offers[0].title, reference),
            any(o.price is not None for o in offers),
        ),
        reverse=True,
    )
    main = ranked[0]
    for other in ranked[1:]:
        if not other[0].title or _similarity(other[0].title, main[0].title) >= 90:
            for offer in main:
                _fill(offer, other[0])
    return main


def _fill(target: Offer, source: Offer) -> None:
    for key, value in source.__dict__.items():
        if key in ("url", "attributes", "method"):
            continue
        if getattr(target, key) in (None, "") and value not in (None, ""):
            setattr(target, key, value)


def _is_listing(page: Page, groups: list[list[Offer]]) -> bool:
    """Several different products and none of them the page's title: a category page."""
    names = {(offers[0].title or "").lower() for offers in groups}
    if len(groups) >= 3 and len(names) >= 3:
        reference = _reference_title(page)
        return max(_similarity(o[0].title, reference) for o in groups) < 90
    return False


def _best(candidates: list[PriceCandidate]) -> PriceCandidate | None:
    usable = [c for c in candidates if not c.struck and c.score >= MIN_SCORE]
    return max(usable, key=lambda c: c.score) if usable else None


def _regular_near(candidates: list[PriceCandidate], best: PriceCandidate) -> Decimal | None:
    """The struck price shown with the main one: higher, and within three levels of it
    (a struck price of a neighbouring product card is not ours)."""
    family = set(ancestors(best.element, 3))
    struck = [
        c
        for c in candidates
        if c.struck
        and c.amount > best.amount
        and abs(c.position - best.position) < 60
        and family & set(ancestors(c.element, 3))
    ]
    if not struck:
        return None
    return min(struck, key=lambda c: abs(c.position - best.position)).amount


def _visible_availability(page: Page, best: PriceCandidate | None) -> str | None:
    """What the text around the title, price and buy button says (once per page)."""
    key = ("availability", best.position if best else -1)
    if key not in page.memo:
        page.memo[key] = avail.from_text(_region_text(page, best))
    return page.memo[key]  # type: ignore[no-any-return]


def _region_text(page: Page, best: PriceCandidate | None) -> str:
    """Visible text around the title, the main price and the buy button."""
    elements = page.elements
    core = [p for p in (page.position(page.h1), best.position if best else -1) if p >= 0]
    buy = page.buy_position()
    if buy >= 0 and (not core or min(abs(buy - p) for p in core) < 800):
        core.append(buy)  # a buy button far from the title (a sticky header) says nothing
    if not core:
        return ""
    start, end = min(core), max(core) + 80
    parts = []
    for el in elements[start : min(end, len(elements))]:
        parts.append(el.text or "")
        parts.append(el.tail or "")
    return " ".join(" ".join(parts).split())[:6000]


def decide(page: Page) -> list[Offer]:
    products, method = page.structured_products()
    outside = [p for p in products if not p.get(IN_LIST)]
    if len(products) >= 2 and not outside:
        return []  # only products of an ItemList: a category page
    groups = [g for g in (product_offers(p, page.url, method) for p in outside) if g]
    if groups and _is_listing(page, groups):
        return []
    offers = _pick_main(groups, page) if groups else []
    og_type = (page.og.get("og:type") or "").lower()
    og_currency = to_iso(page.og.get("product:price:currency") or page.og.get("og:price:currency"))
    og_price, og_currency = amount(
        page.og.get("product:price:amount") or page.og.get("og:price:amount"), og_currency
    )
    hint = next((o.currency for o in offers if o.currency), None) or og_currency
    claimed = {o.price for o in offers if o.price is not None}
    if og_price is not None and not claimed:
        claimed = {og_price}
    located = page.locate(claimed, hint) if claimed else None
    if located is not None:
        # the markup agrees with the page: only the neighbourhood matters (struck price)
        best: PriceCandidate | None = located
        family = ancestors(located.element, 3)[-1]  # _regular_near looks no further
        start = page.position(family)
        start = start if start >= 0 else located.position
        end = start + sum(1 for _ in family.iter())
        # _regular_near keeps struck prices less than 60 elements away: nothing further is
        # scored, nor the main price itself (not struck, or the check would not have found it)
        window = (max(start, located.position - 59), min(end, located.position + 60))
        candidates = page.candidates(hint, window, skip=located.element)
    else:
        candidates = page.candidates(hint)
        best = _best(candidates)
    if not offers:
        if not (og_type == "product" or og_price is not None or _html_product(page, best)):
            return []
        offers = [Offer(url=page.url, method="opengraph" if og_price is not None else "html")]
    if claimed and located is None and best is not None and len(offers) == 1:
        if offers[0].price is not None:
            offers[0].price, offers[0].currency = None, None  # stale markup: the page wins
            offers[0].regular_price = None
            offers[0].method = "html"
        elif og_price is not None:
            og_price = None
    for offer in offers:
        _complete(page, offer, og_price, og_currency, best, candidates)
    return offers


def _complete(
    page: Page,
    offer: Offer,
    og_price: Decimal | None,
    og_currency: str | None,
    best: PriceCandidate | None,
    candidates: list[PriceCandidate],
) -> None:
    offer.url = page.url
    offer.shop = urlsplit(page.url).netloc or None
    if not offer.title:
        offer.title = page.title()
    if not offer.image and page.og.get("og:image"):
        offer.image = urljoin(page.url, page.og["og:image"])
    if offer.price is None and og_price is not None:
        offer.price, offer.currency, offer.method = og_price, og_currency, "opengraph"
    if offer.price is None and best is not None:
        offer.price, offer.currency, offer.method = best.amount, best.currency, "html"
        if is_from_price(best):
            offer.attributes["price_label"] = "from"
    if offer.price is not None and offer.regular_price is None and best is not None:
        if best.amount == offer.price:
            offer.regular_price = _regular_near(candidates, best)
    if not offer.currency:
        offer.currency = og_currency or page.page_currency() or page.default_currency
    if offer.availability is None:
        offer.availability = avail.from_markup(
            page.og.get("product:availability") or page.og.get("og:availability")
        )
    stated = _visible_availability(page, best)
    negative = stated if stated in ("OutOfStock", "Discontinued") else None
    if negative and (offer.price is None or offer.availability in (None, "InStock")):
        offer.availability = negative
    if offer.availability is None:
        offer.availability = stated if offer.price is not None else None
    if not offer.brand:
        offer.brand = (
            page.og.get("product:brand")
            or find_brand(page.elements)
            or brand_from_titles(offer.title, page.elements)
        )
    if not offer.method:
        offer.method = "html"


def _html_product(page: Page, best: PriceCandidate | None) -> bool:
    """Without markup: an h1 with a main price near it that is not one card of a list, or an
    h1 named as a product title (a product page that shows no price)."""
    if page.h1 is None:
        return False
    if best is not None:
        chain = _ancestors_names(best.element, 8)
        signature = (best.element.tag, best.element.get("class"))
        repeated = sum(
            1
            for c in page.candidates()
            if not c.struck and (c.element.tag, c.element.get("class")) == signature
        )
        far = abs(best.position - page.position(page.h1)) > 100
        if _LISTING_NAMES.names(chain) or (repeated >= 3 and far):
            return False
        return True
    names = _ancestors_names(page.h1, 3) + " ".join(
        f"{d.get('id', '')} {d.get('class', '')}" for d in page.h1.iter() if isinstance(d.tag, str)
    )
    return _PRODUCT_TITLE.names(names)


def _ancestors_names(el: Any, depth: int) -> str:
    names = []
    while el is not None and depth >= 0:
        names.append(f"{el.get('id', '')} {el.get('class', '')}")
        el = el.getparent()
        depth -= 1
    return " ".join(names)


def product_page(page: Page) -> bool:
    return bool(decide(page))
