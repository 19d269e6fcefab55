"""Admin-only pages: users and roles, newsroom webhooks with their delivery log, the audit log."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from catalog import accounts, audit
from catalog.alerts import WEBHOOK_EVENTS
from catalog.site_models import ROLES, User, Webhook, WebhookDelivery
from webapp import webhooks
from webapp.admin import bp
from webapp.admin.auth import admin_required, record
from webapp.admin.context import now
from webapp.db import get_session

USER_FIELDS = ("email", "role", "active")
HOOK_FIELDS = ("url", "events", "description", "active")


@bp.get("/users")
@admin_required
def users() -> ResponseReturnValue:
    rows = get_session().scalars(select(User).order_by(User.email)).all()
    return render_template("admin/users.html", users=rows, roles=ROLES)


@bp.post("/users")
@admin_required
def add_user() -> ResponseReturnValue:
    db = get_session()
    try:
        user = accounts.create_user(
            db,
            request.form.get("email", ""),
            request.form.get("password", ""),
            request.form.get("role", "editor"),
        )
    except accounts.AccountError as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.users"))
    record(
        "user.add", target_type="user", target_id=user.id, after=audit.snapshot(user, USER_FIELDS)
    )
    db.commit()
    flash(f"Utilisateur {user.email} créé.", "info")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>")
@admin_required
def update_user(user_id: int) -> ResponseReturnValue:
    db = get_session()
    user = db.get(User, user_id)
    if user is None:
        abort(404)
    before = audit.snapshot(user, USER_FIELDS)
    role = request.form.get("role", user.role)
    active = request.form.get("active", "1" if user.active else "0") == "1"
    if role not in ROLES:
        abort(400, description="Rôle inconnu.")
    demoting = user.role == "admin" and (role != "admin" or not active)
    if demoting and user.active and accounts.count_admins(db) <= 1:
        flash("Impossible : c'est le dernier administrateur actif.", "error")
        return redirect(url_for("admin.users"))
    user.role, user.active = role, active
    record(
        "user.update",
        target_type="user",
        target_id=user.id,
        before=before,
        after=audit.snapshot(user, USER_FIELDS),
    )
    db.commit()
    flash(f"Utilisateur {user.email} mis à jour.", "info")
    return redirect(url_for("admin.users"))


@bp.get("/webhooks")
@admin_required
def webhook_list() -> ResponseReturnValue:
    rows = get_session().scalars(select(Webhook).order_by(Webhook.id)).all()
    return render_template("admin/webhooks.html", hooks=rows, events=WEBHOOK_EVENTS)


@bp.post("/webhooks")
@admin_required
def add_webhook() -> ResponseReturnValue:
    url = (request.form.get("url") or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2048:
        flash("URL invalide : http(s)://hôte/chemin attendu.", "error")
        return redirect(url_for("admin.webhook_list"))
    events = [e for e in request.form.getlist("events") if e in WEBHOOK_EVENTS]
    if not events:
        flash("Choisissez au moins un type d'événement.", "error")
        return redirect(url_for("admin.webhook_list"))
    hook = Webhook(
        url=url,
        secret=secrets.token_hex(32),
        events=events,
        description=(request.form.get("description") or "").strip()[:200] or None,
        created_at=now(),
    )
    db = get_session()
    db.add(hook)
    db.flush()
    # The secret is never written to the audit log.
    record(
        "webhook.add",
        target_type="webhook",
        target_id=hook.id,
        after=audit.snapshot(hook, HOOK_FIELDS),
    )
    db.commit()
    # Shown once, in this response only (not in a flash cookie).
    return render_template("admin/webhook_created.html", hook=hook)


@bp.get("/webhooks/<int:hook_id>")
@admin_required
def webhook_detail(hook_id: int) -> ResponseReturnValue:
    db = get_session()
    hook = db.get(Webhook, hook_id)
    if hook is None:
        abort(404)
    deliveries = db.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.webhook_id == hook_id)
        .order_by(WebhookDelivery.id.desc())
        .limit(100)
    ).all()
    return render_template("admin/webhook_detail.html", hook=hook, deliveries=deliveries)


@bp.post("/webhooks/<int:hook_id>")
@admin_required
def update_webhook(hook_id: int) -> ResponseReturnValue:
    db = get_session()
    hook = db.get(Webhook, hook_id)
    if hook is None:
        abort(404)
    action = request.form.get("action")
    before = audit.snapshot(hook, HOOK_FIELDS)
    if action in ("disable", "enable"):
        hook.active = action == "enable"
        record(
            f"webhook.{action}",
            target_type="webhook",
            target_id=hook.id,
            before=before,
            after=audit.snapshot(hook, HOOK_FIELDS),
        )
    elif action == "test":
        delivery = webhooks.queue_test(db, hook, now())
        db.flush()
        webhooks.deliver_due(db, now(), only=[delivery.id])
        record(
            "webhook.test",
            target_type="webhook",
            target_id=hook.id,
            after={
                "delivery": delivery.id,
                "status": delivery.status,
                "http_status": delivery.last_status,
            },
        )
        flash(f"Événement de test : {delivery.status} (HTTP {delivery.last_status}).", "info")
    elif action == "retry":
        count = webhooks.retry_failed(db, hook, now())
        record("webhook.retry", target_type="webhook", target_id=hook.id, after={"count": count})
        flash(f"{count} livraison(s) remise(s) en file.", "info")
    else:
        abort(400, description="Action inconnue.")
    db.commit()
    return redirect(url_for("admin.webhook_detail", hook_id=hook.id))


@bp.get("/audit")
@admin_required
def audit_log() -> ResponseReturnValue:
    page = max(1, request.args.get("page", 1, type=int) or 1)
    action = request.args.get("action") or None
    rows, total = audit.entries(get_session(), limit=50, offset=(page - 1) * 50, action=action)
    return render_template(
        "admin/audit.html", entries=rows, total=total, page=page, action=action, me=g.user
    )
