"""How high PriceRunner's held-out pairwise F1 can go, per category, before any scoring.

    .venv/bin/python -m bench.pricerunner_ceiling [--k 12]

Two ceilings, both measured on the held-out clusters against their truth:
- **coded only**: every offer whose title names a model code is put in its true cluster, and
  every other offer ("bosch serie 4 free standing washing machine in white") stays alone. A
  matcher that reads titles cannot do better on those offers without guessing, so this is
  what perfect matching of the identifiable offers gives.
- **blocking**: true pairs joined by a chain of candidate pairs that blocking proposes (all
  28,533 offers blocked at once, as `match-cluster` does). Grouping recovers a true pair
  outside such a chain only through a wrong offer that joins both sides.
The figures need no model and no clustering; `comparateur match-eval` prints what the matcher
reaches on the same offers.
"""

from __future__ import annotations

import argparse
import logging
from collections import defaultdict

from matching import datasets, parallel
from matching.blocking import candidate_pairs
from matching.cluster import Policy, _records
from matching.metrics import PRF, by_group, cluster_pairwise


def reachable(n: int, pairs: list[tuple[int, int]], truth: list[str]) -> list[int]:
    """A component number per offer, from the candidate pairs inside one true cluster."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        if truth[i] == truth[j]:
            parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=Policy.k, help="neighbours per offer")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    cs = datasets.pricerunner()
    records = parallel.run(_records, list(enumerate(cs.rows)), {"level": "product"})
    components = reachable(len(records), candidate_pairs(records, k=args.k), cs.truth)
    held = [i for i, t in enumerate(cs.truth) if datasets.pricerunner_part(t) == "heldout"]
    truth = [cs.truth[i] for i in held]
    coded = [bool(records[i].attrs.strong_codes) for i in held]
    only_coded = [t if c else f"alone {i}" for i, t, c in zip(held, truth, coded, strict=True)]
    blocked = [components[i] for i in held]
    cats = [cs.rows[i]["category"] for i in held]

    uncoded: dict[str, int] = defaultdict(int)
    for cat, c in zip(cats, coded, strict=True):
        uncoded[cat] += not c
        uncoded["all"] += not c
    rows: list[tuple[str, int, PRF, PRF]] = [
        ("all", len(held), cluster_pairwise(truth, only_coded), cluster_pairwise(truth, blocked))
    ]
    by_coded = by_group(cats, truth, only_coded)
    for cat, (t, b) in sorted(by_group(cats, truth, blocked).items()):
        rows.append((cat, len(t), cluster_pairwise(*by_coded[cat]), cluster_pairwise(t, b)))

    print(f"PriceRunner held-out clusters, k={args.k}; pairwise F1 target 0.90 per category\n")
    head = ("category", "offers", "no code", "coded-only R", "F1", "blocking R", "F1")
    print(
        f"{head[0]:18s} {head[1]:>6s} {head[2]:>7s} {head[3]:>12s} {head[4]:>6s} "
        f"{head[5]:>10s} {head[6]:>6s}"
    )
    for name, n, oracle, reach in rows:
        print(
            f"{name:18s} {n:6d} {uncoded[name] / n:7.1%} {oracle.recall:12.3f} {oracle.f1:6.3f} "
            f"{reach.recall:10.3f} {reach.f1:6.3f}"
        )


if __name__ == "__main__":
    main()
