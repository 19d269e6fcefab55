"""Merchant feeds: the two real Google feeds, and the CSV/TSV/idealo/Atom/gzip forms."""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest import shared_data

from spiders.feeds import Rejected, iter_feed
from spiders.items import Offer

G = "{http://base.google.com/ns/1.0}"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _check_digit(code: str) -> bool:
    """An independent GS1 check (weights from the left, by parity of the length)."""
    digits = [int(c) for c in code]
    weights = [3 if (len(code) - i) % 2 == 0 else 1 for i in range(len(code))]
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


def _plain_counts(path) -> tuple[int, Counter, int]:
    """Items with a g:price, their currencies, and valid GTINs, read with a plain XML parse."""
    root = ET.parse(path).getroot()
    priced, currencies, gtins = 0, Counter(), 0
    for item in root.iter("item"):
        price = item.findtext(f"{G}price")
        if price and price.strip():
            priced += 1
            currencies[price.split()[-1]] += 1
            gtin = (item.findtext(f"{G}gtin") or "").strip()
            if gtin.isdigit() and len(gtin) in (8, 12, 13, 14) and _check_digit(gtin):
                gtins += 1
    return priced, currencies, gtins


@pytest.mark.parametrize(
    ("name", "items", "currencies", "gtins"),
    [
        ("turkiyesolarmarket.com.tr", 785, {"USD": 403, "EUR": 378, "TRY": 4}, 117),
        ("vaivora.shop", 807, {"EUR": 807}, 0),
    ],
)
def test_real_feeds_ingest_completely(name: str, items: int, currencies: dict, gtins: int) -> None:
    path = shared_data("shops", "feeds", f"{name}__google_merchant_rss.xml")
    priced, plain_currencies, plain_gtins = _plain_counts(path)
    assert (priced, dict(plain_currencies), plain_gtins) == (items, currencies, gtins)
    with path.open("rb") as stream:
        results = list(iter_feed(stream, "google-xml", source_url=f"https://{name}/feed.xml"))
    offers = [r for r in results if isinstance(r, Offer)]
    assert len(offers) == priced
    assert [r for r in results if isinstance(r, Rejected)] == []
    assert Counter(o.currency for o in offers) == plain_currencies
    assert sum(1 for o in offers if o.gtin) == plain_gtins
    for offer in offers:
        assert offer.method == "feed"
        assert isinstance(offer.price, Decimal) and offer.price > 0
        assert offer.url.startswith("https://") and offer.title
        assert offer.availability == "InStock"
        assert offer.shop and offer.shop in offer.url


def test_real_feed_survives_gzip() -> None:
    path = shared_data("shops", "feeds", "vaivora.shop__google_merchant_rss.xml")
    packed = io.BytesIO(gzip.compress(path.read_bytes()))
    offers = list(iter_feed(packed, "google-xml", source_url="https://vaivora.shop/"))
    assert len(offers) == 807


RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>T</title>
<item><g:id>A1</g:id><title>Carte RTX 5090</title><link>/p/a1</link>
 <g:price>2 399,00 EUR</g:price><g:sale_price>2199.00 EUR</g:sale_price>
 <g:sale_price_effective_date>2026-03-01T00:00+0100/2026-03-31T23:59+0100</g:sale_price_effective_date>
 <g:availability>out of stock</g:availability><g:gtin>4006381333932</g:gtin>
 <g:mpn>RTX5090-FE</g:mpn>
 <g:brand>NVIDIA</g:brand><g:item_group_id>RTX5090</g:item_group_id><g:color>Noir</g:color>
 <g:product_type>High-Tech &gt; GPU</g:product_type><g:image_link>/img/a1.jpg</g:image_link>
 <g:shipping><g:country>DE</g:country><g:price>9.90 EUR</g:price></g:shipping>
 <g:shipping><g:country>FR</g:country><g:service>Colissimo</g:service>
  <g:price>4.90 EUR</g:price></g:shipping>
</item>
<item><g:id>A2</g:id><g:title>Expired sale</g:title><g:link>https://s.example/p/a2</g:link>
 <g:price>100.00 USD</g:price><g:sale_price>80.00 USD</g:sale_price>
 <g:sale_price_effective_date>2026-01-01T00:00Z/2026-02-01T00:00Z</g:sale_price_effective_date>
 <g:availability>preorder</g:availability><g:gtin>4006381333931</g:gtin></item>
<item><g:id>A3</g:id><g:title>No price</g:title><g:link>https://s.example/p/a3</g:link></item>
<item><g:id>A4</g:id><g:title>Bad price</g:title><g:link>https://s.example/p/a4</g:link>
 <g:price>sur demande</g:price></item>
<item><g:id>A5</g:id><g:title>No link</g:title><g:price>5.00 TRY</g:price>
 <g:availability>backorder</g:availability></item>
</channel></rss>"""


def test_google_rss_fields_sale_window_and_rejects() -> None:
    results = list(
        iter_feed(io.BytesIO(RSS), "google-xml", source_url="https://s.example/feed", now=NOW)
    )
    first, expired, no_price, bad_price, no_link = results
    assert isinstance(first, Offer)
    assert (first.price, first.regular_price, first.currency) == (
        Decimal("2199.00"), Decimal("2399.00"), "EUR",
    )  # fmt: skip
    assert first.availability == "OutOfStock"
    assert first.gtin is None and first.mpn == "RTX5090-FE"  # invalid GTIN dropped, offer kept
    assert (first.brand, first.item_group_id, first.colour) == ("NVIDIA", "RTX5090", "Noir")
    assert first.category == "High-Tech > GPU"
    assert first.delivery == Decimal("4.90")  # France chosen over the first (DE)
    assert first.url == "https://s.example/p/a1" and first.image == "https://s.example/img/a1.jpg"
    assert isinstance(expired, Offer)
    assert (expired.price, expired.regular_price, expired.currency) == (
        Decimal("100.00"),
        None,
        "USD",
    )
    assert expired.availability == "PreOrder" and expired.gtin == "4006381333931"
    assert isinstance(no_price, Rejected) and no_price.reason == "no-price" and no_price.row == 3
    assert isinstance(bad_price, Rejected) and bad_price.reason == "bad-price"
    assert isinstance(no_link, Rejected) and no_link.reason == "no-link" and no_link.row == 5


ATOM = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
<title>Shop</title>
<entry><g:id>B1</g:id><title>Pixel 9 Pro</title><link href="https://s.example/p/b1"/>
<summary>Phone</summary><g:price>1099.00 EUR</g:price><g:availability>in_stock</g:availability>
<g:google_product_category>Electronics &gt; Phones</g:google_product_category></entry>
</feed>"""


def test_google_atom_entries() -> None:
    [offer] = list(iter_feed(io.BytesIO(ATOM), "google-xml", source_url="https://s.example/"))
    assert isinstance(offer, Offer)
    assert (offer.url, offer.title, offer.price) == (
        "https://s.example/p/b1",
        "Pixel 9 Pro",
        Decimal("1099.00"),
    )
    assert offer.description == "Phone" and offer.category == "Electronics > Phones"
    assert offer.availability == "InStock"


CSV_HEADER = (
    "id,title,link,price,sale_price,availability,gtin,brand,shipping(country:price),color\n"
)


def test_google_csv_and_tsv() -> None:
    rows = (
        'X1,"Galaxy S25, 256 Go",https://s.example/x1,999.00 EUR,,in stock,0195949821776,Samsung,'
        '"DE:::5.00 EUR,FR:::0.00 EUR",Bleu\n'
        "X2,AirPods 4,https://s.example/x2,,,,,,,\n"
    )
    csv_body = ("\ufeff" + CSV_HEADER + rows).encode("utf-8")
    results = list(iter_feed(io.BytesIO(csv_body), "google-csv", source_url="https://s.example/"))
    offer, rejected = results
    assert isinstance(offer, Offer) and isinstance(rejected, Rejected)
    assert (offer.title, offer.price, offer.currency) == (
        "Galaxy S25, 256 Go",
        Decimal("999.00"),
        "EUR",
    )
    assert offer.delivery == Decimal("0.00") and offer.colour == "Bleu"
    assert offer.gtin == "0195949821776"
    assert rejected.row == 3 and rejected.reason == "no-price"
    tsv = (
        "g:id\tg:title\tg:link\tg:price\tg:availability\n"
        "T1\tMacBook Air 13\thttps://s.example/t1\t1 199,00 EUR\tout_of_stock\n"
    )
    [tsv_offer] = list(
        iter_feed(io.BytesIO(tsv.encode()), "google-tsv", source_url="https://s.example/")
    )
    assert isinstance(tsv_offer, Offer)
    assert (tsv_offer.price, tsv_offer.availability) == (Decimal("1199.00"), "OutOfStock")


def test_idealo_csv() -> None:
    body = (
        "sku;brand;title;categoryPath;url;hans;price;formerPrice;deliveryTime;"
        "deliveryCosts_colissimo;deliveryCosts_chronopost;eans;colour;imageUrls\n"
        "D1;Sony;WH-1000XM5;Audio > Casques;https://d.example/d1;WH1000XM5B.CE7;329.00;379.00;"
        "Expédié sous 24h;4.90;9.90;4548736132566;Noir;https://d.example/a.jpg,https://d.example/b.jpg\n"
        "D2;Sony;WF-1000XM5;Audio;https://d.example/d2;;199.00;;nicht lieferbar;;;;;\n"
    ).encode()
    first, second = list(iter_feed(io.BytesIO(body), "idealo-csv", source_url="https://d.example/"))
    assert isinstance(first, Offer) and isinstance(second, Offer)
    assert (first.price, first.regular_price, first.currency) == (
        Decimal("329.00"),
        Decimal("379.00"),
        "EUR",
    )
    assert (first.sku, first.mpn, first.brand, first.colour) == (
        "D1",
        "WH1000XM5B.CE7",
        "Sony",
        "Noir",
    )
    assert first.gtin == "4548736132566" and first.delivery == Decimal("4.90")
    assert first.image == "https://d.example/a.jpg" and first.category == "Audio > Casques"
    assert first.availability == "InStock" and second.availability == "OutOfStock"
    assert first.method == second.method == "feed"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown feed format"):
        list(iter_feed(io.BytesIO(b""), "amazon-xml", source_url="https://s.example/"))


def test_hostile_xml_entities_are_not_expanded() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:title>&x;</g:title>'
        b"<g:link>https://s.example/p</g:link><g:price>1.00 EUR</g:price></item></channel></rss>"
    )
    [offer] = list(iter_feed(io.BytesIO(body), "google-xml", source_url="https://s.example/"))
    assert isinstance(offer, Offer)
    assert "root:" not in (offer.title or "")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("in stock", "InStock"),
        ("in_stock", "InStock"),
        ("out of stock", "OutOfStock"),
        ("out_of_stock", "OutOfStock"),
        ("preorder", "PreOrder"),
        ("backorder", "BackOrder"),
        ("limited availability", "InStock"),
        ("available for order", "BackOrder"),
        ("https://schema.org/Discontinued", "Discontinued"),
        ("mystery", None),
    ],
)
def test_availability_spellings(word: str, expected: str | None) -> None:
    body = (
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:link>https://s.example/p'
        f"</g:link><g:price>1.00 EUR</g:price><g:availability>{word}</g:availability></item>"
        "</channel></rss>"
    ).encode()
    [offer] = list(iter_feed(io.BytesIO(body), "google-xml", source_url="https://s.example/"))
    assert isinstance(offer, Offer) and offer.availability == expected


def test_gzip_csv_is_recognised_by_magic_bytes() -> None:
    body = (CSV_HEADER + "Z1,Pixel 9,https://s.example/z1,799.00 EUR,,in stock,,,,\n").encode()
    [offer] = list(
        iter_feed(io.BytesIO(gzip.compress(body)), "google-csv", source_url="https://s.example/")
    )
    assert isinstance(offer, Offer) and offer.price == Decimal("799.00")
