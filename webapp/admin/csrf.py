"""CSRF protection for the forms of the admin and the alerts: a per-session token.

Every POST to a protected blueprint must carry the session's token in the `csrf_token` field
(or the `X-CSRF-Token` header); the comparison is constant-time. Views that authenticate with a
signed link instead (one-click unsubscribe) are exempted by name.
"""

from __future__ import annotations

import secrets

from flask import abort, current_app, request, session

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
_EXEMPT: set[str] = set()


def token() -> str:
    """The session's token, created on first use (exposed to templates as `csrf_token()`)."""
    value = session.get(FIELD)
    if not isinstance(value, str) or len(value) < 32:
        value = secrets.token_urlsafe(32)
        session[FIELD] = value
    return value


def exempt(endpoint: str) -> None:
    _EXEMPT.add(endpoint)


def protect() -> None:
    """A `before_request` hook: refuse unsafe methods without the right token (400)."""
    if request.method in ("GET", "HEAD", "OPTIONS") or request.endpoint in _EXEMPT:
        return
    if current_app.config.get("CSRF_DISABLED"):
        return
    expected = session.get(FIELD)
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    if not isinstance(expected, str) or not sent or not secrets.compare_digest(expected, sent):
        abort(400, description="Jeton CSRF manquant ou invalide : rechargez la page.")
