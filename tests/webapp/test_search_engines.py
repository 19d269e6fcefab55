"""Search on both engines: the same queries find the same products, best first."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from catalog.db import make_engine, make_session_factory
from catalog.models import Offer, Product, SearchDirty
from catalog.search import Filters, reindex, search, suggest

# query -> the product keys expected, in order: exact model, relevance, offers, short names.
CASES = [
    ("rtx 5090", ["rtx5090"]),
    ("RTX5090", ["rtx5090"]),
    ("rtx-5090", ["rtx5090"]),
    ("h200", ["h200"]),
    ("H20", ["h20"]),
    ("airpods pro", ["airpodspro"]),
    ("airpod pro", ["airpodspro"]),
    ("AirPods Pro 2", ["airpodspro"]),
    ("iphone 16 128", ["iphone16_128", "iphone16pro_128"]),
    ("iphone16", ["iphone16_128", "iphone16_256", "iphone16pro_128"]),
    ("iphnoe 16 128", ["iphone16_128", "iphone16pro_128"]),
    # Three or four parts glued: no indexed term, read as "iphone16 pro" / "iphone16 pro128".
    ("iphone16pro", ["iphone16pro_128"]),
    ("iphone16pro128", ["iphone16pro_128"]),
    ("écouteurs", ["airpodspro", "airpods4", "galaxybuds"]),
    ("ECOUTEURS", ["airpodspro", "airpods4", "galaxybuds"]),
    ("ecouteurs samsung", ["galaxybuds"]),
    ("0195949052484", ["airpodspro"]),
    ("radeon 9070", ["rx9070"]),
    ("carte graphique 16 go", ["rx9070", "rtx5080"]),
]


@pytest.fixture
def session(db_url, catalogue):  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


def keys_of(catalogue, hits):  # type: ignore[no-untyped-def]
    by_id = {p.id: key for key, p in catalogue.products.items()}
    return [by_id[h.product.id] for h in hits]


def test_queries_find_the_expected_products(session, catalogue) -> None:
    """One database per engine for all the cases; every mismatch is reported at once."""
    found = {query: keys_of(catalogue, search(session, query).hits) for query, _ in CASES}
    assert found == dict(CASES)


def test_exact_model_comes_first_then_offer_count(session, catalogue) -> None:
    hits = search(session, "iphone 16 128").hits
    assert hits[0].exact and not hits[1].exact
    # "nvidia": no exact model; the product with three offers comes before single-offer ones.
    nvidia = keys_of(catalogue, search(session, "nvidia").hits)
    assert nvidia[0] == "rtx5090"
    assert set(nvidia) == {"rtx5090", "rtx5080", "h200", "h20"}


def test_typo_correction_is_reported(session) -> None:
    result = search(session, "iphnoe")
    assert result.corrections == {"iphnoe": "iphone"}
    assert result.total == 3


def test_numbers_are_never_corrected(session) -> None:
    assert search(session, "h2000").total == 0


def test_facets_count_and_filter(session, catalogue) -> None:
    result = search(session, "")
    categories = {f.value: f.count for f in result.facets["category"]}
    assert categories == {"gpu": 3, "datacenter-gpu": 2, "earbuds": 3, "smartphone": 3}
    storage = {f.value: f.count for f in result.facets["storage"]}
    assert storage == {"128": 2, "256": 1}
    memory = {f.value: f.count for f in result.facets["gpu_memory"]}
    assert memory == {"16": 2, "32": 1, "96": 1, "141": 1}
    apple = search(session, "", Filters(brand="Apple", storage="128"))
    assert keys_of(catalogue, apple.hits) == ["iphone16_128", "iphone16pro_128"]
    # Counts of one facet ignore its own choice but honour the others.
    brands = {f.value: f.count for f in apple.facets["brand"]}
    assert brands == {"Apple": 2}
    priced = search(session, "nvidia", Filters(price="5000-20000"))
    assert keys_of(catalogue, priced.hits) == ["h20"]
    in_stock = search(session, "", Filters(availability="in_stock"))
    assert "h20" not in keys_of(catalogue, in_stock.hits)  # BackOrder only


def test_best_total_price_includes_delivery(session, catalogue) -> None:
    (hit,) = search(session, "airpods pro").hits
    # 219.99 + 4.99 at Boulanger beats 229.00 delivered free at Fnac.
    assert hit.summary.best_total == Decimal("224.98")
    assert hit.summary.offer_count == 2 and hit.summary.shop_count == 2


def test_no_result_proposes_near_matches(session, catalogue) -> None:
    result = search(session, "iphone 99")
    assert result.total == 0
    assert "iphone16_128" in keys_of(catalogue, result.near)


def test_filters_leaving_nothing_propose_the_words_own_matches(session, catalogue) -> None:
    """ "rtx 5090" among phones: nothing, so the RTX 5090 itself is proposed (remove a filter)."""
    result = search(session, "rtx 5090", Filters(category="smartphone"))
    assert result.total == 0 and not result.hits
    # The words' own matches (no RTX 5080: it lacks "5090"), as the search without the filter.
    assert keys_of(catalogue, result.near) == ["rtx5090"]
    assert keys_of(catalogue, search(session, "rtx 5090").hits) == ["rtx5090"]


def test_suggestions_use_the_last_word_as_prefix(session, catalogue) -> None:
    assert set(keys_of(catalogue, suggest(session, "airp"))) == {"airpods4", "airpodspro"}
    assert keys_of(catalogue, suggest(session, "rtx 50"))[:2] in (
        ["rtx5090", "rtx5080"],
        ["rtx5080", "rtx5090"],
    )


def test_index_follows_product_and_offer_changes(session, catalogue) -> None:
    """Triggers mark changed products; the next search rebuilds their documents."""
    search(session, "")  # brings the index up to date
    assert session.scalar(select(SearchDirty.product_id)) is None
    product = session.get(Product, catalogue.products["rx9070"].id)
    product.name = "AMD Radeon RX 9070 XT Hellhound 16 Go"
    session.commit()
    assert session.scalar(select(SearchDirty.product_id)) == product.id
    assert keys_of(catalogue, search(session, "hellhound").hits) == ["rx9070"]
    # An offer's new MPN makes the product findable by it.
    offer = session.get(Offer, catalogue.offers["rx9070-ldlc"].id)
    offer.mpn = "RX-97XTHH-16"
    session.commit()
    assert keys_of(catalogue, search(session, "RX-97XTHH-16").hits) == ["rx9070"]
    # A new product appears without any explicit call.
    session.add(Product(name="Google Pixel 9 Pro 256 Go", brand="Google", model="Pixel 9 Pro"))
    session.commit()
    assert [h.product.name for h in search(session, "pixel 9").hits] == [
        "Google Pixel 9 Pro 256 Go"
    ]
    # A deleted product disappears.
    session.delete(session.get(Product, catalogue.products["h20"].id))
    session.commit()
    assert search(session, "h20").total == 0


def test_explicit_reindex_without_refresh(session, catalogue) -> None:
    search(session, "")
    product = session.get(Product, catalogue.products["airpods4"].id)
    product.name = "Apple AirPods 4 réduction de bruit active"
    session.flush()
    assert reindex(session, [product.id]) == 1
    session.commit()
    hits = search(session, "reduction bruit", keep_current=False).hits
    assert keys_of(catalogue, hits) == ["airpods4"]


def test_devices_rank_before_their_accessories(session, catalogue) -> None:
    """Ear tips for AirPods Pro name the earbuds too; a reader asking for them wants the earbuds,
    even when the accessory has a shorter name and more offers."""
    tips = Product(name="Embouts AirPods Pro", brand="Apple", category="accessory")
    session.add(tips)
    session.flush()
    device = catalogue.products["airpodspro"]
    shop = session.get(Offer, catalogue.offers["rx9070-ldlc"].id).shop
    for n in range(3):
        session.add(Offer(shop=shop, url=f"https://x.test/tips-{n}", title="Embouts AirPods Pro",
                          product=tips, price=Decimal("19.99"), currency="EUR"))  # fmt: skip
    session.commit()
    ids = [h.product.id for h in search(session, "airpods pro").hits]
    assert ids.index(device.id) < ids.index(tips.id)
    # Asked for by what it is, the accessory is found.
    assert [h.product.id for h in search(session, "embouts").hits] == [tips.id]
