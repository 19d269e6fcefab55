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
from matching.features import FEATURES, word_sets
from matching.model import CONTEXT_PATH, MODEL_PATH, Model, from_sklearn
from matching.pairs import CONTEXT_FEATURES, context_features, pair_features, pair_records
from matching.record import Record
from matching.strings import WORDS_PATH, WordModel, word_keys

Pairs = list[tuple[Record, Record]]

log = logging.getLogger(__name__)

PARAMS: dict[str, Any] = {
    "max_iter": 250,
    "learning_rate": 0.06,
    "max_leaf_nodes": 24,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
    "random_state": 0,
}


def training_matrix(
    sets: list[datasets.PairSet] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[Pairs]]:
    """Features, labels, the source set of every training pair, and the pairs of each set
    (`sets`: the training splits, read here when not given)."""
    xs, ys, groups, all_pairs = [], [], [], []
    for index, ps in enumerate(datasets.training_sets() if sets is None else sets):
        pairs = pair_records(ps.rows, ps.level)
        all_pairs.append(pairs)
        # The word model's column is filled later with out-of-fold scores.
        xs.append(np.asarray(pair_features(pairs, ps.level, words=None), dtype=np.float64))
        ys.append(np.asarray(ps.labels))
        groups.append(np.full(len(ps.labels), index))
        log.info("%s: %d pairs, %d matches", ps.name, len(ps.labels), sum(ps.labels))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups), all_pairs


# Evidence that can only make a match more (+1) or less (-1) likely: the trees must agree,
# which keeps conflicts decisive on data unlike the training sets.
MONOTONIC: dict[str, int] = {
    **dict.fromkeys(
        "ratio token_set token_sort partial jaccard idf_cosine code_hit_min code_hit_max "
        "code_exact code_prefix code_len code_in_desc numbers_shared units_agree "
        "brand_same char_jaccard char_contain code_gram_jaccard code_gram_contain "
        "code_gram_shared word_model".split(),
        1,
    ),
    **dict.fromkeys(["score", "left_margin", "right_margin"], 1),
    **dict.fromkeys(["left_best_other", "right_best_other"], -1),
    **dict.fromkeys(
        "unmatched_min unmatched_max code_unmatched_min code_none_hit code_conflict "
        "units_conflict capacity_conflict screen_conflict brand_differ qualifier_conflict "
        "generation_conflict pack_differ accessory_asym fits_asym bundle_asym refurb_asym "
        "colour_conflict numbers_only_min model_token_unmatched_min model_token_conflict "
        "edition_diff platform_conflict".split(),
        -1,
    ),
}


def _weights(y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    # Each source set weighs the same, so the largest one does not dictate the trees.
    w = np.ones(len(y))
    for g in np.unique(groups):
        w[groups == g] = len(y) / (len(np.unique(groups)) * (groups == g).sum())
    return w


def _fit(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, names: tuple[str, ...] = FEATURES, **params: Any
) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    monotonic = [MONOTONIC.get(name, 0) for name in names]
    clf = HistGradientBoostingClassifier(**{**PARAMS, **params}, monotonic_cst=monotonic)
    clf.fit(X, y, sample_weight=w)
    return clf


def _folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """3 folds stratified by source set and label, the same for every stage."""
    from sklearn.model_selection import StratifiedKFold

    split = StratifiedKFold(3, shuffle=True, random_state=0).split(y, groups * 2 + y)
    return list(split)


def _word_matrix(all_pairs: list[Pairs]) -> tuple[Any, list[str]]:
    from sklearn.feature_extraction import DictVectorizer

    keys = [
        dict.fromkeys(word_keys(*word_sets(a, b)), 1.0) for pairs in all_pairs for a, b in pairs
    ]
    vec = DictVectorizer()
    return vec.fit_transform(keys).tocsr(), list(vec.get_feature_names_out())


def _fit_words(M: Any, y: np.ndarray, w: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=0.3, max_iter=2000).fit(M, y, sample_weight=w)


def word_model(
    all_pairs: list[Pairs], y: np.ndarray, w: np.ndarray, groups: np.ndarray
) -> tuple[WordModel, np.ndarray]:
    """The word model fitted on every training pair, and its out-of-fold logits."""
    M, names = _word_matrix(all_pairs)
    oof = np.zeros(len(y))
    for fit_idx, held_idx in _folds(y, groups):
        clf = _fit_words(M[fit_idx], y[fit_idx], w[fit_idx])
        oof[held_idx] = clf.decision_function(M[held_idx])
    clf = _fit_words(M, y, w)
    # Keys seen in at least 3 pairs: rarer ones are noise and only make the file larger.
    seen = np.asarray((M > 0).sum(axis=0)).ravel() >= 3
    weights = {
        name: float(c)
        for name, c, keep in zip(names, clf.coef_[0], seen, strict=True)
        if keep and abs(c) >= 1e-4
    }
    return WordModel(weights, float(clf.intercept_[0])), oof


def _oof(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    groups: np.ndarray,
    names: tuple[str, ...],
    **params: Any,
) -> np.ndarray:
    """Out-of-fold probabilities (3 folds stratified by source set and label)."""
    oof = np.zeros(len(y))
    for fit_idx, held_idx in _folds(y, groups):
        clf = _fit(X[fit_idx], y[fit_idx], w[fit_idx], names, **params)
        oof[held_idx] = clf.predict_proba(X[held_idx])[:, 1]
    return oof


def _export(
    clf: Any, X: np.ndarray, thresholds: dict[str, float], names: tuple[str, ...], path: Path
) -> Model:
    meta = {"params": PARAMS, "pairs": int(len(X))}
    model = from_sklearn(clf, thresholds, meta, names)
    check = clf.predict_proba(X[:500])[:, 1]
    if not np.allclose(check, model.predict(X[:500]), atol=1e-6):
        raise RuntimeError("exported trees disagree with scikit-learn")
    model.save(path)
    return model


def _log_oof(
    y: np.ndarray, groups: np.ndarray, p: np.ndarray, threshold: float, names: list[str]
) -> None:
    """Out-of-fold F1 of each training set: how a change fares, read without any
    validation or test split."""
    for g, name in enumerate(names):
        pick = groups == g
        pred, truth = p[pick] >= threshold, y[pick] == 1
        tp = float((pred & truth).sum())
        f1 = 2 * tp / (pred.sum() + truth.sum()) if tp else 0.0
        log.info("out-of-fold F1 %-40s %.3f", name, f1)


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


# The context model reads 9 features: a smaller forest is enough.
CONTEXT_PARAMS: dict[str, Any] = {"max_iter": 120, "max_leaf_nodes": 12}


def context_matrix(all_pairs: list[Pairs], oof: np.ndarray) -> np.ndarray:
    """The context features of every training pair, from the first stage's out-of-fold scores,
    read within each training file (a file's pairs are the candidates of its offers)."""
    parts, offset = [], 0
    for pairs in all_pairs:
        parts.append(context_features(pairs, oof[offset : offset + len(pairs)].tolist()))
        offset += len(pairs)
    return np.asarray([row for part in parts for row in part], dtype=np.float64)


def train(
    out: Path = MODEL_PATH, context_out: Path = CONTEXT_PATH, words_out: Path = WORDS_PATH
) -> Model:
    start = time.perf_counter()
    sets = datasets.training_sets()
    names = [ps.name for ps in sets]
    X, y, groups, all_pairs = training_matrix(sets)
    del sets  # the rows are not needed once the records are built
    w = _weights(y, groups)
    words, word_oof = word_model(all_pairs, y, w, groups)
    X[:, FEATURES.index("word_model")] = word_oof
    words.save(words_out)
    log.info("word model: %d weights (%.0fs)", len(words.weights), time.perf_counter() - start)
    oof = _oof(X, y, w, groups, FEATURES)
    thresholds = {"match": best_threshold(y, oof)}
    model = _export(_fit(X, y, w), X, thresholds, FEATURES, out)
    log.info("pair model: thresholds %s (%.0fs)", thresholds, time.perf_counter() - start)

    # Second stage for match-pairs: the out-of-fold scores of the first, read in the context
    # of the other pairs of the same offers in each training file.
    C = context_matrix(all_pairs, oof)
    c_oof = _oof(C, y, w, groups, CONTEXT_FEATURES, **CONTEXT_PARAMS)
    c_thresholds = {"match": best_threshold(y, c_oof)}
    _export(
        _fit(C, y, w, CONTEXT_FEATURES, **CONTEXT_PARAMS),
        C,
        c_thresholds,
        CONTEXT_FEATURES,
        context_out,
    )
    log.info("context model: thresholds %s (%.0fs)", c_thresholds, time.perf_counter() - start)
    _log_oof(y, groups, c_oof, c_thresholds["match"], names)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    train(args.out)


if __name__ == "__main__":
    main()
