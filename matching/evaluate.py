"""Evaluation on the development sets: the same code paths as match-pairs and match-cluster."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from matching import datasets
from matching.cluster import cluster_rows
from matching.metrics import PRF, bcubed, by_group, cluster_pairwise, pair_prf
from matching.model import Model, load_model
from matching.pairs import pair_threshold, score_pairs


@dataclass
class PairResult:
    name: str
    pairs: int
    prf: PRF
    seconds: float


@dataclass
class ClusterResult:
    name: str
    offers: int
    pairwise: PRF
    bcubed: PRF
    seconds: float


def eval_pairs(ps: datasets.PairSet, model: Model | None = None, cross: bool = False) -> PairResult:
    model = model or load_model()
    start = time.perf_counter()
    scores = score_pairs(ps.rows, ps.level, model, cross=cross)
    threshold = pair_threshold(model, cross=cross)
    predicted = [int(s >= threshold) for s in scores]
    return PairResult(
        ps.name, len(ps.rows), pair_prf(ps.labels, predicted), time.perf_counter() - start
    )


def eval_pricerunner(model: Model | None = None, part: str = "heldout") -> list[ClusterResult]:
    """Cluster all PriceRunner offers at once, then measure the offers of `part` (the held-out
    clusters by default: the development part trains the model), whole and per category."""
    cs = datasets.pricerunner()
    start = time.perf_counter()
    labels = cluster_rows(cs.rows, cs.level, model)
    took = time.perf_counter() - start
    keep = [
        i for i, t in enumerate(cs.truth) if part == "all" or datasets.pricerunner_part(t) == part
    ]
    truth = [cs.truth[i] for i in keep]
    pred = [labels[i] for i in keep]
    cats = [cs.rows[i]["category"] for i in keep]
    out = [
        ClusterResult(
            f"pricerunner {part}",
            len(truth),
            cluster_pairwise(truth, pred),
            bcubed(truth, pred),
            took,
        )
    ]
    for cat, (t, p) in sorted(by_group(cats, truth, pred).items(), key=lambda kv: str(kv[0])):
        out.append(
            ClusterResult(f"  {part} {cat}", len(t), cluster_pairwise(t, p), bcubed(t, p), took)
        )
    return out


def pair_sets() -> list[datasets.PairSet]:
    return [
        datasets.abt_buy("valid"),
        datasets.amazon_google("test"),
        datasets.wdc_products("valid", "large"),
        datasets.wdc_products("valid", "medium"),
        datasets.wdc_products("valid", "small"),
        datasets.wdc_lspm("computers", "valid", "medium"),
        datasets.wdc_lspm("computers", "valid", "small"),
        datasets.wdc_lspm("cameras", "valid", "medium"),
        datasets.wdc_lspm("cameras", "valid", "small"),
    ]


def run_all(only: str = "", cross: bool = False) -> Iterator[str]:
    """Lines of a plain-text table, one per set, printed as they are measured (`cross`: pair
    sets scored with the cross-encoder blended in; the clusters do not use it)."""
    model = load_model()
    yield f"{'set':34s} {'size':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'seconds':>8s}"
    for ps in pair_sets():
        if only and only not in ps.name:
            continue
        r = eval_pairs(ps, model, cross)
        p = r.prf
        figures = f"{p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f} {r.seconds:8.1f}"
        yield f"{r.name:34s} {r.pairs:6d} {figures}"
    if only and only not in "pricerunner":
        return
    yield ""
    heads = ("offers", "P", "R", "F1", "B3 P", "B3 R", "B3 F1")
    yield f"{'clusters (product level)':34s} " + " ".join(f"{h:>6s}" for h in heads)
    for c in eval_pricerunner(model):
        pw, b3 = c.pairwise, c.bcubed
        values = (pw.precision, pw.recall, pw.f1, b3.precision, b3.recall, b3.f1)
        yield f"{c.name:34s} {c.offers:6d} " + " ".join(f"{x:6.3f}" for x in values)
    yield f"(all offers clustered at once in {c.seconds:.1f}s; measured on held-out clusters)"
