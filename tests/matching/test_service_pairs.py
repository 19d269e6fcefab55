"""The catalog's service on real third-party pairs (`bench/service_pairs.py`): it must join
other people's shops' offers, not only the site's look-alikes.

Before stop 27 the service's veto on words each title adds split nine true pairs in ten on
LSPM cameras (recall 0.094, F1 0.171). Stops 30-31's excuses (`matching/excuses.py`) took
cameras from 0.941 / 0.495 / 0.648 to 0.912 / 0.536 / 0.675, LSPM computers from
0.941 / 0.513 / 0.664 to 0.939 / 0.587 / 0.722 and Abt-Buy from 0.929 / 0.568 / 0.705 to
0.923 / 0.636 / 0.753; the floors sit a little under those figures, and the recall and F1
floors fail on stop 27's code. Validation splits, never training ones.
"""

from __future__ import annotations

import pytest
from conftest import shared_data


@pytest.mark.slow
def test_the_service_joins_real_shops_offers() -> None:
    shared_data("matching")
    from bench.service_pairs import pairs_of, prf
    from bench.site_pairs import by_service

    pairs, _ = pairs_of("cams", None)
    precision, recall, f1 = prf(by_service(pairs), pairs)
    assert precision >= 0.90
    assert recall >= 0.52
    assert f1 >= 0.665


@pytest.mark.slow
def test_the_service_joins_abt_buys_offers() -> None:
    shared_data("matching")
    from bench.service_pairs import pairs_of, prf
    from bench.site_pairs import by_service

    pairs, _ = pairs_of("abt", None)
    precision, recall, f1 = prf(by_service(pairs), pairs)
    assert precision >= 0.91
    assert f1 >= 0.74


@pytest.mark.slow
def test_the_service_joins_lspm_computers_offers() -> None:
    shared_data("matching")
    from bench.service_pairs import pairs_of, prf
    from bench.site_pairs import by_service

    pairs, _ = pairs_of("comp", None)
    precision, recall, f1 = prf(by_service(pairs), pairs)
    assert precision >= 0.92
    assert recall >= 0.56
    assert f1 >= 0.70
