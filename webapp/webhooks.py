"""Signed webhooks for the newsroom: HMAC-SHA256 signatures, retries with backoff, a delivery log.

Each POST carries a JSON body and the header
`X-Comparateur-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`.
Receivers recompute the HMAC and refuse timestamps outside their replay window (`verify`).
No Flask here: the admin and `comparateur alerts check` both call these functions.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import time
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalog.site_models import Webhook, WebhookAttempt, WebhookDelivery

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Comparateur-Signature"
EVENT_HEADER = "X-Comparateur-Event"
DELIVERY_HEADER = "X-Comparateur-Delivery"
REPLAY_WINDOW = 300  # seconds
# Wait after the 1st, 2nd... failed attempt; after the last one the delivery is given up.
BACKOFF = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
)


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value for `body` sent at `timestamp` (Unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, now: float, window: int = REPLAY_WINDOW) -> bool:
    """True when `header` signs `body` with `secret` and its timestamp is within `window`."""
    fields: dict[str, list[str]] = {}
    for part in (header or "").split(","):
        name, _, value = part.strip().partition("=")
        fields.setdefault(name, []).append(value)
    try:
        timestamp = int(fields["t"][0])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > window:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, given) for given in fields.get("v1", []))


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST without following redirects (a webhook must answer itself); returns the status."""
    parts = urlsplit(url)
    connection_type = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_type(parts.netloc, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)
        return response.status
    finally:
        connection.close()


def attempt(delivery: WebhookDelivery, now: datetime, timeout: float = 5.0) -> bool:
    """One HTTP attempt, logged; schedules the next one (backoff) when it fails."""
    hook = delivery.webhook
    body = body_of(delivery.payload)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Comparateur-Webhooks/1",
        EVENT_HEADER: delivery.event_type,
        DELIVERY_HEADER: str(delivery.id),
        SIGNATURE_HEADER: sign(hook.secret, body, int(now.timestamp())),
    }
    started = time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        status = post(hook.url, body, headers, timeout)
        if not 200 <= status < 300:
            error = f"HTTP {status}"
    except (OSError, http.client.HTTPException) as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
    elapsed = int((time.perf_counter() - started) * 1000)
    delivery.attempts += 1
    delivery.last_status, delivery.last_error = status, error
    delivery.log.append(
        WebhookAttempt(at=now, status_code=status, error=error, duration_ms=elapsed)
    )
    if error is None:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = "delivered", now, None
        return True
    if delivery.attempts > len(BACKOFF):
        delivery.status, delivery.next_attempt_at = "failed", None
        log.warning("webhook %s: delivery %s given up: %s", hook.id, delivery.id, error)
    else:
        delivery.next_attempt_at = now + BACKOFF[delivery.attempts - 1]
    return False


def deliver_due(
    session: Session,
    now: datetime,
    *,
    only: list[int] | None = None,
    limit: int = 100,
    timeout: float = 5.0,
) -> list[WebhookDelivery]:
    """Attempt every pending delivery whose time has come; the caller commits."""
    query = (
        select(WebhookDelivery)
        .join(Webhook)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            Webhook.active.is_(True),
        )
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(limit)
    )
    if only is not None:
        query = query.where(WebhookDelivery.id.in_(only))
    # Two senders at once (site and cron) skip each other's rows on PostgreSQL.
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=WebhookDelivery)
    done = list(session.scalars(query))
    for delivery in done:
        attempt(delivery, now, timeout)
    session.flush()
    return done


def queue_test(session: Session, hook: Webhook, now: datetime) -> WebhookDelivery:
    """A `ping` event for the admin's "send a test" button."""
    key = f"ping:{now.strftime('%Y%m%dT%H%M%S.%fZ')}"
    delivery = WebhookDelivery(
        webhook_id=hook.id,
        event_key=key,
        event_type="ping",
        payload={"type": "ping", "id": key, "occurred_at": now.isoformat()},
        status="pending",
        next_attempt_at=now,
        created_at=now,
    )
    session.add(delivery)
    return delivery


def retry_failed(session: Session, hook: Webhook, now: datetime) -> int:
    """Put given-up deliveries of `hook` back in the queue with a fresh set of attempts."""
    result = session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.webhook_id == hook.id, WebhookDelivery.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
