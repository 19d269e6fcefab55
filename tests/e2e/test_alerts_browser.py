"""End to end in headless Chromium: a reader sets an alert from a product page, receives the
confirmation mail in a local SMTP server and follows its link; the widget and the article."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))

from test_alerts_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    Clock,
    add_offer,
    add_product,
    add_shop,
    db_session,
    dispose,
    history,
    link,
    make_app,
    migrated_sqlite,
    serve,
    smtp_server,
)

from catalog.site_models import Alert  # noqa: E402

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture
def page() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="fr-FR")
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


# Real time here: the product page of the site area reads the system clock.
NOW = datetime.now(UTC).replace(microsecond=0)


def _catalogue(url: str) -> int:
    with db_session(url) as session:
        alpha, beta = add_shop(session, "alpha", "Alpha Pro"), add_shop(session, "beta", "Béta")
        product = add_product(session, "NVIDIA H200 NVL 141 Go")
        offer = add_offer(session, alpha, product, "33900.00", NOW - timedelta(days=80))
        prices = ["33500.00", "32900.00", "33100.00", "32400.00", "31990.00"]
        history(session, offer, prices, NOW - timedelta(days=60), timedelta(days=15))
        add_offer(session, beta, product, "32490.00", NOW, delivery="0")
        session.commit()
        return product.id


def test_alert_from_product_page_with_mailed_confirmation(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = migrated_sqlite(tmp_path)
    product_id = _catalogue(url)
    with smtp_server() as (port, messages):
        app = make_app(url, Clock(NOW), MAIL_PORT=port, SITE_URL="")
        try:
            with serve(app) as base:
                app.config["SITE_URL"] = base
                page.goto(f"{base}/product/{product_id}")
                page.screenshot(path=str(SHOTS / "product-page.png"), full_page=True)
                page.get_by_role("link", name="Créer une alerte prix").click()
                page.wait_for_url("**/alerts/new?product_id=*")
                page.get_by_label("quand le prix descend sous").check()
                page.locator("input[name=target_price]").fill("32 000")
                page.get_by_label("Votre adresse e-mail").fill("lectrice@example.org")
                page.screenshot(path=str(SHOTS / "alert-form.png"), full_page=True)
                page.get_by_role("button", name="Créer l'alerte").click()
                page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()
                page.screenshot(path=str(SHOTS / "alert-pending.png"), full_page=True)

                assert len(messages) == 1
                confirm = link(messages[0], "confirm")
                assert confirm.startswith(base)
                page.goto(confirm)
                page.get_by_role("heading", name="Alerte confirmée").wait_for()
                page.screenshot(path=str(SHOTS / "alert-confirmed.png"), full_page=True)
        finally:
            dispose(app)
    with db_session(url) as session:
        [alert] = session.scalars(select(Alert)).all()
        assert (alert.status, alert.kind, str(alert.target_price)) == (
            "active",
            "target",
            "32000.00",
        )


def test_article_shows_the_widget_in_place(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = migrated_sqlite(tmp_path)
    _catalogue(url)
    app = make_app(url, Clock(NOW))
    failed: list[str] = []
    try:
        with serve(app) as base:
            page.on("requestfailed", lambda r: failed.append(r.url))
            outside: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
            page.goto(f"{base}/article/h200")
            frame = page.frame_locator("iframe.comparateur-widget")
            frame.get_by_text("Comparer les prix").wait_for()
            text = frame.locator("body").inner_text()
            assert "31\u202f990,00" in text and "chez Alpha Pro" in text and "2 boutiques" in text
            assert frame.locator("svg polyline").count() == 1
            page.screenshot(path=str(SHOTS / "article-h200.png"), full_page=True)
            # The one-tag embed injects the same iframe into any page.
            page.set_content(
                f'<p>Article</p><script src="{base}/widget.js" data-product="1"></script>'
            )
            page.frame_locator("iframe.comparateur-widget").get_by_text(
                "Comparer les prix"
            ).wait_for()
            page.screenshot(path=str(SHOTS / "widget-embed.png"))
    finally:
        dispose(app)
    assert failed == []
    assert [u for u in outside if not u.startswith("about:")] == []
