"""The alert check after crawls: rules, no duplicate mail for one event, sending over SMTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from email.message import EmailMessage

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from test_alerts_support import (
    T0,
    add_offer,
    add_product,
    add_shop,
    body,
    db_session,
    history,
    observe,
    smtp_server,
)

from catalog import alert_subscriptions as subs
from catalog.alerts import check
from catalog.alerts_mail import MailSettings, send_pending
from catalog.site_models import Alert, AlertEvent

DAY = timedelta(days=1)


@pytest.fixture
def smtp() -> Iterator[tuple[int, list]]:
    with smtp_server() as server:
        yield server


def _settings(port: int) -> MailSettings:
    return MailSettings(port=port, site_url="http://site.test", secret_key="k")


def _active(session, product_id: int, kind: str, target: str | None = None) -> Alert:  # type: ignore[no-untyped-def]
    price = Decimal(target) if target else None
    alert = subs.subscribe(session, product_id, f"{kind}@example.org", kind, price, T0)
    subs.confirm(session, alert, T0)
    return alert


def _events(session, alert: Alert) -> list[AlertEvent]:  # type: ignore[no-untyped-def]
    query = select(AlertEvent).where(AlertEvent.alert_id == alert.id).order_by(AlertEvent.id)
    return list(session.scalars(query))


def test_drop_is_mailed_once(db_url: str, smtp) -> None:  # type: ignore[no-untyped-def]
    port, messages = smtp
    with db_session(db_url) as session:
        shop, other = add_shop(session, "alpha", "Alpha"), add_shop(session, "beta", "Béta")
        product = add_product(session, "NVIDIA H200 SXM 141 Go")
        first = add_offer(session, shop, product, "32000.00", T0)
        add_offer(session, other, product, "33000.00", T0)
        drop = _active(session, product.id, "drop")
        pending = subs.subscribe(session, product.id, "unconfirmed@example.org", "drop", None, T0)
        check(session, T0)  # the state every later check compares with
        session.commit()

        observe(session, first, "31500.00", T0 + DAY)
        events = check(session, T0 + DAY)
        # Also a new all-time low (the first history), but the alert asked for drops only.
        assert sorted((e.type, e.price, e.previous_price) for e in events) == [
            ("new_lowest_price", Decimal("31500.00"), Decimal("32000.00")),
            ("price_drop", Decimal("31500.00"), Decimal("32000.00")),
        ]
        session.commit()
        assert len(_events(session, drop)) == 1
        assert _events(session, pending) == []  # not confirmed: never mailed

        report = send_pending(session, _settings(port), T0 + DAY)
        session.commit()
        assert report.sent == 1
        assert len(messages) == 1
        assert messages[0]["To"] == "drop@example.org"
        assert "31\u202f500,00\u00a0€" in body(messages[0])
        assert "Alpha" in body(messages[0])
        assert "/alerts/unsubscribe/" in body(messages[0])
        assert messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

        # The same data checked again (a re-run, a second scheduler) finds nothing new...
        assert check(session, T0 + DAY) == []
        session.commit()
        assert send_pending(session, _settings(port), T0 + DAY).sent == 0
        assert len(messages) == 1
        # ...and the database itself refuses a second row for the same event.
        event = _events(session, drop)[0]
        session.add(AlertEvent(alert_id=drop.id, event_key=event.event_key, kind="drop"))
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()


def test_target_price_rule_rearms(db_url: str) -> None:
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "AMD Radeon RX 9070 XT", category="gpu")
        offer = add_offer(session, shop, product, "950.00", T0)
        alert = _active(session, product.id, "target", "900")
        check(session, T0)
        mailed = []
        for day, price in enumerate(["940", "890", "880", "885", "950", "890"], start=1):
            observe(session, offer, price, T0 + day * DAY)
            check(session, T0 + day * DAY)
            mailed.append([str(e.price) for e in _events(session, alert)])
        # Mailed on crossing (890), on a further fall (880), not on 885, again after re-arming.
        assert mailed[-1] == ["890.00", "880.00", "890.00"]
        assert [len(m) for m in mailed] == [0, 1, 2, 2, 2, 3]


def test_new_lowest_price_needs_an_all_time_low(db_url: str) -> None:
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "Apple AirPods Pro 3", category="earbuds")
        offer = add_offer(session, shop, product, "279.00", T0 - 30 * DAY)
        history(session, offer, ["249.00", "269.00", "259.00"], T0 - 3 * DAY, DAY)
        lowest = _active(session, product.id, "lowest")
        drop = _active(session, product.id, "drop")
        check(session, T0)
        observe(session, offer, "255.00", T0 + DAY)  # a drop, not under the 249 low
        check(session, T0 + DAY)
        assert _events(session, lowest) == []
        assert [e.kind for e in _events(session, drop)] == ["drop"]
        observe(session, offer, "245.00", T0 + 2 * DAY)
        types = {e.type for e in check(session, T0 + 2 * DAY)}
        assert types == {"price_drop", "new_lowest_price"}
        [event] = _events(session, lowest)
        assert (event.price, event.previous_price) == (Decimal("245.00"), Decimal("249.00"))


def test_back_in_stock_and_delivery_counts(db_url: str) -> None:
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "Google Pixel 10 Pro 256 Go", category="smartphone")
        offer = add_offer(session, shop, product, "999.00", T0, availability="OutOfStock")
        alert = _active(session, product.id, "stock")
        assert check(session, T0) == []
        offer.delivery = Decimal("9.90")
        observe(session, offer, "989.00", T0 + DAY, availability="InStock")
        [event] = check(session, T0 + DAY)
        # The total price (price + delivery) is what the reader is told.
        assert (event.type, event.price) == ("back_in_stock", Decimal("998.90"))
        assert [e.kind for e in _events(session, alert)] == ["stock"]
        assert check(session, T0 + 2 * DAY) == []


def test_stale_offers_do_not_count(db_url: str) -> None:
    with db_session(db_url) as session:
        old, fresh = add_shop(session, "old"), add_shop(session, "fresh")
        product = add_product(session, "Samsung Galaxy S25 Ultra 256 Go", category="smartphone")
        add_offer(session, old, product, "900.00", T0 - 30 * DAY)  # not seen for a month
        offer = add_offer(session, fresh, product, "1200.00", T0)
        check(session, T0)
        observe(session, offer, "1100.00", T0 + DAY)
        [event] = check(session, T0 + DAY)
        assert (event.type, event.price, event.shop_name) == (
            "price_drop",
            Decimal("1100.00"),
            "Fresh",
        )


def test_smtp_outage_keeps_mails_queued(db_url: str, smtp) -> None:  # type: ignore[no-untyped-def]
    port, messages = smtp
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "Apple MacBook Air 13 M4 16 Go 512 Go", category="laptop")
        offer = add_offer(session, shop, product, "1499.00", T0)
        alert = _active(session, product.id, "drop")
        check(session, T0)
        observe(session, offer, "1399.00", T0 + DAY)
        check(session, T0 + DAY)
        session.commit()
        down = MailSettings(port=1, site_url="http://site.test", timeout=2)
        report = send_pending(session, down, T0 + DAY)
        session.commit()
        assert report.deferred and report.sent == 0
        assert [e.status for e in _events(session, alert)] == ["pending"]
        assert send_pending(session, _settings(port), T0 + DAY).sent == 1
        session.commit()
        assert [e.status for e in _events(session, alert)] == ["sent"]
        assert len(messages) == 1


def test_cli_check_sends_the_mails(db_url: str, smtp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from comparateur.cli import main

    port, messages = smtp
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "NVIDIA GeForce RTX 5090", category="gpu")
        offer = add_offer(session, shop, product, "2499.00", T0)
        _active(session, product.id, "drop")
        session.commit()
    monkeypatch.setenv("COMPARATEUR_MAIL_PORT", str(port))
    monkeypatch.setenv("COMPARATEUR_SITE_URL", "http://site.test")
    runner = CliRunner()
    first = runner.invoke(main, ["alerts", "check", "--db", db_url, "--at", T0.isoformat()])
    assert first.exit_code == 0, first.output
    with db_session(db_url) as session:
        observe(session, session.get(type(offer), offer.id), "2399.00", T0 + DAY)
        session.commit()
    at = (T0 + DAY).isoformat()
    second = runner.invoke(main, ["alerts", "check", "--db", db_url, "--at", at])
    assert second.exit_code == 0, second.output
    assert "2 event(s); mails sent 1," in second.output  # a drop and a new low; one alert
    again = runner.invoke(main, ["alerts", "check", "--db", db_url, "--at", at])
    assert "0 event(s); mails sent 0" in again.output
    assert len(messages) == 1
    assert "http://site.test/product/" in body(messages[0])


def test_unconfirmed_alerts_are_forgotten_after_a_week(db_url: str) -> None:
    with db_session(db_url) as session:
        product = add_product(session, "Apple iPhone 17 Pro 256 Go", category="smartphone")
        kept = _active(session, product.id, "drop")
        subs.subscribe(session, product.id, "never@example.org", "drop", None, T0)
        assert subs.forget_unconfirmed(session, T0 + DAY) == 0
        assert subs.forget_unconfirmed(session, T0 + 8 * DAY) == 1
        assert [a.id for a in session.scalars(select(Alert))] == [kept.id]


def test_starttls_and_login_with_a_private_ca(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import ssl
    import subprocess

    from aiosmtpd.smtp import AuthResult, LoginPassword

    from catalog.alerts_mail import send

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a throwaway certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    logins: list[tuple[str, str]] = []

    def authenticator(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"relay-secret")

    options = {"tls_context": server_tls, "require_starttls": True, "authenticator": authenticator}
    with smtp_server(**options) as (port, messages):
        config = {
            "MAIL_PORT": str(port),
            "MAIL_SECURITY": "starttls",
            "MAIL_USERNAME": "alertes",
            "MAIL_PASSWORD": "relay-secret",
            "MAIL_CA_FILE": str(cert),
        }
        settings = MailSettings.from_config(config)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@b.test", "c@d.test", "tls"
        message.set_content("over TLS")
        assert send(settings, [message]) == 1
        assert logins == [("alertes", "relay-secret")]
        assert [m["Subject"] for m in messages] == ["tls"]
        # Without the private CA the certificate is refused: no mail leaves in clear.
        with pytest.raises(ssl.SSLError):
            send(MailSettings.from_config(dict(config, MAIL_CA_FILE="")), [message])
        assert len(messages) == 1
