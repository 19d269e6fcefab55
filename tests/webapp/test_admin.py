"""The editors' admin: login, cookie flags, throttling, CSRF, roles, audit rows, crawl pages."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from test_alerts_support import (
    T0,
    Clock,
    add_run,
    add_shop,
    add_user,
    db_session,
    dispose,
    login,
    make_app,
    page_token,
)

from catalog.site_models import AuditEntry, User
from webapp.admin.auth import MAX_FAILURES_PER_EMAIL


@pytest.fixture
def site(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    add_user(db_url, "chef@example.org", "admin")
    add_user(db_url, "redac@example.org", "editor")
    app = make_app(db_url, Clock(), CRAWL_LOG_DIR=str(tmp_path / "logs"))
    yield app
    dispose(app)


def _audit(db_url: str, action: str | None = None) -> list[AuditEntry]:
    with db_session(db_url) as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            query = query.where(AuditEntry.action == action)
        return list(session.scalars(query))


def test_login_required_and_session_cookie_flags(site, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    for path in ("/admin/", "/admin/crawls", "/admin/review", "/admin/users"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/admin/login")
    response = login(client, "chef@example.org")
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert client.get("/admin/").status_code == 200
    [entry] = _audit(db_url, "login")
    assert entry.actor == "chef@example.org" and entry.target_type == "user"
    logout = client.post("/admin/logout", data={"csrf_token": page_token(client)})
    assert logout.status_code == 302
    assert client.get("/admin/").status_code == 302
    assert _audit(db_url, "logout")


def test_login_never_redirects_off_site(site) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    page = client.get("/admin/login")
    from test_alerts_support import PASSWORD, csrf_of

    data = {
        "email": "chef@example.org",
        "password": PASSWORD,
        "csrf_token": csrf_of(page.get_data(as_text=True)),
        "next": "//evil.example/admin",
    }
    assert client.post("/admin/login", data=data).headers["Location"] == "/admin/"


def test_wrong_passwords_are_audited_and_throttled(site, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    for _ in range(MAX_FAILURES_PER_EMAIL):
        assert login(client, "chef@example.org", "wrong password!").status_code == 401
    # Even the right password is refused while the address is throttled.
    assert login(client, "chef@example.org").status_code == 429
    assert client.get("/admin/").status_code == 302
    assert len(_audit(db_url, "login.failed")) == MAX_FAILURES_PER_EMAIL
    assert _audit(db_url, "login.throttled")
    # Unknown accounts fail the same way.
    assert login(client, "nobody@example.org", "whatever-long").status_code == 401


def test_throttle_expires(db_url: str, tmp_path: Path) -> None:
    from webapp.admin.auth import LOGIN_WINDOW

    add_user(db_url, "chef@example.org", "admin")
    clock = Clock()
    app = make_app(db_url, clock)
    try:
        client = app.test_client()
        for _ in range(MAX_FAILURES_PER_EMAIL):
            login(client, "chef@example.org", "wrong password!")
        assert login(client, "chef@example.org").status_code == 429
        clock.now = T0 + LOGIN_WINDOW + timedelta(seconds=1)
        assert login(client, "chef@example.org").status_code == 302
    finally:
        dispose(app)


def test_every_form_needs_the_csrf_token(site, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    client.get("/admin/login")
    # Login itself: no token, no session.
    from test_alerts_support import PASSWORD

    data = {"email": "chef@example.org", "password": PASSWORD}
    assert client.post("/admin/login", data=data).status_code == 400
    login(client, "chef@example.org")
    forms = {
        "/admin/users": {
            "email": "new@example.org",
            "password": "long enough pw",
            "role": "editor",
        },
        "/admin/webhooks": {"url": "https://example.org/h", "events": "back_in_stock"},
        "/admin/crawls/start": {"shop": "alpha"},
        "/admin/products/merge": {"keep": "1", "merge": "2"},
        "/admin/review/1": {"action": "accept"},
        "/admin/logout": {},
    }
    for path, form in forms.items():
        assert client.post(path, data=form).status_code == 400, path
        assert client.post(path, data=dict(form, csrf_token="forged")).status_code == 400, path
    with db_session(db_url) as session:
        assert session.scalar(select(User).where(User.email == "new@example.org")) is None
    assert client.get("/admin/").status_code == 200  # still logged in: logout was refused


def test_roles(site) -> None:  # type: ignore[no-untyped-def]
    editor, admin = site.test_client(), site.test_client()
    login(editor, "redac@example.org")
    login(admin, "chef@example.org")
    for path in ("/admin/", "/admin/crawls", "/admin/review", "/admin/shops"):
        assert editor.get(path).status_code == 200, path
    for path in ("/admin/users", "/admin/webhooks", "/admin/audit"):
        assert editor.get(path).status_code == 403, path
        assert admin.get(path).status_code == 200, path
    token = page_token(editor)
    form = {"csrf_token": token, "email": "x@example.org", "password": "long enough pw"}
    assert editor.post("/admin/users", data=form).status_code == 403
    nav = editor.get("/admin/").get_data(as_text=True)
    assert "/admin/users" not in nav


def test_admin_manages_users_and_every_change_is_audited(site, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    login(client, "chef@example.org")
    token = page_token(client, "/admin/users")
    form = {"csrf_token": token, "email": "Pigiste@Example.org", "password": "long enough pw"}
    assert client.post("/admin/users", data=dict(form, role="editor")).status_code == 302
    with db_session(db_url) as session:
        user = session.scalars(select(User).where(User.email == "pigiste@example.org")).one()
    [added] = _audit(db_url, "user.add")
    assert added.actor == "chef@example.org"
    assert (added.target_type, added.target_id) == ("user", str(user.id))
    assert added.after == {"email": "pigiste@example.org", "role": "editor", "active": True}
    assert "long enough pw" not in str(added.after)

    data = {"csrf_token": token, "role": "admin", "active": "1"}
    assert client.post(f"/admin/users/{user.id}", data=data).status_code == 302
    [changed] = _audit(db_url, "user.update")
    assert changed.before["role"] == "editor" and changed.after["role"] == "admin"
    # A too-short password is refused and nothing is written.
    short = dict(form, email="short@example.org", password="short")
    client.post("/admin/users", data=short)
    assert len(_audit(db_url, "user.add")) == 1
    audit_page = client.get("/admin/audit").get_data(as_text=True)
    assert "user.update" in audit_page and "pigiste@example.org" in audit_page


def test_last_admin_cannot_be_demoted(site, db_url) -> None:  # type: ignore[no-untyped-def]
    client = site.test_client()
    login(client, "chef@example.org")
    token = page_token(client, "/admin/users")
    with db_session(db_url) as session:
        me = session.scalars(select(User).where(User.email == "chef@example.org")).one()
    client.post(f"/admin/users/{me.id}", data={"csrf_token": token, "role": "editor"})
    with db_session(db_url) as session:
        assert session.get(User, me.id).role == "admin"  # type: ignore[union-attr]
    assert _audit(db_url, "user.update") == []


def test_crawl_runs_with_errors_and_dropped_reasons(site, db_url) -> None:  # type: ignore[no-untyped-def]
    with db_session(db_url) as session:
        shop = add_shop(session, "alpha", "Alpha Informatique")
        add_run(session, shop, T0 - timedelta(days=1), status="finished", pages=40, offers=38)
        run = add_run(
            session,
            shop,
            T0,
            status="failed",
            pages=12,
            offers=9,
            errors=3,
            dropped={"no_price": 2, "http_404": 1},
            stats={"downloader/response_count": 12},
            message="TimeoutError: <boom>",
            finished_at=T0 + timedelta(minutes=3),
        )
        session.commit()
        run_id = run.id
    client = site.test_client()
    login(client, "redac@example.org")
    page = client.get("/admin/crawls?shop=alpha").get_data(as_text=True)
    for text in ("Alpha Informatique", "no_price : 2", "http_404 : 1", "failed", "finished"):
        assert text in page, text
    assert "&lt;boom&gt;" in page  # crawler messages are escaped
    detail = client.get(f"/admin/crawls/{run_id}").get_data(as_text=True)
    assert "downloader/response_count" in detail and "no_price" in detail
    assert client.get("/admin/crawls/999999").status_code == 404


def test_start_a_crawl_in_the_background(db_url: str, tmp_path: Path) -> None:
    from webapp.admin import views

    add_user(db_url, "redac@example.org", "editor")
    with db_session(db_url) as session:
        add_shop(session, "alpha")
        session.commit()
    marker = tmp_path / "argv.txt"
    fake = f"import sys; open({str(marker)!r}, 'w').write(' '.join(sys.argv[1:]))"
    app = make_app(
        db_url,
        Clock(),
        CRAWL_COMMAND=[sys.executable, "-c", fake, "crawl"],
        CRAWL_LOG_DIR=str(tmp_path / "logs"),
    )
    try:
        client = app.test_client()
        login(client, "redac@example.org")
        token = page_token(client, "/admin/crawls")
        response = client.post("/admin/crawls/start", data={"csrf_token": token, "shop": "alpha"})
        assert response.status_code == 302
        child = views._CHILDREN["alpha"]
        assert child.wait(timeout=60) == 0
        assert marker.read_text() == f"crawl --shop alpha --db {db_url}"
        [entry] = _audit(db_url, "crawl.start")
        assert entry.actor == "redac@example.org" and entry.target_id == "alpha"
        assert db_url not in str(entry.after)  # the database URL may hold a password
        unknown = {"csrf_token": token, "shop": "no-such-shop"}
        assert client.post("/admin/crawls/start", data=unknown).status_code == 400
        assert (
            client.post("/admin/crawls/start", data=dict(unknown, shop="../x")).status_code == 400
        )
    finally:
        views._CHILDREN.clear()
        dispose(app)


def test_shops_page_reads_the_configuration(db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "shops.toml"
    config.write_text(
        """
[[shop]]
slug = "gamma"
name = "Gamma <Store>"
url = "https://gamma.example/"
discovery.sitemaps = ["https://gamma.example/sitemap.xml"]
delivery = { flat = "4.99", free_over = "50" }
schedule = { cron = "0 */6 * * *" }
""",
        encoding="utf-8",
    )
    add_user(db_url, "redac@example.org", "editor")
    app = make_app(db_url, Clock(), SHOPS_CONFIG=str(config))
    try:
        client = app.test_client()
        login(client, "redac@example.org")
        page = client.get("/admin/shops").get_data(as_text=True)
        assert "Gamma &lt;Store&gt;" in page
        assert "0 */6 * * *" in page and "sitemap" in page
        config.write_text('[[shop]]\nslug = "bad"\nurl = "ftp://x"\n', encoding="utf-8")
        broken = client.get("/admin/shops").get_data(as_text=True)
        assert "Configuration invalide" in broken and "bad" in broken
    finally:
        dispose(app)
