"""End to end in headless Chromium: search, open a product, see the chart drawn."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Product
from webapp import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from site_catalogue import build  # noqa: E402

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """The site on a real server thread (port 0), over a catalogue inserted here."""
    url = f"sqlite:///{tmp_path / 'site.db'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        build(session, datetime.now(UTC))
    engine.dispose()
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        app.extensions["comparateur.engine"].dispose()


@pytest.fixture
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium (make chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


def test_search_open_product_and_see_the_chart(site: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="fr-FR")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(site + "/")
    box = page.locator("#q")
    assert box.get_attribute("placeholder") == "Recherchez le meilleur prix des produits Hi-tech"
    # Suggestions as you type (progressive enhancement).
    box.press_sequentially("airpo", delay=30)
    page.wait_for_selector("#suggestions li a")
    names = page.locator("#suggestions li a span:first-child").all_text_contents()
    assert "Apple AirPods Pro 2 (USB-C)" in names
    # A full search, then the product page.
    box.fill("rtx 5090")
    box.press("Enter")
    page.wait_for_url("**/recherche?q=rtx+5090")
    page.get_by_role("link", name="NVIDIA GeForce RTX 5090 32 Go").first.click()
    page.wait_for_selector("#price-chart[data-drawn='true'] canvas")
    canvas = page.locator("#price-chart canvas")
    box_size = canvas.bounding_box()
    assert box_size is not None and box_size["width"] > 200 and box_size["height"] > 100
    legend = page.locator("#price-chart .u-legend").inner_text()
    assert "Prix le plus bas du marché" in legend and "LDLC" in legend
    first_shop = page.locator("tr.offer td strong").first.inner_text()
    assert first_shop == "LDLC"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "product-page.png"), full_page=True)
    # Phone width: still usable, the chart is redrawn to fit.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector("#price-chart[data-drawn='true'] canvas")
    page.screenshot(path=str(SCREENSHOTS / "product-page-phone.png"), full_page=True)
    assert not errors, errors


def test_typo_facet_and_a_hostile_title(site: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A scraped name carrying markup, as a shop could send it (the site's own database file).
    engine = make_engine(f"sqlite:///{tmp_path / 'site.db'}")
    with make_session_factory(engine)() as session:
        hostile = "<script>window.__pwned = 1</script> Carte graphique Hostile X1"
        session.add(Product(name=hostile, brand="Hostile", model="X1", category="gpu"))
        session.commit()
    engine.dispose()
    page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="fr-FR")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A typo: the search says what it corrected and finds the phones.
    page.goto(site + "/recherche?q=iphnoe+16")
    assert page.locator("ins").first.inner_text() == "iphone"
    names = page.locator("main a").all_text_contents()
    assert any("Apple iPhone 16 256 Go" in n for n in names)
    # A facet: storage 256 Go keeps only those phones, and shows itself as chosen.
    page.locator("details.facet a", has_text="256 Go").first.click()
    page.wait_for_url("**storage=256**")
    assert page.locator("details.facet a[aria-current='true']").inner_text() == "✓ 256 Go"
    listed = page.locator("a.card-title").all_text_contents()
    assert listed and all("256" in n for n in listed), listed
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-typo-facet.png"), full_page=True)
    # The hostile name is shown as text and its script never runs.
    page.goto(site + "/recherche?q=hostile")
    assert page.get_by_text("<script>window.__pwned = 1</script>", exact=False).count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(SCREENSHOTS / "search-hostile-title.png"), full_page=True)
    assert not errors, errors
