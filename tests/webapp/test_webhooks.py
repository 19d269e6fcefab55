"""Signed webhooks: HMAC-SHA256 signatures checked by a real local receiver, retries, log."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select
from test_alerts_support import (
    PASSWORD,
    T0,
    Clock,
    add_offer,
    add_product,
    add_shop,
    add_user,
    db_session,
    dispose,
    login,
    make_app,
    observe,
    page_token,
    webhook_receiver,
)

from catalog.alerts import check
from catalog.site_models import Webhook, WebhookDelivery
from webapp import webhooks

SECRET = "s3cret-for-tests"
DAY = timedelta(days=1)


def test_signature_round_trip_and_refusals() -> None:
    body = b'{"type":"ping"}'
    now = T0.timestamp()
    header = webhooks.sign(SECRET, body, int(now))
    assert header.startswith(f"t={int(now)},v1=")
    assert webhooks.verify(SECRET, header, body, now)
    assert webhooks.verify(SECRET, header, body, now + webhooks.REPLAY_WINDOW)
    assert not webhooks.verify("other secret", header, body, now)
    assert not webhooks.verify(SECRET, header, body + b" ", now)
    # Replayed later than the window (or stamped in the future): refused.
    assert not webhooks.verify(SECRET, header, body, now + webhooks.REPLAY_WINDOW + 1)
    assert not webhooks.verify(SECRET, header, body, now - webhooks.REPLAY_WINDOW - 1)
    assert not webhooks.verify(SECRET, "garbage", body, now)
    assert not webhooks.verify(SECRET, "", body, now)


def _product_with_hook(session, url: str, events: list[str]):  # type: ignore[no-untyped-def]
    shop = add_shop(session, "alpha", "Alpha")
    product = add_product(session, "NVIDIA H200 NVL 141 Go")
    offer = add_offer(session, shop, product, "30999.00", T0, availability="OutOfStock")
    hook = Webhook(url=url, secret=SECRET, events=events, created_at=T0)
    session.add(hook)
    check(session, T0)
    return offer, hook


def test_events_reach_a_real_receiver_with_valid_signatures(db_url: str) -> None:
    with webhook_receiver() as receiver, db_session(db_url) as session:
        offer, hook = _product_with_hook(
            session, receiver.url, ["new_lowest_price", "back_in_stock"]
        )
        observe(session, offer, "29999.00", T0 + DAY, availability="InStock")
        events = check(session, T0 + DAY)
        assert {e.type for e in events} == {"back_in_stock"}
        observe(session, offer, "28999.00", T0 + 2 * DAY)
        check(session, T0 + 2 * DAY)
        session.commit()
        done = webhooks.deliver_due(session, T0 + 2 * DAY)
        session.commit()
        assert [d.status for d in done] == ["delivered", "delivered"]
        # price_drop happened too but this endpoint did not subscribe to it.
        types = []
        for headers, raw in receiver.requests:
            stamp = int((T0 + 2 * DAY).timestamp())
            assert webhooks.verify(SECRET, headers[webhooks.SIGNATURE_HEADER], raw, stamp)
            payload = json.loads(raw)
            assert headers[webhooks.EVENT_HEADER] == payload["type"]
            types.append(payload["type"])
        assert sorted(types) == ["back_in_stock", "new_lowest_price"]
        lowest = next(json.loads(r) for _, r in receiver.requests if b"lowest" in r)
        assert lowest["price"] == "28999.00" and lowest["previous_price"] == "29999.00"
        assert lowest["product"]["name"] == "NVIDIA H200 NVL 141 Go"
        # Nothing is sent twice.
        assert webhooks.deliver_due(session, T0 + 3 * DAY) == []
        assert check(session, T0 + 2 * DAY) == []
        assert len(receiver.requests) == 2


def test_failures_are_retried_with_backoff_and_logged(db_url: str) -> None:
    with webhook_receiver() as receiver, db_session(db_url) as session:
        offer, _ = _product_with_hook(session, receiver.url, ["back_in_stock"])
        observe(session, offer, "29999.00", T0 + DAY, availability="InStock")
        check(session, T0 + DAY)
        receiver.statuses = [500, 503]
        start = T0 + DAY
        [delivery] = webhooks.deliver_due(session, start)
        assert (delivery.status, delivery.attempts, delivery.last_status) == ("pending", 1, 500)
        assert delivery.next_attempt_at == start + webhooks.BACKOFF[0]
        # Not due yet: nothing is sent.
        assert webhooks.deliver_due(session, start + webhooks.BACKOFF[0] / 2) == []
        second = start + webhooks.BACKOFF[0]
        webhooks.deliver_due(session, second)
        assert (delivery.attempts, delivery.next_attempt_at) == (2, second + webhooks.BACKOFF[1])
        third = second + webhooks.BACKOFF[1]
        webhooks.deliver_due(session, third)
        session.commit()
        assert (delivery.status, delivery.attempts) == ("delivered", 3)
        assert [a.status_code for a in delivery.log] == [500, 503, 200]
        assert [a.error for a in delivery.log] == ["HTTP 500", "HTTP 503", None]
        assert len(receiver.requests) == 3
        # Every retry is signed afresh for its own time.
        stamps = [h[webhooks.SIGNATURE_HEADER].split(",")[0] for h, _ in receiver.requests]
        assert len(set(stamps)) == 3


def test_unreachable_endpoint_is_given_up(db_url: str) -> None:
    with db_session(db_url) as session:
        offer, _ = _product_with_hook(session, "http://127.0.0.1:1/nothing", ["back_in_stock"])
        observe(session, offer, "29999.00", T0 + DAY, availability="InStock")
        check(session, T0 + DAY)
        when = T0 + DAY
        for _ in range(len(webhooks.BACKOFF) + 1):
            for delivery in webhooks.deliver_due(session, when, timeout=2):
                when = delivery.next_attempt_at or when
        [delivery] = session.scalars(select(WebhookDelivery)).all()
        assert delivery.status == "failed"
        assert delivery.attempts == len(webhooks.BACKOFF) + 1
        assert all(a.status_code is None and a.error for a in delivery.log)


def test_admin_registers_a_webhook_and_sends_a_test(db_url: str) -> None:
    add_user(db_url, "chef@example.org", "admin")
    app = make_app(db_url, Clock())
    try:
        with webhook_receiver() as receiver:
            client = app.test_client()
            assert login(client, "chef@example.org", PASSWORD).status_code == 302
            token = page_token(client, "/admin/webhooks")
            created = client.post(
                "/admin/webhooks",
                data={
                    "csrf_token": token,
                    "url": receiver.url,
                    "description": "Desk hardware",
                    "events": ["new_lowest_price", "back_in_stock", "bogus"],
                },
            )
            assert created.status_code == 200
            with db_session(db_url) as session:
                hook = session.scalars(select(Webhook)).one()
                assert hook.events == ["new_lowest_price", "back_in_stock"]
                assert hook.secret in created.get_data(as_text=True)  # shown once
            tested = client.post(
                f"/admin/webhooks/{hook.id}", data={"csrf_token": token, "action": "test"}
            )
            assert tested.status_code == 302
            [(headers, raw)] = receiver.requests
            assert json.loads(raw)["type"] == "ping"
            stamp = int(T0.timestamp())
            assert webhooks.verify(hook.secret, headers[webhooks.SIGNATURE_HEADER], raw, stamp)
            detail = client.get(f"/admin/webhooks/{hook.id}").get_data(as_text=True)
            assert "ping" in detail and "delivered" in detail
            # The audit log names the action but never the secret.
            audit = client.get("/admin/audit").get_data(as_text=True)
            assert "webhook.add" in audit and "webhook.test" in audit
            assert hook.secret not in audit
    finally:
        dispose(app)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "javascript:alert(1)", "not a url"])
def test_admin_refuses_bad_urls(db_url: str, url: str) -> None:
    add_user(db_url, "chef@example.org", "admin")
    app = make_app(db_url, Clock())
    try:
        client = app.test_client()
        login(client, "chef@example.org")
        token = page_token(client, "/admin/webhooks")
        data = {"csrf_token": token, "url": url, "events": ["back_in_stock"]}
        assert client.post("/admin/webhooks", data=data).status_code == 302
        with db_session(db_url) as session:
            assert session.scalars(select(Webhook)).all() == []
    finally:
        dispose(app)
