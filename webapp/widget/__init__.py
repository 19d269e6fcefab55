"""The article widget (a best-price box to embed in articles) and the sample article page.

Embed with `<iframe src="/widget/product/<id>">` or one tag,
`<script src="https://SITE/widget.js" data-product="<id>" async></script>`, which injects the
iframe. The widget has its own strict CSP that allows any site to frame it, sends no request
to a third party, and is cacheable (Cache-Control + ETag, 304 on If-None-Match).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select

from catalog import alerts
from catalog.alerts_mail import format_price
from catalog.models import Offer, Product
from webapp.admin.context import now, product_url
from webapp.db import get_session
from webapp.widget.sparkline import sparkline

bp = Blueprint("widget", __name__)

DAYS = 90
MAX_AGE = 300  # seconds: prices change a few times a day at most
STATIC = Path(__file__).resolve().parent.parent / "static" / "widget"
# The widget's own policy: only its stylesheet, framable anywhere, no scripts at all.
WIDGET_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors *"
)


def _conditional(body: str | bytes, mimetype: str, csp: str | None) -> ResponseReturnValue:
    data = body.encode() if isinstance(body, str) else body
    response = current_app.response_class(data, mimetype=mimetype)
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.vary.add("Accept-Language")
    if csp:
        response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response.make_conditional(request)


@bp.app_template_filter("widget_price")
def widget_price(amount: Decimal | None) -> str:
    return format_price(amount, "fr")


@bp.get("/widget/product/<int:product_id>")
def product(product_id: int) -> ResponseReturnValue:
    db = get_session()
    item = db.get(Product, product_id)
    if item is None:
        abort(404)
    moment = now()
    state = alerts.product_states(db, moment, [product_id]).get(product_id)
    shops = db.scalar(
        select(func.count(func.distinct(Offer.shop_id))).where(
            Offer.product_id == product_id,
            Offer.price.is_not(None),
            Offer.last_seen >= moment - alerts.STALE_AFTER,
        )
    )
    start = moment - timedelta(days=DAYS)
    lows = alerts.daily_lows(db, product_id, start, moment)
    line = sparkline([(d.day, d.total) for d in lows], start.date(), moment.date())
    html = render_template(
        "widget/product.html",
        product=item,
        state=state,
        shops=shops or 0,
        line=line,
        days=DAYS,
        link=product_url(product_id),
    )
    return _conditional(html, "text/html", WIDGET_CSP)


@bp.get("/widget.js")
def script() -> ResponseReturnValue:
    return _conditional((STATIC / "widget.js").read_bytes(), "text/javascript", None)


@bp.get("/article/<slug>")
def article(slug: str) -> ResponseReturnValue:
    if slug != "h200":
        abort(404)
    return render_template("article/h200.html", h200=find_h200())


def find_h200() -> Product | None:
    """The NVIDIA H200 for the article: the datacenter product named H200 with most offers."""
    db = get_session()
    offers = func.count(Offer.id)
    query = (
        select(Product)
        .outerjoin(Offer, Offer.product_id == Product.id)
        .where(func.lower(Product.name).like("%h200%"))
        .where(~func.lower(Product.name).like("%gh200%"))
        .group_by(Product.id)
        .order_by((func.lower(func.coalesce(Product.category, "")) == "gpu-datacenter").desc())
        .order_by(offers.desc(), Product.id)
        .limit(1)
    )
    return db.scalar(query)
