"""A shop with extraction = "browser": its price only exists after JavaScript runs."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.models import Offer
from catalog.shopconfig import parse
from spiders.run import crawl

pytestmark = pytest.mark.browser

PRODUCT = {"@context": "https://schema.org", "@type": "Product", "name": "AMD Radeon RX 9070 XT",
           "offers": {"@type": "Offer", "price": "689.90", "priceCurrency": "EUR",
                      "availability": "https://schema.org/InStock"}}  # fmt: skip
# The page as a single-page shop sends it: no price, no markup, until the script runs.
PAGE = f"""<!doctype html><html lang="fr"><head><title>RX 9070 XT</title></head><body>
<h1>AMD Radeon RX 9070 XT</h1><p id="price">chargement…</p><button>Ajouter au panier</button>
<script>
  const data = {json.dumps(PRODUCT)};
  const tag = document.createElement("script");
  tag.type = "application/ld+json";
  tag.textContent = JSON.stringify(data);
  document.head.appendChild(tag);
  document.getElementById("price").textContent = "689,90 €";
</script></body></html>""".encode()


@pytest.fixture
def js_shop() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/sitemap.xml":
                body = (
                    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/p/rx-9070-xt</loc></url></urlset>"
                ).encode()
            elif self.path == "/p/rx-9070-xt":
                body = PAGE
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header(
                "Content-Type", "text/xml" if self.path.endswith(".xml") else "text/html"
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()
    server.server_close()


def test_browser_shop_price_written_by_javascript(tmp_path, js_shop):
    if not shutil.which("chromium") and not shutil.which("/usr/bin/chromium"):
        pytest.skip("Debian's Chromium is not installed (make chromium)")
    from catalog.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'b.db'}"
    upgrade(url)

    def shop(extraction: str) -> list:
        return parse({"shop": [{
            "slug": "spa", "url": js_shop + "/", "extraction": extraction,
            "discovery": {"sitemaps": [js_shop + "/sitemap.xml"], "robots_sitemaps": False},
            "politeness": {"concurrency": 2, "delay": 0, "autothrottle": False},
        }]})  # fmt: skip

    quiet = {"LOG_LEVEL": "WARNING"}
    # Without the browser the page gives nothing: the price is written by the script.
    (plain,) = crawl(shop("auto"), url, now=datetime(2026, 10, 1, tzinfo=UTC), settings=quiet)
    assert plain.offers == 0
    (summary,) = crawl(shop("browser"), url, now=datetime(2026, 10, 2, tzinfo=UTC), settings=quiet)
    assert summary.status == "finished", summary
    engine = make_engine(url)
    with Session(engine) as session:
        (offer,) = session.scalars(select(Offer)).all()
    engine.dispose()
    assert (offer.title, str(offer.price), offer.currency) == (
        "AMD Radeon RX 9070 XT",
        "689.90",
        "EUR",
    )
