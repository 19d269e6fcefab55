"""Alert subscriptions: the reader's request, double opt-in by a signed link, unsubscribe.

A new alert is `pending` and mails nothing until its confirmation link (signed, valid
`CONFIRM_MAX_AGE`) is followed; unsubscribe links are signed and never expire.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalog.accounts import AccountError, normalise_email
from catalog.alerts import AlertError as AlertError  # re-exported for callers
from catalog.alerts import init_watch, product_states
from catalog.models import Product
from catalog.site_models import ALERT_KINDS, Alert, PriceWatch
from catalog.types import to_money

CONFIRM_MAX_AGE = timedelta(days=2)
MAX_PRICE = Decimal("1000000")


def parse_price(text: str | None) -> Decimal | None:
    """A reader's price ("1 299,90", "1299.9 €") as Decimal; None when empty."""
    raw = (text or "").replace("€", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if not raw:
        return None
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    try:
        value = to_money(Decimal(raw))
    except (InvalidOperation, ValueError) as exc:
        raise AlertError("prix cible invalide") from exc
    if not value.is_finite() or value <= 0 or value >= MAX_PRICE:
        raise AlertError("prix cible invalide")
    return value


def subscribe(
    session: Session,
    product_id: int,
    email: str,
    kind: str,
    target_price: Decimal | None,
    now: datetime,
    *,
    ip: str | None = None,
    locale: str = "fr",
) -> Alert:
    """A pending alert (or the same existing one); it mails nothing until confirmed."""
    if kind not in ALERT_KINDS:
        raise AlertError("type d'alerte inconnu")
    try:
        address = normalise_email(email)
    except AccountError as exc:
        raise AlertError(str(exc)) from exc
    if session.get(Product, product_id) is None:
        raise AlertError("produit inconnu")
    if kind == "target" and target_price is None:
        raise AlertError("indiquez un prix cible")
    if kind != "target":
        target_price = None
    existing = session.scalar(
        select(Alert).where(
            Alert.product_id == product_id,
            Alert.email == address,
            Alert.kind == kind,
            Alert.status.in_(("pending", "active")),
        )
    )
    if existing is not None and existing.target_price == target_price:
        return existing
    alert = Alert(
        product_id=product_id,
        email=address,
        kind=kind,
        target_price=target_price,
        status="pending",
        locale=locale if locale in ("fr", "en") else "fr",
        created_at=now,
        ip=ip[:64] if ip else None,
    )
    session.add(alert)
    session.flush()
    return alert


def confirm(session: Session, alert: Alert, now: datetime) -> bool:
    """Activate a pending alert; False when it was unsubscribed meanwhile."""
    if alert.status == "unsubscribed":
        return False
    if alert.status == "pending":
        alert.status = "active"
        alert.confirmed_at = now
        # Watch the product from now on, so that the next check has something to compare with.
        if session.get(PriceWatch, alert.product_id) is None:
            states = product_states(session, now, [alert.product_id])
            init_watch(session, alert.product_id, states, now)
    return True


def forget_unconfirmed(
    session: Session, now: datetime, after: timedelta = timedelta(days=7)
) -> int:
    """Delete alerts never confirmed (their link expired long ago); returns how many."""
    result = session.execute(
        delete(Alert).where(Alert.status == "pending", Alert.created_at < now - after)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def unsubscribe(alert: Alert, now: datetime) -> None:
    if alert.status != "unsubscribed":
        alert.status = "unsubscribed"
        alert.unsubscribed_at = now


def _serializer(secret: str, purpose: str, now: datetime | None) -> URLSafeTimedSerializer:
    signer: type[TimestampSigner] = TimestampSigner
    if now is not None:
        stamp = int(now.timestamp())

        # Signing and expiry follow the injected clock (tests, replays), not the system time.
        class AtTime(TimestampSigner):
            def get_timestamp(self) -> int:
                return stamp

        signer = AtTime
    return URLSafeTimedSerializer(secret, salt=f"comparateur-alert-{purpose}", signer=signer)


def make_token(secret: str, purpose: str, alert_id: int, now: datetime | None = None) -> str:
    """A signed token for a confirm or unsubscribe link, stamped with `now`."""
    return _serializer(secret, purpose, now).dumps(alert_id)


def read_token(
    secret: str,
    purpose: str,
    token: str,
    max_age: timedelta | None,
    now: datetime | None = None,
) -> int | None:
    """The alert id in a valid token, else None (bad signature, or older than `max_age`)."""
    seconds = None if max_age is None else int(max_age.total_seconds())
    try:
        value = _serializer(secret, purpose, now).loads(token, max_age=seconds)
    except (BadSignature, SignatureExpired):
        return None
    return value if isinstance(value, int) else None
