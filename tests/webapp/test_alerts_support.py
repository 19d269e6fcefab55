"""Helpers for the alerts/admin/widget/feeds/webhooks tests (no tests here).

A real SMTP server (aiosmtpd) on a free port, a real HTTP receiver for webhooks, catalogue
builders and a Flask app on the `db_url` database with an injected clock.
"""

from __future__ import annotations

import email
import email.policy
import http.server
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from catalog.db import make_engine, make_session_factory
from catalog.models import CrawlRun, Offer, PriceObservation, Product, Shop
from webapp import create_app

T0 = datetime.fromisoformat("2026-01-30T12:00:00+00:00")
PASSWORD = "correct horse battery"


# -- SMTP ---------------------------------------------------------------------------------------


class _Collect:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"


class _PortZeroController(Controller):
    """aiosmtpd's controller on a socket bound to port 0 (a free port, no race)."""

    def __init__(self, handler: Any, **smtp_options: Any) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        port = self._sock.getsockname()[1]
        super().__init__(handler, hostname="127.0.0.1", port=port, **smtp_options)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


@contextmanager
def smtp_server(**smtp_options: Any) -> Iterator[tuple[int, list[EmailMessage]]]:
    """(port, received messages). smtplib returns only after the server stored the DATA.

    `smtp_options` go to aiosmtpd's SMTP (tls_context, require_starttls, authenticator...).
    """
    handler = _Collect()
    controller = _PortZeroController(handler, **smtp_options)
    controller.start()
    try:
        yield controller.port, handler.messages
    finally:
        controller.stop()


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def link(message: EmailMessage, kind: str) -> str:
    """The confirm/unsubscribe URL in a mail body."""
    found = re.search(rf"https?://\S+/alerts/{kind}/\S+", body(message))
    assert found, body(message)
    return found.group(0)


# -- webhook receiver ---------------------------------------------------------------------------


@dataclass
class Receiver:
    url: str
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answers to give, in order; then 200


@contextmanager
def webhook_receiver() -> Iterator[Receiver]:
    """A real HTTP server on 127.0.0.1:0 recording every POST."""
    receiver = Receiver(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            receiver.requests.append((dict(self.headers.items()), data))
            status = receiver.statuses.pop(0) if receiver.statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/prices"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


# -- data ---------------------------------------------------------------------------------------


@contextmanager
def db_session(db_url: str) -> Iterator[Session]:
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def add_shop(session: Session, slug: str, name: str | None = None) -> Shop:
    shop = Shop(slug=slug, name=name or slug.title(), domain=f"{slug}.example")
    session.add(shop)
    session.flush()
    return shop


def add_product(session: Session, name: str, category: str = "gpu-datacenter") -> Product:
    product = Product(name=name, brand=name.split()[0], category=category)
    session.add(product)
    session.flush()
    return product


def add_offer(
    session: Session,
    shop: Shop,
    product: Product,
    price: str,
    when: datetime,
    availability: str = "InStock",
    delivery: str | None = None,
) -> Offer:
    offer = Offer(
        shop_id=shop.id,
        product_id=product.id,
        url=f"https://{shop.domain}/p/{product.id}",
        title=product.name,
        price=Decimal(price),
        delivery=None if delivery is None else Decimal(delivery),
        availability=availability,
        first_seen=when,
        last_seen=when,
    )
    session.add(offer)
    session.flush()
    observe(session, offer, price, when, availability)
    return offer


def observe(
    session: Session, offer: Offer, price: str, when: datetime, availability: str = "InStock"
) -> None:
    """A crawl saw `offer` at `price`: update it and record the observation."""
    offer.price = Decimal(price)
    offer.availability = availability
    offer.last_seen = when
    session.add(
        PriceObservation(
            offer_id=offer.id,
            observed_at=when,
            price=Decimal(price),
            delivery=offer.delivery,
            availability=availability,
        )
    )
    session.flush()


def history(
    session: Session, offer: Offer, prices: list[str], start: datetime, step: timedelta
) -> datetime:
    """Observe `prices` one after another from `start`; returns the last time."""
    when = start
    for price in prices:
        observe(session, offer, price, when)
        when += step
    return when - step


def add_run(session: Session, shop: Shop, when: datetime, **values: Any) -> CrawlRun:
    run = CrawlRun(shop_id=shop.id, spider="shop", started_at=when, **values)
    session.add(run)
    session.flush()
    return run


# -- the app ------------------------------------------------------------------------------------


class Clock:
    """A settable clock for the app (`CLOCK` config)."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_app(db_url: str, clock: Callable[[], datetime], **config: Any) -> Flask:
    settings: dict[str, Any] = {
        "DATABASE_URL": db_url,
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "CLOCK": clock,
        "SITE_URL": "http://localhost",
        "MAIL_HOST": "127.0.0.1",
        "MAIL_PORT": 1,  # nothing listens there unless a test gives its SMTP port
        "MAIL_FROM": "Comparateur <alertes@comparateur.test>",
    }
    settings.update(config)
    return create_app(settings)


def dispose(app: Flask) -> None:
    app.extensions["comparateur.engine"].dispose()


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def add_user(db_url: str, email: str, role: str) -> int:
    from catalog import accounts

    with db_session(db_url) as session:
        # A cheap scrypt cost keeps the tests quick; verification reads it from the hash.
        user = accounts.create_user(session, email, PASSWORD, role, method="scrypt:1024:8:1")
        session.commit()
        return user.id


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> Any:
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    return client.post(
        "/admin/login", data={"email": email, "password": password, "csrf_token": token}
    )


def page_token(client: FlaskClient, path: str = "/admin/") -> str:
    return csrf_of(client.get(path).get_data(as_text=True))


# -- a real server and the browser ------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve `app` from a thread on 127.0.0.1:0; yields the base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def migrated_sqlite(directory: Any) -> str:
    from catalog.migrate import upgrade

    url = f"sqlite:///{directory / 'site.db'}"
    upgrade(url)
    return url
