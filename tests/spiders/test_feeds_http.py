"""A gzip feed streamed straight from a real HTTP server on 127.0.0.1 (no temporary file)."""

from __future__ import annotations

import gzip
import threading
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from spiders.feeds import Rejected, iter_feed
from spiders.items import Offer

ITEMS = 2_000


def _feed() -> bytes:
    rows = "".join(
        f"<item><g:id>{i}</g:id><g:title>Écouteurs {i}</g:title><g:link>/p/{i}</g:link>"
        f"<g:price>{i % 300 + 10}.90 EUR</g:price><g:availability>in_stock</g:availability></item>"
        for i in range(ITEMS)
    )
    xml = f'<rss xmlns:g="http://base.google.com/ns/1.0"><channel>{rows}</channel></rss>'
    return gzip.compress(xml.encode())


class _Handler(BaseHTTPRequestHandler):
    body = _feed()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/feeds/google.xml.gz"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_gzip_feed_streams_from_an_http_response(server: str) -> None:
    with urllib.request.urlopen(server, timeout=10) as stream:
        results = list(iter_feed(stream, "google-xml", source_url=server))
    offers = [r for r in results if isinstance(r, Offer)]
    assert len(offers) == ITEMS and not [r for r in results if isinstance(r, Rejected)]
    assert offers[7].url == server.rsplit("/feeds/", 1)[0] + "/p/7"
    assert offers[7].price == Decimal("17.90") and offers[7].title == "Écouteurs 7"
    assert offers[7].shop == server.split("/")[2]
