"""Synthetic GTIN-13 numbers in the 200-299 prefix range (reserved for internal numbering)."""

from __future__ import annotations

import hashlib


def check_digit(body: str) -> str:
    """The GS1 check digit for a string of digits (any GTIN length minus one)."""
    total = 0
    for position, char in enumerate(reversed(body)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def is_valid(code: str) -> bool:
    return code.isdigit() and len(code) in (8, 12, 13, 14) and check_digit(code[:-1]) == code[-1]


def synthetic_gtin13(key: str, prefix: int) -> str:
    """A stable GTIN-13 for `key`: the prefix (200-299), nine digits from a hash, the check."""
    if not 200 <= prefix <= 299:
        raise ValueError(f"prefix {prefix} outside the internal 200-299 range")
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    body = f"{prefix}{int.from_bytes(digest, 'big') % 10**9:09d}"
    return body + check_digit(body)
