"""Prices read from the visible page: the markup price checked against it, and the scored
candidates when the page must give the price itself.

Prices are short text blocks holding one amount with a currency (pieces split across
<sup>/<span> are assembled by climbing to the smallest ancestor holding the whole price),
scored: near the h1 and the buy button, inside price-named elements, and never inside
related/sponsored blocks, struck-through, instalments, eco-participation or delivery. The tree
they are read from (visible elements, hidden subtrees, title, buy button) is `visible`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spiders.extract.cues import (
    _FROM_LABEL,
    _GOOD_NAME,
    _PRICE_NAME,
    _REGULAR_LABEL,
    _REJECT_AFTER,
    _REJECT_BEFORE,
    _REJECT_HT,
    _RELATED,
    _RELATED_HEADING,
    _STRUCK_CLASS,
)
from spiders.extract.prices import parse_price
from spiders.extract.pricetext import AMOUNTS, CURRENCY, assemble, direct_text, price_like
from spiders.extract.structured import text_of
from spiders.extract.visible import _DIGIT, _names, ancestors, digit_holders

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PAGE = {"html", "body"}


@dataclass
class PriceCandidate:
    element: Any
    amount: Decimal
    currency: str | None
    text: str
    score: float
    struck: bool
    position: int


def _is_related(el: Any, cache: dict[Any, bool]) -> bool:
    """Whether an element is a related/sponsored block: by its names, by being an <aside>,
    or by a heading of its own announcing other products (memoised per call)."""
    found = cache.get(el)
    if found is None:
        found = el.tag == "aside" or _RELATED.names(_names(el))
        if not found:
            for child in el[:3]:
                if child.tag in ("h2", "h3", "h4", "h5") and _RELATED_HEADING.search(
                    text_of(child)[:80]
                ):
                    found = True
                    break
        cache[el] = found
    return found


def _price_of_text(text: str, hint: str | None, locale: str | None) -> tuple[Any, Any]:
    if len(text) > 60 or len(AMOUNTS.findall(text)) != 1:
        return None, None
    return parse_price(text, currency_hint=hint, locale=locale)


_SEPARATORS = re.compile(r"[\s.,'\u00a0\u202f]")


def locate_amount(
    elements: list[Any],
    positions: dict[Any, int],
    amounts: set[Decimal],
    anchors: list[int],
    hint: str | None,
    locale: str | None,
    memo: dict[str, dict[Any, Any]] | None = None,
) -> PriceCandidate | None:
    """The first visible, not struck, not related block showing one of `amounts`: the cheap
    check that structured data agrees with the page (no scoring of every price)."""
    keys = {str(int(a)) for a in amounts if a > 0}
    if not keys:
        return None
    memo = memo if memo is not None else {}
    cache: dict[Any, bool] = memo.setdefault("related", {})
    texts: dict[Any, str] = memo.setdefault("texts", {})
    digit = _DIGIT.search
    for i, el in enumerate(elements):
        text = el.text
        if not (text and digit(text)):
            for child in el:  # a digit in a child's tail is the element's own text too
                tail = child.tail
                if tail and digit(tail):
                    break
            else:
                continue
        direct = direct_text(el)
        compact = _SEPARATORS.sub("", direct)
        if not any(key in compact for key in keys):
            continue
        best, best_text = assemble(el, positions, texts)
        whole = best is not None
        if best is None:
            best, best_text = el, " ".join(direct.split())
        amount, currency = _price_of_text(best_text, hint, locale)
        if amount in amounts:
            position = positions.get(best, i)
            found = _score(best, amount, currency, best_text, position, anchors, whole, cache)
            if not found.struck and found.score > -50:
                return found
    return None


def price_candidates(
    elements: list[Any],
    positions: dict[Any, int],
    anchors: list[int],
    hint: str | None,
    locale: str | None,
    window: tuple[int, int] | None = None,
    memo: dict[str, dict[Any, Any]] | None = None,
    skip: Any = None,
) -> list[PriceCandidate]:
    """Short visible blocks holding exactly one amount and a currency (or a price name);
    `skip` is a price block already scored (the main price the markup check found)."""
    start, end = window or (0, len(elements))
    low, high = max(start, 0), min(end, len(elements))
    holders = digit_holders(elements[low:end])
    # per page (`memo`), for every search: whether an element is a related block, whether
    # its names say price (neighbours share ancestors) and its price text are read once
    memo = memo if memo is not None else {}
    cache: dict[Any, bool] = memo.setdefault("related", {})
    named_memo: dict[Any, bool] = memo.setdefault("named", {})
    texts: dict[Any, str] = memo.setdefault("texts", {})
    seen: set[Any] = set()
    found = []
    # the holders in page order (the same visit as every element of the window, cheaper)
    for i in sorted(i for i in map(positions.get, holders) if i is not None and low <= i < high):
        el = elements[i]
        direct = direct_text(el)
        if not (
            CURRENCY.search(direct)
            or any(CURRENCY.search(c.text or "") for c in el)
            or any(_price_named(a, named_memo) for a in ancestors(el, 3))
        ):
            continue  # dates, counts, model numbers: no currency and nothing named price
        if any(_is_related(a, cache) for a in ancestors(el, 40) if a.tag not in _PAGE):
            continue  # inside a related or sponsored block: never ours, not worth assembling
        best, best_text = assemble(el, positions, texts)
        whole = best is not None
        if best is None and CURRENCY.search(direct):
            best, best_text = el, " ".join(direct.split())  # "$69.99" beside other text
        if best is None or best in seen or best is skip:
            continue
        seen.add(best)
        named = any(_price_named(a, named_memo) for a in ancestors(best, 3))
        if not CURRENCY.search(best_text) and not (named and price_like(best_text)):
            continue
        if any(_is_related(a, cache) for a in ancestors(best, 40) if a.tag not in _PAGE):
            continue  # a related or sponsored product's price: never ours, not worth parsing
        amount, currency = _price_of_text(best_text, hint, locale)
        if amount is None or amount <= 0:
            continue
        position = positions.get(best, i)
        found.append(_score(best, amount, currency, best_text, position, anchors, whole, cache))
    return [c for c in found if c.score > -50]


def _price_named(el: Any, memo: dict[Any, bool]) -> bool:
    found = memo.get(el)
    if found is None:
        found = memo[el] = _PRICE_NAME.names(_names(el))
    return found


def _score(
    el: Any,
    amount: Decimal,
    currency: Any,
    text: str,
    pos: int,
    anchors: list[int],
    whole: bool = True,
    cache: dict[Any, bool] | None = None,
) -> PriceCandidate:
    """Score one visible price; `whole` is False when only the element's own text is the price
    (then a struck child, "319,09 € <del>362,60 €</del>", is another price, not this one)."""
    near = ancestors(el, 3)
    far = ancestors(el, 40)
    names_near = " ".join(_names(a) for a in near)
    score = 0.0
    inside = [d for d in el.iter() if isinstance(d.tag, str)][:8] if whole else []
    struck = any(
        a.tag in ("del", "s", "strike")
        or "line-through" in (a.get("style") or "")
        or _STRUCK_CLASS.names(_names(a))
        or any("strike" in key and a.get(key) == "true" for key in a.keys())  # no attrib dict
        for a in near + inside
    )
    memo = cache if cache is not None else {}
    if any(_is_related(a, memo) for a in far if a.tag not in _PAGE):
        score -= 60
    before, after = context_of(el, text)
    if _REJECT_BEFORE.search(before) or _REJECT_HT.search(before) or _REJECT_AFTER.search(after):
        score -= 60
    if not struck and _REGULAR_LABEL.search(before[-80:]):
        struck = True  # "Prix conseillé 1 499 €", "au lieu de", "UVP": a reference price
    if _PRICE_NAME.names(names_near):
        score += 10
    if _GOOD_NAME.names(names_near):
        score += 5
    if CURRENCY.search(text):
        score += 5
    for weight, anchor in zip((25, 15), anchors, strict=False):
        if anchor >= 0:
            distance = pos - anchor if pos >= anchor else (anchor - pos) * 3
            score += weight / (1 + distance / 40)
    return PriceCandidate(el, amount, currency, text, score, struck, pos)


def context_of(el: Any, text: str) -> tuple[str, str]:
    """(labels before and including the price, words right after it such as "/mois")."""
    before = []
    previous = el.getprevious()
    if previous is not None and isinstance(previous.tag, str) and previous.tag not in _HEADINGS:
        # a label; a title above is not one, nor another price block before the label
        before.append(AMOUNTS.split(text_of(previous)[-80:])[-1][-60:])
    parent = el.getparent()
    if parent is not None:
        before.append(direct_text(parent)[:120])
    before.append(text)
    after = [el.tail or ""]
    following = el.getnext()
    if following is not None and isinstance(following.tag, str):
        after.append(text_of(following)[:30])
    own_after = AMOUNTS.split(text)[-1] if AMOUNTS.search(text) else ""
    return " ".join(" ".join(before).split()), " ".join((own_after + " ".join(after)).split())


def is_from_price(candidate: PriceCandidate) -> bool:
    before, _ = context_of(candidate.element, candidate.text)
    return bool(_FROM_LABEL.search(before))
