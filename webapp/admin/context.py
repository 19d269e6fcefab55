"""Helpers shared by the site-side blueprints: the injectable clock, client IP, links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import current_app, request, url_for
from werkzeug.routing import BuildError

from catalog.alerts_mail import MailSettings
from catalog.types import utcnow


def now() -> datetime:
    """The current time; tests inject `CLOCK` (a callable returning an aware datetime)."""
    clock: Callable[[], datetime] | None = current_app.config.get("CLOCK")
    return clock() if clock is not None else utcnow()


def client_ip() -> str:
    # Behind a proxy, deploy with werkzeug's ProxyFix so remote_addr is the reader's address.
    return request.remote_addr or "unknown"


def mail_settings() -> MailSettings:
    config = dict(current_app.config)
    if not config.get("SITE_URL"):
        config["SITE_URL"] = request.host_url.rstrip("/")
    return MailSettings.from_config(config)


def product_url(product_id: int) -> str:
    """The product page of the site area (its endpoint name is theirs); a plain path if absent."""
    for endpoint in ("products.detail", "products.product", "products.show"):
        try:
            return url_for(endpoint, product_id=product_id)
        except BuildError:
            continue
    return f"/product/{product_id}"
