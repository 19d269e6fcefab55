"""Product search: accent- and case-insensitive, typo-tolerant, exact model first, with facets.

Public API: `search`, `suggest`, `reindex`, `refresh`, `rebuild`. The engine finds
candidates (FTS5 on SQLite, tsvector on PostgreSQL); the ranking and the facets are computed
here in Python so that both engines return the same products in the same order.
"""

from __future__ import annotations

from catalog.search.index import rebuild, refresh, reindex
from catalog.search.query import (
    FACETS,
    Facet,
    Filters,
    Hit,
    SearchResult,
    search,
    suggest,
)

__all__ = [
    "FACETS",
    "Facet",
    "Filters",
    "Hit",
    "SearchResult",
    "rebuild",
    "refresh",
    "reindex",
    "search",
    "suggest",
]
