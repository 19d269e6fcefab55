"""Response headers every page gets, and cache rules for static files.

The CSP forbids inline scripts and styles: chart data travels in
`<script type="application/json">` blocks and JavaScript lives in static files. A blueprint
that needs another policy (the embeddable widget) sets its own header; it is kept.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, request, url_for

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
YEAR = 365 * 86400


def init_app(app: Flask) -> None:
    app.after_request(_headers)
    app.jinja_env.globals["static_url"] = static_url


def _headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if "frame-ancestors *" not in headers.get("Content-Security-Policy", ""):
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    if request.endpoint == "static":
        # Fingerprinted URLs (?v=hash) never change: cache them for a year.
        if request.args.get("v"):
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        else:
            response.cache_control.public = True
            response.cache_control.max_age = 3600
    return response


def static_url(filename: str) -> str:
    """URL of a static file with its content hash, so a new version gets a new URL."""
    from flask import current_app

    folder = current_app.static_folder or ""
    return url_for("static", filename=filename, v=_fingerprint(str(Path(folder) / filename)))


@lru_cache(maxsize=256)
def _fingerprint(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    except OSError:
        return "0"
