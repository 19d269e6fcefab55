"""The `shop` spider's discovery over real HTTP: robots.txt sitemaps, sitemap indexes and gzip,
categories with pagination, feeds, and the drop reasons of what gave nothing."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def product(name: str, price: str) -> str:
    data = {"@context": "https://schema.org", "@type": "Product", "name": name,
            "offers": {"@type": "Offer", "price": price, "priceCurrency": "EUR"}}  # fmt: skip
    return (
        f"<html lang='fr'><head><title>{name}</title><script type='application/ld+json'>"
        f"{json.dumps(data)}</script></head><body><h1>{name}</h1>"
        f"<p>{price.replace('.', ',')} €</p><button>Ajouter au panier</button></body></html>"
    )


def listing(links: list[str], pages: list[str]) -> str:
    cards = "".join(f"<article class='product'><a href='{u}'>voir</a></article>" for u in links)
    pager = "".join(f"<a href='{u}'>{i + 2}</a>" for i, u in enumerate(pages))
    return (
        "<html><head><title>Cartes graphiques</title></head><body><h1>Cartes graphiques</h1>"
        f"<nav><a href='/panier'>Panier</a> <a href='/a-propos'>A propos</a></nav>{cards}"
        f"<div class='pagination'>{pager}</div></body></html>"
    )


def feed(base: str) -> str:
    items = "".join(
        f"<item><g:id>{sku}</g:id><title>{title}</title><link>{base}/f/{sku}</link>"
        f"{f'<g:price>{price} EUR</g:price>' if price else ''}"
        "<g:availability>in stock</g:availability><g:condition>new</g:condition></item>"
        for sku, title, price in (("F1", "Apple AirPods Pro 3", "249.00"),
                                  ("F2", "Apple iPhone 17 256 Go", "969.00"),
                                  ("F3", "Sans prix", ""))
    )  # fmt: skip
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">'
        f"<channel><title>feed</title>{items}</channel></rss>"
    )


@pytest.fixture
def shop() -> Iterator[tuple[str, Counter[str], dict[str, tuple[str, bytes]]]]:
    hits: Counter[str] = Counter()
    pages: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] += 1
            kind, body = pages.get(self.path, ("text/html", b""))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    html, xml = "text/html; charset=utf-8", "application/xml"
    urlset = "".join(f"<url><loc>{base}{p}</loc></url>" for p in ("/p/1", "/p/2", "/a-propos"))
    urlset += "<url><loc>http://elsewhere.example/p/9</loc></url>"
    robots = f"User-agent: *\nDisallow: /panier\nSitemap: {base}/index.xml\n"
    index = (
        f"<sitemapindex {NS}><sitemap><loc>{base}/products.xml.gz</loc></sitemap>"
        "<sitemap><loc>http://other.example/s.xml</loc></sitemap></sitemapindex>"
    )
    gpu = listing(["/p/3", "/p/1", "/p/gone", "http://evil.example/p/x"], ["/c/gpu?page=2"])
    gzipped = gzip.compress(f"<urlset {NS}>{urlset}</urlset>".encode())
    about = "<html><body><h1>Qui sommes-nous</h1><p>Une boutique.</p></body></html>"
    pages.update({
        "/robots.txt": ("text/plain", robots.encode()),
        "/index.xml": (xml, index.encode()),
        "/products.xml.gz": ("application/gzip", gzipped),
        "/c/gpu": (html, gpu.encode()),
        "/c/gpu?page=2": (html, listing(["/p/4"], []).encode()),
        "/a-propos": (html, about.encode()),
        "/feed.xml": (xml, feed(base).encode()),
        **{f"/p/{n}": (html, product(f"Carte {n}", f"{n}99.00").encode()) for n in (1, 2, 3, 4)},
    })  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, hits, pages
    server.shutdown()
    server.server_close()


def stats_of(path: Path) -> dict[str, object]:
    (stats,) = [json.loads(line) for line in path.read_text().splitlines()]
    return stats  # type: ignore[no-any-return]


def test_shop_spider_discovers_everything_in_the_shop_and_counts_the_rest(tmp_path, shop):
    base, hits, _ = shop
    config = tmp_path / "shops.toml"
    config.write_text(
        f'[[shop]]\nslug = "test"\nurl = "{base}/"\n'
        f'discovery = {{ categories = ["{base}/c/gpu"], '
        f'feeds = [{{ url = "{base}/feed.xml", format = "google-xml" }}] }}\n'
        "politeness = { concurrency = 8, delay = 0, autothrottle = false }\n",
        encoding="utf-8",
    )
    out, stats_file = tmp_path / "items.jsonl", tmp_path / "stats.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "shop", "-a", "shop=test",
         "-a", f"config={config}", "-a", "store=0", "-O", str(out),
         "-s", f"COMPARATEUR_STATS_FILE={stats_file}", "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    prices = {item["url"].replace(base, ""): item["price"] for item in items}
    assert prices == {"/p/1": "199.00", "/p/2": "299.00", "/p/3": "399.00", "/p/4": "499.00",
                      "/f/F1": "249.00", "/f/F2": "969.00"}  # fmt: skip
    assert {item["shop_slug"] for item in items} == {"test"}
    assert hits["/products.xml.gz"] == 1 and hits["/c/gpu?page=2"] == 1
    assert hits["/panier"] == 0  # disallowed by robots.txt, never requested
    assert all(hits[f"/p/{n}"] == 1 for n in (1, 2, 3, 4))  # found twice, fetched once
    # /p/1 is in the sitemap and in the category: its second request is never even built
    assert stats_of(stats_file)["comparateur/duplicate_links"] == 1
    stats = stats_of(stats_file)
    dropped = {
        k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("comparateur/dropped/")
    }
    assert dropped["http_404"] == 1  # /p/gone
    assert dropped["not_product_page"] >= 1  # /a-propos
    assert dropped["offsite_link"] == 1  # a sitemap entry on another domain
    assert [k for k in dropped if k.startswith("feed_row_rejected:")]  # the priceless row
    assert stats["comparateur/feed_rows"] == 3


def test_a_shop_with_only_its_url_and_no_robots_txt_is_explored_from_home(tmp_path, shop):
    base, hits, pages = shop
    del pages["/robots.txt"]
    pages["/"] = ("text/html", listing(["/p/1", "/p/2"], []).encode())
    config = tmp_path / "shops.toml"
    config.write_text(
        f'[[shop]]\nslug = "bare"\nurl = "{base}/"\n'
        "politeness = { delay = 0, autothrottle = false }\n",
        encoding="utf-8",
    )
    out = tmp_path / "items.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "shop", "-a", "shop=bare",
         "-a", f"config={config}", "-a", "store=0", "-O", str(out), "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(item["url"].replace(base, "") for item in items) == ["/p/1", "/p/2"]
    assert hits["/"] == 1
