"""Blocking: for each offer, the few others worth comparing, without comparing all pairs.

Every offer becomes a sparse TF-IDF vector over its tokens and model codes; tokens found in
more than `max_df` offers are dropped (they tie everything to everything). The sparse product
is computed by row chunks and only the `k` nearest neighbours of each row are kept, so time and
memory grow about linearly with the number of offers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from matching.record import Record


def code_stem(code: str) -> str | None:
    """A code cut after its last digit ("art4550a" -> "art4550", "bwe91484xwuk" -> "bwe91484"):
    colour and market suffixes vary between shops, the stem does not."""
    end = max((i for i, c in enumerate(code) if c.isdigit()), default=-1) + 1
    if end < len(code) and end >= 5 and not code[:end].isdigit():
        return code[:end]
    return None


def code_tails(code: str) -> list[str]:
    """The code without its first one to four characters ("i76900k" -> "6900k", "cbnef5715"
    -> "nef5715"): series prefixes are glued on or left out from shop to shop."""
    return [
        tail
        for cut in (1, 2, 3, 4)
        if len(tail := code[cut:]) >= 5 and not tail.isdigit() and not tail.isalpha()
    ]


def code_keys(rec: Record) -> set[str]:
    """The model codes of an offer with their stems and tails."""
    keys = set(rec.attrs.strong_codes)
    for code in rec.attrs.strong_codes:
        stem = code_stem(code)
        if stem:
            keys.add(stem)
        keys.update(code_tails(code))
    return keys


def tfidf_matrix(keys: Sequence[set[str]], max_df: int) -> sparse.csr_matrix:
    """Rows of unit-length TF-IDF weights over each offer's keys (rare and too common dropped)."""
    vocab: dict[str, int] = {}
    # Keys in sorted order: a set's order follows string hashes, which change between runs,
    # and with it the columns, the order of the sums and the neighbours kept at a tie.
    indices = np.fromiter(
        (vocab.setdefault(k, len(vocab)) for ks in keys for k in sorted(ks)), dtype=np.int64
    )
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(ks) for ks in keys], out=indptr[1:])
    n = len(keys)
    df = np.bincount(indices, minlength=len(vocab))
    idf = np.log((n + 1) / (df + 1)) + 1.0
    X = sparse.csr_matrix((idf[indices], indices, indptr), shape=(n, len(vocab)))
    keep = ((df >= 2) & (df <= max_df)).astype(np.float64)
    X = (X @ sparse.diags(keep)).tocsr()
    X.eliminate_zeros()
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ X)


def candidate_pairs(
    records: Sequence[Record],
    k: int = 12,
    min_sim: float = 0.05,
    max_df: int | None = None,
    chunk: int = 1000,
    exclude_same_shop: bool = True,
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of records among each other's `k` most similar, and pairs sharing
    a rare model code."""
    n = len(records)
    if n < 2:
        return []
    max_df = max_df or max(50, n // 50)
    codes = [code_keys(rec) for rec in records]
    X = tfidf_matrix(
        [set(r.tokset) | set(r.attrs.codes) | c for r, c in zip(records, codes, strict=True)],
        max_df,
    )
    XT = X.T.tocsr()
    shop_ids: dict[str | None, int] = {None: -1}
    shops = np.asarray([shop_ids.setdefault(r.shop, len(shop_ids)) for r in records])
    found: list[np.ndarray] = []
    for start in range(0, n, chunk):
        sims = (X[start : start + chunk] @ XT).tocsr()
        for row in range(sims.shape[0]):
            i = start + row
            lo, hi = sims.indptr[row], sims.indptr[row + 1]
            cols, vals = sims.indices[lo:hi], sims.data[lo:hi]
            mask = (cols != i) & (vals >= min_sim)
            if exclude_same_shop and shops[i] >= 0:
                mask &= shops[cols] != shops[i]
            cols, vals = cols[mask], vals[mask]
            if cols.size > k:
                cols = cols[np.argpartition(-vals, k)[:k]]
            found.append(np.minimum(cols, i) * n + np.maximum(cols, i))
    found.append(np.asarray(sorted(code_pairs(codes, shops, exclude_same_shop)), dtype=np.int64))
    keys = np.unique(np.concatenate(found).astype(np.int64))
    return list(zip((keys // n).tolist(), (keys % n).tolist(), strict=True))


def code_pairs(
    codes: Sequence[set[str]], shops: np.ndarray, exclude_same_shop: bool = True, max_df: int = 25
) -> set[int]:
    """Every pair of offers (as i * n + j) sharing a rare model code, stem or tail: such pairs
    are worth a look even when many other offers share more words with each of them."""
    n = len(codes)
    postings: dict[str, list[int]] = {}
    for i, keys in enumerate(codes):
        for key in keys:
            postings.setdefault(key, []).append(i)
    out: set[int] = set()
    for members in postings.values():
        if not 2 <= len(members) <= max_df:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if exclude_same_shop and shops[i] >= 0 and shops[i] == shops[j]:
                    continue
                out.add(i * n + j)
    return out
