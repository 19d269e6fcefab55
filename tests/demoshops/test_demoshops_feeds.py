"""The feed shops: Google Merchant XML (lxml), Google CSV and idealo CSV (csv) against the truth."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from urllib.parse import urlsplit

from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures
from lxml import etree

from demoshops import truth
from demoshops.clock import DEMO_START
from demoshops.gtin import is_valid

G = "{http://base.google.com/ns/1.0}"
WHEN = DEMO_START
AVAILABILITY = {"in stock": "InStock", "in_stock": "InStock",
                "out of stock": "OutOfStock", "out_of_stock": "OutOfStock"}  # fmt: skip


def amount(text: str) -> Decimal:
    value, currency = text.split()
    assert currency == "EUR"
    return Decimal(value)


def live(slug):
    return {t.path for t in truth.listings(slug) if truth.expected(slug, t.path, WHEN)}


def test_google_xml_feed_matches_the_truth(shops, clock, fetch):
    clock.set(WHEN)
    status, headers, body = fetch(shops.url("flux-informatique") + "/feeds/google.xml")
    assert status == 200 and "xml" in headers["Content-Type"]
    root = etree.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("channel/item")
    links = set()
    spellings = set()
    promotions = groups = 0
    for item in items:
        link = item.findtext(G + "link")
        links.add(urlsplit(link).path)
        expected = truth.expected("flux-informatique", link, WHEN)
        word = item.findtext(G + "availability")
        spellings.add(word)
        assert AVAILABILITY[word] == expected.availability
        sale = item.findtext(G + "sale_price")
        if sale:
            promotions += 1
            assert amount(sale) == expected.price
            assert amount(item.findtext(G + "price")) == expected.regular_price
        else:
            assert amount(item.findtext(G + "price")) == expected.price
            assert expected.regular_price is None
        shipping = item.find(G + "shipping")
        assert shipping.findtext(G + "country") == "FR"
        assert amount(shipping.findtext(G + "price")) == expected.delivery
        gtin = item.findtext(G + "gtin")
        listing = truth.listing("flux-informatique", link)
        assert bool(gtin) == bool(listing.published_gtins)
        if gtin:
            assert is_valid(gtin) and gtin in listing.published_gtins
        assert item.findtext(G + "id") == listing.sku
        assert item.findtext(G + "brand") and item.findtext(G + "title")
        groups += item.findtext(G + "item_group_id") is not None
    assert links == live("flux-informatique")
    assert {"in stock", "in_stock"} <= spellings
    assert promotions > 0 and groups > 0


def test_google_csv_feed_has_the_same_items(shops, clock, fetch):
    clock.set(WHEN)
    _, _, body = fetch(shops.url("flux-informatique") + "/feeds/google.csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert {"id", "title", "link", "price", "sale_price", "availability", "gtin", "mpn", "brand",
            "item_group_id", "shipping"} <= set(rows[0])  # fmt: skip
    assert {urlsplit(row["link"]).path for row in rows} == live("flux-informatique")
    for row in rows:
        expected = truth.expected("flux-informatique", row["link"], WHEN)
        assert amount(row["sale_price"] or row["price"]) == expected.price
        assert row["shipping"] == f"FR:::{expected.delivery:.2f} EUR"


def test_idealo_csv_feed_matches_the_truth(shops, clock, fetch):
    clock.set(WHEN)
    status, _, body = fetch(shops.url("depot-hitech") + "/feeds/idealo.csv")
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert {urlsplit(row["url"]).path for row in rows} == live("depot-hitech")
    promotions = stockouts = 0
    for row in rows:
        expected = truth.expected("depot-hitech", row["url"], WHEN)
        assert Decimal(row["price"]) == expected.price
        regular = Decimal(row["formerPrice"]) if row["formerPrice"] else None
        assert regular == expected.regular_price
        in_stock = row["deliveryTime"] != "Indisponible"
        assert in_stock == (expected.availability == "InStock")
        promotions += regular is not None
        stockouts += not in_stock
        assert Decimal(row["deliveryCosts_colissimo"]) == expected.delivery
        listing = truth.listing("depot-hitech", row["url"])
        assert row["eans"] == "".join(listing.published_gtins)
        assert row["hans"] == (listing.mpn or "") and row["brand"] == listing.brand
    assert promotions > 0 and stockouts > 0


def test_feed_product_pages_exist(shops, clock, fetch):
    clock.set(WHEN)
    for slug in ("flux-informatique", "depot-hitech"):
        path = sorted(live(slug))[0]
        status, _, body = fetch(shops.url(slug) + path)
        assert status == 200 and b"<h1>" in body
