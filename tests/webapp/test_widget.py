"""The article widget: content, framing policy, caching, size, no third party; the H200 article."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html
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

from webapp.widget.sparkline import sparkline

DAY = timedelta(days=1)
BUDGET = 20 * 1024


@pytest.fixture
def catalogue(db_url: str) -> dict[str, int]:
    with db_session(db_url) as session:
        alpha, beta = add_shop(session, "alpha", "Alpha"), add_shop(session, "beta", "Béta")
        gone = add_shop(session, "gone", "Gone")
        h200 = add_product(session, "NVIDIA H200 NVL 141 Go")
        gh200 = add_product(session, "NVIDIA GH200 Grace Hopper Superchip")
        a = add_offer(session, alpha, h200, "33000.00", T0 - 80 * DAY, delivery="0")
        history(session, a, ["32500.00", "31900.00", "32200.00"], T0 - 42 * DAY, 20 * DAY)
        b = add_offer(session, beta, h200, "31500.00", T0 - 10 * DAY, delivery="49.00")
        history(session, b, ["31400.00"], T0, DAY)
        add_offer(session, gone, h200, "29000.00", T0 - 120 * DAY)  # stale: not counted
        add_offer(session, alpha, gh200, "45000.00", T0)
        session.commit()
        return {"h200": h200.id, "gh200": gh200.id}


@pytest.fixture
def site(db_url: str):  # type: ignore[no-untyped-def]
    app = make_app(db_url, Clock())
    yield app
    dispose(app)


def test_widget_shows_best_total_price_shops_and_sparkline(site, catalogue) -> None:  # type: ignore[no-untyped-def]
    response = site.test_client().get(f"/widget/product/{catalogue['h200']}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "NVIDIA H200 NVL 141 Go" in page
    # Best total = 31 400 + 49 delivery at Béta, cheaper than Alpha's 32 200.
    assert "31\u202f449,00\u00a0€" in page and "chez Béta" in page
    assert "2 boutiques" in page
    points = re.search(r'<polyline points="([^"]+)"', page)
    assert points and len(points.group(1).split()) >= 3
    assert f'href="/product/{catalogue["h200"]}"' in page


def test_widget_headers_allow_framing_and_caching(site, catalogue) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    response = client.get(f"/widget/product/{catalogue['h200']}")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    assert "script-src" not in csp and "default-src 'none'" in csp
    assert "X-Frame-Options" not in response.headers
    assert response.cache_control.public and response.cache_control.max_age == 300
    etag = response.headers["ETag"]
    again = client.get(f"/widget/product/{catalogue['h200']}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    # The site's other pages still refuse to be framed elsewhere.
    article = client.get("/article/h200")
    assert "frame-ancestors 'self'" in article.headers["Content-Security-Policy"]
    assert client.get("/widget/product/999999").status_code == 404


def test_widget_total_size_under_budget(site, catalogue) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    page = client.get(f"/widget/product/{catalogue['h200']}")
    css_href = lxml_html.fromstring(page.data).xpath("//link[@rel='stylesheet']/@href")[0]
    with client.get(css_href) as css, client.get("/widget.js") as script:
        assert css.status_code == 200 and script.status_code == 200
        total = len(page.data) + len(css.data) + len(script.data)
        assert script.cache_control.max_age and script.headers["ETag"]
    assert total < BUDGET, total


def test_widget_makes_no_third_party_request(site, catalogue) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    page = client.get(f"/widget/product/{catalogue['h200']}")
    tree = lxml_html.fromstring(page.data)
    urls = tree.xpath("//@src | //@href | //@srcset | //@action | //@data")
    assert urls
    for url in urls:
        assert not urlsplit(url).netloc and not url.startswith("//"), url
    css_href = tree.xpath("//link[@rel='stylesheet']/@href")[0]
    with client.get(css_href) as css:
        assert "url(" not in css.get_data(as_text=True)
    script = client.get("/widget.js").get_data(as_text=True)
    assert not re.search(r"https?://", script)
    assert "@import" not in page.get_data(as_text=True)


def test_widget_for_a_product_without_offers(site, db_url) -> None:  # type: ignore[no-untyped-def]
    with db_session(db_url) as session:
        product = add_product(session, "Apple AirPods 4 <ANC>", category="earbuds")
        session.commit()
    page = site.test_client().get(f"/widget/product/{product.id}").get_data(as_text=True)
    assert "Indisponible" in page and "0 boutique" in page
    assert "AirPods 4 &lt;ANC&gt;" in page
    assert "<polyline" not in page


def test_article_embeds_the_h200_widget_where_it_is_first_named(site, catalogue) -> None:  # type: ignore[no-untyped-def]
    page = site.test_client().get("/article/h200")
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.data)
    [frame] = tree.xpath("//iframe")
    assert frame.get("src") == f"/widget/product/{catalogue['h200']}"  # not the GH200
    paragraphs = tree.xpath("//article//p")
    first = next(i for i, p in enumerate(paragraphs) if "H200" in p.text_content())
    # The box comes right after the paragraph that first names the chip.
    following = paragraphs[first].getnext()
    assert following is not None and following.xpath(".//iframe")


def test_article_degrades_without_the_product(site) -> None:  # type: ignore[no-untyped-def]
    page = site.test_client().get("/article/h200")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "<iframe" not in text and "ne suit pas encore" in text
    assert site.test_client().get("/article/other").status_code == 404


def test_sparkline_geometry() -> None:
    start = date(2026, 1, 1)
    series = [
        (start, Decimal("100")),
        (start + timedelta(days=45), None),  # out of stock: skipped
        (start + timedelta(days=45), Decimal("80")),
        (start + timedelta(days=90), Decimal("90")),
    ]
    line = sparkline(series, start, start + timedelta(days=90), width=100, height=20, pad=0)
    coords = [tuple(map(float, p.split(","))) for p in line.points.split()]
    assert coords == [(0.0, 0.0), (50.0, 20.0), (100.0, 10.0)]
    assert (line.low, line.high) == (Decimal("80"), Decimal("100"))
    flat = sparkline([(start, Decimal("5"))], start, start + timedelta(days=90))
    assert len(flat.points.split()) == 2
    assert sparkline([], start, start).points == ""
