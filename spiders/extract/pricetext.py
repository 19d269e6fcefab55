"""Text of a price element: pieces split across <sup>/<span> joined into one amount."""

from __future__ import annotations

import re
from typing import Any

from spiders.extract.folded import Folded

SKIP = {"script", "style", "noscript", "template", "head", "select", "option", "svg"}
CURRENCY = re.compile(
    r"([$€£¥₹₺₽]|\b(EUR|USD|GBP|CHF|CAD|AUD|TRY|TL|PLN|SEK|NOK|DKK|CZK|HUF|JPY|zł|Kč|kr)\b)"
)
# one amount, "1 299,99" or the French "1 299€99" (the currency sign as decimal separator)
AMOUNTS = re.compile(r"\d[\d\s.,'\u00a0\u202f]*(?:[€$£]\s?\d{2}(?!\d))?")
_WORD = re.compile(r"[^\W\d_]{2,}")
_GLUED = re.compile(r"\d[^\W\d_]|[^\W\d_]\d")
_NOT_LETTER = re.compile(r"[^\w]|\d")


def direct_text(el: Any) -> str:
    """The element's own text: its text and its children's tails, not their content."""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


_CENTS_NAME = Folded(r"(cent|decimal|fraction|minor)")


class _TooLong(Exception):
    pass


def price_text(el: Any, limit: int = 120) -> str:
    """Text of a price element where cents set apart without a separator get one:
    "1,299<sup>99</sup>" -> "1,299.99", "<span>31</span><span class=cents>57</span>" -> "31.57"."""
    parts: list[str] = []
    size = 0  # characters gathered; past `limit` * 4 the normalised length is checked

    def add(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size > limit * 4 and len(" ".join("".join(parts).split())) > limit:
            raise _TooLong

    def walk(node: Any) -> None:
        tag = node.tag
        if not isinstance(tag, str) or tag in SKIP:
            return
        text = node.text
        if text:
            own = text.strip()
            # cents set apart; the class name test, the costly one, comes last
            if (
                len(own) == 2
                and own.isdigit()
                and len(node) == 0
                and (tag == "sup" or _CENTS_NAME.names(node.get("class") or ""))
            ):
                before = "".join(parts).rstrip()
                if before and before[-1].isdigit():
                    number = AMOUNTS.findall(before)[-1] if AMOUNTS.search(before) else ""
                    add("," if "." in number and "," not in number else ".")
            add(text)
        for child in node:
            walk(child)
            tail = child.tail
            if tail:
                add(tail)

    try:
        walk(el)
    except _TooLong:
        return " ".join("".join(parts).split())[: limit + 1] + "…"
    return " ".join("".join(parts).split())


def assemble(
    el: Any, positions: dict[Any, int], texts: dict[Any, str] | None = None
) -> tuple[Any, str]:
    """Climb to the ancestor holding the whole amount ("$ 809.<sup>97</sup>"), stopping
    before an ancestor adds words (a label or a shipping note is context, not price).
    `texts` keeps the price texts read, for calls on neighbouring elements."""
    best, best_text = None, ""
    node = el
    for _ in range(4):
        text = texts.get(node) if texts is not None else None
        if text is None:
            text = price_text(node)
            if texts is not None:
                texts[node] = text
        if len(text) > 60 or len(AMOUNTS.findall(text)) != 1:
            break
        if best is not None:
            extra = CURRENCY.sub("", text.replace(best_text, "", 1))
            if _WORD.search(extra):
                break
        best, best_text = node, text
        parent = node.getparent()
        if parent is None or parent not in positions:
            break
        node = parent
    return best, best_text


def price_like(text: str) -> bool:
    """Without a currency, only a bare amount (with a short label) counts: not "333ORAK"."""
    if _GLUED.search(text):
        return False
    letters = _NOT_LETTER.sub("", text)
    return len(letters) <= 12
