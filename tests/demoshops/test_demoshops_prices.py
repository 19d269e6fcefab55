"""Prices follow the injected clock: they move between days, never within the same clock value."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from email.utils import parsedate_to_datetime

from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures
from lxml import html

from demoshops import truth
from demoshops.clock import DEMO_START, SimClock
from demoshops.server import start

DAY_B = DEMO_START + timedelta(days=41, hours=5)


def json_ld(body: bytes) -> dict:
    scripts = html.fromstring(body).xpath("//script[@type='application/ld+json']/text()")
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_same_clock_value_gives_identical_pages_across_servers(shops, clock, fetch):
    clock.set(DAY_B)
    paths = [t.path for t in truth.listings("electron-libre")[:15]]
    first = [fetch(shops.url("electron-libre") + p)[2] for p in paths]
    with start(clock=SimClock(DAY_B)) as other:
        second = [fetch(other.url("electron-libre") + p)[2] for p in paths]
    # Only the absolute URLs (ports) differ between the two servers.
    port_a, port_b = shops.url("electron-libre"), other.url("electron-libre")
    assert [b.replace(port_a.encode(), b"") for b in first] == [
        b.replace(port_b.encode(), b"") for b in second
    ]


def test_prices_change_with_the_clock(shops, clock, fetch):
    changed = 0
    for item in truth.listings("comptoir-numerique")[:40]:
        prices = []
        for when in (DEMO_START, DAY_B):
            clock.set(when)
            status, _, body = fetch(shops.url("comptoir-numerique") + item.path)
            if status != 200:
                break
            prices.append(html.fromstring(body).xpath("//*[@itemprop='price']/@content")[0])
        changed += len(prices) == 2 and prices[0] != prices[1]
    assert changed >= 10


def test_date_header_follows_the_injected_clock(shops, clock, fetch):
    clock.set(DAY_B)
    _, headers, _ = fetch(shops.url("micro-bazar") + "/")
    assert parsedate_to_datetime(headers["Date"]) == DAY_B


def test_json_ld_offers_equal_the_truth(shops, clock, fetch):
    for when in (DEMO_START, DAY_B):
        clock.set(when)
        for item in truth.listings("electron-libre"):
            expected = truth.expected("electron-libre", item.path, when)
            if expected is None:
                continue
            data = json_ld(fetch(shops.url("electron-libre") + item.path)[2])
            products = data["hasVariant"] if data["@type"] == "ProductGroup" else [data]
            assert len(products) == len(item.colours) or not item.colours
            for product in products:
                offer = product["offers"]
                assert Decimal(offer["price"]) == expected.price
                assert offer["availability"] == "https://schema.org/" + expected.availability
                strike = offer.get("priceSpecification", {}).get("price")
                assert (Decimal(strike) if strike else None) == expected.regular_price
                if "shippingDetails" in offer:
                    rate = offer["shippingDetails"]["shippingRate"]["value"]
                    assert Decimal(rate) == expected.delivery
                assert ("gtin13" in product) == bool(item.published_gtins)
                if "gtin13" in product:
                    assert product["gtin13"] in item.published_gtins


def test_microdata_prices_equal_the_truth(shops, clock, fetch):
    clock.set(DAY_B)
    for item in truth.listings("comptoir-numerique"):
        expected = truth.expected("comptoir-numerique", item.path, DAY_B)
        if expected is None:
            continue
        tree = html.fromstring(fetch(shops.url("comptoir-numerique") + item.path)[2])
        assert Decimal(tree.xpath("//*[@itemprop='price']/@content")[0]) == expected.price
        link = tree.xpath("//*[@itemprop='availability']/@href")[0]
        assert link.endswith(expected.availability)
        assert bool(tree.xpath("//s[@class='was-price']")) == (expected.regular_price is not None)


def test_truth_prices_are_decimal_and_have_promotions_and_stockouts():
    seen = {"promo": 0, "out": 0, "delivery": 0}
    for item in truth.listings():
        expected = truth.expected(item.shop, item.path, DAY_B)
        if expected is None:
            continue
        assert isinstance(expected.price, Decimal) and expected.price > 0
        assert expected.price == expected.price.quantize(Decimal("0.01"))
        seen["promo"] += expected.regular_price is not None
        seen["out"] += expected.availability == "OutOfStock"
        seen["delivery"] += expected.delivery > 0
    assert all(count > 10 for count in seen.values()), seen
