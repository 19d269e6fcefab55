"""Case-insensitive patterns searched without IGNORECASE, for speed, with the same answers.

Python's regex engine skips quickly to the possible first letters of an alternation of words
only when the pattern is case-sensitive; with IGNORECASE it tries every alternative at every
position (a class-name check cost 1-20 µs). So the text is lowered and searched with the
case-sensitive pattern. That finds what IGNORECASE finds, at the same positions, for every
character whose `lower()` is one character with the same case-insensitive matches; over all
of Unicode only three are not (İ, ı, ſ: IGNORECASE matches them to i and s, `lower()` does
not), and a text holding one goes to the IGNORECASE pattern instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_TRAPS = re.compile("[\u0130\u0131\u017f]")
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")
_FLAGS = re.compile(r"\(\?[a-zA-Z-]")


def lowers_safely(text: str) -> bool:
    """Whether `text.lower()` finds what IGNORECASE would (no İ, ı or ſ in it)."""
    return text.isascii() or not _TRAPS.search(text)


class Folded:
    """A pattern written in lower case, matched whatever the case of the text."""

    def __init__(self, pattern: str) -> None:
        # Upper case in the source would be an escape (\W, \S, \b is fine) or a literal the
        # lowered text can never match; scoped flags would undo the folding.
        if _UPPER_LITERAL.search(pattern.replace("\\\\", "")) or _FLAGS.search(pattern):
            raise ValueError(f"not a lower-case pattern without flags: {pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern)
        self._any_case = re.compile(pattern, re.I)
        # Class and id names repeat within a page and across a shop's pages: answered once.
        self.names = lru_cache(maxsize=1024)(self._names)

    def search(self, text: str) -> re.Match[str] | None:
        """A match (on the lowered text, at the same positions) or None."""
        if lowers_safely(text):
            return self._lower.search(text.lower())
        return self._any_case.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if lowers_safely(text):
            return self._lower.finditer(text.lower())
        return self._any_case.finditer(text)

    def _names(self, text: str) -> bool:
        """Whether the pattern occurs in `text` (cached in `names`, for class and id names)."""
        return self.search(text) is not None
