"""The visible page: its elements in order without hidden or non-content subtrees, its title
and its buy button, read from the HTML alone. The prices read from it are `visible_prices`'."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from spiders.extract.cues import _BUY, _BUY_HINT, _BUY_TAGS, _HIDDEN_CLASS, _HIDDEN_STYLE
from spiders.extract.pricetext import SKIP
from spiders.extract.structured import text_of


def _names(el: Any) -> str:
    return " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"))))


def is_hidden(el: Any) -> bool:
    get = el.get  # `get` spares the attribute mapping `attrib` builds for every element
    style = get("style")
    cls = get("class")
    return (
        get("hidden") is not None
        or get("aria-hidden") == "true"
        or bool(style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style))
        or bool(cls and ("hid" in cls or "none" in cls) and _HIDDEN_CLASS.search(cls))
    )


_DIGIT = re.compile(r"\d")


_NON_CONTENT = SKIP | {"nav", "footer"}  # menus and footers never hold the main offer


def visible_elements(body: Any) -> list[Any]:
    """Elements in document order, without hidden or non-content subtrees.

    libxml2 walks the tree (`iter`, elements only); a hidden subtree is passed over by waiting
    for the element that follows it, so Python tests each visible element once, and a hidden
    one not at all (it costs the walk a step and an identity test).
    """
    if not isinstance(body.tag, str) or body.tag in _NON_CONTENT or is_hidden(body):
        return []
    out: list[Any] = []
    append = out.append
    resume = None  # inside a hidden subtree: the element after it
    hidden_class, hidden_style = _HIDDEN_CLASS.search, _HIDDEN_STYLE.search
    for el in body.iter(etree.Element):
        if resume is not None:
            if el is not resume:
                continue
            resume = None
        # `is_hidden` written inline (a call per element costs as much as the tests). One
        # `keys()` says which of the four attributes exist, and only those are read: an lxml
        # `get` costs about as much as `keys()` (1,300 instructions), absent or not.
        names = el.keys()
        if el.tag in _NON_CONTENT or (
            names
            and (
                (
                    "class" in names
                    and ("hid" in (cls := el.get("class")) or "none" in cls)
                    and hidden_class(cls)
                )
                or "hidden" in names
                or ("aria-hidden" in names and el.get("aria-hidden") == "true")
                or (
                    "style" in names
                    and ("none" in (style := el.get("style")) or "hidden" in style)
                    and hidden_style(style)
                )
            )
        ):
            resume = _following(el, body)
            if resume is None:
                break  # the hidden subtree runs to the end of the body
            continue
        append(el)
    return out


def _following(el: Any, top: Any) -> Any:
    """The first element after `el`'s subtree in document order, within `top` (or None)."""
    node = el
    while node is not top:
        following = node.getnext()
        while following is not None:
            if following.tag.__class__ is str:  # not a comment or processing instruction
                return following
            following = following.getnext()
        node = node.getparent()
        if node is None:
            return None
    return None


def digit_holders(elements: list[Any]) -> set[Any]:
    """Elements whose own text (their text or a child's tail) holds a digit."""
    holders = set()
    search = _DIGIT.search
    for el in elements:
        text = el.text
        if text and not text.isspace() and search(text):  # most texts are indentation
            holders.add(el)
        tail = el.tail
        if tail and not tail.isspace() and search(tail):
            parent = el.getparent()
            if parent is not None:
                holders.add(parent)
    return holders


def find_title(root: Any, body: Any) -> tuple[Any, str | None]:
    """The main h1 (element, text), skipping empty and logo h1s."""
    for h1 in body.iter("h1"):
        text = text_of(h1, sep=" ")
        if len(text) >= 3 and not is_hidden(h1):
            return h1, text
    return None, None


def ancestors(el: Any, depth: int) -> list[Any]:
    out = [el]
    node = el.getparent()
    while node is not None and len(out) <= depth:
        out.append(node)
        node = node.getparent()
    return out


_LABEL_ATTRIBUTES = ("class", "id", "itemprop", "value", "name", "title")


def buy_anchor(elements: list[Any]) -> int:
    """Position of the first add-to-cart control (-1 when none)."""
    hinted: dict[str, bool] = {}  # class names repeat: each is tested once
    for i, el in enumerate(elements):
        tag = el.tag
        if tag in _BUY_TAGS:
            if tag == "div" or tag == "span":
                cls = el.get("class")
                if not cls:
                    continue
                hint = hinted.get(cls)
                if hint is None:
                    hint = hinted[cls] = _BUY_HINT.names(cls)
                if not hint:
                    continue
            # the label `_names` and three more attributes make, read with one `keys()` and a
            # `get` per attribute present instead of six `get`s (links are many)
            present = el.keys()
            label = " ".join(
                value
                for value in [el.get(name) for name in _LABEL_ATTRIBUTES if name in present]
                if value
            )
            if tag in ("button", "a") and len(el) < 4:
                label += " " + (el.text or "") + "".join((c.text or "") for c in el)
            if _BUY.search(label):
                return i
    return -1
