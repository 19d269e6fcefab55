"""The brand a page states in words when its markup names none."""

from __future__ import annotations

import re
from typing import Any

from spiders.extract.structured import text_of

_BRAND_LABEL = re.compile(
    r"^(brand|marque|marke|marca|marchio|fabricant|hersteller|manufacturer)\s*:?$", re.I
)
_BRAND_STORE = [
    re.compile(p, re.I)
    for p in (
        r"^visit the (.{2,40}) store$",
        r"^visitez la boutique (?:de |d')?(.{2,40})$",
        r"^visita la tienda de (.{2,40})$",
        r"^besuche den (.{2,40})-store$",
    )
]
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")
# Every label and store pattern above starts with one of these (a cheap test per element).
_FIRST_LETTERS = set("vVbBmMfFhH")


def find_brand(elements: list[Any]) -> str | None:
    """A brand the page states in words: a "Brand: X" row or a "Visit the X Store" link."""
    for el in elements:
        text = el.text
        if not text:
            continue
        own = _INVISIBLE.sub("", text).strip() if _INVISIBLE.search(text) else text.strip()
        if not own or len(own) > 60 or own[0] not in _FIRST_LETTERS:
            continue
        for pattern in _BRAND_STORE:
            store = pattern.match(own)
            if store:
                return store.group(1).strip()
        if _BRAND_LABEL.match(own):
            following = el.getnext()
            if following is None and el.getparent() is not None:
                following = el.getparent().getnext()  # label and value in two cells
            if following is not None and isinstance(following.tag, str):
                value = _INVISIBLE.sub("", text_of(following)).strip(" :")
                if 1 < len(value) <= 40:
                    return value
            tail = _INVISIBLE.sub("", el.tail or "").strip(" :")
            if 1 < len(tail) <= 40:
                return tail
    return None


def brand_from_titles(title: str | None, elements: list[Any]) -> str | None:
    """On offer-list pages other sellers name the product too: when at least three short
    texts start with the title's first word, that word is the brand."""
    if not title:
        return None
    first = title.split()[0].strip(",:;-").lower()
    if len(first) < 2 or first.isdigit():
        return None
    count = 0
    for el in elements:
        own = (el.text or "").strip()
        if 0 < len(own) <= 80 and own.split()[0].lower().strip(",:;-") == first:
            count += 1
            if count >= 4:  # the h1 itself is one of them
                return title.split()[0].strip(",:;-")
    return None
