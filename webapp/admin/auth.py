"""Editors' login: Werkzeug password hashes, a rate-limited login form, role checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import abort, flash, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from catalog import accounts, audit
from catalog.site_models import User
from webapp.admin.context import client_ip, now
from webapp.db import get_session

LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_IP = 10
MAX_FAILURES_PER_EMAIL = 5

F = TypeVar("F", bound=Callable[..., Any])


def load_user() -> None:
    """`before_request`: puts the logged-in user (or None) in `g.user`."""
    g.user = accounts.get_user(get_session(), session.get("admin_user_id"))


def require_login() -> ResponseReturnValue | None:
    """`before_request` for the whole admin: everything but the login page needs a user."""
    if request.endpoint in ("admin.login", "admin.static") or g.get("user") is not None:
        return None
    return redirect(url_for("admin.login", next=request.full_path.rstrip("?")))


def role_required(role: str) -> Callable[[F], F]:
    """Views only admins may use answer 403 to editors."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user: User | None = g.get("user")
            if user is None:
                return redirect(url_for("admin.login"))
            if role == "admin" and user.role != "admin":
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


admin_required = role_required("admin")


def actor() -> str:
    user: User | None = g.get("user")
    return user.email if user is not None else "anonymous"


def record(action: str, **kwargs: Any) -> None:
    """Write an audit entry for the current user and request."""
    audit.record(get_session(), actor(), action, ip=client_ip(), now=now(), **kwargs)


def _safe_next(target: str | None) -> str:
    # Only local admin paths: never redirect to another site after login.
    if target and target.startswith("/admin") and "//" not in target and "\\" not in target:
        return target
    return url_for("admin.dashboard")


def login() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("admin/login.html", next=request.args.get("next", ""))
    db = get_session()
    email = (request.form.get("email") or "").strip().lower()[:254]
    password = request.form.get("password") or ""
    ip_key, email_key = f"login:ip:{client_ip()}", f"login:email:{email}"
    moment = now()
    if (
        accounts.attempts(db, ip_key, moment, LOGIN_WINDOW) >= MAX_FAILURES_PER_IP
        or accounts.attempts(db, email_key, moment, LOGIN_WINDOW) >= MAX_FAILURES_PER_EMAIL
    ):
        audit.record(db, email or "anonymous", "login.throttled", ip=client_ip(), now=moment)
        db.commit()
        flash("Trop de tentatives : réessayez dans quelques minutes.", "error")
        return render_template("admin/login.html", next=request.form.get("next", "")), 429
    user = accounts.authenticate(db, email, password, moment)
    if user is None:
        accounts.allow(db, ip_key, moment, 10**6, LOGIN_WINDOW)
        accounts.allow(db, email_key, moment, 10**6, LOGIN_WINDOW)
        audit.record(db, email or "anonymous", "login.failed", ip=client_ip(), now=moment)
        db.commit()
        flash("Adresse ou mot de passe incorrect.", "error")
        return render_template("admin/login.html", next=request.form.get("next", "")), 401
    accounts.forget(db, email_key)
    audit.record(
        db, user.email, "login", target_type="user", target_id=user.id, ip=client_ip(), now=moment
    )
    db.commit()
    # A fresh session on login: no fixation, and a new CSRF token.
    session.clear()
    session["admin_user_id"] = user.id
    session.permanent = True
    return redirect(_safe_next(request.form.get("next")))


def logout() -> ResponseReturnValue:
    if g.get("user") is not None:
        record("logout", target_type="user", target_id=g.user.id)
        get_session().commit()
    session.clear()
    flash("Vous êtes déconnecté.", "info")
    return redirect(url_for("admin.login"))
