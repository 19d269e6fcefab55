"""End to end in headless Chromium: an editor logs in and merges two products from the review
queue; screenshots of the admin pages."""

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
    PASSWORD,
    Clock,
    add_offer,
    add_product,
    add_run,
    add_shop,
    add_user,
    db_session,
    dispose,
    make_app,
    migrated_sqlite,
    serve,
)

from catalog.models import MatchDecision, Offer, Product  # noqa: E402
from catalog.site_models import AuditEntry  # noqa: E402

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def page() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def _queue(url: str) -> dict[str, int]:
    with db_session(url) as session:
        alpha, beta = add_shop(session, "alpha", "Alpha Pro"), add_shop(session, "beta", "Béta")
        keep = add_product(session, "NVIDIA H200 NVL 141 Go")
        dup = add_product(session, "Nvidia H200 NVL 141GB PCIe")
        add_offer(session, alpha, keep, "31990.00", NOW)
        stray = add_offer(session, beta, dup, "32490.00", NOW)
        stray.title = "Carte graphique NVIDIA H200 NVL 141 Go PCIe"
        stray.gtin, stray.mpn = "2001234567890", "900-21010-0040-000"
        stray.attributes = {"memory_gb": 141}
        decision = MatchDecision(
            offer_id=stray.id,
            product_id=keep.id,
            score=0.74,
            status="pending",
            evidence={"features": {"title_ratio": 0.86, "memory_equal": 1}, "rule": "review"},
        )
        session.add(decision)
        add_run(
            session,
            beta,
            NOW - timedelta(hours=2),
            status="finished",
            pages=120,
            offers=96,
            errors=2,
            dropped={"no_price": 5, "not_product_page": 19},
            finished_at=NOW - timedelta(hours=1),
        )
        session.commit()
        return {"keep": keep.id, "dup": dup.id, "offer": stray.id}


def test_editor_logs_in_and_merges_two_products(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = migrated_sqlite(tmp_path)
    ids = _queue(url)
    add_user(url, "redac@example.org", "editor")
    app = make_app(url, Clock(NOW))
    try:
        with serve(app) as base:
            page.goto(f"{base}/admin/")
            page.wait_for_url("**/admin/login**")
            page.get_by_label("Adresse e-mail").fill("redac@example.org")
            page.get_by_label("Mot de passe").fill(PASSWORD)
            page.screenshot(path=str(SHOTS / "admin-login.png"))
            page.get_by_role("button", name="Se connecter").click()
            page.get_by_role("heading", name="Tableau de bord").wait_for()
            page.screenshot(path=str(SHOTS / "admin-dashboard.png"), full_page=True)
            page.get_by_role("link", name="Crawls").click()
            page.get_by_text("not_product_page : 19").first.wait_for()
            page.screenshot(path=str(SHOTS / "admin-crawls.png"), full_page=True)
            page.get_by_role("link", name="Revue du matching").click()
            page.get_by_text("Carte graphique NVIDIA H200 NVL 141 Go PCIe").wait_for()
            page.screenshot(path=str(SHOTS / "admin-review.png"), full_page=True)

            pytest.importorskip("matching.review", reason="the matcher's review functions")
            label = f"Fusionner le produit {ids['dup']} dans {ids['keep']}"
            page.get_by_role("button", name=label).click()
            page.get_by_text(f"Produit {ids['dup']} fusionné dans {ids['keep']}").wait_for()
            page.screenshot(path=str(SHOTS / "admin-merged.png"), full_page=True)
    finally:
        dispose(app)
    with db_session(url) as session:
        offer = session.get(Offer, ids["offer"])
        assert offer is not None and offer.product_id == ids["keep"]
        assert session.get(Product, ids["keep"]) is not None
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions == ["login", "product.merge"]
