"""CSV downloads beyond a single product: a category, a date range, and the help page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from flask import Blueprint, Response, abort, render_template, request

from catalog.queries import history_rows
from catalog.search import Filters, search
from webapp.csvstream import (
    HISTORY_COLUMNS,
    PRODUCT_COLUMNS,
    history_values,
    product_values,
    rows_to_csv,
)
from webapp.db import get_session, session_factory
from webapp.search import CSV_LIMIT, csv_response, product_page_url, wants_bom

bp = Blueprint("exports", __name__)


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        abort(400)


def day_start(value: date) -> datetime:
    return datetime.combine(value, time(0), tzinfo=UTC)


@bp.get("/export")
def help_page() -> str:
    return render_template(
        "exports/help.html",
        history_columns=HISTORY_COLUMNS,
        product_columns=PRODUCT_COLUMNS,
    )


@bp.get("/export/category/<path:category>.csv")
def category_csv(category: str) -> Response:
    result = search(get_session(), "", Filters(category=category[:100]), limit=CSV_LIMIT)
    if not result.total:
        abort(404)
    rows = product_values([h.summary for h in result.hits], product_page_url())
    return csv_response(rows_to_csv(PRODUCT_COLUMNS, rows, bom=wants_bom()), "categorie.csv")


@bp.get("/export/prices.csv")
def prices_csv() -> Response:
    """Every observation between `from` and `to` (inclusive days, UTC), optionally a category."""
    start = parse_day(request.args.get("from"))
    end = parse_day(request.args.get("to"))
    since = day_start(start) if start else None
    until = day_start(end) + timedelta(days=1) if end else None
    category = (request.args.get("category") or "")[:100] or None
    factory = session_factory()

    def rows() -> Iterator[list[Any]]:
        with factory() as session:
            yield from history_values(
                history_rows(session, since=since, until=until, category=category)
            )

    return csv_response(rows_to_csv(HISTORY_COLUMNS, rows(), bom=wants_bom()), "prix.csv")
