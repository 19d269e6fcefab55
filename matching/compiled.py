"""The shipped forest run by scikit-learn's compiled tree predictor (Cython), ~5x faster than
walking the trees with numpy, which made the classifier most of `match-pairs`' time.

The predictor is scikit-learn's private API: if a version changes it, `compiled_trees`
returns None and the model walks its trees with numpy (same results).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from matching.model import Model

log = logging.getLogger(__name__)
_CACHE: dict[int, tuple[Any, Callable[[Any], Any] | None]] = {}


def compiled_trees(model: Model) -> Callable[[Any], Any] | None:
    """A function X -> raw scores for `model`, or None when scikit-learn cannot provide one."""
    key = id(model)
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not model:
        cached = _CACHE[key] = (model, _build(model))
    return cached[1]


def _build(model: Model) -> Callable[[Any], Any] | None:
    try:
        from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
        from sklearn.ensemble._hist_gradient_boosting.predictor import TreePredictor

        no_bitsets = np.zeros((0, 8), dtype=np.uint32)
        ends = np.append(model.roots[1:], model.feature.size)
        trees = []
        for start, end in zip(model.roots, ends, strict=True):
            feature = model.feature[start:end]
            leaf = feature < 0
            nodes = np.zeros(end - start, dtype=PREDICTOR_RECORD_DTYPE)
            nodes["is_leaf"] = leaf
            nodes["feature_idx"] = np.where(leaf, 0, feature)
            nodes["num_threshold"] = model.threshold[start:end]
            nodes["missing_go_to_left"] = model.missing_left[start:end]
            nodes["left"] = np.where(leaf, 0, model.left[start:end] - start)
            nodes["right"] = np.where(leaf, 0, model.right[start:end] - start)
            nodes["value"] = model.value[start:end]
            trees.append(TreePredictor(nodes, no_bitsets, no_bitsets))
        f_idx_map = np.zeros(len(model.features), dtype=np.uint32)

        def raw(X: Any) -> Any:
            out = np.full(X.shape[0], model.baseline)
            for tree in trees:
                out += tree.predict(X, no_bitsets, f_idx_map, 1)
            return out

        probe = np.random.default_rng(0).normal(size=(64, len(model.features)))
        probe[::3, ::2] = np.nan
        if not np.allclose(raw(probe), model.walk(probe)):
            raise ValueError("compiled trees disagree with the model's own walk")
        return raw
    except Exception as exc:  # noqa: BLE001 - any failure means: walk with numpy
        log.info("scikit-learn's tree predictor unavailable (%s); walking trees with numpy", exc)
        return None
