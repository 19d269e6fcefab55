"""bench/minilm.py's numpy encoder: skipped with a reason when its packages are absent."""

from __future__ import annotations

import importlib.util
import math

import numpy as np
import pytest

from bench import minilm as embed

REASON = embed.missing()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

TITLES = [
    "Apple iPhone 16 Pro 256 Go Titane noir",
    "APPLE iPhone 16 Pro 256GB Black Titanium",
    "Samsung Galaxy S25 Ultra 512 Go",
    "Bosch Serie 4 SMS4HVI33E lave-vaisselle",
    "x " * 400,  # longer than the model's 256 tokens: truncated, as sentence-transformers does
]


def test_unit_vectors_in_input_order() -> None:
    vectors = embed.load().encode(TITLES, batch=2)
    assert vectors.shape == (len(TITLES), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = embed.load().encode(TITLES[::-1])
    assert np.allclose(vectors, again[::-1], atol=1e-5)


def test_the_same_phone_is_closer_than_another_model() -> None:
    cache = embed.Embeddings()
    cache.add(TITLES)
    same = cache.cosine(TITLES[0], TITLES[1])
    assert same > cache.cosine(TITLES[0], TITLES[2]) > cache.cosine(TITLES[0], TITLES[3])
    assert math.isnan(cache.cosine(TITLES[0], ""))


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None,
    reason="sentence-transformers (the reference) is not installed",
)
def test_equals_sentence_transformers() -> None:
    from sentence_transformers import SentenceTransformer

    path = embed.model_dir()
    reference = SentenceTransformer(str(path), device="cpu").encode(TITLES)
    cosines = (embed.load().encode(TITLES) * reference).sum(axis=1)
    assert cosines.min() > 0.9999
