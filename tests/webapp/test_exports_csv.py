"""CSV exports: columns, formula neutralisation, numbers, BOM, ranges, constant memory."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert

from catalog.db import make_engine, make_session_factory
from catalog.models import Offer, Product
from catalog.queries import HistoryRow
from webapp.csvstream import HISTORY_COLUMNS, PRODUCT_COLUMNS, cell, history_values, rows_to_csv


def read(response) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    text = response.get_data(as_text=True)
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_product_history_csv_columns_and_values(client, catalogue, now) -> None:
    pid = catalogue.products["airpodspro"].id
    response = client.get(f"/product/{pid}/prices.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read(response)
    assert list(rows[0]) == HISTORY_COLUMNS
    assert len(rows) == 2 * 121  # two offers, 121 daily observations each
    last = [r for r in rows if r["shop"] == "boulanger"][-1]
    assert last["price"] == "219.99" and last["delivery"] == "4.99"
    assert last["total_price"] == "224.98"
    assert last["observed_at"] == (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert last["availability"] == "InStock" and last["currency"] == "EUR"
    assert [r["observed_at"] for r in rows] == sorted(r["observed_at"] for r in rows)


def test_formulas_are_neutralised_numbers_are_not(client, db_url, catalogue) -> None:
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        offer = session.get(Offer, catalogue.offers["airpods4-fnac"].id)
        offer.title = '=HYPERLINK("http://evil.example","clic")'
        session.commit()
    engine.dispose()
    rows = read(client.get(f"/product/{catalogue.products['airpods4'].id}/prices.csv"))
    assert rows[0]["offer_title"] == '\'=HYPERLINK("http://evil.example","clic")'
    assert rows[0]["price"] == "163.90"  # a number stays a number
    for text in ("+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert cell(text) == "'" + text
    assert cell(Decimal("-5.00")) == "-5.00" and cell(-3) == "-3"
    assert cell("a\x00b") == "ab"
    assert cell(datetime(2026, 11, 29, 13, 0, tzinfo=UTC)) == "2026-11-29T13:00:00Z"


def test_bom_option_and_search_csv(client, catalogue) -> None:
    raw = client.get("/recherche.csv?q=iphone&bom=1").get_data()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == PRODUCT_COLUMNS
    assert [r["name"] for r in rows][0] == "Apple iPhone 16 128 Go"
    assert rows[0]["best_total_price"] == "959.00" and rows[0]["offer_count"] == "2"
    assert rows[0]["page_url"].endswith(f"/product/{catalogue.products['iphone16_128'].id}")
    assert not client.get("/recherche.csv?q=iphone").get_data().startswith(b"\xef\xbb\xbf")


def test_streamed_downloads_give_their_connection_back(app, client, catalogue) -> None:
    """A CSV is written after the request ends: its rows must not hold the request's session."""
    pool = app.extensions["comparateur.engine"].pool
    pid = catalogue.products["h200"].id
    for path in (
        f"/product/{pid}/prices.csv",
        "/recherche.csv?q=nvidia",
        "/export/category/gpu.csv",
        "/export/prices.csv?from=2026-01-01",
    ):
        with client.get(path) as response:
            assert response.status_code == 200
            assert response.get_data()
        assert pool.checkedout() == 0, path


def test_category_and_date_range_exports(client, catalogue, now) -> None:
    rows = read(client.get("/export/category/earbuds.csv"))
    assert {r["name"] for r in rows} == {
        "Apple AirPods Pro 2 (USB-C)",
        "Apple AirPods 4",
        "Samsung Galaxy Buds3 Pro écouteurs sans fil",
    }
    assert client.get("/export/category/nothing-here.csv").status_code == 404
    day = (now - timedelta(days=10, hours=2)).date().isoformat()
    ranged = read(client.get(f"/export/prices.csv?from={day}&to={day}"))
    assert len(ranged) == 15  # one observation per offer that day
    assert {r["observed_at"][:10] for r in ranged} == {day}
    gpus = read(client.get(f"/export/prices.csv?from={day}&to={day}&category=gpu"))
    assert {r["product_name"] for r in gpus} == {
        "NVIDIA GeForce RTX 5090 32 Go",
        "NVIDIA GeForce RTX 5080 16 Go",
        "AMD Radeon RX 9070 XT 16 Go",
    }
    assert client.get("/export/prices.csv?from=yesterday").status_code == 400
    help_page = client.get("/export").get_data(as_text=True)
    assert ",".join(HISTORY_COLUMNS) in help_page and "prix total" in help_page.lower()


def generated(n: int) -> Iterator[HistoryRow]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(n):
        yield HistoryRow(
            observed_at=start + timedelta(seconds=i),
            product_id=i % 977,
            product_name=f"Produit {i % 977} =formule",
            shop_slug="shop",
            shop_name="Boutique",
            offer_id=i,
            offer_title="Titre d'offre un peu long pour peser dans la mémoire",
            price=Decimal(i % 100000) / 100,
            delivery=Decimal("4.99"),
            currency="EUR",
            availability="InStock",
            url=f"https://shop.example/p/{i}",
        )


def peak_bytes(n: int) -> tuple[int, int]:
    """Peak traced memory while streaming n generated rows to CSV, and the bytes produced."""
    tracemalloc.start()
    size = 0
    for chunk in rows_to_csv(HISTORY_COLUMNS, history_values(generated(n))):
        size += len(chunk)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, size


def test_export_streams_in_constant_memory() -> None:
    small_peak, small_size = peak_bytes(5_000)
    large_peak, large_size = peak_bytes(50_000)
    assert large_size > 9 * small_size  # ten times the rows...
    assert large_peak < small_peak * 1.5  # ...about the same peak memory
    assert large_peak < large_size / 5  # and far below the output's size


def test_category_export_is_complete_beyond_the_search_cap(client, db_url, catalogue) -> None:
    """Category files are not search results: they list every product, in id order."""
    from catalog.search import engine as search_engine

    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        session.execute(
            insert(Product),
            [
                {
                    "name": f"Casque test {i}",
                    "category": "headphones",
                    "attributes": {},
                    "gtins": [],
                }
                for i in range(search_engine.CANDIDATES + 5)
            ],
        )
        session.commit()
    engine.dispose()
    rows = read(client.get("/export/category/headphones.csv"))
    assert len(rows) == search_engine.CANDIDATES + 5
    ids = [int(r["product_id"]) for r in rows]
    assert ids == sorted(ids)
    page = client.get("/categorie/headphones").get_data(as_text=True)
    assert f"Plus de {search_engine.CANDIDATES:,}".replace(",", "\u202f") in page
