"""Text normalisation shared by the index and the queries: one place decides what a "term" is.

Case and accents never matter ("Écouteurs" = "ecouteurs"), and model codes are indexed both
split and joined so that "rtx5090", "rtx 5090" and "RTX-5090" all meet the same terms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters then digits or digits then letters inside one token: "rtx5090", "128go", "h200".
_BOUNDARY = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Combining marks (accents) left by NFKD, and control/format characters (NUL included).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 8


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no control characters; ligatures and widths unified (NFKD)."""
    if text.isascii():
        return _CONTROLS.sub("", text).lower()
    decomposed = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    folded = _CONTROLS.sub("", decomposed).casefold()
    return folded.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")


def words(text: str) -> list[str]:
    """The raw alphanumeric words of a folded text."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def split_word(word: str) -> list[str]:
    """'rtx5090' -> ['rtx', '5090']; a word without a letter/digit boundary stays whole."""
    return [p for p in _BOUNDARY.split(word) if p]


def compact(text: str) -> str:
    """The model-code key: folded, without separators ("RTX 5090" -> "rtx5090")."""
    return "".join(words(text))


def document_terms(text: str) -> list[str]:
    """Every term the index stores for a text: words, their parts, and joined neighbours."""
    terms: list[str] = []
    parts: list[str] = []
    for word in words(text):
        terms.append(word)
        pieces = split_word(word)
        if len(pieces) > 1:
            terms.extend(pieces)
        parts.extend(pieces)
    # Joined neighbours let "iphone16" or "rtx5090" typed without a space meet "iPhone 16".
    terms.extend(a + b for a, b in zip(parts, parts[1:], strict=False))
    seen: dict[str, None] = {}
    for term in terms:
        seen.setdefault(term, None)
    return list(seen)


def query_terms(query: str) -> list[str]:
    """The terms of a reader's query, bounded in length and number, duplicates removed."""
    found: dict[str, None] = {}
    for word in words(query[:MAX_QUERY_CHARS]):
        found.setdefault(word[:40], None)
    return list(found)[:MAX_QUERY_TERMS]
