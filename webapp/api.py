"""JSON API v1: search, product, offers, history. Paginated, with ETags (304 when unchanged).

Prices are decimal strings ("1299.99"), never floats; dates ISO 8601 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request, url_for
from sqlalchemy import select

from catalog.models import Offer, PriceObservation, Product, Shop
from catalog.queries import is_in_stock, product_summaries, ranked_offers
from catalog.search import search
from webapp.db import get_session
from webapp.openapi import document
from webapp.search import filters_from, search_cache

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_LIMIT = 100


def money(value: Any) -> str | None:
    return None if value is None else str(value)


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        abort(400)
    if not low <= value <= high:
        abort(400)
    return value


def send(payload: Any) -> Response:
    response = jsonify(payload)
    response.add_etag()
    response.cache_control.public = True
    response.cache_control.max_age = 60
    return response.make_conditional(request)


def product_json(product: Product, summary: Any) -> dict[str, Any]:
    return {
        "id": product.id,
        "name": product.name,
        "brand": product.brand,
        "model": product.model,
        "category": product.category,
        "attributes": product.attributes or {},
        "gtins": product.gtins or [],
        "best_total_price": money(summary.best_total),
        "currency": "EUR",
        "offer_count": summary.offer_count,
        "shop_count": summary.shop_count,
        "in_stock": summary.in_stock,
        "url": url_for("products.detail", product_id=product.id, _external=True),
    }


@bp.get("/search")
def search_products() -> Response:
    q = (request.args.get("q") or "")[:500]
    limit = int_arg("limit", 20, 1, MAX_LIMIT)
    offset = int_arg("cursor", 0, 0, 10**12)
    result = search(
        get_session(),
        q,
        filters_from(request.args),
        limit=limit,
        offset=offset,
        cache=search_cache(),
    )
    following = offset + limit if offset + limit < result.total else None
    return send(
        {
            "query": q,
            "total": result.total,
            "total_is_lower_bound": result.capped,
            "next_cursor": None if following is None else str(following),
            "items": [product_json(h.product, h.summary) for h in result.hits],
            "facets": {
                name: [{"value": f.value, "count": f.count} for f in values]
                for name, values in result.facets.items()
            },
        }
    )


def load(product_id: int) -> Product:
    # Ids beyond a 32-bit integer cannot exist (and would overflow the driver).
    product = get_session().get(Product, product_id) if 0 < product_id < 2**31 else None
    if product is None:
        abort(404)
    return product


@bp.get("/products/<int:product_id>")
def product(product_id: int) -> Response:
    found = load(product_id)
    summary = product_summaries(get_session(), [product_id])[product_id]
    return send(product_json(found, summary))


@bp.get("/products/<int:product_id>/offers")
def offers(product_id: int) -> Response:
    load(product_id)
    items = [
        {
            "id": o.id,
            "shop": {"slug": o.shop.slug, "name": o.shop.name},
            "title": o.title,
            "url": o.url,
            "price": money(o.price),
            "delivery": money(o.delivery),
            "total_price": money(o.total_price),
            "currency": o.currency,
            "availability": o.availability,
            "in_stock": is_in_stock(o.availability),
            "last_seen": iso(o.last_seen),
            "extraction": o.extraction,
            "match_method": o.match_method,
            "gtin": o.gtin,
            "mpn": o.mpn,
        }
        for o in ranked_offers(get_session(), product_id)
    ]
    return send({"product_id": product_id, "ranking": "total_price_with_delivery", "items": items})


@bp.get("/products/<int:product_id>/history")
def history(product_id: int) -> Response:
    """Observations oldest first; the cursor is the last observation id seen."""
    load(product_id)
    days = int_arg("days", 90, 1, 3650)
    limit = int_arg("limit", 500, 1, 5000)
    after = int_arg("cursor", 0, 0, 2**62)
    since = datetime.now(UTC) - timedelta(days=days)
    rows = (
        get_session()
        .execute(
            select(PriceObservation, Shop.slug)
            .join(Offer, PriceObservation.offer_id == Offer.id)
            .join(Shop, Offer.shop_id == Shop.id)
            .where(
                Offer.product_id == product_id,
                PriceObservation.observed_at >= since,
                PriceObservation.id > after,
            )
            .order_by(PriceObservation.id)
            .limit(limit + 1)
        )
        .all()
    )
    items = [
        {
            "id": obs.id,
            "offer_id": obs.offer_id,
            "shop": slug,
            "observed_at": iso(obs.observed_at),
            "price": money(obs.price),
            "delivery": money(obs.delivery),
            "total_price": money(obs.total_price),
            "currency": obs.currency,
            "availability": obs.availability,
        }
        for obs, slug in rows[:limit]
    ]
    following = str(items[-1]["id"]) if len(rows) > limit else None
    return send({"product_id": product_id, "days": days, "next_cursor": following, "items": items})


@bp.get("/openapi.json")
def openapi() -> Response:
    return send(document(request.host_url.rstrip("/") + "/api/v1"))
