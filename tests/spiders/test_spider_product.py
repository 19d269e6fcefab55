"""The `product` spider contract over real HTTP, and polite retries (Retry-After) with it."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.migrate import upgrade
from catalog.models import Offer
from spiders.middlewares import parse_retry_after
from spiders.pipelines.export import CONTRACT_FIELDS

ROOT = Path(__file__).resolve().parents[2]
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO"]


def product_page(name: str, price: str, extra: str = "") -> bytes:
    data = {"@context": "https://schema.org", "@type": "Product", "name": name, "sku": "SKU-1",
            "brand": {"@type": "Brand", "name": "NVIDIA"},
            "offers": {"@type": "Offer", "price": price, "priceCurrency": "EUR",
                       "availability": "https://schema.org/InStock"}}  # fmt: skip
    return (
        f"<!doctype html><html lang='fr'><head><title>{name}</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head>"
        f"<body><h1>{name}</h1><p class='price'>{price.replace('.', ',')} €</p>{extra}"
        "<button>Ajouter au panier</button></body></html>"
    ).encode()


ABOUT = (
    b"<!doctype html><html><head><title>A propos</title></head>"
    b"<body><h1>Qui sommes-nous</h1></body></html>"
)


class Server:
    """A local HTTP server answering from a script: path -> list of (status, headers, body)."""

    def __init__(self, script: dict[str, list[tuple[int, dict[str, str], bytes]]]):
        self.script = script
        self.hits: Counter[str] = Counter()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits[self.path] += 1
                answers = outer.script.get(self.path, [(404, {}, b"not found")])
                status, headers, body = answers[min(outer.hits[self.path], len(answers)) - 1]
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def run_product(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> list[dict]:
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", "product", *args, "-O", str(out), *FAST]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def shop() -> Iterator[Server]:
    script = {
        "/p/rtx": [(200, {}, product_page("NVIDIA GeForce RTX 5090 32 Go", "2299.99"))],
        "/p/h200": [(200, {}, product_page("NVIDIA H200 NVL 141 Go", "31999.00"))],
        "/a-propos": [(200, {}, ABOUT)],
    }
    with Server(script) as server:
        yield server


def test_product_contract_one_line_per_url_all_strings(tmp_path, shop):
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# pages to check\n{shop.base}/p/rtx\n\n   \n{shop.base}/a-propos\n"
        f"# {shop.base}/p/commented-out\n{shop.base}/gone\n",
        encoding="utf-8",
    )
    rows = run_product(tmp_path, "-a", f"urls={urls}", "-a", f"url={shop.base}/p/h200")
    assert all(list(row) == list(CONTRACT_FIELDS) for row in rows)
    assert all(isinstance(value, str) for row in rows for value in row.values())
    by_url = {row["url"]: row for row in rows}
    assert set(by_url) == {f"{shop.base}{p}" for p in ("/p/rtx", "/a-propos", "/gone", "/p/h200")}
    rtx = by_url[f"{shop.base}/p/rtx"]
    assert (rtx["price"], rtx["currency"], rtx["method"]) == ("2299.99", "EUR", "json-ld")
    assert rtx["title"] == "NVIDIA GeForce RTX 5090 32 Go" and rtx["brand"] == "NVIDIA"
    assert rtx["shop"] == shop.base.split("//")[1] and rtx["availability"] == "InStock"
    assert by_url[f"{shop.base}/p/h200"]["price"] == "31999.00"
    assert by_url[f"{shop.base}/a-propos"]["price"] == ""  # not a product page: no price
    assert by_url[f"{shop.base}/gone"]["price"] == ""  # 404: a line all the same
    assert shop.hits["/p/commented-out"] == 0


def test_product_spider_stores_only_when_asked(tmp_path, shop):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    upgrade(url)
    env = {**__import__("os").environ, "DATABASE_URL": url}
    run_product(tmp_path, "-a", f"url={shop.base}/p/rtx", env=env)
    engine = make_engine(url)
    with Session(engine) as session:
        assert session.scalars(select(Offer)).all() == []
    run_product(tmp_path, "-a", f"url={shop.base}/p/rtx", "-a", "store=1", env=env)
    with Session(engine) as session:
        (offer,) = session.scalars(select(Offer)).all()
        assert (offer.url, str(offer.price)) == (f"{shop.base}/p/rtx", "2299.99")
    engine.dispose()


def test_retry_after_is_honoured_then_the_page_is_read(tmp_path):
    page = product_page("Apple AirPods Pro 3", "249.00")
    script = {
        "/busy": [(429, {"Retry-After": "1"}, b"slow down"), (200, {}, page)],
        "/flaky": [(503, {}, b"down"), (200, {}, page)],
        "/away": [(503, {"Retry-After": "3600"}, b"maintenance")],
    }
    stats_file = tmp_path / "stats.jsonl"
    with Server(script) as server:
        urls = tmp_path / "urls.txt"
        urls.write_text("\n".join(f"{server.base}{path}" for path in script), encoding="utf-8")
        rows = run_product(tmp_path, "-a", f"urls={urls}", "-s", "RETRY_BACKOFF_BASE=0.25",
                           "-s", f"COMPARATEUR_STATS_FILE={stats_file}")  # fmt: skip
        hits = dict(server.hits)
    assert hits["/busy"] == 2 and hits["/flaky"] == 2
    assert hits["/away"] == 1  # an hour is too long to wait: given up for this crawl
    prices = {row["url"].rsplit("/", 1)[1]: row["price"] for row in rows}
    assert prices == {"busy": "249.00", "flaky": "249.00", "away": ""}
    (stats,) = [json.loads(line) for line in stats_file.read_text().splitlines()]
    assert stats["retry/count"] == 2
    assert stats["retry_after/wait_seconds"] == pytest.approx(1.25)  # 1 asked + 0.25 backoff
    assert stats["retry_after/too_long"] == 1
    assert stats["comparateur/dropped/http_503"] == 1


def test_parse_retry_after_forms():
    now = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None
