"""Product pages: offers ranked by total price, variants, specs, history chart, price CSV."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Blueprint, Response, abort, render_template, request
from sqlalchemy import select

from catalog.models import Offer, PriceObservation, Product, Shop
from catalog.queries import (
    history_rows,
    is_in_stock,
    offer_colours,
    ranked_offers,
    summary_of_offers,
    variants,
)
from webapp import pricing
from webapp.csvstream import HISTORY_COLUMNS, history_values, rows_to_csv
from webapp.db import get_session, session_factory
from webapp.i18n import day, money
from webapp.labels import spec_value
from webapp.search import csv_response, wants_bom

bp = Blueprint("products", __name__)
SPEC_HIDDEN = {"tflops_source"}


def now() -> datetime:
    return datetime.now(UTC)


def load(product_id: int) -> Product:
    # Ids beyond a 32-bit integer cannot exist (and would overflow the driver).
    product = get_session().get(Product, product_id) if 0 < product_id < 2**31 else None
    if product is None:
        abort(404)
    return product


@bp.get("/product/<int:product_id>")
def detail(product_id: int) -> str:
    session = get_session()
    product = load(product_id)
    at = now()
    range_key = request.args.get("range", "90j")
    if range_key not in pricing.RANGES:
        range_key = "90j"
    offers = ranked_offers(session, product_id)
    summary = summary_of_offers(product, offers)
    observations = _observations(product_id)
    since = pricing.since_for(range_key, at)
    points = [
        pricing.Point(o_at, shop, total)
        for o_at, shop, total, _oid, _price in observations
        if since is None or o_at >= since
    ]
    series = pricing.daily_series(points)
    last_90 = pricing.daily_series(
        pricing.Point(o_at, shop, total)
        for o_at, shop, total, _oid, _price in observations
        if o_at >= at - timedelta(days=90)
    )
    best = next(
        (
            o.total_price
            for o in offers
            if o.total_price is not None and is_in_stock(o.availability)
        ),
        None,
    )
    if best is None:
        best = summary.best_total
    span = (at.date() - last_90.days[0]).days if last_90.days else 0
    verdict = pricing.verdict(best, [v for v in last_90.market if v is not None], span)
    references = _references(observations)
    shops = sorted(series.shops)
    return render_template(
        "products/detail.html",
        product=product,
        summary=summary,
        offers=offers,
        references=references,
        variants=variants(session, product),
        colours=offer_colours(offers),
        series=series,
        shops=shops,
        table=_table(series, shops),
        chart=series.as_chart(),
        range_key=range_key,
        ranges=list(pricing.RANGES),
        verdict=verdict,
        unit_prices=pricing.unit_prices(product.attributes or {}, product.category, best),
        specs=_specs(product),
        now=at,
        is_in_stock=is_in_stock,
    )


def _table(series: pricing.DailySeries, shops: list[str]) -> list[tuple[str, str, list[str]]]:
    """The history table's rows, newest first, formatted once here (not cell by cell in Jinja)."""
    rows = []
    for i in range(len(series.days) - 1, -1, -1):
        cells = [money(series.shops[name][i]) for name in shops]
        rows.append((day(series.days[i]), money(series.market[i]), cells))
    return rows


def _observations(product_id: int) -> list[tuple[datetime, str, Any, int, Any]]:
    """(time, shop name, total price, offer id, price) of every observation of the product."""
    rows = get_session().execute(
        select(
            PriceObservation.observed_at,
            Shop.name,
            PriceObservation.price,
            PriceObservation.delivery,
            Offer.id,
        )
        .join(Offer, PriceObservation.offer_id == Offer.id)
        .join(Shop, Offer.shop_id == Shop.id)
        .where(Offer.product_id == product_id, PriceObservation.price.is_not(None))
        .order_by(PriceObservation.observed_at)
    )
    return [
        (at, shop, price + (delivery or 0), offer_id, price)
        for at, shop, price, delivery, offer_id in rows
    ]


def _references(observations: list[tuple[datetime, str, Any, int, Any]]) -> dict[int, Any]:
    """Omnibus reference price per offer id (None when the price was never cut)."""
    per_offer: dict[int, list[tuple[datetime, Any]]] = {}
    for at, _shop, _total, offer_id, price in observations:
        per_offer.setdefault(offer_id, []).append((at, price))
    return {oid: pricing.omnibus_reference(history) for oid, history in per_offer.items()}


def _specs(product: Product) -> list[tuple[str, str]]:
    out = []
    for key, value in sorted((product.attributes or {}).items()):
        if key in SPEC_HIDDEN or isinstance(value, (dict, list)):
            continue
        out.append((str(key), spec_value(str(key), value)))
    return out


@bp.get("/product/<int:product_id>/prices.csv")
def prices_csv(product_id: int) -> Response:
    load(product_id)
    factory = session_factory()

    def rows() -> Iterator[list[Any]]:
        with factory() as session:
            yield from history_values(history_rows(session, product_id=product_id))

    return csv_response(
        rows_to_csv(HISTORY_COLUMNS, rows(), bom=wants_bom()), f"prix-produit-{product_id}.csv"
    )
