"""extract_offers on small hand-written pages, each isolating one rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from spiders.extract import extract_offers, is_product_page

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
URL = "https://boutique.example.fr/produit/42"


def page(name: str, url: str = URL, headers: dict[str, str] | None = None) -> HtmlResponse:
    return HtmlResponse(url=url, body=(FIXTURES / name).read_bytes(), headers=headers)


def test_french_page_visible_price_not_instalment_eco_delivery_or_related() -> None:
    [offer] = extract_offers(page("fr_visible_instalments.html"))
    assert offer.price == Decimal("649.99")  # "649<sup>,99 €</sup>" assembled
    assert offer.regular_price == Decimal("699.99")  # the <del> one, never as price
    assert offer.currency == "EUR"
    assert offer.availability == "InStock"
    assert offer.method == "html"
    assert offer.title == "Carte graphique GeForce RTX 4070 Super 12 Go"
    assert offer.shop == "boutique.example.fr"
    assert offer.url == URL


def test_visible_out_of_stock_in_french() -> None:
    [offer] = extract_offers(page("fr_out_of_stock.html"))
    assert offer.price == Decimal("279.00")
    assert offer.availability == "OutOfStock"


def test_english_split_cents_sponsored_and_monthly_ignored() -> None:
    [offer] = extract_offers(page("en_split_price_sponsored.html", "https://shop.example.com/p"))
    assert offer.price == Decimal("1299.99")
    assert offer.regular_price == Decimal("1499.99")
    assert offer.currency == "USD"
    assert offer.availability == "OutOfStock"  # "Sold out"


def test_product_group_gives_one_offer_per_variant() -> None:
    offers = extract_offers(page("jsonld_product_group.html"))
    assert [o.price for o in offers] == [Decimal("1229.00"), Decimal("1359.00")]
    assert [o.availability for o in offers] == ["InStock", "OutOfStock"]
    assert [o.attributes["storage"] for o in offers] == ["128 Go", "256 Go"]
    assert {o.item_group_id for o in offers} == {"IP16PRO"}
    assert {o.brand for o in offers} == {"Apple"}
    assert offers[0].gtin == "0195949821776"
    assert offers[0].image == "https://boutique.example.fr/img/ip16p-128.jpg"
    assert all(o.method == "json-ld" and o.colour == "Titane noir" for o in offers)


def test_structured_price_contradicted_by_the_page_loses() -> None:
    [offer] = extract_offers(page("jsonld_stale.html"))
    assert offer.price == Decimal("31499.00")  # what the page shows, not the stale 29999
    assert offer.regular_price is None
    assert offer.method == "html"
    assert offer.gtin == "4711081234562"  # identifiers still come from the markup
    assert offer.mpn == "900-21010-0040-000"
    assert offer.delivery == Decimal("0")  # shippingDetails: France chosen over Belgium


def test_aggregate_offer_low_price() -> None:
    [offer] = extract_offers(page("microdata_aggregate.html", "https://preise.example.de/a1"))
    assert offer.price == Decimal("689.00")
    assert offer.currency == "EUR"
    assert offer.method == "microdata"
    assert offer.brand == "AMD"


def test_opengraph_product_price() -> None:
    [offer] = extract_offers(page("og_only.html"))
    assert (offer.price, offer.currency, offer.method) == (Decimal("1469.00"), "EUR", "opengraph")
    assert offer.availability == "InStock"
    assert offer.image == "https://boutique.example.fr/img/s25u.jpg"


def test_windows_1252_page_decodes() -> None:
    [offer] = extract_offers(page("cp1252_de.html", "https://laden.example.de/p/1"))
    assert offer.title == "Sony WH-1000XM5 Kopfhörer schwarz"
    assert offer.price == Decimal("349.00")  # "\x80 349,00": the euro sign in cp1252
    assert offer.currency == "EUR"


def test_windows_1252_declared_only_by_http_header() -> None:
    body = "<html><body><h1>Écran 27\" – Noir</h1><p class='price'>199,00 €</p></body></html>"
    response = HtmlResponse(
        url=URL,
        body=body.encode("cp1252"),
        headers={"Content-Type": "text/html; charset=windows-1252"},
    )
    [offer] = extract_offers(response)
    assert offer.title == 'Écran 27" – Noir'
    assert offer.price == Decimal("199.00")


def test_undeclared_page_that_is_not_utf8_is_decoded_by_scrapy() -> None:
    # No charset anywhere: libxml2 reads it as UTF-8, meets bytes that are not, and the page is
    # parsed again from Scrapy's decoding (which detects windows-1252) instead of keeping U+FFFD.
    body = "<html><body><h1>Écouteurs sans fil – Noir</h1><p class='price'>89,00 €</p>"
    body += "<p>Livré en 48 h, garanti deux ans</p></body></html>"
    response = HtmlResponse(url=URL, body=body.encode("cp1252"))
    assert response.encoding != "utf-8"
    [offer] = extract_offers(response)
    assert offer.title == "Écouteurs sans fil – Noir"
    assert offer.price == Decimal("89.00")
    assert offer.currency == "EUR"


def test_listing_page_is_not_a_product_page() -> None:
    response = page("listing.html")
    assert extract_offers(response) == []
    assert not is_product_page(response)


@pytest.mark.parametrize(
    "name",
    ["fr_visible_instalments.html", "jsonld_product_group.html", "og_only.html"],
)
def test_product_pages_are_product_pages(name: str) -> None:
    assert is_product_page(page(name))


def test_home_page_without_price_is_not_a_product_page() -> None:
    body = b"<html><body><h1>Bienvenue</h1><p>Nos rayons : GPU, smartphones.</p></body></html>"
    response = HtmlResponse(url=URL, body=body)
    assert extract_offers(response) == []
    assert not is_product_page(response)


def test_untrusted_markup_does_not_break_extraction() -> None:
    body = (
        b'<html><head><script type="application/ld+json">{"@type": "Product", "name": ['
        b'</script><script type="application/ld+json">{"@type":"Product","name":"X",'
        b'"offers":{"price":{"nested":1},"priceCurrency":7}}</script></head>'
        b"<body><h1>X</h1></body></html>"
    )
    [offer] = extract_offers(HtmlResponse(url=URL, body=body))
    assert offer.title == "X" and offer.price is None


def test_shop_module_is_used_then_generic_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from spiders.items import Offer

    module = types.ModuleType("spiders.pages.fixture_shop")
    calls = []

    def extract(response: HtmlResponse) -> list[Offer]:
        calls.append(response.url)
        if "empty" in response.url:
            return []
        return [Offer(url="", title="from module", price=Decimal("1.00"), currency="EUR")]

    module.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "spiders.pages.fixture_shop", module)
    [offer] = extract_offers(page("og_only.html"), module="fixture_shop")
    assert (offer.title, offer.method, offer.url) == ("from module", "shop-module", URL)
    assert offer.shop == "boutique.example.fr"
    # the module finds nothing (a redesign): the generic extraction answers
    [fallback] = extract_offers(page("og_only.html", URL + "/empty"), module="fixture_shop")
    assert fallback.method == "opengraph" and fallback.price == Decimal("1469.00")
    assert len(calls) == 2


def test_b2b_page_gives_the_vat_included_price_not_ht_nor_instalment() -> None:
    [offer] = extract_offers(page("fr_b2b_ht_ttc.html"))
    assert offer.price == Decimal("15000.00")
    assert offer.currency == "EUR" and offer.availability == "InStock"


def test_euro_sign_as_decimal_separator_and_reference_price_label() -> None:
    [offer] = extract_offers(page("fr_euro_decimal.html"))
    assert offer.price == Decimal("1299.99")  # "1 299<sup>€99</sup>"
    assert offer.regular_price == Decimal("1499.99")  # "Prix de vente conseillé"
    assert offer.currency == "EUR" and offer.availability == "InStock"


def test_jsonld_item_list_is_a_category_page_even_when_names_match_the_h1() -> None:
    response = page("jsonld_itemlist_category.html")
    assert extract_offers(response) == []
    assert not is_product_page(response)


def test_store_only_unavailability_is_not_out_of_stock() -> None:
    body = (
        "<html lang='fr'><body><h1 class='product-title'>Casque Sony WH-1000XM6</h1>"
        "<p class='price'>399,99 €</p><p>Retrait en magasin : indisponible</p>"
        "<p>Livraison à domicile : en stock</p><button class='add-to-cart'>Ajouter au panier"
        "</button></body></html>"
    ).encode()
    [offer] = extract_offers(HtmlResponse(url=URL, body=body))
    assert offer.price == Decimal("399.99") and offer.availability == "InStock"


def test_rdfa_product() -> None:
    [offer] = extract_offers(page("rdfa_product.html"))
    assert (offer.method, offer.price, offer.currency) == ("rdfa", Decimal("199.00"), "EUR")
    assert offer.availability == "PreOrder" and offer.brand == "Apple"
    assert offer.gtin == "0195949862069" and offer.sku == "MXP93ZM/A"
    assert offer.image == "https://boutique.example.fr/img/airpods4.jpg"
    assert offer.title == "Apple AirPods 4 avec réduction de bruit active"
