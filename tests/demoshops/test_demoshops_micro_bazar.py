"""The per-shop module for Micro Bazar (no structured data) against the ground truth."""

from __future__ import annotations

from datetime import timedelta

from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures
from scrapy.http import HtmlResponse

from demoshops import truth
from demoshops.clock import DEMO_START
from spiders.pages.micro_bazar import extract, parse_amount

SLUG = "micro-bazar"


def response(url: str, body: bytes) -> HtmlResponse:
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def test_every_product_page_at_two_times_gives_exactly_the_truth(shops, clock, fetch):
    checked = 0
    for when in (DEMO_START + timedelta(hours=3), DEMO_START + timedelta(days=52)):
        clock.set(when)
        for item in truth.listings(SLUG):
            expected = truth.expected(SLUG, item.path, when)
            url = shops.url(SLUG) + item.path
            status, _, body = fetch(url)
            if expected is None:
                assert status == 404
                continue
            offers = extract(response(url, body))
            assert len(offers) == 1, url
            offer = offers[0]
            got = (offer.price, offer.regular_price, offer.availability, offer.delivery)
            assert got == tuple(expected), (url, got, expected)
            assert offer.method == "shop-module" and offer.currency == "EUR"
            assert offer.title == item.title
            assert offer.url == url
            assert offer.gtin == (item.published_gtins[0] if item.published_gtins else None)
            assert offer.mpn == item.mpn
            checked += 1
    assert checked > 300


def test_category_and_home_pages_give_nothing(shops, clock, fetch):
    clock.set(DEMO_START)
    base = shops.url(SLUG)
    for path in ("/", "/categorie/smartphones", "/categorie/cartes-graphiques?page=2"):
        status, _, body = fetch(base + path)
        assert status == 200
        assert extract(response(base + path, body)) == []


def test_amount_formats():
    assert str(parse_amount("1\u00a0299,99\u00a0€")) == "1299.99"
    assert str(parse_amount("1.299,-")) == "1299.00"
    assert str(parse_amount("1 299 ,99 €")) == "1299.99"
    assert str(parse_amount("1 299€99")) == "1299.99"
    assert str(parse_amount("24,90 €")) == "24.90"
    assert parse_amount("Rupture de stock") is None
