"""CSV exports as generators of text chunks: constant memory, safe in spreadsheets.

Used by the site's download routes and by `comparateur export`; no Flask here.
Rules: UTF-8 (optional BOM for Excel), comma separator, dates ISO 8601 UTC, prices with a dot,
and any text cell a spreadsheet would run as a formula is prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from catalog.queries import HistoryRow, ProductSummary

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HISTORY_COLUMNS = [
    "observed_at",
    "product_id",
    "product_name",
    "shop",
    "shop_name",
    "offer_id",
    "offer_title",
    "price",
    "delivery",
    "total_price",
    "currency",
    "availability",
    "url",
]
PRODUCT_COLUMNS = [
    "product_id",
    "name",
    "brand",
    "model",
    "category",
    "best_total_price",
    "currency",
    "offer_count",
    "shop_count",
    "in_stock",
    "page_url",
]


def cell(value: Any) -> Any:
    """A value as the CSV cell: numbers stay numbers, text is defused, dates are ISO UTC."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = str(value).replace("\x00", "")
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def rows_to_csv(
    header: Sequence[str], rows: Iterable[Sequence[Any]], bom: bool = False, chunk: int = 500
) -> Iterator[str]:
    """Yield the CSV text in chunks of `chunk` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write(BOM)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([cell(v) for v in row])
        count += 1
        if count % chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def history_values(rows: Iterable[HistoryRow]) -> Iterator[list[Any]]:
    for r in rows:
        yield [
            r.observed_at,
            r.product_id,
            r.product_name,
            r.shop_slug,
            r.shop_name,
            r.offer_id,
            r.offer_title,
            r.price,
            r.delivery,
            r.total_price,
            r.currency,
            r.availability,
            r.url,
        ]


def product_values(summaries: Iterable[ProductSummary], page_url: Any) -> Iterator[list[Any]]:
    """`page_url(product_id)` gives the product page's absolute URL."""
    for s in summaries:
        p = s.product
        yield [
            p.id,
            p.name,
            p.brand,
            p.model,
            p.category,
            s.best_total,
            "EUR",
            s.offer_count,
            s.shop_count,
            s.in_stock,
            page_url(p.id),
        ]
