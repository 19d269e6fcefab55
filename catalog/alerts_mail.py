"""Alert mails: the confirmation (double opt-in) and the event mails, sent over SMTP.

Every mail carries an unsubscribe link and the `List-Unsubscribe` / `List-Unsubscribe-Post`
headers (RFC 8058 one-click). Links are absolute, built from `site_url` and signed tokens.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalog import alert_subscriptions as subscriptions
from catalog.site_models import Alert, AlertEvent

log = logging.getLogger(__name__)

CONFIRM_PATH = "/alerts/confirm/{token}"
UNSUBSCRIBE_PATH = "/alerts/unsubscribe/{token}"
PRODUCT_PATH = "/product/{id}"

TEXT = {
    "fr": {
        "confirm_subject": "Confirmez votre alerte prix : {product}",
        "confirm_body": (
            "Bonjour,\n\nVous avez demandé une alerte sur « {product} » ({rule}).\n"
            "Pour l'activer, ouvrez ce lien dans les 48 heures :\n{confirm}\n\n"
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : "
            "aucune alerte ne sera envoyée.\n"
        ),
        "event_subject": "{headline} : {product}",
        "event_body": "Bonjour,\n\n{headline} pour « {product} » : {price}{shop}.\n{detail}"
        "Voir les offres : {link}\n",
        "footer": "\n--\nSe désabonner de cette alerte en un clic : {unsubscribe}\n",
        "target": "prix cible {target}",
        "drop": "toute baisse de prix",
        "lowest": "nouveau prix le plus bas",
        "stock": "retour en stock",
        "h_target": "Prix cible atteint",
        "h_drop": "Baisse de prix",
        "h_lowest": "Nouveau prix le plus bas",
        "h_stock": "De retour en stock",
        "at_shop": " chez {shop}",
        "before": "Prix précédent : {previous}.\n",
    },
    "en": {
        "confirm_subject": "Confirm your price alert: {product}",
        "confirm_body": (
            "Hello,\n\nYou asked for an alert on “{product}” ({rule}).\n"
            "To activate it, open this link within 48 hours:\n{confirm}\n\n"
            "If you did not ask for it, ignore this message: no alert will be sent.\n"
        ),
        "event_subject": "{headline}: {product}",
        "event_body": "Hello,\n\n{headline} for “{product}”: {price}{shop}.\n{detail}"
        "See the offers: {link}\n",
        "footer": "\n--\nUnsubscribe from this alert in one click: {unsubscribe}\n",
        "target": "target price {target}",
        "drop": "any price drop",
        "lowest": "new lowest price",
        "stock": "back in stock",
        "h_target": "Target price reached",
        "h_drop": "Price drop",
        "h_lowest": "New lowest price",
        "h_stock": "Back in stock",
        "at_shop": " at {shop}",
        "before": "Previous price: {previous}.\n",
    },
}


@dataclass(frozen=True)
class MailSettings:
    """SMTP and link settings, read from the Flask config or `COMPARATEUR_*` variables."""

    host: str = "127.0.0.1"
    port: int = 25
    security: str = "none"  # none, starttls, ssl
    username: str | None = None
    password: str | None = None
    sender: str = "Comparateur <alertes@localhost>"
    site_url: str = "http://127.0.0.1:5000"
    secret_key: str = "dev-only-change-me"
    timeout: float = 10.0
    ca_file: str | None = None  # a private CA for the SMTP server's certificate

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> MailSettings:
        def get(name: str, default: Any) -> Any:
            value = config.get(name)
            return default if value in (None, "") else value

        security = str(get("MAIL_SECURITY", "none")).lower()
        if security not in ("none", "starttls", "ssl"):
            raise ValueError(f"MAIL_SECURITY must be none, starttls or ssl, not {security!r}")
        return cls(
            host=str(get("MAIL_HOST", cls.host)),
            port=int(get("MAIL_PORT", 465 if security == "ssl" else cls.port)),
            security=security,
            username=get("MAIL_USERNAME", None),
            password=get("MAIL_PASSWORD", None),
            sender=str(get("MAIL_FROM", cls.sender)),
            site_url=str(get("SITE_URL", cls.site_url)).rstrip("/"),
            secret_key=str(get("SECRET_KEY", cls.secret_key)),
            timeout=float(get("MAIL_TIMEOUT", cls.timeout)),
            ca_file=get("MAIL_CA_FILE", None),
        )

    def link(self, path: str) -> str:
        return self.site_url + path


def format_price(amount: Decimal | None, locale: str) -> str:
    if amount is None:
        return "—"
    whole, cents = f"{amount:.2f}".split(".")
    if locale == "en":
        return f"€{int(whole):,}.{cents}"
    return f"{int(whole):,}".replace(",", "\u202f") + f",{cents}\u00a0€"


def _texts(alert: Alert) -> dict[str, str]:
    return TEXT.get(alert.locale, TEXT["fr"])


def _rule(alert: Alert) -> str:
    text = _texts(alert)
    return text[alert.kind].format(target=format_price(alert.target_price, alert.locale))


def unsubscribe_url(settings: MailSettings, alert_id: int) -> str:
    token = subscriptions.make_token(settings.secret_key, "unsubscribe", alert_id)
    return settings.link(UNSUBSCRIBE_PATH.format(token=token))


def _message(settings: MailSettings, alert: Alert, subject: str, body: str) -> EmailMessage:
    unsubscribe = unsubscribe_url(settings, alert.id)
    message = EmailMessage()
    # Product names come from shops: keep header values on one line.
    message["Subject"] = " ".join(subject.split())[:200]
    message["From"] = settings.sender
    message["To"] = alert.email
    message["Date"] = format_datetime(datetime.now().astimezone())
    message["Message-ID"] = make_msgid(domain="comparateur.local")
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body + _texts(alert)["footer"].format(unsubscribe=unsubscribe))
    return message


def confirmation_message(
    settings: MailSettings, alert: Alert, now: datetime | None = None
) -> EmailMessage:
    text = _texts(alert)
    token = subscriptions.make_token(settings.secret_key, "confirm", alert.id, now)
    product = alert.product.name
    body = text["confirm_body"].format(
        product=product, rule=_rule(alert), confirm=settings.link(CONFIRM_PATH.format(token=token))
    )
    return _message(settings, alert, text["confirm_subject"].format(product=product), body)


def event_message(settings: MailSettings, event: AlertEvent) -> EmailMessage:
    alert = event.alert
    text = _texts(alert)
    headline = text[f"h_{event.kind}"]
    product = alert.product.name
    detail = ""
    if event.previous_price is not None and event.kind in ("drop", "lowest"):
        detail = text["before"].format(previous=format_price(event.previous_price, alert.locale))
    body = text["event_body"].format(
        headline=headline,
        product=product,
        price=format_price(event.price, alert.locale),
        shop=text["at_shop"].format(shop=event.shop_name) if event.shop_name else "",
        detail=detail,
        link=settings.link(PRODUCT_PATH.format(id=alert.product_id)),
    )
    subject = text["event_subject"].format(headline=headline, product=product)
    return _message(settings, alert, subject, body)


def send(settings: MailSettings, messages: Iterable[EmailMessage]) -> int:
    """Send messages over one SMTP connection; returns how many were accepted."""
    batch = list(messages)
    if not batch:
        return 0
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=settings.tls_context()
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with smtp:
        if settings.security == "starttls":
            smtp.starttls(context=settings.tls_context())
        if settings.username:
            smtp.login(settings.username, settings.password or "")
        for message in batch:
            smtp.send_message(message)
    return len(batch)


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: bool = False  # the SMTP server was unreachable: the rest stays queued

    @property
    def processed(self) -> int:
        return self.sent + self.failed + self.skipped


def send_pending(
    session: Session, settings: MailSettings, now: datetime, limit: int = 50
) -> SendReport:
    """Send up to `limit` queued event mails. The caller commits (and calls again for more).

    Each event is claimed with a conditional UPDATE (pending -> sending) so that two senders
    never mail the same event; it is marked sent (or failed) in the same transaction.
    """
    ids = list(
        session.scalars(
            select(AlertEvent.id)
            .where(AlertEvent.status == "pending")
            .order_by(AlertEvent.id)
            .limit(limit)
        )
    )
    report = SendReport()
    for event_id in ids:
        claimed = session.execute(
            update(AlertEvent)
            .where(AlertEvent.id == event_id, AlertEvent.status == "pending")
            .values(status="sending")
            .execution_options(synchronize_session=False)
        )
        if getattr(claimed, "rowcount", 0) != 1:
            continue
        event = session.get(AlertEvent, event_id, populate_existing=True)
        if event is None:
            continue
        if event.alert.status != "active":
            event.status = "skipped"
            report.skipped += 1
            continue
        try:
            send(settings, [event_message(settings, event)])
        except smtplib.SMTPResponseException as exc:
            # The server refused this mail (bad address...): retrying would not help.
            log.warning("alert mail %s to alert %s refused: %s", event.id, event.alert_id, exc)
            event.status, event.error = "failed", str(exc)[:500]
            report.failed += 1
            continue
        except (OSError, smtplib.SMTPException) as exc:
            # The server is unreachable: leave this one and the rest queued for the next run.
            log.warning("SMTP unavailable, alert mails stay queued: %s", exc)
            event.status, event.error = "pending", str(exc)[:500]
            report.deferred = True
            break
        event.status, event.sent_at = "sent", now
        report.sent += 1
    return report
