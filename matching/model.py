"""The shipped classifier: gradient-boosted trees stored as plain arrays, evaluated with numpy.

Storing the trees rather than a pickle keeps the file small, readable by any scikit-learn
version and safe to load. `python -m matching.train` rebuilds `matching/model.json.gz`.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.compiled import compiled_trees
from matching.features import FEATURES

MODEL_PATH = Path(__file__).with_name("model.json.gz")
CONTEXT_PATH = Path(__file__).with_name("model_context.json.gz")
Array = npt.NDArray[Any]
COMPILE_MIN_ROWS = 2000


@dataclass
class Model:
    """A forest of binary trees over FEATURES; `predict` returns probabilities in [0, 1]."""

    feature: Array  # int32, -1 on leaves
    threshold: Array  # float64
    missing_left: Array  # bool
    left: Array  # int32, global node index
    right: Array  # int32
    value: Array  # float64, leaf values
    roots: Array  # int32, root node of each tree
    baseline: float
    depth: int
    thresholds: dict[str, float] = field(default_factory=dict)
    features: tuple[str, ...] = FEATURES
    meta: dict[str, Any] = field(default_factory=dict)

    def raw(self, X: Array) -> Array:
        X = np.ascontiguousarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.features):
            raise ValueError(f"expected {len(self.features)} features, got shape {X.shape}")
        # Importing scikit-learn's predictor costs ~0.8 s once: worth it for big batches only.
        compiled = compiled_trees(self) if X.shape[0] >= COMPILE_MIN_ROWS else None
        if compiled is not None:
            return np.asarray(compiled(X), dtype=np.float64)
        return self.walk(X)

    def walk(self, X: Array) -> Array:
        """The forest evaluated with numpy alone (the reference the compiled path equals)."""
        out = np.full(X.shape[0], self.baseline)
        for start in range(0, X.shape[0], 4096):
            chunk = X[start : start + 4096]
            n, trees = chunk.shape[0], self.roots.size
            # Walk every (row, tree) pair down at once, dropping those that reached a leaf.
            node = np.tile(self.roots, n)
            row = np.repeat(np.arange(n), trees)
            active = np.nonzero(self.feature[node] >= 0)[0]
            while active.size:
                cur = node[active]
                x = chunk[row[active], self.feature[cur]]
                go_left = np.where(np.isnan(x), self.missing_left[cur], x <= self.threshold[cur])
                nxt = np.where(go_left, self.left[cur], self.right[cur])
                node[active] = nxt
                active = active[self.feature[nxt] >= 0]
            out[start : start + n] += self.value[node].reshape(n, trees).sum(axis=1)
        return out

    def predict(self, X: Array | list[list[float]]) -> list[float]:
        if len(X) == 0:
            return []
        raw = self.raw(np.asarray(X, dtype=np.float64))
        return [float(p) for p in 1.0 / (1.0 + np.exp(-raw))]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "baseline": self.baseline,
            "depth": self.depth,
            "thresholds": self.thresholds,
            "meta": self.meta,
            "feature": self.feature.tolist(),
            "threshold": [round(float(t), 9) for t in self.threshold],
            "missing_left": self.missing_left.astype(int).tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 9) for v in self.value],
            "roots": self.roots.tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], expected: tuple[str, ...] = FEATURES) -> Model:
        features = tuple(data["features"])
        if features != expected:
            raise ValueError(
                "model file was trained on other features; run python -m matching.train"
            )
        return cls(
            feature=np.asarray(data["feature"], dtype=np.int32),
            threshold=np.asarray(data["threshold"], dtype=np.float64),
            missing_left=np.asarray(data["missing_left"], dtype=bool),
            left=np.asarray(data["left"], dtype=np.int32),
            right=np.asarray(data["right"], dtype=np.int32),
            value=np.asarray(data["value"], dtype=np.float64),
            roots=np.asarray(data["roots"], dtype=np.int32),
            baseline=float(data["baseline"]),
            depth=int(data["depth"]),
            thresholds={k: float(v) for k, v in data.get("thresholds", {}).items()},
            features=features,
            meta=dict(data.get("meta", {})),
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(self.to_json(), fh, separators=(",", ":"))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Model.from_json(json.load(fh))


@lru_cache(maxsize=4)
def load_context_model(path: Path = CONTEXT_PATH) -> Model | None:
    """The second-stage model of `match-pairs`, or None when it was not built."""
    from matching.pairs import CONTEXT_FEATURES

    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Model.from_json(json.load(fh), CONTEXT_FEATURES)


def from_sklearn(
    clf: Any,
    thresholds: dict[str, float],
    meta: dict[str, Any],
    features: tuple[str, ...] = FEATURES,
) -> Model:
    """Flatten a fitted HistGradientBoostingClassifier (binary) into a Model."""
    feature: list[int] = []
    threshold: list[float] = []
    missing_left: list[bool] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0
    for predictors in clf._predictors:
        nodes = predictors[0].nodes
        base = len(feature)
        roots.append(base)
        for node in nodes:
            leaf = bool(node["is_leaf"])
            feature.append(-1 if leaf else int(node["feature_idx"]))
            threshold.append(float(node["num_threshold"]))
            missing_left.append(bool(node["missing_go_to_left"]))
            left.append(base + int(node["left"]) if not leaf else 0)
            right.append(base + int(node["right"]) if not leaf else 0)
            value.append(float(node["value"]) if leaf else 0.0)
            depth = max(depth, int(node["depth"]))
        # Leaves point to themselves so that extra descent steps stay in place.
        for i in range(base, len(feature)):
            if feature[i] < 0:
                left[i] = right[i] = i
    return Model(
        feature=np.asarray(feature, dtype=np.int32),
        threshold=np.asarray(threshold, dtype=np.float64),
        missing_left=np.asarray(missing_left, dtype=bool),
        left=np.asarray(left, dtype=np.int32),
        right=np.asarray(right, dtype=np.int32),
        value=np.asarray(value, dtype=np.float64),
        roots=np.asarray(roots, dtype=np.int32),
        baseline=float(np.ravel(clf._baseline_prediction)[0]),
        depth=depth + 1,
        thresholds=thresholds,
        features=features,
        meta=meta,
    )
