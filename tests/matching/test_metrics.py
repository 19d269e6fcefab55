"""Pairwise and B-cubed measures on small hand-checked examples."""

from __future__ import annotations

import pytest

from matching.metrics import bcubed, cluster_pairwise, pair_prf


def test_pair_prf() -> None:
    r = pair_prf([1, 1, 0, 0], [1, 0, 1, 0])
    assert (r.precision, r.recall, r.f1) == (0.5, 0.5, 0.5)


def test_cluster_pairwise_counts_pairs() -> None:
    truth = ["a", "a", "a", "b"]
    pred = [1, 1, 2, 2]
    r = cluster_pairwise(truth, pred)
    # predicted pairs: (0,1) right, (2,3) wrong; true pairs: 3.
    assert r.precision == pytest.approx(0.5) and r.recall == pytest.approx(1 / 3)


def test_bcubed_perfect_and_merged() -> None:
    assert bcubed(["a", "b"], [1, 2]).f1 == 1.0
    merged = bcubed(["a", "b"], [1, 1])
    assert merged.precision == pytest.approx(0.5) and merged.recall == 1.0
