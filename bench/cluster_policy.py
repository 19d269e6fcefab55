"""Choose match-cluster's merge policy on the PriceRunner clusters the model trains on.

    .venv/bin/python -m bench.cluster_policy [--k 12]

Scores the blocking pairs of all 28,533 offers once, then groups them under every policy of a
small grid and prints the pairwise F1 on the development half (the half the model trains on,
which chooses) and on the held-out half (shown, never used to choose). `matching.cluster.Policy`
carries the choice.
"""

from __future__ import annotations

import argparse
import itertools
import logging

from matching import datasets, parallel
from matching.cluster import Policy, _records, group_records, score_edges
from matching.metrics import cluster_pairwise
from matching.model import load_model

LINKS = (0.0, 0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 0.4)
FLOORS = (0.0, 0.1, 0.2)
UNCODED = (0.3, 0.5, 0.6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=Policy.k, help="neighbours per offer")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    cs = datasets.pricerunner()
    records = parallel.run(_records, list(enumerate(cs.rows)), {"level": "product"})
    scores = score_edges(records, "product", load_model(), args.k)
    parts = {
        part: [i for i, t in enumerate(cs.truth) if datasets.pricerunner_part(t) == part]
        for part in ("dev", "heldout")
    }

    def f1(labels: list[int], part: str) -> float:
        keep = parts[part]
        return cluster_pairwise([cs.truth[i] for i in keep], [labels[i] for i in keep]).f1

    results = []
    print(f"{'link':>5s} {'floor':>5s} {'uncoded':>7s} {'dev F1':>7s} {'held-out F1':>11s}")
    for link, floor, uncoded in itertools.product(LINKS, FLOORS, UNCODED):
        policy = Policy(link=link, floor=floor, uncoded=uncoded, k=args.k)
        labels = group_records(records, scores, "product", policy)
        row = (f1(labels, "dev"), f1(labels, "heldout"), policy)
        results.append(row)
        print(f"{link:5.2f} {floor:5.2f} {uncoded:7.2f} {row[0]:7.4f} {row[1]:11.4f}", flush=True)
    best = max(results, key=lambda r: r[0])
    print(f"best on dev: {best[2]} (dev {best[0]:.4f}, held-out {best[1]:.4f})")
    print(f"default: {Policy()}")


if __name__ == "__main__":
    main()
