"""Product search: accent- and case-insensitive, typo-tolerant, exact model first, with facets.

Public API: `search`, `suggest`, `reindex`, `refresh`, `rebuild`, `ResultCache`. The engine
finds matches (FTS5 on SQLite, tsvector on PostgreSQL) in the order of a rank stored with
each document (offers, then name length); exact model and relevance are decided from narrow
rows and the `search_key` index, the same way on both engines, so both return the same
products in the same order.
"""

from __future__ import annotations

from catalog.search.cache import ResultCache
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
    "ResultCache",
    "SearchResult",
    "rebuild",
    "refresh",
    "reindex",
    "search",
    "suggest",
]
