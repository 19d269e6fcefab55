"""`comparateur alerts check` (after a crawl: mails and webhooks) and `comparateur users ...`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import click

from catalog.db import default_url


@dataclass
class CheckSummary:
    events: int
    mails_sent: int
    mails_failed: int
    mails_deferred: bool
    webhooks_delivered: int
    webhooks_failed: int


def env_config() -> dict[str, Any]:
    """`COMPARATEUR_MAIL_HOST` -> `MAIL_HOST`, like the site's `from_prefixed_env`."""
    prefix = "COMPARATEUR_"
    return {k[len(prefix) :]: v for k, v in os.environ.items() if k.startswith(prefix)}


def run_check(
    db_url: str | None, now: datetime, config: dict[str, Any] | None = None, send: bool = True
) -> CheckSummary:
    """Detect events (catalog.alerts.check), then mail the alerts and deliver due webhooks.

    Each step commits on its own, so a mail server outage never loses detected events.
    """
    from catalog import accounts
    from catalog.alert_subscriptions import forget_unconfirmed
    from catalog.alerts import check
    from catalog.alerts_mail import MailSettings, SendReport, send_pending
    from catalog.db import make_engine, make_session_factory
    from webapp.webhooks import deliver_due

    engine = make_engine(db_url or default_url())
    sessions = make_session_factory(engine)
    try:
        with sessions.begin() as session:
            events = check(session, now)
        with sessions.begin() as session:
            # Housekeeping: old rate-limit counts and addresses that never confirmed.
            accounts.prune(session, now)
            forget_unconfirmed(session, now)
        total = SendReport()
        delivered = failed = 0
        if send:
            settings = MailSettings.from_config(config if config is not None else env_config())
            while True:
                with sessions.begin() as session:
                    report = send_pending(session, settings, now)
                total.sent += report.sent
                total.failed += report.failed
                total.deferred = total.deferred or report.deferred
                if report.deferred or report.processed == 0:
                    break
            with sessions.begin() as session:
                for delivery in deliver_due(session, now):
                    delivered += delivery.status == "delivered"
                    failed += delivery.status != "delivered"
        return CheckSummary(
            len(events), total.sent, total.failed, total.deferred, delivered, failed
        )
    finally:
        engine.dispose()


def _when(value: str | None) -> datetime:
    from catalog.types import utcnow

    if not value:
        return utcnow()
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise click.BadParameter("give a timezone, e.g. 2026-01-30T18:00:00+00:00")
    return moment


@click.group()
def alerts() -> None:
    """Readers' price alerts and newsroom webhooks."""


@alerts.command("check")
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL).")
@click.option("--at", "at", default=None, help="Check time, ISO 8601 with timezone (default: now).")
@click.option("--no-send", is_flag=True, help="Only detect and queue; send nothing.")
def check_cmd(db_url: str | None, at: str | None, no_send: bool) -> None:
    """Compare products with the previous check, queue and send alert mails and webhooks."""
    summary = run_check(db_url, _when(at), send=not no_send)
    deferred = " (SMTP unreachable: the rest stays queued)" if summary.mails_deferred else ""
    click.echo(
        f"{summary.events} event(s); mails sent {summary.mails_sent}, refused "
        f"{summary.mails_failed}{deferred}; webhooks delivered {summary.webhooks_delivered}, "
        f"failed {summary.webhooks_failed}"
    )


@click.group()
def users() -> None:
    """Editors and administrators of the admin at /admin."""


def _session(db_url: str | None):  # type: ignore[no-untyped-def]
    from catalog.db import make_engine, make_session_factory

    return make_session_factory(make_engine(db_url or default_url())).begin()


@users.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL).")
@click.password_option(help="Prompted (twice) when not given; at least 10 characters.")
def add_user(email: str, role: str, db_url: str | None, password: str) -> None:
    """Create a user who can log in at /admin."""
    from catalog import accounts, audit

    try:
        with _session(db_url) as session:
            user = accounts.create_user(session, email, password, role)
            audit.record(
                session,
                "cli",
                "user.add",
                target_type="user",
                target_id=user.id,
                after=audit.snapshot(user, ("email", "role", "active")),
            )
            click.echo(f"user {user.email} ({user.role}) created")
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc


@users.command("list")
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL).")
def list_users(db_url: str | None) -> None:
    """Print every user with role and state."""
    from sqlalchemy import select

    from catalog.site_models import User

    with _session(db_url) as session:
        for user in session.scalars(select(User).order_by(User.email)):
            state = "active" if user.active else "disabled"
            click.echo(f"{user.email}\t{user.role}\t{state}")


@users.command("set-password")
@click.argument("email")
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL).")
@click.password_option(help="Prompted (twice) when not given.")
def set_password(email: str, db_url: str | None, password: str) -> None:
    """Replace a user's password."""
    from sqlalchemy import select

    from catalog import accounts, audit
    from catalog.site_models import User

    try:
        with _session(db_url) as session:
            user = session.scalar(select(User).where(User.email == accounts.normalise_email(email)))
            if user is None:
                raise click.ClickException(f"no user {email}")
            accounts.set_password(user, password)
            audit.record(session, "cli", "user.set_password", target_type="user", target_id=user.id)
            click.echo(f"password of {user.email} changed")
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
