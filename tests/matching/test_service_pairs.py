"""The catalog's service on real third-party pairs (`bench/service_pairs.py`): it must join
other people's shops' offers, not only the site's look-alikes.

Before stop 27 the service's veto on words each title adds split nine true pairs in ten on
LSPM cameras (recall 0.094, F1 0.171). Stops 30-31's excuses and rules took cameras from
0.941 / 0.495 / 0.648 (stop 27's code) to 0.922 / 0.557 / 0.695, LSPM computers from
0.941 / 0.513 / 0.664 to 0.940 / 0.598 / 0.731 and Abt-Buy from 0.929 / 0.568 / 0.705 to
0.925 / 0.660 / 0.771; the recall and F1 floors fail on stop 27's code, and the recall
floors on stop 30's (cameras 0.536, Abt-Buy 0.636, computers 0.587). Validation splits,
never training ones.
"""

from __future__ import annotations

import pytest
from conftest import shared_data

# Floors (precision, recall, F1) a little under stop 31's figures: cameras 0.922 / 0.557 /
# 0.695, Abt-Buy 0.925 / 0.660 / 0.771, LSPM computers 0.940 / 0.598 / 0.731.
FLOORS = {
    "cams": (0.90, 0.54, 0.68),
    "abt": (0.91, 0.64, 0.755),
    "comp": (0.92, 0.58, 0.72),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", FLOORS)
def test_the_service_joins_real_shops_offers(name: str) -> None:
    shared_data("matching")
    from bench.service_pairs import pairs_of, prf
    from bench.site_pairs import by_service

    pairs, _ = pairs_of(name, None)
    figures = prf(by_service(pairs), pairs)
    assert all(f >= floor for f, floor in zip(figures, FLOORS[name], strict=True)), figures
