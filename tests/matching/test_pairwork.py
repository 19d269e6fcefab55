"""match-pairs over worker processes gives the scores of one process, and a worker's failure
is the caller's error."""

from __future__ import annotations

import itertools

import pytest

from matching import pairwork, parallel
from matching.bounds import CLASH_CAP, bounded, rule_bounds
from matching.model import load_context_model, load_model
from matching.pairs import context_features, pair_features, pair_records, score_pairs, side_index
from matching.strings import load_words

MODELS = ["iPhone 16", "iPhone 16 Pro", "Galaxy S25", "Galaxy S25+", "Pixel 9", "RTX 4070"]
STORAGE = ["128 Go", "256 Go", "512GB"]
SHOPS = ["Apple {m} {s} Noir", "{m} ({s}) - noir", "Smartphone {m} {s} reconditionné"]


def _rows() -> list[dict[str, str]]:
    titles = [
        shape.format(m=m, s=s) for m in MODELS for s in STORAGE for shape in SHOPS
    ]  # 54 titles, each in many pairs
    pairs = list(itertools.combinations(titles, 2))[:600]
    return [
        {"id": str(i), "left_title": a, "right_title": b, "right_price": str(100 + i % 7)}
        for i, (a, b) in enumerate(pairs)
    ]


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPARATEUR_MATCH_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10)


def test_workers_give_the_scores_of_one_process(
    two_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = _rows()
    distinct, index = side_index(rows)
    with pairwork.features_and_bounds(distinct, index, "product", load_words()) as work:
        assert work is not None
    spread = score_pairs(rows, "product")
    monkeypatch.setenv("COMPARATEUR_MATCH_WORKERS", "1")
    assert score_pairs(rows, "product") == spread
    assert max(spread) > 0.9 and min(spread) < 0.1


@pytest.mark.parametrize("workers", ["1", "2"])
def test_clash_rules_read_lazily_give_the_eager_scores(
    two_workers: None, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """The clash rules are read only for pairs some stage scores above their cap; every rule
    read on every pair gives the same scores."""
    monkeypatch.setenv("COMPARATEUR_MATCH_WORKERS", workers)
    rows = _rows()
    pairs = pair_records(rows, "product")
    vectors = pair_features(pairs, "product")
    bounds = rule_bounds(pairs, vectors, "product")
    assert sum(cap == CLASH_CAP for cap, _, _ in bounds) > 100  # "iPhone 16" / "16 Pro"...
    scores = bounded(load_model().predict(vectors), bounds)
    assert sum(0.0 < s <= CLASH_CAP for s in scores) > 100  # pairs whose rules are not read
    ctx = load_context_model()
    assert ctx is not None
    eager = bounded(ctx.predict(context_features(pairs, scores)), bounds)
    assert score_pairs(rows, "product") == eager


def test_shares_cover_every_pair_once() -> None:
    index = [(i % 13, 100 + i % 29) for i in range(500)]
    shares = pairwork.shares(index, 3)
    assert len(shares) == 3 and all(shares)
    assert sorted(p for share in shares for p in share) == list(range(500))


def test_a_worker_failure_is_raised(two_workers: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list[float]:
        raise ValueError("a title the features cannot read")

    monkeypatch.setattr(pairwork, "compare", broken)  # the forked workers inherit it
    with pytest.raises(RuntimeError, match="a title the features cannot read"):
        score_pairs(_rows(), "product")
