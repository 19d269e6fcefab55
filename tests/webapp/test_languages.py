"""French by default, English on request; prices and dates per locale; the choice remembered."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

from webapp.i18n import ago, day, money

RANKING_FR = "Classement par prix total, livraison comprise ; les offres ne sont pas sponsorisées."
RANKING_EN = "Ranked by total price, delivery included; offers are not sponsored."


def test_locale_formats(app) -> None:
    with app.test_request_context("/"):
        assert money(Decimal("1299.99")) == "1\u202f299,99\u00a0€"
        assert day(datetime(2026, 11, 29, tzinfo=UTC)) == "29 nov. 2026"
        seen = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
        assert ago(seen, now=datetime(2026, 11, 29, 12, 5, tzinfo=UTC)) == "il y a 2\u00a0h"
    with app.test_request_context("/?lang=en"):
        app.preprocess_request()
        assert money(Decimal("1299.99")) == "€1,299.99"
        assert day(datetime(2026, 11, 29, tzinfo=UTC)) == "29 Nov 2026"
        assert ago(seen, now=datetime(2026, 11, 29, 12, 5, tzinfo=UTC)) == "2\u00a0h ago"


def test_french_by_default_english_on_request(client, catalogue) -> None:
    pid = catalogue.products["rtx5090"].id
    french = client.get(f"/product/{pid}").get_data(as_text=True)
    assert '<html lang="fr">' in french and RANKING_FR in french
    assert "2\u202f399,00\u00a0€" in french
    english = client.get(f"/product/{pid}?lang=en")
    assert "lang=en" in english.headers["Set-Cookie"]
    text = english.get_data(as_text=True)
    assert '<html lang="en">' in text and RANKING_EN in text
    assert "€2,399.00" in text and "Shop offers" in text and "2\u00a0h ago" in text
    assert RANKING_FR not in text
    # Remembered: the next page without ?lang is still English.
    again = client.get("/").get_data(as_text=True)
    assert "Find the best price for hi-tech products" in again
    back = client.get("/?lang=fr").get_data(as_text=True)
    assert "Recherchez le meilleur prix des produits Hi-tech" in back


def test_accept_language_and_switcher(client, catalogue) -> None:
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert re.search(r'href="/\?lang=fr"[^>]*>FR</a>', page)
    french = client.get("/", headers={"Accept-Language": "de-DE,fr;q=0.5"})
    assert '<html lang="fr">' in french.get_data(as_text=True)
    assert "Accept-Language" in french.headers["Vary"]


def test_every_english_page_is_translated(client, catalogue) -> None:
    """No French sentence of the templates leaks into the English pages."""
    pid = catalogue.products["iphone16_128"].id
    paths = ["/", "/recherche?q=iphone", "/recherche?q=zzzz+qqqq", f"/product/{pid}", "/export"]
    french_words = re.compile(r"\b(boutique|livraison|aucun|prix|historique|recherchez)\b", re.I)
    for path in paths:
        sep = "&" if "?" in path else "?"
        html = client.get(f"{path}{sep}lang=en").get_data(as_text=True)
        visible = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
        # Product names and shop titles are data, not interface: drop the catalogue's words.
        visible = visible.replace("chez", "")
        assert not french_words.findall(visible), (path, french_words.findall(visible))
