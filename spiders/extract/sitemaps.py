"""Sitemaps and robots.txt: pure functions from bytes/text to URLs (gzip or not).

Sitemap indexes list other sitemaps, url sets list pages; both are read with a streaming,
entity-free XML parser so a hostile or huge sitemap cannot blow memory or reach the network.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the sitemap protocol allows 50 MB; be generous
_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.I | re.M)


@dataclass(frozen=True)
class SitemapEntry:
    """One <loc> of a sitemap: a page (kind "url") or another sitemap (kind "sitemap")."""

    loc: str
    kind: str
    lastmod: str | None = None


def decompress(body: bytes) -> bytes:
    """Gunzip when the body starts with the gzip magic bytes (bounded), else return it."""
    if body[:2] != b"\x1f\x8b":
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
        data = handle.read(MAX_UNCOMPRESSED + 1)
    if len(data) > MAX_UNCOMPRESSED:
        raise ValueError("sitemap larger than the allowed uncompressed size")
    return data


def iter_sitemap(body: bytes, base_url: str | None = None) -> Iterator[SitemapEntry]:
    """Entries of a sitemap index or url set, in order (gzip accepted)."""
    data = decompress(body)
    parser = etree.iterparse(
        io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True, recover=True,
        huge_tree=True,
    )  # fmt: skip
    for _, el in parser:
        if not isinstance(el.tag, str):
            continue
        name = el.tag.rsplit("}", 1)[-1]
        if name in ("url", "sitemap"):
            loc = lastmod = None
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                child_name = child.tag.rsplit("}", 1)[-1]
                if child_name == "loc" and child.text:
                    loc = child.text.strip()
                elif child_name == "lastmod" and child.text:
                    lastmod = child.text.strip()
            if loc:
                yield SitemapEntry(urljoin(base_url, loc) if base_url else loc, name, lastmod)
            el.clear()


def sitemap_urls(body: bytes, base_url: str | None = None) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) of one sitemap document."""
    pages: list[str] = []
    children: list[str] = []
    for entry in iter_sitemap(body, base_url):
        (children if entry.kind == "sitemap" else pages).append(entry.loc)
    return pages, children


def robots_sitemaps(robots_txt: str, base_url: str | None = None) -> list[str]:
    """The `Sitemap:` URLs of a robots.txt text (any case, any position), deduplicated."""
    found: list[str] = []
    for match in _SITEMAP_LINE.finditer(robots_txt):
        url = match.group(1).strip()
        url = urljoin(base_url, url) if base_url else url
        if url not in found:
            found.append(url)
    return found
