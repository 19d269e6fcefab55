"""match-cluster gives the same products on every run, whatever Python's string hash seed."""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from conftest import shared_data

from matching import datasets


def test_match_cluster_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    shared_data("matching", "pricerunner")
    offers = datasets.pricerunner()
    order = list(range(len(offers.rows)))
    random.Random(0).shuffle(order)
    rows = [offers.rows[i] for i in sorted(order[:5000])]
    columns = ["id", *sorted({k for r in rows for k in r} - {"id"})]
    source = tmp_path / "offers.csv"
    with source.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        writer.writerows(rows)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"products-{seed}.csv"
        subprocess.run(
            [sys.executable, "-m", "comparateur", "match-cluster", str(source), str(out)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(out.read_text(encoding="utf-8"))
    # Set order follows string hashes: sums over sets in another order once gave other
    # neighbours at a tie, and 12-29 of 4,002 products came out otherwise.
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 5001
