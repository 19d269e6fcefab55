"""Which links of a listing page to follow: its pagination, and the product pages it lists.

Deciding what to fetch next is the spider's job (extraction decides what a page says). Links
out of the shop, to carts, accounts and searches, and to files are never followed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

from lxml import etree
from scrapy.http import TextResponse

from spiders.extract.parse import lean_tree

PAGE_PARAMS = {"page", "p", "pg", "pagina", "start", "offset", "pageno"}
PAGE_PATH = re.compile(r"/page/\d+/?$", re.I)  # not /p/N: that is how many shops name products
SKIP_PATH = re.compile(
    r"/(cart|panier|basket|checkout|login|logout|account|compte|connexion|register|"
    r"wishlist|search|recherche|contact|cgv|legal|mentions-legales|aide|help)(/|$|\?)",
    re.I,
)
SKIP_EXT = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|zip|css|js|ico|xml|gz|csv|txt)$", re.I)
# Compiled once, run on the extraction's lean tree (spiders.extract.parse): a listing reached
# as a candidate product page is then parsed once, and no Selector is made per link.
NEXT_HREFS = etree.XPath(
    "//link[contains(@rel, 'next')]/@href | //a[contains(@rel, 'next')]/@href"
    " | //*[contains(@class, 'pagin') or contains(@aria-label, 'agination')]//a/@href"
)
ALL_HREFS = etree.XPath("//a[@href]/@href")
CARD_HREFS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' product')"
    " or contains(@class, 'product-') or contains(@class, 'card') or self::article"
    " or @itemtype[contains(., 'Product')]]//a[@href]/@href"
)
JSON_LD = etree.XPath("//script[@type='application/ld+json']/text()")


def _clean(response: TextResponse, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("mailto:", "javascript:", "tel:", "#")):
        return None
    url = urldefrag(response.urljoin(href))[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or SKIP_EXT.search(parts.path):
        return None
    if SKIP_PATH.search(parts.path):
        return None
    return url


def is_pagination(listing_url: str, url: str) -> bool:
    """Same path as the listing with a page parameter, or a /page/N path."""
    here, there = urlsplit(listing_url), urlsplit(url)
    if PAGE_PATH.search(there.path):
        return True
    if here.path.rstrip("/") != there.path.rstrip("/"):
        return False
    params = {key.lower() for key, _ in parse_qsl(there.query)}
    return bool(params & PAGE_PARAMS)


def item_list_urls(root: Any) -> list[str]:
    """Product URLs of a schema.org ItemList in JSON-LD, when the listing has one."""
    urls: list[str] = []
    for script in JSON_LD(root):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data]:
            if not isinstance(node, dict):
                continue
            for element in node.get("itemListElement") or []:
                if not isinstance(element, dict):
                    continue
                item = element.get("item")
                url = element.get("url") or (item.get("url") if isinstance(item, dict) else item)
                if isinstance(url, str):
                    urls.append(url)
    return urls


def listing_links(
    response: TextResponse, in_shop: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    """(pagination URLs, product candidate URLs) of a listing page, in page order."""
    here = urldefrag(response.url)[0]
    root = lean_tree(response)
    cleaned: dict[str, str | None] = {}  # card links are read twice, menus repeat links

    def clean(href: str) -> str | None:
        if href not in cleaned:
            cleaned[href] = _clean(response, href)
        return cleaned[href]

    pages: dict[str, None] = {}
    for href in NEXT_HREFS(root):
        url = clean(str(href))
        if url and url != here and in_shop(url):
            pages[url] = None
    hrefs = [str(href) for href in ALL_HREFS(root)]
    for href in hrefs:
        url = clean(href)
        if not url or url == here or not in_shop(url):
            continue
        if is_pagination(here, url):
            pages[url] = None
    candidates = [*item_list_urls(root), *map(str, CARD_HREFS(root))]
    if not candidates:  # no product cards: every other link of the shop is a candidate
        candidates = hrefs
    products: dict[str, None] = {}
    for href in candidates:
        url = clean(href)
        if url and url != here and url not in pages and in_shop(url):
            products[url] = None
    return list(pages), list(products)
