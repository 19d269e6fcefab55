"""catalog.persist on both engines: upserts, idempotent observations, runs, last runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from catalog import persist
from catalog.models import CrawlRun, Offer, PriceObservation, Shop
from catalog.shopconfig import parse
from spiders.items import Offer as Item

T1 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
T2 = T1 + timedelta(days=1)


def _config(slug: str = "shop-a"):
    return parse({"shop": [{"slug": slug, "name": "Shop A", "url": "https://a.example/"}]})[0]


def _item(n: int, price: str = "10.00", **extra) -> Item:
    return Item(url=f"https://a.example/p/{n}", title=f"Product {n}", price=Decimal(price),
                currency="EUR", **extra)  # fmt: skip


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_upsert_shop_creates_then_updates(session):
    shop = persist.upsert_shop(session, _config())
    again = persist.upsert_shop(session, _config())
    assert again.id == shop.id
    assert (shop.slug, shop.domain, shop.url) == ("shop-a", "a.example", "https://a.example/")
    assert _count(session, Shop) == 1


def test_save_offers_inserts_offers_and_one_observation_each(session):
    shop = persist.upsert_shop(session, _config())
    run = persist.start_run(session, shop.id, "shop", T1)
    ids = persist.save_offers(session, shop.id, [_item(1, "1299.99"), _item(2)], T1, run.id)
    assert len(ids) == 2
    offer = session.scalars(select(Offer).where(Offer.url.endswith("/p/1"))).one()
    assert offer.price == Decimal("1299.99")
    assert (offer.first_seen, offer.last_seen) == (T1, T1)
    obs = session.scalars(select(PriceObservation).order_by(PriceObservation.id)).all()
    assert [(o.offer_id, o.observed_at, o.crawl_run_id) for o in obs] == [
        (ids[0], T1, run.id), (ids[1], T1, run.id)
    ]  # fmt: skip


def test_rerun_at_same_time_is_idempotent_and_keeps_the_latest_reading(session):
    shop = persist.upsert_shop(session, _config())
    persist.save_offers(session, shop.id, [_item(1, "10.00"), _item(2)], T1)
    persist.save_offers(session, shop.id, [_item(1, "9.50"), _item(2)], T1)
    assert _count(session, Offer) == 2
    assert _count(session, PriceObservation) == 2
    prices = session.scalars(select(PriceObservation.price).order_by(PriceObservation.offer_id))
    assert list(prices) == [Decimal("9.50"), Decimal("10.00")]


def test_next_crawl_adds_history_and_keeps_vanished_offers(session):
    shop = persist.upsert_shop(session, _config())
    persist.save_offers(session, shop.id, [_item(1, "10.00"), _item(2, "20.00")], T1)
    persist.save_offers(session, shop.id, [_item(1, "8.00")], T2)
    one, two = session.scalars(select(Offer).order_by(Offer.id)).all()
    assert (one.price, one.first_seen, one.last_seen) == (Decimal("8.00"), T1, T2)
    assert (two.price, two.last_seen) == (Decimal("20.00"), T1)  # not deleted, not moved
    assert _count(session, PriceObservation) == 3


def test_backfill_adds_history_without_moving_current_values(session):
    shop = persist.upsert_shop(session, _config())
    persist.save_offers(session, shop.id, [_item(1, "10.00")], T2)
    persist.save_offers(session, shop.id, [_item(1, "12.00")], T1)
    offer = session.scalars(select(Offer)).one()
    assert (offer.price, offer.first_seen, offer.last_seen) == (Decimal("10.00"), T1, T2)
    assert _count(session, PriceObservation) == 2


def test_listing_fields_are_kept_when_a_later_reading_omits_them(session):
    shop = persist.upsert_shop(session, _config())
    persist.save_offers(session, shop.id, [_item(1, brand="NVIDIA", gtin="4006381333931")], T1)
    persist.save_offers(session, shop.id, [_item(1, regular_price=None)], T2)
    offer = session.scalars(select(Offer)).one()
    assert (offer.brand, offer.gtin) == ("NVIDIA", "4006381333931")


def test_overlong_scraped_text_is_cut_to_the_column(session):
    shop = persist.upsert_shop(session, _config())
    persist.save_offers(session, shop.id, [_item(1, brand="B" * 500, gtin="123456789012345678")],
                        T1)  # fmt: skip
    offer = session.scalars(select(Offer)).one()
    assert offer.brand == "B" * 100
    assert offer.gtin is None


def test_runs_finish_fail_and_last_runs(session):
    shop = persist.upsert_shop(session, _config())
    other = persist.upsert_shop(session, _config("shop-b"))
    first = persist.start_run(session, shop.id, "shop", T1)
    persist.finish_run(session, first.id, status="finished", finished_at=T1, pages=3,
                       offers=2, dropped={"no_price": 1})  # fmt: skip
    second = persist.start_run(session, shop.id, "shop", T2)
    stuck = persist.start_run(session, other.id, "shop", T1)
    assert persist.fail_unfinished(session, [first.id, stuck.id], T2, "died") == [stuck.id]
    session.expire_all()
    assert session.get(CrawlRun, first.id).dropped == {"no_price": 1}
    failed = session.get(CrawlRun, stuck.id)
    assert (failed.status, failed.message, failed.finished_at) == ("failed", "died", T2)
    runs = persist.last_runs(session)
    assert runs["shop-a"].started_at == T2 and runs["shop-a"].status == "running"
    assert runs["shop-b"].status == "failed"
    assert persist.last_runs(session, ["shop-b"]).keys() == {"shop-b"}
    assert second.id != first.id


def test_offer_ids_of_runs(session):
    shop = persist.upsert_shop(session, _config())
    run = persist.start_run(session, shop.id, "shop", T1)
    ids = persist.save_offers(session, shop.id, [_item(1), _item(2)], T1, run.id)
    persist.save_offers(session, shop.id, [_item(3)], T2)
    assert persist.offer_ids_of_runs(session, [run.id]) == sorted(ids)


def test_shop_for_domain_is_reused(session):
    first = persist.shop_for_domain(session, "www.example.fr")
    assert persist.shop_for_domain(session, "www.example.fr").id == first.id
    assert first.slug == "www-example-fr"


def test_a_shop_created_meanwhile_by_another_crawl_process_is_reused(db_url):
    """Two processes of a distributed crawl open one shop at once: the one that inserts second
    must find the row, not fail on the unique slug."""
    from catalog.db import make_engine, make_session_factory

    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    with factory.begin() as other:  # the first process, committed
        first = persist.upsert_shop(other, _config()).id
    with factory.begin() as session:  # the second, after its own lookup found nothing
        values = {"slug": "shop-a", "name": "Shop A", "domain": "a.example", "currency": "EUR"}
        persist._ensure_shop(session, values)
        assert persist.upsert_shop(session, _config()).id == first
        assert _count(session, Shop) == 1
    engine.dispose()
