"""Sitemap and robots.txt helpers on the real files and on hand-written indexes."""

from __future__ import annotations

import gzip
import re

from conftest import shared_data

from spiders.extract.sitemaps import iter_sitemap, robots_sitemaps, sitemap_urls

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://s.example/sitemap-products-1.xml.gz</loc><lastmod>2026-01-02</lastmod></sitemap>
  <sitemap><loc>/sitemap-products-2.xml</loc></sitemap>
</sitemapindex>"""


def test_real_sitemap_urls_match_a_plain_count() -> None:
    body = shared_data("shops", "sitemaps", "turkiyesolarmarket.com.tr__sitemap.xml").read_bytes()
    expected = re.findall(rb"<loc>\s*([^<\s]+)\s*</loc>", body)
    pages, children = sitemap_urls(body)
    assert len(pages) == len(expected) == 868
    assert pages == [e.decode() for e in expected]
    assert children == []


def test_index_gzip_and_relative_locations() -> None:
    pages, children = sitemap_urls(gzip.compress(INDEX), base_url="https://s.example/")
    assert pages == []
    assert children == [
        "https://s.example/sitemap-products-1.xml.gz",
        "https://s.example/sitemap-products-2.xml",
    ]
    first = next(iter_sitemap(INDEX))
    assert (first.kind, first.lastmod) == ("sitemap", "2026-01-02")


def test_robots_sitemap_lines_on_real_files() -> None:
    folder = shared_data("shops", "robots")
    with_lines = 0
    for path in sorted(folder.glob("*.robots.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = {m.group(1) for m in re.finditer(r"(?im)^\s*sitemap\s*:\s*(\S+)", text)}
        found = robots_sitemaps(text)
        assert set(found) == expected and len(found) == len(expected), path.name
        with_lines += bool(found)
    assert with_lines == 42


def test_robots_relative_and_duplicate_lines() -> None:
    text = "User-agent: *\nDisallow: /cart\nSitemap: /sitemap.xml\nsitemap:/sitemap.xml\n"
    assert robots_sitemaps(text, base_url="https://s.example/robots.txt") == [
        "https://s.example/sitemap.xml"
    ]
