"""Normalisation and attributes: units, accents, codes, generations, packs and cues."""

from __future__ import annotations

import pytest

from matching.attributes import canonical_brand, detect_brand
from matching.normalise import fold, normalise, tokens
from matching.record import clean_gtin, clean_mpn, make_record, parse_price


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("128 Go", "128gb"),
        ("128GB", "128gb"),
        ("128 gb", "128gb"),
        ("1 To", "1tb"),
        ("1,5 To", "1.5tb"),
        ("24,75 Mo", "24.75mb"),
        ("3.20 GHz", "3.2ghz"),
        ('6,1"', "6.1in"),
        ("6.1 pouces", "6.1in"),
        ("55 Zoll", "55in"),
        ("130 litres", "130l"),
        ("8 kg", "8kg"),
    ],
)
def test_units_have_one_spelling(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_accents_case_and_marks() -> None:
    assert fold("Écouteurs GÉNÉRATION Weiß") == "ecouteurs generation weiss"
    assert tokens("GeForce RTX™ 5090") == ["geforce", "rtx", "5090"]
    assert tokens("Galaxy S25+") == ["galaxy", "s25", "plus"]


@pytest.mark.parametrize(
    "text", ["AirPods Pro (2e génération)", "AirPods Pro 2nd Gen", "AirPods Pro Generation 2"]
)
def test_generation_markers(text: str) -> None:
    assert make_record("1", text).attrs.generation == frozenset({"gen2"})


def test_codes_are_found_split_or_joined() -> None:
    a = make_record("1", "Samsung Galaxy S24 SM-S921B/DS 128 Go")
    assert "s921b" in a.attrs.strong_codes
    b = make_record("2", "gorenje rb 6093 aw fridge")
    assert "rb6093aw" in b.attrs.codes
    c = make_record("3", "NVIDIA H200 141GB HBM3e")
    assert "h200" in c.attrs.strong_codes and "hbm3e" not in c.attrs.strong_codes


def test_capacities_screen_pack_and_cues() -> None:
    rec = make_record("1", 'MacBook Air 13" M4 16 Go RAM 1 To SSD')
    assert rec.attrs.capacities_gb == frozenset({16.0, 1000.0})
    assert rec.attrs.units["in"] == frozenset({13.0})
    assert make_record("2", "Lot de 3 câbles USB-C").attrs.pack == 3
    case = make_record("3", "Coque pour iPhone 16 - Noir")
    assert case.attrs.accessory and case.attrs.fits
    assert make_record("4", "iPhone 13 reconditionné 128 Go").attrs.refurbished
    assert make_record(
        "5", "Apple iPhone 16 128 Go Titane naturel", level="product"
    ).tokset.isdisjoint({"titane", "naturel"})


def test_brands_and_aliases() -> None:
    assert detect_brand("iphone 16 pro") == "apple"
    assert detect_brand("carte geforce rtx 5080") == "nvidia"
    assert canonical_brand("Samsung Electronics") == "samsung"
    assert canonical_brand("None") is None


def test_identifiers_and_prices_are_untrusted_text() -> None:
    assert clean_gtin("0 194253 401100") == "00194253401100"
    assert clean_gtin("12") is None and clean_gtin("00000000") is None
    assert clean_mpn("MTJV3ZD/A") == "mtjv3zda" and clean_mpn("n/a") is None
    assert parse_price("1299.99", "EUR") is not None
    assert parse_price("abc", "EUR") is None and parse_price("-3", "EUR") is None
    assert parse_price("10", "XXX") is None
    make_record("x", "<script>alert(1)</script>\x00" * 200)
