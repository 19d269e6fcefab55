"""Product pages, search pages and site-wide rules through the Flask test client."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal

from catalog.db import make_engine, make_session_factory
from catalog.models import Offer, Product, Shop


def offer_rows(html: str) -> list[str]:
    return re.findall(r'<tr class="offer[^"]*">(.*?)</tr>', html, re.S)


def test_offers_ranked_by_total_price_with_delivery(client, catalogue) -> None:
    product = catalogue.products["rtx5090"]
    html = client.get(f"/product/{product.id}").get_data(as_text=True)
    rows = offer_rows(html)
    shops = [re.search(r"<strong>(.*?)</strong>", r).group(1) for r in rows]
    # LDLC 2399 + 0 < Materiel.net 2349.90 + 60 (2409.90); Fnac is cheaper but out of stock.
    assert shops == ["LDLC", "Materiel.net", "Fnac"]
    assert (
        "Classement par prix total, livraison comprise ; les offres ne sont pas sponsorisées"
        in html
    )
    assert "2\u202f409,90\u00a0€" in rows[1]
    assert "vu il y a 2\u00a0h" in rows[0]
    assert 'href="https://ldlc.example/p/rtx5090-ldlc"' in rows[0]
    # How the price was read and why the offer belongs here.
    assert "données structurées JSON-LD" in rows[0] and "même code-barres (GTIN)" in rows[0]
    assert "titre et caractéristiques très proches" in rows[2] and "0,97" in rows[2]


def test_omnibus_reference_and_verdict(client, catalogue) -> None:
    product = catalogue.products["airpodspro"]
    html = client.get(f"/product/{product.id}").get_data(as_text=True)
    rows = offer_rows(html)
    # The price fell 30 days ago from 229.00 x 1.10: the 30 days before the cut were dearer.
    assert "Prix de référence : 251,90\u00a0€" in rows[1]
    assert "verdict-lowest" in html  # today's price is the lowest of 90 days


def test_unit_prices_variants_and_specs(client, catalogue) -> None:
    html = client.get(f"/product/{catalogue.products['iphone16_128'].id}").get_data(as_text=True)
    assert "7,49\u00a0€ par Go de stockage" in html  # 959 / 128
    assert f'href="/product/{catalogue.products["iphone16_256"].id}"' in html
    assert "Coloris proposés par les boutiques : Noir" in html
    h200 = client.get(f"/product/{catalogue.products['h200'].id}").get_data(as_text=True)
    assert "226,94\u00a0€ par Go de mémoire GPU" in h200  # 31999 / 141
    assert "19,15\u00a0€ par TFLOP" in h200  # 31999 / 1671
    assert "Mémoire (Go)" in h200


def test_history_chart_data_and_ranges(client, catalogue, now) -> None:
    pid = catalogue.products["rtx5090"].id
    html = client.get(f"/product/{pid}?range=30j").get_data(as_text=True)
    data = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', html, re.S)
    chart = json.loads(data.group(1))
    # Observations are daily at now - 2 h; the 30-day window starts at now - 30 days.
    expected = sorted({(now - timedelta(days=d, hours=2)).date().isoformat() for d in range(30)})
    assert chart["days"] == expected
    assert {s["name"] for s in chart["shops"]} == {"LDLC", "Materiel.net", "Fnac"}
    assert chart["market"][-1] == "2388.99"  # Fnac 2379 + 9.99, the day's lowest
    assert f'href="/product/{pid}?range=1an"' in html  # works without JavaScript
    assert "Voir les données en tableau" in html
    full = client.get(f"/product/{pid}?range=tout").get_data(as_text=True)
    every = {(now - timedelta(days=d, hours=2)).date().isoformat() for d in range(121)}
    assert json.loads(re.search(r'id="chart-data">(.*?)<', full).group(1))["days"] == sorted(every)


def test_not_found_pages(client, catalogue) -> None:
    for path in ("/product/999999", "/nulle-part", "/product/999999/prices.csv"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Page introuvable" in response.get_data(as_text=True)
    api = client.get("/api/v1/products/999999")
    assert api.status_code == 404 and api.json == {"error": "Not Found", "status": 404}


def test_security_headers_on_every_response(client, catalogue) -> None:
    for path in ("/", "/recherche?q=rtx", "/product/999999", "/api/v1/search?q=x", "/export"):
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    html = client.get("/").get_data(as_text=True)
    # No inline script: every <script> has a src or carries JSON data.
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag


def test_static_files_are_fingerprinted_and_cached(client, catalogue) -> None:
    html = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/site.css\?v=[0-9a-f]+)"', html).group(1)
    with client.get(css) as response:
        assert response.status_code == 200
        assert "max-age=31536000" in response.headers["Cache-Control"]
        etag = response.headers["ETag"]
    with client.get(css, headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304
    with client.get("/static/vendor/uplot/uPlot.iife.min.js") as chart:
        assert chart.status_code == 200 and b"uPlot" in chart.data


def test_scraped_text_is_escaped(client, db_url, catalogue) -> None:
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        shop = session.get(Shop, catalogue.shops["fnac"].id)
        product = Product(name='<script>alert("x")</script> Carte', brand="<b>Evil</b>")
        session.add(product)
        session.add(
            Offer(
                shop=shop,
                product=product,
                url="https://fnac.example/evil",
                title="<img src=x onerror=alert(1)>",
                price=Decimal("10.00"),
                availability="InStock",
            )
        )
        session.commit()
        pid = product.id
    engine.dispose()
    page = client.get(f"/product/{pid}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    results = client.get("/recherche?q=carte+script").get_data(as_text=True)
    assert "<script>alert" not in results and "&lt;script&gt;" in results
    suggestions = client.get("/suggest.json?q=script+car").json
    assert suggestions[0]["name"].startswith("<script>")  # JSON keeps text; the page escapes it


def test_tablet_configurations_by_network(client, db_url, catalogue) -> None:
    # Wi-Fi and Wi-Fi + Cellular iPads are two products of one model: variants of each other.
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        shop = session.get(Shop, catalogue.shops["fnac"].id)
        ids = []
        for network, price in (("wifi", "699.00"), ("cellular", "869.00")):
            product = Product(
                name="Apple iPad Air 11 M2 128 Go",
                brand="Apple",
                model="iPad Air 11 M2",
                category="tablet",
                attributes={"storage_gb": 128, "network": network},
            )
            session.add(product)
            session.add(
                Offer(
                    shop=shop,
                    product=product,
                    url=f"https://fnac.example/ipad-{network}",
                    title=f"Apple iPad Air 11 M2 {network} 128 Go",
                    price=Decimal(price),
                    availability="InStock",
                )
            )
            session.flush()
            ids.append(product.id)
        session.commit()
    engine.dispose()
    html = client.get(f"/product/{ids[0]}").get_data(as_text=True)
    assert "<th>Connectivité</th><td>Wi-Fi</td>" in html
    assert "128 Go · Wi-Fi</strong>" in html
    assert f'href="/product/{ids[1]}">128 Go · Cellular' in html


def test_search_page_facets_and_no_result(client, catalogue) -> None:
    html = client.get("/recherche?q=iphone").get_data(as_text=True)
    assert "Apple iPhone 16 128 Go" in html and "3 produit(s)" in html
    assert "/recherche?q=iphone&amp;storage=128" in html
    filtered = client.get("/recherche?q=iphone&storage=256").get_data(as_text=True)
    assert "Apple iPhone 16 256 Go" in filtered and "Apple iPhone 16 128 Go" not in filtered
    empty = client.get("/recherche?q=iphone+99").get_data(as_text=True)
    assert "Aucun produit ne correspond" in empty and "Vous cherchiez peut-être" in empty
    assert "Apple iPhone 16" in empty
    home = client.get("/").get_data(as_text=True)
    assert "Recherchez le meilleur prix des produits Hi-tech" in home
    assert client.get("/categorie/earbuds").status_code == 200


def test_suggest_endpoint(client, catalogue) -> None:
    names = [s["name"] for s in client.get("/suggest.json?q=airpo").json]
    assert set(names) == {"Apple AirPods Pro 2 (USB-C)", "Apple AirPods 4"}
    assert client.get("/suggest.json?q=").json == []


def test_home_lists_categories_and_most_compared(app, client, catalogue) -> None:
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'Cartes graphiques <span class="count">3</span>', html)
    assert re.search(r'Écouteurs <span class="count">3</span>', html)
    cards = re.findall(r'class="card-title" href="/product/(\d+)"', html)
    # RTX 5090 has three offers, then the two-offer products.
    assert int(cards[0]) == catalogue.products["rtx5090"].id
    assert len(cards) == 8
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "Graphics cards" in english  # cached per language, not shared
