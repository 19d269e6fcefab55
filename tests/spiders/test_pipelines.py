"""Pipelines fed with Offer items directly: validate, normalise, persist (both engines)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from catalog import persist
from catalog.db import make_engine, make_session_factory
from catalog.models import CrawlRun, Offer, PriceObservation, Shop
from catalog.shopconfig import parse
from spiders.items import Offer as Item
from spiders.pipelines.normalise import NormalisePipeline, availability_name, normalise
from spiders.pipelines.persist import PersistPipeline, observation_time
from spiders.pipelines.validate import ValidatePipeline, problem
from spiders.spiders.product import ProductSpider
from spiders.spiders.shop import ShopSpider

T1 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
SHOP = parse({"shop": [{"slug": "demo", "url": "https://demo.example/",
                        "delivery": {"flat": "4.99", "free_over": "50"}}]})[0]  # fmt: skip


def item(n: int = 1, price: str | None = "19.99", **extra) -> Item:
    values = {"url": f"https://demo.example/p/{n}", "title": f"Carte {n}", "currency": "EUR",
              "price": Decimal(price) if price is not None else None, **extra}  # fmt: skip
    return Item(**values)


def crawler_for(spider, settings=None):
    crawler = get_crawler(type(spider), settings or {})
    spider._set_crawler(crawler)
    crawler.spider = spider
    return crawler


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({}, None),
        ({"url": ""}, "no_url"),
        ({"url": "https://demo.example/" + "x" * 3000}, "url_too_long"),
        ({"title": "  "}, "no_title"),
        ({"price": None}, "no_price"),
        ({"price": Decimal("19.999")}, "price_too_precise"),
        ({"price": Decimal("-1.00")}, "negative_price"),
        ({"price": Decimal("0")}, "zero_price"),
        ({"price": Decimal("99999999")}, "absurd_price"),
        ({"price": Decimal("NaN")}, "bad_price"),
        ({"price": 19.99}, "bad_price"),
        ({"currency": None}, "price_without_currency"),
        ({"currency": "EURO"}, "bad_currency"),
        ({"currency": "XYZ"}, "bad_currency"),
        ({"currency": " eur "}, None),
        ({"price": Decimal("19.990")}, None),
    ],
)
def test_problem_names_the_reason(changes, reason):
    offer = item()
    for name, value in changes.items():
        setattr(offer, name, value)
    assert problem(offer) == reason


def test_validate_pipeline_drops_with_counted_reasons():
    crawler = crawler_for(ShopSpider(shop=SHOP))
    pipeline = ValidatePipeline.from_crawler(crawler)
    good = item()
    assert pipeline.process_item(good) is good
    for bad in (item(price=None), item(price=None), item(currency="ZZZ")):
        with pytest.raises(DropItem):
            pipeline.process_item(bad)
    assert crawler.stats.get_value("comparateur/dropped/no_price") == 2
    assert crawler.stats.get_value("comparateur/dropped/bad_currency") == 1


def test_product_spider_keeps_invalid_items_for_its_output():
    crawler = crawler_for(ProductSpider(url="https://demo.example/p/1"))
    pipeline = ValidatePipeline.from_crawler(crawler)
    priceless = item(price=None)
    assert pipeline.process_item(priceless) is priceless
    weird = item(currency="ZZZ")
    assert pipeline.process_item(weird) is weird
    assert crawler.stats.get_value("comparateur/invalid/bad_currency") == 1
    assert crawler.stats.get_value("comparateur/dropped/bad_currency") is None


def test_normalise_text_codes_names_and_delivery():
    offer = item(price="49.00", title="  Carte\n graphique &amp; &lt;b&gt;RTX&lt;/b&gt;\t ",
                 currency="eur", availability="https://schema.org/InStock", gtin="0-12345-67890-5",
                 brand=" NVIDIA ", regular_price=Decimal("45.00"))  # fmt: skip
    normalise(offer, SHOP)
    assert offer.title == "Carte graphique & <b>RTX</b>"  # entities unescaped once, text kept
    assert (offer.currency, offer.availability, offer.brand) == ("EUR", "InStock", "NVIDIA")
    assert offer.gtin == "012345678905"
    assert offer.regular_price is None  # below the price: no discount
    assert offer.delivery == Decimal("4.99")  # from the shop's rule, under free_over
    assert (offer.shop, offer.shop_slug) == ("demo.example", "demo")
    assert normalise(item(price="50.00"), SHOP).delivery == Decimal("0.00")
    stated = normalise(item(price="10.00", delivery=Decimal("2.50")), SHOP)
    assert stated.delivery == Decimal("2.50")


@pytest.mark.parametrize(
    ("raw", "name"),
    [("http://schema.org/OutOfStock", "OutOfStock"), ("in stock", "InStock"),
     ("PreOrder", "PreOrder"), ("En stock", "InStock"), ("épuisé", "OutOfStock"),
     ("whatever", None), (None, None)],
)  # fmt: skip
def test_availability_names(raw, name):
    assert availability_name(raw) == name


def test_normalise_pipeline_uses_the_spiders_shop():
    crawler = crawler_for(ShopSpider(shop=SHOP))
    out = NormalisePipeline.from_crawler(crawler).process_item(item(price="10.00"))
    assert out.delivery == Decimal("4.99") and out.shop_slug == "demo"


def test_observation_time_is_injected_and_must_be_aware():
    assert observation_time("2026-10-01T08:00:00+00:00") == T1
    assert observation_time("2026-10-01T10:00:00+02:00") == T1
    with pytest.raises(ValueError, match="offset"):
        observation_time("2026-10-01T08:00:00")
    assert observation_time("").tzinfo is not None


class Commits:
    """Counts transactions committed on any engine while active."""

    def __init__(self):
        self.count = 0

    def __call__(self, conn):
        self.count += 1

    def __enter__(self):
        event.listen(Engine, "commit", self)
        return self

    def __exit__(self, *exc):
        event.remove(Engine, "commit", self)


def run_persist(db_url, items, *, now=T1, batch=2, spider=None, reason="finished", stats=None):
    spider = spider or ShopSpider(shop=SHOP)
    crawler = crawler_for(spider, {"COMPARATEUR_DB_URL": db_url, "COMPARATEUR_NOW": now.isoformat(),
                                   "COMPARATEUR_BATCH_SIZE": batch})  # fmt: skip
    for key, value in (stats or {}).items():
        crawler.stats.set_value(key, value)
    pipeline = PersistPipeline.from_crawler(crawler)
    pipeline.open_spider()
    with Commits() as commits:
        for offer in items:
            assert pipeline.process_item(offer) is offer
        during = commits.count
        pipeline.close_spider()
    pipeline.spider_closed(spider, reason)
    return during, commits.count


def rows(db_url, model):
    engine = make_engine(db_url)
    with Session(engine) as session:
        result = session.scalars(select(model).order_by(model.id)).all()
    engine.dispose()
    return result


def test_persist_writes_in_batches_with_a_crawl_run(db_url):
    stats = {"response_received_count": 7, "comparateur/dropped/no_price": 2,
             "comparateur/dropped/http_404": 1, "comparateur/errors": 1}  # fmt: skip
    items = [normalise(item(n), SHOP) for n in range(5)]
    during, total = run_persist(db_url, items, batch=2, stats=stats)
    assert during == 2  # two full batches of 2, one transaction each
    assert total == 3  # the last partial batch at close
    offers = rows(db_url, Offer)
    assert [o.url for o in offers] == [f"https://demo.example/p/{n}" for n in range(5)]
    assert {(o.price, o.delivery, o.currency) for o in offers} == {
        (Decimal("19.99"), Decimal("4.99"), "EUR")
    }
    assert len(rows(db_url, PriceObservation)) == 5
    (run,) = rows(db_url, CrawlRun)
    assert (run.status, run.pages, run.offers, run.errors) == ("finished", 7, 5, 1)
    assert run.dropped == {"no_price": 2, "http_404": 1}
    assert run.started_at == T1 and run.finished_at >= T1
    assert rows(db_url, Shop)[0].slug == "demo"


def test_persist_rerun_is_idempotent_and_second_day_adds_history(db_url):
    run_persist(db_url, [item(1, "10.00"), item(2, "20.00")])
    run_persist(db_url, [item(1, "10.00"), item(2, "20.00")])
    assert len(rows(db_url, PriceObservation)) == 2
    day2 = datetime(2026, 10, 2, 8, 0, tzinfo=UTC)
    run_persist(db_url, [item(1, "9.00")], now=day2)
    history = rows(db_url, PriceObservation)
    assert [(h.offer_id, h.observed_at, h.price) for h in history][-1][1:] == (
        day2,
        Decimal("9.00"),
    )
    assert len(history) == 3
    first, second = rows(db_url, Offer)
    assert (first.price, first.last_seen) == (Decimal("9.00"), day2)
    assert (second.price, second.last_seen) == (Decimal("20.00"), T1)
    assert [r.status for r in rows(db_url, CrawlRun)] == ["finished"] * 3


def test_persist_marks_an_interrupted_crawl_failed(db_url):
    run_persist(db_url, [item(1)], reason="shutdown")
    (run,) = rows(db_url, CrawlRun)
    assert run.status == "failed" and "shutdown" in run.message
    assert run.offers == 1  # what was read before the stop is kept


def test_persist_uses_a_run_created_by_the_caller(db_url):
    engine = make_engine(db_url)
    with make_session_factory(engine).begin() as session:
        run_id = persist.start_run(session, persist.upsert_shop(session, SHOP).id, "shop", T1).id
    engine.dispose()
    run_persist(db_url, [item(1)], spider=ShopSpider(shop=SHOP, crawl_run_id=str(run_id)))
    (run,) = rows(db_url, CrawlRun)
    assert (run.id, run.status, run.offers) == (run_id, "finished", 1)


def test_product_spider_stores_only_when_asked_and_per_domain(db_url):
    lines = [item(1), Item(url="https://other.example/x", title="Écouteurs", price=Decimal("99.00"),
                            currency="EUR", shop="other.example"), item(2, price=None)]  # fmt: skip
    for offer in lines:
        normalise(offer)
    run_persist(db_url, lines, spider=ProductSpider(url="https://demo.example/p/1"))
    assert rows(db_url, Offer) == []
    run_persist(db_url, lines, spider=ProductSpider(url="https://demo.example/p/1", store="1"))
    assert sorted(s.domain for s in rows(db_url, Shop)) == ["demo.example", "other.example"]
    assert len(rows(db_url, Offer)) == 2  # the priceless line is output, not stored
    assert sorted(r.offers for r in rows(db_url, CrawlRun)) == [1, 1]


def test_a_crawl_that_stored_nothing_because_of_errors_is_failed(db_url):
    stats = {"response_received_count": 40, "comparateur/errors": 39,
             "comparateur/dropped/extraction_error": 39}  # fmt: skip
    run_persist(db_url, [], stats=stats)
    (run,) = rows(db_url, CrawlRun)
    assert (run.status, run.offers, run.errors) == ("failed", 0, 39)
    assert "no offer stored" in run.message


def test_contract_rows_are_strings_with_two_decimal_prices():
    from spiders.pipelines.export import CONTRACT_FIELDS, contract_row

    row = contract_row(item(price="199", regular_price=Decimal("249.5"), gtin=None))
    assert list(row) == list(CONTRACT_FIELDS)
    assert (row["price"], row["regular_price"], row["gtin"]) == ("199.00", "249.50", "")
    assert contract_row(item(price="1299.999"))["price"] == "1299.999"  # never rounded away
    assert contract_row(item(price="1E+3"))["price"] == "1000.00"  # never in exponent form
