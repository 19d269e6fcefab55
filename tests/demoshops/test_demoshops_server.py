"""Each shop over real HTTP: home, robots.txt, categories with pagination, sitemaps, 404s."""

from __future__ import annotations

import gzip
import http.client
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures
from lxml import etree, html

from demoshops import truth
from demoshops.clock import DEMO_START, SimClock
from demoshops.server import start

DAY_A = DEMO_START

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HTML_SHOPS = ("electron-libre", "comptoir-numerique", "micro-bazar")
CATEGORY_PREFIX = {
    "electron-libre": "/c/",
    "comptoir-numerique": "/rayon/",
    "micro-bazar": "/categorie/",
}


def live_paths(slug, when):
    return {t.path for t in truth.listings(slug) if truth.expected(slug, t.path, when) is not None}


def test_every_shop_has_its_own_port_home_and_robots(shops, clock, fetch):
    clock.set(DAY_A)
    netlocs = {urlsplit(shops.url(slug)).netloc for slug in shops.ports}
    assert len(netlocs) == 5
    for slug in shops.ports:
        status, headers, body = fetch(shops.url(slug) + "/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert html.fromstring(body).findtext(".//title")
        status, _, body = fetch(shops.url(slug) + "/robots.txt")
        text = body.decode()
        assert status == 200
        for path in ("/panier", "/compte", "/recherche"):
            assert f"Disallow: {path}" in text
        if slug in HTML_SHOPS:
            assert f"Sitemap: {shops.url(slug)}/sitemap.xml" in text


def test_pages_link_to_disallowed_paths_and_hits_are_counted(shops, clock, fetch):
    clock.set(DAY_A)
    slug = "micro-bazar"
    path = truth.listings(slug)[0].path
    _, _, body = fetch(shops.url(slug) + path)
    links = html.fromstring(body).xpath("//a/@href")
    assert any(link.startswith("/panier") for link in links)
    assert any(link.startswith("/compte") for link in links)
    assert any(link.startswith("/recherche") for link in links)
    before = shops.hits[slug]["/panier/ajouter"]
    status, _, _ = fetch(shops.url(slug) + "/panier/ajouter?id=1")
    assert status == 200
    assert shops.hits[slug]["/panier/ajouter"] == before + 1
    assert shops.hits[slug][path] >= 1


def test_category_pagination_reaches_every_live_listing_once(shops, clock, fetch):
    clock.set(DAY_A)
    for slug in HTML_SHOPS:
        seen: list[str] = []
        for category in ("gpu-datacenter-ia", "cartes-graphiques", "smartphones",
                         "ecouteurs-sans-fil", "ordinateurs-portables"):  # fmt: skip
            url = shops.url(slug) + CATEGORY_PREFIX[slug] + category
            pages = 0
            while url:
                status, _, body = fetch(url)
                assert status == 200, url
                tree = html.fromstring(body)
                seen += tree.xpath("//a[@class='product-link']/@href")
                following = tree.xpath("//a[@rel='next']/@href")
                url = shops.url(slug) + following[0] if following else None
                pages += 1
            if category == "smartphones":
                assert pages >= 2, slug
        assert sorted(seen) == sorted(live_paths(slug, DAY_A)), slug
        status, _, _ = fetch(shops.url(slug) + CATEGORY_PREFIX[slug] + "smartphones?page=99")
        assert status == 404


def test_plain_sitemaps_list_categories_and_every_live_product(shops, clock, fetch):
    clock.set(DAY_A)
    for slug in ("comptoir-numerique", "micro-bazar"):
        status, _, body = fetch(shops.url(slug) + "/sitemap.xml")
        assert status == 200
        locs = etree.fromstring(body).xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
        paths = {urlsplit(loc).path for loc in locs if urlsplit(loc).netloc}
        assert live_paths(slug, DAY_A) <= paths
        assert any(p.startswith(CATEGORY_PREFIX[slug]) for p in paths)


def test_sitemap_index_points_to_a_gzip_sitemap(shops, clock, fetch):
    clock.set(DAY_A)
    base = shops.url("electron-libre")
    _, _, body = fetch(base + "/sitemap.xml")
    index = etree.fromstring(body)
    assert etree.QName(index).localname == "sitemapindex"
    children = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)
    gz = [loc for loc in children if loc.endswith(".gz")]
    assert gz and all(loc.startswith(base) for loc in children)
    status, headers, raw = fetch(gz[0])
    assert status == 200 and raw[:2] == b"\x1f\x8b"
    locs = etree.fromstring(gzip.decompress(raw)).xpath("//s:loc/text()", namespaces=SITEMAP_NS)
    assert {urlsplit(loc).path for loc in locs} == live_paths("electron-libre", DAY_A)


def test_late_listings_are_404_before_they_appear(shops, clock, fetch):
    # Any 72-day window has listings appearing late; take the demo's kind of window.
    window_end = datetime(2026, 11, 29, tzinfo=UTC)
    late = truth.appearances("micro-bazar", window_end - timedelta(days=72), window_end)
    assert len(late) >= 3
    path, appears = late[0]
    clock.set(appears - timedelta(hours=12))
    assert fetch(shops.url("micro-bazar") + path)[0] == 404
    assert truth.expected("micro-bazar", path, clock()) is None
    assert not truth.on_sale("micro-bazar", path, clock())
    _, _, body = fetch(shops.url("micro-bazar") + "/sitemap.xml")
    assert path.encode() not in body
    clock.set(appears + timedelta(hours=9))
    assert fetch(shops.url("micro-bazar") + path)[0] == 200
    assert truth.expected("micro-bazar", path, clock()) is not None
    _, _, body = fetch(shops.url("micro-bazar") + "/sitemap.xml")
    assert path.encode() in body


def test_unknown_paths_are_404(shops, clock, fetch):
    clock.set(DAY_A)
    for slug in shops.ports:
        assert fetch(shops.url(slug) + "/produit/nexiste-pas")[0] == 404


def test_stop_closes_kept_alive_connections():
    with start(clock=SimClock(DAY_A)) as running:
        port = running.ports["micro-bazar"]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/robots.txt")
        reply = conn.getresponse()
        assert reply.status == 200 and reply.read()
        assert reply.getheader("Connection", "keep-alive").lower() != "close"
    conn.request("GET", "/robots.txt")
    with pytest.raises((OSError, http.client.HTTPException)):
        conn.getresponse().read()
    conn.close()
