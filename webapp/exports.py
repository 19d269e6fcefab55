"""CSV downloads beyond a single product: a category, a date range, and the help page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from flask import Blueprint, Response, abort, render_template, request
from sqlalchemy import func, select

from catalog.models import Product
from catalog.queries import category_summaries, history_rows
from webapp.csvstream import (
    HISTORY_COLUMNS,
    PRODUCT_COLUMNS,
    history_values,
    product_values,
    rows_to_csv,
)
from webapp.db import get_session, session_factory
from webapp.search import csv_response, product_page_url, wants_bom

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
    category = category[:100]
    if not get_session().scalar(
        select(Product.id).where(func.lower(Product.category) == category.lower()).limit(1)
    ):
        abort(404)
    factory = session_factory()
    page_url = product_page_url()

    def rows() -> Iterator[list[Any]]:
        with factory() as session:
            yield from product_values(category_summaries(session, category), page_url)

    return csv_response(rows_to_csv(PRODUCT_COLUMNS, rows(), bom=wants_bom()), "categorie.csv")


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
