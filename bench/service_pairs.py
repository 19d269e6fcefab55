"""The catalog's service on the third-party pair benchmarks: does it join real shops' offers?

    COMPARATEUR_MATCHING_DATA=../shared/data/matching \\
        .venv/bin/python -m bench.service_pairs [--sets abt,ag,wdc,comp,cams] [--sample N]

`bench/site_pairs.py` scores the service on pairs written for the site's categories; this
scores it on real offers of other people's shops: each pair of a validation or test split
(never a training one) goes into an empty catalog as two shops' offers, and the pair counts
as matched when both land in one product (an offer sent to the review queue is not).
Precision, recall and F1 of the match class are printed beside `match-pairs` on the same
pairs (its variant level, the benchmarks' identity) and one fuzzy score in the same run
(rapidfuzz's token_set_ratio at 90 or more), with each one's F1 as a ratio of the fuzzy
score's. The labels count colours apart, the service does not: its precision is a floor.
"""

from __future__ import annotations

import argparse
import random
import sys

from bench.site_pairs import Pair, by_baseline, by_service
from matching import datasets
from matching.pairs import pair_threshold, score_pairs

SETS = {
    "abt": lambda: datasets.abt_buy("valid"),
    "ag": lambda: datasets.amazon_google("test"),
    "wdc": lambda: datasets.wdc_products("valid", "large"),
    "comp": lambda: datasets.wdc_lspm("computers", "valid", "medium"),
    "cams": lambda: datasets.wdc_lspm("cameras", "valid", "medium"),
}


def pairs_of(name: str, sample: int | None) -> tuple[list[Pair], list[dict[str, str]]]:
    ps = SETS[name]()
    keep = list(range(len(ps.rows)))
    if sample and sample < len(keep):
        keep = sorted(random.Random(0).sample(keep, sample))
    rows = [ps.rows[i] for i in keep]
    # A title is one offer's name; the benchmarks' longest run to thousands of characters.
    pairs = [
        (r["left_title"][:500], r["right_title"][:500], bool(ps.labels[i]))
        for r, i in zip(rows, keep, strict=True)
    ]
    return pairs, rows


def prf(said: list[bool], pairs: list[Pair]) -> tuple[float, float, float]:
    tp = sum(s and one for s, (_, _, one) in zip(said, pairs, strict=True))
    fp = sum(s and not one for s, (_, _, one) in zip(said, pairs, strict=True))
    fn = sum(one and not s for s, (_, _, one) in zip(said, pairs, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--sample", type=int, default=None, help="pairs per set (seeded)")
    args = parser.parse_args()
    if not (datasets.data_root() / "abt_buy").is_dir():
        sys.exit(f"skipped: no matching data at {datasets.data_root()}")
    heads = ("baseline", "match-pairs", "service")
    print(f"{'set':5s} {'pairs':>5s}" + "".join(f" {h + ' P / R / F1':>28s}" for h in heads))
    for name in args.sets.split(","):
        pairs, rows = pairs_of(name, args.sample)
        threshold = pair_threshold()
        ways = {
            "baseline": by_baseline(pairs),
            "match-pairs": [s >= threshold for s in score_pairs(rows, "variant")],
            "service": by_service(pairs),
        }
        figures = {way: prf(said, pairs) for way, said in ways.items()}
        cells = [f"{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in figures.values()]
        print(f"{name:5s} {len(pairs):5d}" + "".join(f" {c:>28s}" for c in cells))
        base = figures["baseline"][2] or 1.0
        ratios = ", ".join(f"{way} {figures[way][2] / base:.2f}" for way in heads)
        print(f"      F1 / baseline's: {ratios}")


if __name__ == "__main__":
    main()
