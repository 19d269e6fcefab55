"""Blocking: for each offer, the few others worth comparing, without comparing all pairs.

Every offer becomes a sparse TF-IDF vector over its tokens and model codes; tokens found in
more than `max_df` offers are dropped (they tie everything to everything). The sparse product
is computed by row chunks and only the `k` nearest neighbours of each row are kept, so time and
memory grow about linearly with the number of offers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from matching.record import Record


def _keys(rec: Record) -> set[str]:
    return set(rec.tokset) | set(rec.attrs.strong_codes) | set(rec.attrs.codes)


def tfidf_matrix(records: Sequence[Record], max_df: int) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows: list[list[int]] = []
    for rec in records:
        rows.append([vocab.setdefault(k, len(vocab)) for k in _keys(rec)])
    df = np.zeros(len(vocab), dtype=np.int64)
    for cols in rows:
        df[cols] += 1
    n = len(records)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    keep = (df >= 2) & (df <= max_df)
    indptr, indices, data = [0], [], []
    for cols in rows:
        kept = [c for c in cols if keep[c]]
        weights = idf[kept]
        norm = math.sqrt(float((weights**2).sum())) or 1.0
        indices.extend(kept)
        data.extend((weights / norm).tolist())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(n, len(vocab)),
    )


def candidate_pairs(
    records: Sequence[Record],
    k: int = 12,
    min_sim: float = 0.05,
    max_df: int | None = None,
    chunk: int = 1000,
    exclude_same_shop: bool = True,
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of records among each other's `k` most similar."""
    n = len(records)
    if n < 2:
        return []
    max_df = max_df or max(50, n // 50)
    X = tfidf_matrix(records, max_df)
    XT = X.T.tocsr()
    shops = [r.shop for r in records]
    pairs: set[tuple[int, int]] = set()
    for start in range(0, n, chunk):
        sims = (X[start : start + chunk] @ XT).tocsr()
        for row in range(sims.shape[0]):
            i = start + row
            lo, hi = sims.indptr[row], sims.indptr[row + 1]
            cols, vals = sims.indices[lo:hi], sims.data[lo:hi]
            mask = (cols != i) & (vals >= min_sim)
            cols, vals = cols[mask], vals[mask]
            if exclude_same_shop and shops[i] is not None:
                same = np.fromiter((shops[c] == shops[i] for c in cols), bool, cols.size)
                cols, vals = cols[~same], vals[~same]
            if cols.size > k:
                top = np.argpartition(-vals, k)[:k]
                cols = cols[top]
            for j in cols.tolist():
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)
