"""An in-memory index of known offers for incremental matching: GTIN, MPN and rare-token lookups."""

from __future__ import annotations

import heapq
from collections import defaultdict

from matching.features import Corpus
from matching.record import Record


class OfferIndex:
    """Offers already tied to products, searchable by GTIN, brand+MPN and shared rare tokens."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.product_of: dict[str, int] = {}
        self.by_gtin: dict[str, set[int]] = defaultdict(set)
        self.by_mpn: dict[str, set[str]] = defaultdict(set)
        self.members: dict[int, set[str]] = defaultdict(set)
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.corpus = Corpus(())
        self.weight: dict[str, float] = {}

    def add(self, rec: Record, product_id: int) -> None:
        if rec.key in self.records:
            self.remove(rec.key)
        self.records[rec.key] = rec
        self.product_of[rec.key] = product_id
        self.members[product_id].add(rec.key)
        if rec.gtin:
            self.by_gtin[rec.gtin].add(product_id)
        if rec.mpn:
            self.by_mpn[rec.mpn].add(rec.key)
        for tok in self._keys(rec):
            self.postings[tok].append(rec.key)
        self.corpus.add(rec)
        self.weight[rec.key] = sum(self.corpus.idf(t) for t in self._keys(rec)) or 1.0

    def remove(self, key: str) -> None:
        rec = self.records.pop(key, None)
        product_id = self.product_of.pop(key, None)
        if rec is None:
            return
        if product_id is not None:
            self.members[product_id].discard(key)
        if rec.gtin and product_id is not None:
            others = [k for k, r in self.records.items() if r.gtin == rec.gtin]
            if not any(self.product_of[k] == product_id for k in others):
                self.by_gtin[rec.gtin].discard(product_id)
        if rec.mpn:
            self.by_mpn[rec.mpn].discard(key)
        for tok in self._keys(rec):
            posting = self.postings.get(tok)
            if posting and key in posting:
                posting.remove(key)
        self.corpus.remove(rec)
        self.weight.pop(key, None)

    @staticmethod
    def _keys(rec: Record) -> set[str]:
        return set(rec.tokset) | set(rec.attrs.strong_codes)

    def candidates(self, rec: Record, limit: int = 40) -> list[str]:
        """Keys of the known offers most like `rec` (shared rare tokens), best first."""
        scores: dict[str, float] = defaultdict(float)
        cap = max(200, len(self.records) // 10)
        for tok in self._keys(rec):
            posting = self.postings.get(tok)
            if not posting or len(posting) > cap:
                continue
            weight = self.corpus.idf(tok)
            for key in posting:
                scores[key] += weight
        ranked = ((k, v / self.weight[k] ** 0.5) for k, v in scores.items())
        return [k for k, _ in heapq.nlargest(limit, ranked, key=lambda kv: (kv[1], kv[0]))]
