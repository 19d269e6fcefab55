"""Quality floors on the third-party benchmarks: a regression of the matcher fails CI.

Floors sit a little under the figures in docs/matching.md (measured with `comparateur
match-eval`). None of these sets is used for training (training reads train splits and
PriceRunner's dev half only).
"""

from __future__ import annotations

import pytest
from conftest import shared_data

# (set, loader arguments, F1 floor of the match class)
# Abt-Buy and WDC large were lowered at stop 15 (0.84 -> 0.82, 0.61 -> 0.59): reading CPU
# model numbers ("14900k", "1700x") as codes costs Abt-Buy 1.2 points on the mean of three
# retrainings (0.857 -> 0.845; the shipped model gave 0.836) and WDC large 0.1 (0.606).
# Raised at stop 16 with the processor fixes: Amazon-Google 0.68 -> 0.70 (0.723), WDC large
# 0.59 -> 0.60 (0.623), PriceRunner 0.72 -> 0.75 (CPUs 0.756 -> 0.797).
# Raised at stop 17 with the word model's shapes (shared codes, sizes): Abt-Buy 0.82 -> 0.85
# (0.876), WDC large 0.60 -> 0.63 (0.652), LSPM computers 0.81 -> 0.86 (0.881), cameras
# 0.76 -> 0.78 (0.804), PriceRunner 0.75 -> 0.76 (lowest category 0.777).
# Raised at stop 20 with the rarest shared word: Abt-Buy 0.85 -> 0.87 (0.887), Amazon-Google
# 0.70 -> 0.72 (0.743), WDC large 0.63 -> 0.66 (0.684), LSPM computers 0.86 -> 0.88 (0.902),
# cameras 0.78 -> 0.79 (0.810).
# Raised at stop 21 with Epson's part numbers: WDC large 0.66 -> 0.67 (0.690).
PAIR_FLOORS = [
    ("abt_buy", ("valid",), 0.87),
    ("amazon_google", ("test",), 0.72),
    ("wdc_products", ("valid", "large"), 0.67),
    ("wdc_lspm", ("computers", "valid", "medium"), 0.88),
    ("wdc_lspm", ("cameras", "valid", "medium"), 0.79),
]
PRICERUNNER_PAIRWISE_FLOOR = 0.76  # held-out clusters; the lowest category is at 0.772


@pytest.mark.slow
@pytest.mark.parametrize(("loader", "args", "floor"), PAIR_FLOORS)
def test_pair_benchmarks_stay_above_their_floor(
    loader: str, args: tuple[str, ...], floor: float
) -> None:
    shared_data("matching")
    from matching import datasets
    from matching.evaluate import eval_pairs

    result = eval_pairs(getattr(datasets, loader)(*args))
    assert result.prf.f1 >= floor, f"{result.name}: F1 {result.prf.f1:.3f} under {floor}"


@pytest.mark.slow
def test_pricerunner_clusters_every_category() -> None:
    shared_data("matching", "pricerunner")
    from matching.evaluate import eval_pricerunner

    floor = PRICERUNNER_PAIRWISE_FLOOR
    for result in eval_pricerunner():
        f1 = result.pairwise.f1
        assert f1 >= floor, f"{result.name}: pairwise F1 {f1:.3f} under {floor}"
