"""Readers' alerts through the site: double opt-in, unsubscribe, CSRF and rate limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from test_alerts_support import (
    T0,
    Clock,
    add_offer,
    add_product,
    add_shop,
    csrf_of,
    db_session,
    dispose,
    link,
    make_app,
    smtp_server,
)

from catalog import alert_subscriptions as subs
from catalog.site_models import Alert


@pytest.fixture
def smtp() -> Iterator[tuple[int, list]]:
    with smtp_server() as server:
        yield server


@pytest.fixture
def product_id(db_url: str) -> int:
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha")
        product = add_product(session, "NVIDIA H200 NVL 141 Go")
        add_offer(session, shop, product, "31999.00", T0)
        session.commit()
        return product.id


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def site(db_url: str, smtp: tuple[int, list], clock: Clock):  # type: ignore[no-untyped-def]
    app = make_app(db_url, clock, MAIL_PORT=smtp[0])
    yield app
    dispose(app)


def _subscribe(client, product_id: int, email: str, kind: str = "target", target: str = "30 000"):  # type: ignore[no-untyped-def]
    page = client.get(f"/alerts/new?product_id={product_id}")
    assert page.status_code == 200
    data = {
        "csrf_token": csrf_of(page.get_data(as_text=True)),
        "product_id": str(product_id),
        "email": email,
        "kind": kind,
        "target_price": target,
    }
    return client.post("/alerts/new", data=data)


def _alerts(db_url: str) -> list[Alert]:
    with db_session(db_url) as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def test_double_opt_in_by_mailed_link(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    response = _subscribe(client, product_id, "Lectrice@Example.org")
    assert response.status_code == 200
    assert "lien de confirmation" in response.get_data(as_text=True)
    [alert] = _alerts(db_url)
    assert (alert.status, alert.email, alert.kind) == ("pending", "lectrice@example.org", "target")
    assert str(alert.target_price) == "30000.00"

    _, messages = smtp
    assert len(messages) == 1
    mail = messages[0]
    assert mail["To"] == "lectrice@example.org"
    assert "NVIDIA H200" in mail["Subject"]
    assert mail["List-Unsubscribe"].strip().startswith("<http://localhost/alerts/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    confirm = link(mail, "confirm").replace("http://localhost", "")
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Alerte confirmée" in page.get_data(as_text=True)
    assert _alerts(db_url)[0].status == "active"
    # Following the link again keeps it active; a forged token is refused.
    assert client.get(confirm).status_code == 200
    assert client.get(confirm[:-3] + "xyz").status_code == 400
    assert _alerts(db_url)[0].status == "active"


def test_confirmation_link_expires(site, smtp, product_id, db_url, clock) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    _subscribe(client, product_id, "late@example.org", kind="stock")
    confirm = link(smtp[1][0], "confirm").replace("http://localhost", "")
    clock.now = T0 + subs.CONFIRM_MAX_AGE + timedelta(minutes=1)
    assert client.get(confirm).status_code == 400
    assert _alerts(db_url)[0].status == "pending"


def test_unsubscribe_link_and_one_click_post(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    _subscribe(client, product_id, "a@example.org", kind="drop")
    _subscribe(client, product_id, "b@example.org", kind="lowest")
    first, second = smtp[1]
    client.get(link(first, "confirm").replace("http://localhost", ""))

    # One click in the mail body (GET) unsubscribes.
    page = client.get(link(first, "unsubscribe").replace("http://localhost", ""))
    assert page.status_code == 200
    # RFC 8058: the mail client POSTs without any CSRF token; the signed URL is the proof.
    target = second["List-Unsubscribe"].strip().strip("<>").replace("http://localhost", "")
    other = site.test_client()
    response = other.post(target, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert [a.status for a in _alerts(db_url)] == ["unsubscribed", "unsubscribed"]
    # A confirm link after unsubscribing does not re-activate the alert.
    client.get(link(second, "confirm").replace("http://localhost", ""))
    assert _alerts(db_url)[1].status == "unsubscribed"
    # A tampered token changes nothing.
    assert client.get("/alerts/unsubscribe/not-a-token").status_code == 400


def test_form_refused_without_csrf_token(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    client.get(f"/alerts/new?product_id={product_id}")
    data = {"product_id": str(product_id), "email": "x@example.org", "kind": "drop"}
    assert client.post("/alerts/new", data=data).status_code == 400
    wrong = dict(data, csrf_token="forged")
    assert client.post("/alerts/new", data=wrong).status_code == 400
    assert _alerts(db_url) == []
    assert smtp[1] == []


def test_invalid_input_is_refused(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    assert _subscribe(client, product_id, "not-an-address").status_code == 400
    assert _subscribe(client, product_id, "ok@example.org", target="").status_code == 400
    assert _subscribe(client, product_id, "ok@example.org", target="-5").status_code == 400
    assert _subscribe(client, product_id, "ok@example.org", kind="anything").status_code == 400
    assert client.get("/alerts/new?product_id=999999").status_code == 404
    assert _alerts(db_url) == []


def test_rate_limited_per_address_and_per_ip(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    from webapp.alerts import PER_ADDRESS, PER_IP

    client = site.test_client()
    for _ in range(PER_ADDRESS):
        assert _subscribe(client, product_id, "same@example.org", kind="drop").status_code == 200
    assert _subscribe(client, product_id, "same@example.org", kind="drop").status_code == 429
    # Other addresses from the same IP still pass until the IP limit (the refused attempt
    # above counted for the IP too).
    for n in range(PER_IP - PER_ADDRESS - 1):
        response = _subscribe(client, product_id, f"r{n}@example.org", kind="stock")
        assert response.status_code == 200
    assert _subscribe(client, product_id, "fresh@example.org", kind="stock").status_code == 429
    with db_session(db_url) as session:
        assert session.scalar(select(func.count()).select_from(Alert)) == PER_IP - PER_ADDRESS


def test_rate_limit_window_passes(site, smtp, product_id, clock) -> None:  # type: ignore[no-untyped-def]
    from webapp.alerts import PER_ADDRESS, WINDOW

    client = site.test_client()
    for _ in range(PER_ADDRESS):
        _subscribe(client, product_id, "again@example.org", kind="drop")
    assert _subscribe(client, product_id, "again@example.org", kind="drop").status_code == 429
    clock.now = T0 + WINDOW + timedelta(seconds=1)
    assert _subscribe(client, product_id, "again@example.org", kind="drop").status_code == 200


def test_form_include_renders_for_product_pages(site, product_id) -> None:  # type: ignore[no-untyped-def]
    page = site.test_client().get(f"/alerts/new?product_id={product_id}")
    html = page.get_data(as_text=True)
    for kind in ("target", "drop", "lowest", "stock"):
        assert f'value="{kind}"' in html
    assert 'name="csrf_token"' in html
    assert "Content-Security-Policy" in page.headers


def test_english_pages_and_mails(site, smtp, product_id, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    page = client.get(f"/alerts/new?product_id={product_id}&lang=en")
    html = page.get_data(as_text=True)
    assert "Create the alert" in html and "when the price falls below" in html
    data = {
        "csrf_token": csrf_of(html),
        "product_id": str(product_id),
        "email": "reader@example.org",
        "kind": "lowest",
    }
    response = client.post("/alerts/new", data=data)  # the language cookie is remembered
    assert "Check your inbox" in response.get_data(as_text=True)
    [mail] = smtp[1]
    assert mail["Subject"].startswith("Confirm your price alert")
    assert _alerts(db_url)[0].locale == "en"
    refused = client.post("/alerts/new", data=dict(data, email="nope"))
    assert "invalid e-mail address" in refused.get_data(as_text=True)
