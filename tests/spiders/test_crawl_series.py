"""Crawl series: several rounds in one child process, each with its own runs and time."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_crawl_run import runs, shop_at, silent_shop  # noqa: F401 - the fixture is used

from catalog.db import make_engine
from catalog.models import Offer, PriceObservation, Shop

demoshops = pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
from demoshops import truth  # noqa: E402
from demoshops.clock import DEMO_START  # noqa: E402
from spiders.series import crawl_series  # noqa: E402

QUIET = {"LOG_LEVEL": "WARNING"}
TIMES = [DEMO_START, DEMO_START + timedelta(days=9), DEMO_START + timedelta(days=23)]


def observations(db_url: str) -> dict[tuple[str, str], dict[object, PriceObservation]]:
    """(shop, url) -> {observed_at: observation}."""
    engine = make_engine(db_url)
    found: dict[tuple[str, str], dict[object, PriceObservation]] = defaultdict(dict)
    with Session(engine) as session:
        query = select(Shop.slug, Offer.url, PriceObservation).join(Offer.shop)
        for slug, url, obs in session.execute(query.join(PriceObservation)):
            found[(slug, url)][obs.observed_at] = obs
    engine.dispose()
    return found


@pytest.mark.slow
def test_a_series_crawls_each_round_at_its_own_time_with_the_shops_chosen(db_url, demo):
    running, clock = demo
    two = running.shops[:2]
    calls: list[tuple[str, int, object]] = []

    def before(index: int, when: object) -> list | None:
        calls.append(("before", index, when))
        clock.set(when)  # type: ignore[arg-type]
        return [running.shops[0]] if index == 1 else None  # round 1: one shop only

    def after(index: int, when: object, summaries: list) -> None:
        calls.append(("after", index, [(s.shop, s.status) for s in summaries]))

    results = crawl_series(two, db_url, TIMES, before_round=before, after_round=after,
                           settings=QUIET)  # fmt: skip

    slugs = [shop.slug for shop in two]
    assert [[s.shop for s in r] for r in results] == [slugs, slugs[:1], slugs]
    assert all(s.status == "finished" and s.offers > 0 for r in results for s in r)
    assert [c[:2] for c in calls] == [(k, i) for i in range(3) for k in ("before", "after")]
    # Each round has its own runs, started at its own observation time.
    assert [(r.status, r.started_at) for r in runs(db_url)] == [
        ("finished", TIMES[0]), ("finished", TIMES[0]), ("finished", TIMES[1]),
        ("finished", TIMES[2]), ("finished", TIMES[2]),
    ]  # fmt: skip
    # Every price stored is what the shop showed at that round's time.
    stored = observations(db_url)
    wrong = [
        (slug, url, when, obs.price)
        for (slug, url), by_time in stored.items()
        for when, obs in by_time.items()
        if (expected := truth.expected(slug, url, when)) is None or obs.price != expected.price
    ]
    assert not wrong, wrong[:5]
    seen = defaultdict(set)
    for (slug, _), by_time in stored.items():
        for when in by_time:
            seen[when].add(slug)
    assert seen == {TIMES[0]: set(slugs), TIMES[1]: {slugs[0]}, TIMES[2]: set(slugs)}


def test_a_skipped_round_crawls_nothing(db_url):
    results = crawl_series(shop_at("http://127.0.0.1:9/"), db_url, TIMES[:2],
                           before_round=lambda index, when: [], settings=QUIET)  # fmt: skip
    assert results == [[], []]
    assert runs(db_url) == []


@pytest.mark.slow
def test_a_round_past_its_timeout_fails_and_the_next_round_still_runs(
    db_url,
    demo,
    silent_shop,  # noqa: F811 - pytest fixture
):
    running, clock = demo
    hanging = shop_at(silent_shop, "hangs")
    working = running.shops[:1]

    def before(index: int, when: object) -> list:
        clock.set(when)  # type: ignore[arg-type]
        return hanging if index == 0 else working

    results = crawl_series(hanging + working, db_url, TIMES[:2], before_round=before,
                           timeout=20, settings={"LOG_LEVEL": "CRITICAL"})  # fmt: skip
    (failed,), (finished,) = results
    assert (failed.shop, failed.status) == ("hangs", "failed")
    assert "time limit" in (failed.message or "")
    assert (finished.status, finished.started_at) == ("finished", TIMES[1])
    assert finished.offers > 0


def test_crawlers_that_cannot_start_give_failed_runs_round_after_round(db_url):
    shops = shop_at("http://127.0.0.1:9/", "a") + shop_at("http://127.0.0.1:9/", "b")
    results = crawl_series(shops, db_url, TIMES[:2],
                           settings={"LOG_LEVEL": "CRITICAL",
                                     "ITEM_PIPELINES": {"no.such.Pipeline": 1}})  # fmt: skip
    assert [[(s.shop, s.status) for s in r] for r in results] == [
        [("a", "failed"), ("b", "failed")],
        [("a", "failed"), ("b", "failed")],
    ]
    assert all(s.message for r in results for s in r)
    assert [(r.status, r.started_at) for r in runs(db_url)] == [
        ("failed", TIMES[0]), ("failed", TIMES[0]), ("failed", TIMES[1]), ("failed", TIMES[1]),
    ]  # fmt: skip


def test_times_without_an_offset_are_refused(db_url):
    with pytest.raises(ValueError):
        crawl_series([], db_url, [DEMO_START.replace(tzinfo=None)])
