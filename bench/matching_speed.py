"""Matcher speed: match-pairs throughput and match-cluster time from 3k to 28k offers.

    .venv/bin/python -m bench.matching_speed [--sizes 3000,7000,14000,28533] [--cross N]

Baselines measured in the same run: for pairs, one rapidfuzz token_set_ratio per pair (the
naive matcher); for clustering, building the offers' records (normalisation and attributes)
alone. Peak memory of the process is printed at the end. Needs ../shared/data/matching.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from rapidfuzz import fuzz

from matching import datasets
from matching.cluster import cluster_rows
from matching.metrics import cluster_pairwise
from matching.pairs import score_pairs
from matching.record import make_record


def pairs_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for ps in (datasets.abt_buy("valid"), datasets.wdc_products("valid", "large")):
        rows.extend(ps.rows)
    for ps in (datasets.wdc_lspm("computers", "valid", "medium"), datasets.amazon_google("test")):
        rows.extend(ps.rows)
    return [{**r, "id": str(i)} for i, r in enumerate(rows)]


def _warm_up() -> None:
    """Imports, models and per-process tables, on pairs sharing no title with the measured
    ones (PriceRunner appliances), so that no text-level cache holds the measured titles."""
    cs = datasets.pricerunner()
    titles = [r["title"] for r in cs.rows[:4000]]
    pairs = [{"id": str(i), "left_title": a, "right_title": b}
             for i, (a, b) in enumerate(zip(titles[::2], titles[1::2], strict=False))]  # fmt: skip
    score_pairs(pairs, "variant")


def bench_pairs() -> None:
    rows = pairs_rows()
    start = time.perf_counter()
    for r in rows:
        fuzz.token_set_ratio(r["left_title"], r["right_title"])
    base = time.perf_counter() - start
    # A `match-pairs` run pays imports and model loading once (~1 s): shown apart, as the
    # process's first call, before the throughput of a warmed-up process.
    cold = time.perf_counter()
    _warm_up()
    cold = time.perf_counter() - cold
    start = time.perf_counter()
    score_pairs(rows, "variant")
    took = time.perf_counter() - start
    rate = len(rows) / took
    print(f"match-pairs: {len(rows)} pairs in {took:.2f}s = {rate:,.0f} pairs/s")
    print(f"  after a warm-up (2,000 unrelated pairs, imports included): {cold:.2f}s")
    naive = len(rows) / base
    print(f"  baseline token_set_ratio alone: {naive:,.0f} pairs/s; ratio {took / base:.1f}x")


def bench_cross(n: int) -> None:
    """match-pairs --cross on the first n of the same pairs, against the trees alone."""
    from matching.cross import load_cross

    rows = pairs_rows()[:n]
    load_cross()  # loading the model is paid once per process, as the warm-up is
    start = time.perf_counter()
    score_pairs(rows, "variant")
    trees = time.perf_counter() - start
    start = time.perf_counter()
    score_pairs(rows, "variant", cross=True)
    took = time.perf_counter() - start
    rate = len(rows) / took
    print(f"match-pairs --cross: {len(rows)} pairs in {took:.2f}s = {rate:,.0f} pairs/s")
    print(f"  the trees alone on the same pairs: {trees:.2f}s; ratio {took / trees:.1f}x")


def bench_cluster(sizes: list[int]) -> None:
    cs = datasets.pricerunner()
    order = list(range(len(cs.rows)))
    random.Random(0).shuffle(order)
    heads = (("offers", 7), ("records s", 9), ("cluster s", 9), ("ratio", 6), ("s/1k", 6))
    print(" ".join(f"{h:>{w}s}" for h, w in heads) + " pair F1")
    for size in sizes:
        picked = sorted(order[:size])
        rows = [cs.rows[i] for i in picked]
        truth = [cs.truth[i] for i in picked]
        start = time.perf_counter()
        for r in rows:
            make_record(r["id"], r["title"], shop=r["shop"], category=r["category"])
        base = time.perf_counter() - start
        start = time.perf_counter()
        labels = cluster_rows(rows, "product")
        took = time.perf_counter() - start
        f1 = cluster_pairwise(truth, labels).f1
        per_k = took / size * 1000
        print(f"{size:7d} {base:9.2f} {took:9.2f} {took / base:6.1f} {per_k:6.2f} {f1:7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,7000,14000,28533")
    parser.add_argument("--skip-pairs", action="store_true")
    parser.add_argument("--cross", type=int, default=0, help="also time --cross on N pairs")
    args = parser.parse_args()
    if not args.skip_pairs:
        bench_pairs()
    if args.cross:
        bench_cross(args.cross)
    bench_cluster([int(s) for s in args.sizes.split(",")])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
