"""The editors' admin at /admin: crawl runs, the matching review queue, shops, users, webhooks.

Login is required everywhere but on the login page; admins (role "admin") also manage users and
webhooks and read the audit log. Every POST carries a CSRF token and writes an audit entry.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from webapp.admin import auth, csrf

bp = Blueprint("admin", __name__, url_prefix="/admin", static_folder=None)


@bp.record_once
def _configure(state: BlueprintSetupState) -> None:
    config = state.app.config
    # The session cookie carries the login: not readable by scripts, not sent cross-site.
    config["SESSION_COOKIE_HTTPONLY"] = True
    if not config.get("SESSION_COOKIE_SAMESITE"):
        config["SESSION_COOKIE_SAMESITE"] = "Lax"
    # An editor's login lasts a working day unless configured otherwise (Flask's default: 31 d).
    if config.get("PERMANENT_SESSION_LIFETIME") == timedelta(days=31):
        config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=12)
    state.app.jinja_env.globals.setdefault("csrf_token", csrf.token)


bp.before_request(auth.load_user)
bp.before_request(auth.require_login)
bp.before_request(csrf.protect)
bp.add_url_rule("/login", "login", auth.login, methods=["GET", "POST"])
bp.add_url_rule("/logout", "logout", auth.logout, methods=["POST"])

# The views register themselves on `bp`.
from webapp.admin import manage, review, views  # noqa: E402,F401
