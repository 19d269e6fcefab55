"""Product names, brands and categories as the site shows them, whatever the first shop wrote."""

from __future__ import annotations

import pytest

from matching.describe import describe
from matching.naming import display_brand
from matching.record import make_record


def _describe(title: str, brand: str | None = None, category: str | None = None) -> dict:
    rec = make_record("1", title, level="product", brand=brand, category=category)
    return describe(title, brand, rec.attrs, category)


@pytest.mark.parametrize(
    ("spellings", "shown"),
    [
        (["APPLE", "Apple", "apple", " Apple "], "Apple"),
        (["GIGABYTE", "Gigabyte"], "Gigabyte"),
        (["ASROCK", "ASRock", "Asrock"], "ASRock"),
        (["ONEPLUS", "OnePlus"], "OnePlus"),
        (["SAMSUNG", "Samsung"], "Samsung"),
        (["LIAN LI", "Lian Li"], "Lian Li"),
    ],
)
def test_one_spelling_per_brand(spellings, shown):
    assert {display_brand(s) for s in spellings} == {shown}


def test_initials_stay_capitals_and_missing_brand_comes_from_the_lexicon():
    assert display_brand("EK") == "EK"
    assert display_brand(None, "nvidia") == "NVIDIA"
    assert display_brand(None, "google") == "Google"
    assert display_brand("", None) is None


@pytest.mark.parametrize(
    ("title", "brand", "category", "name"),
    [
        ("Smartphone APPLE iPhone 16 Pro Max 1To", "APPLE", None, "Apple iPhone 16 Pro Max 1 To"),
        (
            "GIGABYTE GEFORCE RTX 5060 WINDFORCE OC 8Go",
            "GIGABYTE",
            None,
            "Gigabyte GeForce RTX 5060 Windforce OC 8 Go",
        ),
        ("PC portable DELL 14 Plus 16Go/512Go", "DELL", None, "Dell 14 Plus 16 Go/512 Go"),
        (
            "AMD Instinct MI300X 192 Go HBM3 - GPU pour datacenter",
            "AMD",
            None,
            "AMD Instinct MI300X 192 Go HBM3",
        ),
        ("iPhone 16 128 Go Noir", None, None, "Apple iPhone 16 128 Go"),
        # Normal capitals are kept: only a shouting title is recased.
        (
            "MSI GeForce RTX 5090 Gaming Trio OC 32 Go",
            "MSI",
            None,
            "MSI GeForce RTX 5090 Gaming Trio OC 32 Go",
        ),  # fmt: skip
        # An accessory keeps its maker where the shop put it, and gets no device brand.
        (
            "Coque en silicone pour iPhone 16 - Spigen",
            "Spigen",
            None,
            "Coque en silicone pour iPhone 16 - Spigen",
        ),  # fmt: skip
    ],
)
def test_names_lose_shop_prefixes_shouting_and_glued_units(title, brand, category, name):
    assert _describe(title, brand, category)["name"] == name


@pytest.mark.parametrize(
    ("title", "category", "slug"),
    [
        ("OnePlus 13 512GB", "High-Tech > Smartphones", "smartphone"),
        ("Acer Swift Go 14 SFG14-73 (16 Go / 512 Go SSD)", "Ordinateurs portables", "laptop"),
        ("Nothing Ear (3)", "Écouteurs sans fil", "earbuds"),
        ("AMD Instinct MI300X 192 Go HBM3", "GPU datacenter & IA", "gpu-datacenter"),
        # The shop's category wins over a GPU named in a laptop's title...
        ("ASUS ROG Strix G16 RTX 5070 16 Go 1 To", "Ordinateurs portables", "laptop"),
        # ...but a datacenter part refines a shop's plain graphics-card shelf.
        ("NVIDIA H100 PCIe 80 Go HBM2e", "Cartes graphiques", "gpu-datacenter"),
        # Without a usable shop category the title decides; an unknown one is kept as given.
        ("Samsung Galaxy S25 256 Go", None, "smartphone"),
        ("Garmin Forerunner 965", "Montres connectées", "Montres connectées"),
        ("Coque pour iPhone 16", "Smartphones", "accessory"),
    ],
)
def test_categories_are_the_sites_slugs(title, category, slug):
    assert _describe(title, None, category)["category"] == slug


def test_ram_and_storage_are_read_once_the_shop_category_says_laptop():
    info = _describe("PC portable DELL 14 Plus 16Go/512Go", "DELL", "Ordinateurs portables")
    assert info["attributes"] == {"ram_gb": 16, "storage_gb": 512}
