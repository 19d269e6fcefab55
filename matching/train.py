"""Rebuild matching/model.json.gz from the training splits in ../shared/data/matching.

    .venv/bin/python -m matching.train [--out PATH]

Only training splits are fitted. The decision threshold comes from out-of-fold predictions on
those same training splits (3-fold), so no validation or test split is ever looked at.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from matching import datasets
from matching.model import MODEL_PATH, Model, from_sklearn
from matching.pairs import pair_features, pair_records

log = logging.getLogger(__name__)

PARAMS: dict[str, Any] = {
    "max_iter": 250,
    "learning_rate": 0.06,
    "max_leaf_nodes": 24,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
    "random_state": 0,
}


def training_matrix() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and the index of the source set of every training pair."""
    xs, ys, groups = [], [], []
    for index, ps in enumerate(datasets.training_sets()):
        pairs = pair_records(ps.rows, ps.level)
        xs.append(np.asarray(pair_features(pairs, ps.level), dtype=np.float64))
        ys.append(np.asarray(ps.labels))
        groups.append(np.full(len(ps.labels), index))
        log.info("%s: %d pairs, %d matches", ps.name, len(ps.labels), sum(ps.labels))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)


def _weights(y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    # Each source set weighs the same, so the largest one does not dictate the trees.
    w = np.ones(len(y))
    for g in np.unique(groups):
        w[groups == g] = len(y) / (len(np.unique(groups)) * (groups == g).sum())
    return w


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(**PARAMS)
    clf.fit(X, y, sample_weight=w)
    return clf


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The threshold with the best F1 of the match class on out-of-fold predictions."""
    best, best_t = -1.0, 0.5
    for t in np.arange(0.10, 0.91, 0.01):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + (y == 1).sum()) if tp else 0.0
        if f1 > best:
            best, best_t = f1, float(t)
    return round(best_t, 2)


def train(out: Path = MODEL_PATH) -> Model:
    from sklearn.model_selection import StratifiedKFold

    start = time.perf_counter()
    X, y, groups = training_matrix()
    w = _weights(y, groups)
    oof = np.zeros(len(y))
    strata = groups * 2 + y
    for fit_idx, held_idx in StratifiedKFold(3, shuffle=True, random_state=0).split(X, strata):
        clf = _fit(X[fit_idx], y[fit_idx], w[fit_idx])
        oof[held_idx] = clf.predict_proba(X[held_idx])[:, 1]
    match_t = best_threshold(y, oof)
    clf = _fit(X, y, w)
    thresholds = {"match": match_t}
    meta = {"params": PARAMS, "pairs": int(len(y)), "matches": int(y.sum())}
    model = from_sklearn(clf, thresholds, meta)
    check = clf.predict_proba(X[:500])[:, 1]
    if not np.allclose(check, model.predict(X[:500]), atol=1e-6):
        raise RuntimeError("exported trees disagree with scikit-learn")
    model.save(out)
    log.info(
        "model saved to %s in %.1fs, thresholds %s", out, time.perf_counter() - start, thresholds
    )
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    train(args.out)


if __name__ == "__main__":
    main()
