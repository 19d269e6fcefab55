"""A real crawl of the demo shops over HTTP, through Scrapy, into SQLite and PostgreSQL.

Two crawls at two injected times; the stored rows are checked against demoshops.truth.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.models import CrawlRun, Offer, PriceObservation, Shop

demoshops = pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
from demoshops import truth  # noqa: E402
from demoshops.clock import DEMO_START  # noqa: E402
from demoshops.render.common import DISALLOWED  # noqa: E402
from spiders.run import crawl  # noqa: E402

T1 = DEMO_START
T2 = DEMO_START + timedelta(days=9)
QUIET = {"LOG_LEVEL": "WARNING"}


def stored(db_url: str) -> tuple[list[tuple[str, Offer]], list[PriceObservation], list[CrawlRun]]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        offers = session.execute(select(Shop.slug, Offer).join(Offer.shop).order_by(Offer.id)).all()
        observations = session.scalars(select(PriceObservation)).all()
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
    engine.dispose()
    return [(slug, offer) for slug, offer in offers], list(observations), list(runs)


@pytest.mark.slow
def test_two_crawls_of_the_demo_shops_match_the_truth(db_url, demo):
    running, clock = demo
    before = {slug: dict(hits) for slug, hits in running.hits.items()}
    for when in (T1, T2):
        clock.set(when)
        summaries = crawl(running.shops, db_url, now=when, settings=QUIET)
        assert [s.shop for s in summaries] == [shop.slug for shop in running.shops]
        for summary in summaries:
            assert summary.status == "finished", summary
            assert summary.pages > 0 and summary.offers > 0, summary

    offers, observations, runs = stored(db_url)
    by_offer = defaultdict(dict)
    for obs in observations:
        by_offer[obs.offer_id][obs.observed_at] = obs

    # Every price stored is exactly what the shop showed at that time.
    wrong = []
    for slug, offer in offers:
        for when, obs in by_offer[offer.id].items():
            expected = truth.expected(slug, offer.url, when)
            if expected is None or (obs.price, obs.delivery) != (expected.price, expected.delivery):
                wrong.append((slug, offer.url, when, obs.price, obs.delivery, expected))
    assert not wrong, wrong[:10]

    # Every listing on sale at a crawl time was found, and has its observation at that time.
    for when in (T1, T2):
        seen = {(slug, urlsplit(o.url).path) for slug, o in offers if when in by_offer[o.id]}
        live = {
            (item.shop, item.path)
            for item in truth.listings()
            if truth.expected(item.shop, "http://demo" + item.path, when) is not None
        }
        assert live - seen == set(), sorted(live - seen)[:10]

    # History: two observations for listings on sale at both times.
    both = [o for _, o in offers if set(by_offer[o.id]) == {T1, T2}]
    assert len(both) > len(offers) // 2
    assert all(len(by_offer[o.id]) <= 2 for _, o in offers)
    for _, offer in offers:
        assert offer.last_seen == max(by_offer[offer.id])

    # robots.txt was obeyed: no disallowed path was ever requested.
    for slug, hits in running.hits.items():
        bad = {
            path: count - before.get(slug, {}).get(path, 0)
            for path, count in hits.items()
            if any(path == p or path.startswith(p + "/") for p in DISALLOWED)
        }
        assert not any(bad.values()), (slug, bad)

    # One finished CrawlRun per shop and crawl, with its counts.
    assert len(runs) == 2 * len(running.shops)
    assert {(r.status, r.started_at) for r in runs} == {("finished", T1), ("finished", T2)}
    assert all(r.pages >= 1 and r.offers >= 1 and r.finished_at >= r.started_at for r in runs)
    assert sum(r.offers for r in runs) == sum(len(by_offer[o.id]) for _, o in offers)
