"""Product matching: offers from any shop become the right product.

Stages: normalise -> attributes -> blocking -> features -> model -> decide -> cluster.
Public API (lazy, so importing `matching` stays cheap):

- `match_offers(session, offer_ids=None) -> MatchReport`: the catalog service.
- `score_pairs(rows, level)`, `cluster_rows(rows, level)`: cores of match-pairs / match-cluster.
- `make_record(...)`, `compare(a, b, corpus, level)`: one pair's features and evidence.
- review queue: `matching.review` (list_pending, accept, reject, split, merge).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MatchReport", "match_offers", "score_pairs", "cluster_rows", "make_record"]

_LAZY = {
    "MatchReport": "matching.service",
    "match_offers": "matching.service",
    "score_pairs": "matching.pairs",
    "cluster_rows": "matching.cluster",
    "make_record": "matching.record",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'matching' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
