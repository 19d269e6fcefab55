"""GTIN normalisation: digits only, GTIN-8/12/13/14 with a valid check digit."""

from __future__ import annotations

import re
from typing import Any

_SEPARATORS = re.compile(r"[\s\-.]")
_LENGTHS = (8, 12, 13, 14)


def check_digit_ok(digits: str) -> bool:
    """The GS1 mod-10 check: weights 3,1,3,1... from the right, excluding the check digit."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def normalise_gtin(value: Any) -> str | None:
    """Return the GTIN as digits when it is a valid GTIN-8/12/13/14, else None.

    Accepts ints and strings with spaces or dashes; refuses all-zero codes (shops use
    them as placeholders) and anything with letters. The length is kept as given
    (a UPC-A stays 12 digits, a zero-padded GTIN-14 stays 14).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = _SEPARATORS.sub("", value.strip())
        if text.lower().startswith(("gtin", "ean", "upc", "isbn")):
            text = re.sub(r"^[a-zA-Z0-9]*?[:=]", "", text)
    else:
        return None
    if not text.isascii() or not text.isdigit() or len(text) not in _LENGTHS:
        return None
    if not text.strip("0"):
        return None
    return text if check_digit_ok(text) else None
