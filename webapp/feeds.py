"""Atom 1.0 feeds: a product's price changes and new lowest prices, and a search query's results.

`/feeds/product/<id>.atom` and `/feeds/search.atom?q=...`. Built with ElementTree so that
whatever a shop wrote in a title is escaped; every feed and entry has id, title and updated.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta
from xml.etree import ElementTree as ET

from flask import Blueprint, abort, current_app, request
from flask.typing import ResponseReturnValue

from catalog import alerts
from catalog.alerts_mail import format_price
from catalog.models import Product
from catalog.search import search
from webapp.admin.context import now, product_url
from webapp.db import get_session

bp = Blueprint("feeds", __name__, url_prefix="/feeds")

ATOM = "http://www.w3.org/2005/Atom"
HISTORY_DAYS = 365
MAX_ENTRIES = 50
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _feed(title: str, self_url: str, alternate: str, feed_id: str, updated: datetime) -> ET.Element:
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "fr"})
    _el(root, "id", feed_id)
    _el(root, "title", title)
    _el(root, "updated", _stamp(updated))
    _el(root, "link", rel="self", href=self_url, type="application/atom+xml")
    _el(root, "link", rel="alternate", href=alternate, type="text/html")
    author = _el(root, "author")
    _el(author, "name", current_app.config.get("SITE_NAME", "Comparateur"))
    _el(root, "generator", "Comparateur")
    return root


def _entry(
    root: ET.Element, entry_id: str, title: str, updated: datetime, link: str, summary: str
) -> None:
    entry = _el(root, "entry")
    _el(entry, "id", entry_id)
    _el(entry, "title", title)
    _el(entry, "updated", _stamp(updated))
    _el(entry, "link", rel="alternate", href=link, type="text/html")
    _el(entry, "summary", summary, type="text")


def _respond(root: ET.Element) -> ResponseReturnValue:
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    response = current_app.response_class(body, mimetype="application/atom+xml")
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.cache_control.public = True
    response.cache_control.max_age = 600
    return response.make_conditional(request)


def _tag(suffix: str) -> str:
    # Stable ids that do not change if the site moves: a tag URI (RFC 4151).
    authority = current_app.config.get("FEED_TAG_AUTHORITY", "comparateur,2026")
    return f"tag:{authority}:{suffix}"


@bp.get("/product/<int:product_id>.atom")
def product(product_id: int) -> ResponseReturnValue:
    db = get_session()
    item = db.get(Product, product_id)
    if item is None:
        abort(404)
    moment = now()
    lows = alerts.daily_lows(db, product_id, moment - timedelta(days=HISTORY_DAYS), moment)
    page = request.url_root.rstrip("/") + product_url(product_id)
    entries: list[tuple[datetime, str, str, str]] = []
    previous = None
    lowest = None
    for low in lows:
        if low.total is None or low.total == previous:
            previous = low.total if low.total is not None else previous
            continue
        at = datetime.combine(low.day, time(23, 59, 59), tzinfo=UTC)
        price = format_price(low.total, "fr")
        shop = f" chez {low.shop_name}" if low.shop_name else ""
        if lowest is not None and low.total < lowest:
            kind, title = "lowest", f"Nouveau prix le plus bas : {price}{shop}"
        elif previous is None:
            kind, title = "first", f"Premier prix relevé : {price}{shop}"
        else:
            verb = "baisse" if low.total < previous else "hausse"
            kind, title = "change", f"Prix en {verb} : {price}{shop}"
        summary = f"{item.name} : meilleur prix total, livraison comprise, {price}{shop}"
        if previous is not None:
            summary += f" (avant : {format_price(previous, 'fr')})"
        entries.append((at, f"{kind}:{low.day.isoformat()}:{low.total}", title, summary + "."))
        lowest = low.total if lowest is None or low.total < lowest else lowest
        previous = low.total
    entries = entries[-MAX_ENTRIES:][::-1]
    updated = entries[0][0] if entries else item.updated_at
    root = _feed(
        f"Prix de {item.name}",
        request.url,
        page,
        _tag(f"product/{product_id}"),
        updated,
    )
    for at, key, title, summary in entries:
        _entry(root, _tag(f"product/{product_id}/{key}"), title, at, page, summary)
    return _respond(root)


@bp.get("/search.atom")
def search_feed() -> ResponseReturnValue:
    query = (request.args.get("q") or "").strip()[:200]
    db = get_session()
    result = search(db, query, limit=MAX_ENTRIES)
    base = request.url_root.rstrip("/")
    moment = now()
    updated = max((hit.product.updated_at for hit in result.hits), default=moment)
    root = _feed(
        f"Comparateur : « {query} »" if query else "Comparateur : tous les produits",
        request.url,
        f"{base}/search?q={query}",
        _tag(f"search/{hashlib.sha256(query.lower().encode()).hexdigest()[:16]}"),
        updated,
    )
    for hit in result.hits:
        summary = hit.summary
        price = format_price(summary.best_total, "fr") if summary.best_total is not None else "—"
        title = f"{hit.product.name} : {price}"
        text = f"Meilleur prix total {price}, {summary.shop_count} boutique(s)."
        key = f"product/{hit.product.id}/best/{summary.best_total}"
        _entry(
            root,
            _tag(key),
            title,
            hit.product.updated_at,
            base + product_url(hit.product.id),
            text,
        )
    return _respond(root)
