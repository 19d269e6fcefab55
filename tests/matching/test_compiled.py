"""The compiled forest gives the scores of the model's own tree walk."""

from __future__ import annotations

import numpy as np
import pytest

from matching.compiled import compiled_trees
from matching.model import load_context_model, load_model


@pytest.mark.parametrize("loader", [load_model, load_context_model])
def test_compiled_trees_equal_the_numpy_walk(loader):
    model = loader()
    if model is None:
        pytest.skip("no context model shipped")
    compiled = compiled_trees(model)
    assert compiled is not None, "scikit-learn's tree predictor should be usable here"
    rng = np.random.default_rng(1)
    X = rng.normal(scale=2.0, size=(3000, len(model.features)))
    X[rng.random(X.shape) < 0.15] = np.nan
    X[:, 0] = np.round(X[:, 0])  # values on thresholds' side of equality too
    np.testing.assert_allclose(model.raw(X), model.walk(X), rtol=0, atol=1e-9)
