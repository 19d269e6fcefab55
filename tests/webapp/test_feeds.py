"""Atom 1.0 feeds: valid XML with the required elements, price changes and new lowest prices."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from lxml import etree
from test_alerts_support import (
    T0,
    Clock,
    add_offer,
    add_product,
    add_shop,
    db_session,
    dispose,
    history,
    make_app,
)

A = "{http://www.w3.org/2005/Atom}"
DAY = timedelta(days=1)


@pytest.fixture
def ids(db_url: str) -> dict[str, int]:
    with db_session(db_url) as session:
        alpha, beta = add_shop(session, "alpha", "Alpha"), add_shop(session, "beta", "Beta")
        product = add_product(session, 'NVIDIA H200 NVL 141 Go <script>alert("x")</script>')
        a = add_offer(session, alpha, product, "33000.00", T0 - 5 * DAY)
        history(session, a, ["32000.00", "32000.00", "32500.00", "31000.00"], T0 - 4 * DAY, DAY)
        add_offer(session, beta, product, "30500.00", T0)
        other = add_product(session, "Apple AirPods Pro 3", category="earbuds")
        add_offer(session, alpha, other, "249.00", T0)
        session.commit()
        return {"h200": product.id, "airpods": other.id}


@pytest.fixture
def site(db_url: str):  # type: ignore[no-untyped-def]
    app = make_app(db_url, Clock(T0 + timedelta(hours=1)))
    yield app
    dispose(app)


def _parse(response) -> etree._Element:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = etree.fromstring(response.data)
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{A}{name}") is not None and root.findtext(f"{A}{name}").strip()
    assert root.find(f"{A}author/{A}name") is not None
    assert root.find(f"{A}link[@rel='self']") is not None
    ids = set()
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert entry.findtext(f"{A}{name}"), name
        datetime.fromisoformat(entry.findtext(f"{A}updated").replace("Z", "+00:00"))
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith("http")
        ids.add(entry.findtext(f"{A}id"))
    assert len(ids) == len(root.findall(f"{A}entry"))  # entry ids are unique
    return root


def test_product_feed_lists_price_changes_and_new_lows(site, ids) -> None:  # type: ignore[no-untyped-def]
    root = _parse(site.test_client().get(f"/feeds/product/{ids['h200']}.atom"))
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    # Newest first: 30 500 at Beta (new low), 31 000 (new low), 32 500 (a rise),
    # 32 000 (new low), the first price 33 000. The repeated 32 000 gives no entry.
    assert len(titles) == 5, titles
    assert titles[0] == "Nouveau prix le plus bas : 30\u202f500,00\u00a0€ chez Beta"
    assert titles[1].startswith("Nouveau prix le plus bas : 31\u202f000,00")
    assert titles[2].startswith("Prix en hausse : 32\u202f500,00")
    assert titles[-1].startswith("Premier prix relevé : 33\u202f000,00")
    # The product name with markup stays text (lxml parsed it; the title is the raw text).
    name = 'NVIDIA H200 NVL 141 Go <script>alert("x")</script>'
    assert root.findtext(f"{A}title") == f"Prix de {name}"
    updated = [e.findtext(f"{A}updated") for e in root.findall(f"{A}entry")]
    assert updated == sorted(updated, reverse=True)


def test_product_feed_is_cacheable_and_404s(site, ids) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    first = client.get(f"/feeds/product/{ids['h200']}.atom")
    again = client.get(
        f"/feeds/product/{ids['h200']}.atom", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert client.get("/feeds/product/999999.atom").status_code == 404


@pytest.mark.parametrize("query", ["h200", "airpods pro", "", '"<&>NEAR(*'])
def test_search_feed_is_valid_for_any_query(site, ids, query: str) -> None:  # type: ignore[no-untyped-def]
    root = _parse(site.test_client().get("/feeds/search.atom", query_string={"q": query}))
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    if query == "h200":
        assert len(titles) == 1 and titles[0].startswith("NVIDIA H200 NVL 141 Go")
        assert "30\u202f500,00" in titles[0]
    if query == "airpods pro":
        assert titles == ["Apple AirPods Pro 3 : 249,00\u00a0€"]
