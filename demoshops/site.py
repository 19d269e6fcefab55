"""One shop's routes: path + query + simulated day -> a response, cached per (path, day)."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs

from demoshops.clock import EPOCH, day_of
from demoshops.listings import by_path, listings
from demoshops.pricing import DEFAULT_SEED
from demoshops.render import common, feeds, jsonld, microdata, plain
from demoshops.render.common import CSS, DISALLOWED, SLUG_TO_CATEGORY
from demoshops.shops import BY_SLUG
from demoshops.snapshot import Snapshot, snapshot

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
PRODUCT_PAGES = {
    "jsonld": jsonld.product_page,
    "microdata": microdata.product_page,
    "plain": plain.product_page,
    "google-feed": feeds.product_page,
    "idealo-feed": feeds.product_page,
}
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">'
    '<rect width="120" height="120" fill="#ddd"/></svg>'
)


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


NOT_FOUND = Response(
    404, HTML, b"<!DOCTYPE html><html><body><h1>Page introuvable</h1></body></html>"
)
STATIC = {
    "/static/style.css": Response(200, "text/css; charset=utf-8", CSS.encode()),
}


class Site:
    """A shop's pages. Thread-safe; renders each (path, day) once and keeps recent ones."""

    def __init__(self, slug: str, clock: Callable[[], datetime], seed: int = DEFAULT_SEED) -> None:
        self.spec = BY_SLUG[slug]
        self.clock = clock
        self.seed = seed
        self.base = ""
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, int], Response] = OrderedDict()
        self._cache_size = 4000

    def get(self, target: str) -> Response:
        path, _, query = target.partition("?")
        with self._lock:
            self.hits[path] += 1
        if path in STATIC:
            return STATIC[path]
        day = day_of(self.clock())
        key = (target, day)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        response = self.render(path, parse_qs(query), day)
        with self._lock:
            self._cache[key] = response
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return response

    def snapshot(self, day: int) -> Snapshot:
        return snapshot(self.spec.slug, day, self.seed)

    def render(self, path: str, query: dict[str, list[str]], day: int) -> Response:
        snap = self.snapshot(day)
        markup = self.spec.markup
        html_shop = markup in ("jsonld", "microdata", "plain")
        if path == "/robots.txt":
            return Response(
                200, "text/plain; charset=utf-8", common.robots(self.base, html_shop).encode()
            )
        if path.startswith("/img/"):
            return Response(200, "image/svg+xml", SVG.encode())
        if path == "/":
            return _html(common.home(snap))
        if any(path == p or path.startswith(p + "/") for p in DISALLOWED):
            # Served (and counted) so a crawler that ignores robots.txt is caught.
            return _html(
                common.simple_page(snap, "Espace client", "Connectez-vous pour continuer.")
            )
        if html_shop:
            found = self._html_shop_route(snap, path, query)
            if found is not None:
                return found
        else:
            found = self._feed_route(snap, path)
            if found is not None:
                return found
        item = by_path(self.spec.slug).get(path)
        if item is None or not item.live(day, self.seed):
            return NOT_FOUND
        return _html(PRODUCT_PAGES[markup](snap, item, self.base))

    def _html_shop_route(
        self, snap: Snapshot, path: str, query: dict[str, list[str]]
    ) -> Response | None:
        prefix = common.CATEGORY_PREFIX[self.spec.slug]
        if path.startswith(prefix):
            category = SLUG_TO_CATEGORY.get(path[len(prefix) :])
            if category is None:
                return NOT_FOUND
            try:
                page = int(query.get("page", ["1"])[0])
            except ValueError:
                return NOT_FOUND
            html = common.category_page(snap, category, page)
            return NOT_FOUND if html is None else _html(html)
        lastmod = (EPOCH.fromordinal(EPOCH.toordinal() + snap.day)).isoformat()
        products = [item.path for item in snap.live]
        categories = [common.category_url(snap, cat) for cat in SLUG_TO_CATEGORY.values()]
        if self.spec.slug == "electron-libre":
            # A sitemap index pointing at a gzip sitemap of products.
            if path == "/sitemap.xml":
                parts = ["/sitemaps/produits.xml.gz", "/sitemaps/categories.xml"]
                return Response(200, XML, common.sitemap_index(self.base, parts, lastmod).encode())
            if path == "/sitemaps/produits.xml.gz":
                body = common.gzipped(common.urlset(self.base, products, lastmod))
                return Response(200, "application/gzip", body)
            if path == "/sitemaps/categories.xml":
                return Response(200, XML, common.urlset(self.base, categories, lastmod).encode())
        elif path == "/sitemap.xml":
            return Response(
                200, XML, common.urlset(self.base, categories + products, lastmod).encode()
            )
        return None

    def _feed_route(self, snap: Snapshot, path: str) -> Response | None:
        if self.spec.markup == "google-feed":
            if path == "/feeds/google.xml":
                return Response(200, XML, feeds.google_xml(snap, self.base).encode())
            if path == "/feeds/google.csv":
                return Response(
                    200, "text/csv; charset=utf-8", feeds.google_csv(snap, self.base).encode()
                )
        if self.spec.markup == "idealo-feed" and path == "/feeds/idealo.csv":
            return Response(
                200, "text/csv; charset=utf-8", feeds.idealo_csv(snap, self.base).encode()
            )
        return None

    def product_paths(self, day: int) -> list[str]:
        return [item.path for item in listings(self.spec.slug) if item.live(day, self.seed)]


def _html(text: str) -> Response:
    return Response(200, HTML, text.encode())
