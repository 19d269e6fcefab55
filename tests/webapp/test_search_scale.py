"""Search read path at scale: stored figures stay current, capped windows, cache, few objects."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import event, insert, select

from catalog.db import make_engine, make_session_factory
from catalog.models import Offer, Product, SearchDocument, SearchStale
from catalog.search import Filters, ResultCache, refresh, search, shared_cache
from catalog.search import engine as search_engine
from catalog.search.shared_cache import SharedCache


@pytest.fixture
def session(db_url, catalogue):  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        search(session, "")  # documents of the catalogue built
        yield session
    engine.dispose()


def key_of(catalogue, product_id: int) -> str:  # type: ignore[no-untyped-def]
    return next(k for k, p in catalogue.products.items() if p.id == product_id)


def test_price_change_updates_the_stored_figures(session, catalogue) -> None:
    """An offer's new price marks the figures stale; the next search shows the new best."""
    offer = session.get(Offer, catalogue.offers["rx9070-ldlc"].id)
    offer.price = Decimal("1.00")
    offer.delivery = Decimal("0.50")
    session.commit()
    assert session.scalar(select(SearchStale.product_id)) == offer.product_id
    (hit,) = search(session, "radeon 9070").hits
    assert hit.summary.best_total == Decimal("1.50")
    assert search(session, "", Filters(price="0-100")).total == 1
    assert session.scalar(select(SearchStale.product_id)) is None


def test_stock_change_moves_the_availability_facet(session, catalogue) -> None:
    h20 = catalogue.products["h20"].id
    assert h20 not in [
        h.product.id for h in search(session, "", Filters(availability="in_stock")).hits
    ]
    for offer in session.scalars(select(Offer).where(Offer.product_id == h20)):
        offer.availability = "InStock"
    session.commit()
    in_stock = search(session, "", Filters(availability="in_stock")).hits
    assert h20 in [h.product.id for h in in_stock]


def test_more_offers_rank_first_and_rank_follows_offer_count(session, catalogue) -> None:
    nvidia = [key_of(catalogue, h.product.id) for h in search(session, "nvidia").hits]
    assert nvidia[0] == "rtx5090"
    # Two more offers for the H200 (the same shops as the RTX 5090's) move it first.
    h200 = catalogue.products["h200"].id
    shops = session.scalars(
        select(Offer.shop_id).where(Offer.product_id == catalogue.products["rtx5090"].id)
    ).all()
    for i, shop_id in enumerate(shops):
        url = f"https://x.test/h200-{i}"
        session.add(
            Offer(shop_id=shop_id, url=url, title="H200", price=Decimal(30000), product_id=h200)
        )
    session.commit()
    assert key_of(catalogue, search(session, "nvidia").hits[0].product.id) == "h200"
    document = session.get(SearchDocument, h200)
    assert document is not None and document.offer_count >= len(shops) + 1


def test_capped_search_keeps_the_exact_model_first(session, catalogue, monkeypatch) -> None:
    """More matches than the window: total is a lower bound, facets are partial, and the
    product the query names still comes first even when its rank is beyond the window."""
    monkeypatch.setattr(search_engine, "CANDIDATES", 2)
    result = search(session, "nvidia 5080")
    assert [key_of(catalogue, h.product.id) for h in result.hits][:1] == ["rtx5080"]
    broad = search(session, "nvidia")
    assert broad.capped and broad.facets_partial
    assert sum(f.count for f in broad.facets["category"]) == 2  # the window only
    # Matches having every word whole are read beyond the window: the lower bound grows.
    assert broad.total == len(broad.hits) == 4
    # A filter narrowing the matches below the window gives an exact total again.
    datacenter = search(session, "nvidia", Filters(category="datacenter-gpu"))
    assert not datacenter.capped and datacenter.total == 2


def test_only_the_page_products_are_loaded(session, catalogue) -> None:
    loaded: list[int] = []

    def count(target, _context) -> None:  # type: ignore[no-untyped-def]
        loaded.append(target.id)

    event.listen(Product, "load", count)
    try:
        session.expunge_all()
        result = search(session, "", limit=2)
    finally:
        event.remove(Product, "load", count)
    assert result.total == len(catalogue.products) and len(result.hits) == 2
    assert sorted(loaded) == sorted(h.product.id for h in result.hits)


def test_cache_answers_again_until_the_index_changes(session, catalogue) -> None:
    cache = ResultCache(seconds=600)
    first = search(session, "airpods", cache=cache)
    again = search(session, "airpods", cache=cache)
    assert [h.product.id for h in again.hits] == [h.product.id for h in first.hits]
    assert cache.hits == 1
    # A new product is marked by the triggers; the refresh clears this process's cache.
    session.add(Product(name="Apple AirPods Max", brand="Apple", model="AirPods Max"))
    session.commit()
    names = [h.product.name for h in search(session, "airpods", cache=cache).hits]
    assert "Apple AirPods Max" in names


def test_shared_cache_serves_every_process_until_one_refreshes(
    session, catalogue, db_url, monkeypatch
) -> None:
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    monkeypatch.setattr(shared_cache, "GENERATION_SECONDS", 0.0)
    namespace = f"{db_url}#{uuid.uuid4().hex}"
    first, second = SharedCache(url, 600, namespace), SharedCache(url, 600, namespace)
    before = [h.product.id for h in search(session, "airpods", cache=first).hits]
    assert [h.product.id for h in search(session, "airpods", cache=second).hits] == before
    assert second.hits == 0  # answered from Redis, not from its own copy ...
    assert search(session, "airpods", cache=second).hits and second.hits >= 1  # ... then its own
    # "first" refreshes the index after a change: "second" must not serve its old answer.
    session.add(Product(name="Apple AirPods Max", brand="Apple", model="AirPods Max"))
    session.commit()
    search(session, "airpods", cache=first)
    engine = make_engine(db_url)
    with make_session_factory(engine)() as other:
        names = [h.product.name for h in search(other, "airpods", cache=second).hits]
    engine.dispose()
    assert "Apple AirPods Max" in names


def test_cache_entries_expire() -> None:
    cache = ResultCache(seconds=0)
    cache.put("k", 1)
    assert cache.get("k") is None
    bounded = ResultCache(seconds=60, size=2)
    for key in "abc":
        bounded.put(key, key)
    assert bounded.get("a") is None and bounded.get("c") == "c"


def test_bulk_insert_then_refresh_builds_figures(session, catalogue) -> None:
    """Products written without the ORM (as a bulk load does) are found with their figures."""
    shop_id = catalogue.shops[next(iter(catalogue.shops))].id
    session.execute(insert(Product), [{"name": "Casque Zorglub 7", "category": "headphones",
                                       "attributes": {}, "gtins": []}])  # fmt: skip
    product_id = session.scalar(select(Product.id).where(Product.name == "Casque Zorglub 7"))
    price, delivery = Decimal("49.90"), Decimal("5.00")
    session.add(
        Offer(shop_id=shop_id, url="https://x.test/z7", title="Zorglub 7", price=price,
              delivery=delivery, product_id=product_id)
    )  # fmt: skip
    session.commit()
    assert refresh(session) >= 1
    (hit,) = search(session, "zorglub", keep_current=False).hits
    assert hit.summary.best_total == Decimal("54.90") and hit.summary.offer_count == 1


def test_odd_filter_values_find_nothing_without_error(session, catalogue) -> None:
    """Facet values go to SQL now: a NUL byte (which PostgreSQL refuses) simply matches none."""
    for value in ("\x00", "gpu\x00", "é" * 300, "'; DROP TABLE product; --"):
        result = search(session, "nvidia", Filters(category=value, gpu_memory=value))
        assert result.total == 0 and result.hits == []
    assert search(session, "nvidia").total == 4
