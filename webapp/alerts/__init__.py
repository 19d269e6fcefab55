"""Readers' price alerts: the form (linked from product pages), confirmation and unsubscribe.

Product pages link to `url_for("alerts.new", product_id=...)` or include
`alerts/_form.html` with `product` in the context. The form is CSRF-protected and rate
limited per address and per IP; the alert stays pending until the mailed link is followed.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from flask import Blueprint, abort, current_app, render_template, request
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue

from catalog import accounts
from catalog import alert_subscriptions as subs
from catalog.alerts_mail import confirmation_message, send
from catalog.models import Product
from catalog.site_models import ALERT_KINDS, Alert
from webapp.admin import csrf
from webapp.admin.context import client_ip, mail_settings, now, product_url
from webapp.db import get_session

log = logging.getLogger(__name__)

bp = Blueprint("alerts", __name__, url_prefix="/alerts")
bp.before_request(csrf.protect)

WINDOW = timedelta(hours=1)
PER_ADDRESS = 5
PER_IP = 20


@bp.record_once
def _configure(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.setdefault("csrf_token", csrf.token)
    state.app.jinja_env.globals.setdefault("alert_kinds", ALERT_KINDS)
    state.app.jinja_env.globals.setdefault("product_link", product_url)
    from webapp.alerts.english import EN
    from webapp.i18n_en import EN as SITE_EN

    for french, english in EN.items():
        SITE_EN.setdefault(french, english)


def _locale() -> str:
    """The reader's language (the site's choice), for the mails."""
    from webapp.i18n import current_lang

    return "en" if current_lang() == "en" else "fr"


@bp.route("/new", methods=["GET", "POST"])
def new() -> ResponseReturnValue:
    db = get_session()
    product_id = request.values.get("product_id", type=int)
    product = db.get(Product, product_id) if product_id else None
    if product is None:
        abort(404)
    if request.method == "GET":
        return render_template("alerts/new.html", product=product, form={}, error=None)
    form = {k: (request.form.get(k) or "")[:300] for k in ("email", "kind", "target_price")}
    moment, ip = now(), client_ip()

    def refuse(message: str, status: int) -> ResponseReturnValue:
        page = render_template("alerts/new.html", product=product, form=form, error=message)
        return page, status

    try:
        target = subs.parse_price(form["target_price"]) if form["kind"] == "target" else None
        email = accounts.normalise_email(form["email"])
    except (subs.AlertError, accounts.AccountError) as exc:
        return refuse(str(exc), 400)
    # Counted before anything is created, so the form cannot be used to flood an inbox.
    if not accounts.allow(db, f"alert:ip:{ip}", moment, PER_IP, WINDOW) or not accounts.allow(
        db, f"alert:email:{email}", moment, PER_ADDRESS, WINDOW
    ):
        db.commit()
        return refuse("Trop de demandes : réessayez dans une heure.", 429)
    try:
        alert = subs.subscribe(
            db, product.id, email, form["kind"], target, moment, ip=ip, locale=_locale()
        )
    except subs.AlertError as exc:
        db.rollback()
        return refuse(str(exc), 400)
    db.commit()
    if alert.status == "pending":
        try:
            settings = mail_settings()
            send(settings, [confirmation_message(settings, alert, moment)])
        except (OSError, smtplib.SMTPException) as exc:
            log.error("confirmation mail for alert %s failed: %s", alert.id, exc)
            return refuse("L'e-mail de confirmation n'a pas pu être envoyé ; réessayez.", 503)
    return render_template("alerts/pending.html", alert=alert, product=product)


@bp.get("/confirm/<token>")
def confirm(token: str) -> ResponseReturnValue:
    secret = current_app.config["SECRET_KEY"]
    alert_id = subs.read_token(secret, "confirm", token, subs.CONFIRM_MAX_AGE, now())
    db = get_session()
    alert = db.get(Alert, alert_id) if alert_id is not None else None
    if alert is None:
        return render_template("alerts/invalid.html"), 400
    ok = subs.confirm(db, alert, now())
    db.commit()
    return render_template(
        "alerts/confirmed.html",
        alert=alert,
        ok=ok,
        product_link=product_url(alert.product_id),
        unsubscribe_token=subs.make_token(secret, "unsubscribe", alert.id),
    )


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str) -> ResponseReturnValue:
    """One click from the mail (GET) or from the mail client (RFC 8058 POST): no CSRF token,
    the signed link is the proof."""
    alert_id = subs.read_token(current_app.config["SECRET_KEY"], "unsubscribe", token, None)
    db = get_session()
    alert = db.get(Alert, alert_id) if alert_id is not None else None
    if alert is None:
        return render_template("alerts/invalid.html"), 400
    subs.unsubscribe(alert, now())
    db.commit()
    if request.method == "POST" and request.form.get("List-Unsubscribe") == "One-Click":
        return "", 204
    return render_template(
        "alerts/unsubscribed.html", alert=alert, product_link=product_url(alert.product_id)
    )


csrf.exempt("alerts.unsubscribe")
