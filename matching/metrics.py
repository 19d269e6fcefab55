"""Quality measures: precision, recall and F1 of the match class, pairwise and B-cubed."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: float, fp: float, fn: float) -> PRF:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def pair_prf(labels: Sequence[int], predicted: Sequence[int]) -> PRF:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    return PRF.of(tp, fp, fn)


def _pairs(counts: Counter[Hashable]) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def cluster_pairwise(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """Precision/recall over all pairs of records put together (predicted) or belonging together."""
    both = _pairs(Counter(zip(truth, predicted, strict=True)))
    pred = _pairs(Counter(predicted))
    true = _pairs(Counter(truth))
    return PRF.of(both, pred - both, true - both)


def bcubed(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """B-cubed precision and recall averaged over records."""
    joint = Counter(zip(truth, predicted, strict=True))
    t_size, p_size = Counter(truth), Counter(predicted)
    precision = recall = 0.0
    for (t, p), n in joint.items():
        precision += n * n / p_size[p]
        recall += n * n / t_size[t]
    total = len(truth)
    p_avg, r_avg = precision / total, recall / total
    f1 = 2 * p_avg * r_avg / (p_avg + r_avg) if p_avg + r_avg else 0.0
    return PRF(p_avg, r_avg, f1)


def by_group(
    keys: Sequence[Hashable], *columns: Sequence[Hashable]
) -> dict[Hashable, list[list[Hashable]]]:
    """Split parallel columns by a key (e.g. PriceRunner category)."""
    out: dict[Hashable, list[list[Hashable]]] = defaultdict(lambda: [[] for _ in columns])
    for i, key in enumerate(keys):
        for col, values in zip(out[key], columns, strict=True):
            col.append(values[i])
    return dict(out)
