"""Untrusted-looking titles are escaped everywhere: a scraper reads the literal text."""

from __future__ import annotations

import csv
import io
import json

from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures
from lxml import etree, html

from demoshops import truth
from demoshops.catalogue.accessories import XSS_TITLE
from demoshops.clock import DEMO_START


def xss_listings(slug):
    return [t for t in truth.listings(slug) if "<script>" in t.title]


def test_script_title_is_text_in_html_and_json_ld(shops, clock, fetch):
    clock.set(DEMO_START)
    for slug in ("electron-libre", "micro-bazar"):
        items = xss_listings(slug)
        assert items, slug
        _, _, body = fetch(shops.url(slug) + items[0].path)
        assert b"<script>alert(1)" not in body
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body
        tree = html.fromstring(body)
        assert XSS_TITLE in tree.xpath("string(//h1)")
        for script in tree.xpath("//script[@type='application/ld+json']/text()"):
            assert json.loads(script)["name"].startswith(XSS_TITLE)


def test_script_title_survives_the_feeds(shops, clock, fetch):
    clock.set(DEMO_START)
    _, _, body = fetch(shops.url("flux-informatique") + "/feeds/google.xml")
    titles = etree.fromstring(body).xpath("//item/*[local-name()='title']/text()")
    _, _, raw = fetch(shops.url("depot-hitech") + "/feeds/idealo.csv")
    titles += [row["title"] for row in csv.DictReader(io.StringIO(raw.decode()))]
    found = [item for slug in ("flux-informatique", "depot-hitech") for item in xss_listings(slug)]
    assert found
    for item in found:
        assert item.title in titles
