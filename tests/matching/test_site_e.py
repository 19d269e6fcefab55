"""A fifth set of the site's look-alikes: one laptop code with two graphics chips, a
processor's "GT", a power supply's wattage, a watch's case material and a Garmin's case size,
a cartridge's XL, a motherboard named with Wi-Fi, a line's marked edition, and a kit of
accessories for a robot vacuum."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, pair

from matching.chips import cpu_suffix_clash, gpu_number_clash
from matching.clash import case_clash
from matching.normalise import normalise
from matching.products import (
    board_wifi_clash,
    ink_xl_clash,
    marked_edition_clash,
    watch_material_clash,
    wattage_clash,
)
from matching.specs import fitted_accessory_clash
from matching.veto import words_clash

APART = [
    ("Lenovo Legion Pro 5 16IRX9 i7-14700HX RTX 4070 32 Go 1 To",
     "Lenovo Legion Pro 5 16IRX9 Core i7-14700HX GeForce RTX 4060 32 Go 1 To"),
    ("AMD Ryzen 5 5500 (3,6 GHz / 4,2 GHz)", "AMD Ryzen 5 5500GT (3,6 GHz / 4,4 GHz)"),
    ("Corsair RM850e (2023) 850 W 80+ Gold ATX 3.0", "Corsair RM750e (2023) 750W 80 PLUS Gold"),
    ("Apple Watch Series 10 GPS + Cellular 46 mm Boîtier Titane Ardoise",
     "Apple Watch Series 10 GPS + Cellular 46 mm Boîtier Aluminium Noir de jais"),
    ("Garmin epix Pro (Gen 2) 47 mm Sapphire Titane",
     "Garmin epix Pro (Gen 2) 51 mm Sapphire Edition Titanium"),
    ("Canon PG-545 Noir", "Canon PG-545XL Noir cartouche grande capacité"),
    ("MSI MAG B550 TOMAHAWK", "MSI MAG B550 TOMAHAWK MAX WIFI AM4 ATX"),
    ("Fractal Design Meshify 2 Black TG Light Tint",
     "Fractal Design Meshify 2 Compact Black TG Light Tint"),
    ("Kit d'accessoires pour Roborock Q7 Max (brosses, filtres, serpillières)",
     "Roborock Q7 Max aspirateur robot Noir"),
]  # fmt: skip


def test_the_rules() -> None:
    assert both(gpu_number_clash, *APART[0])
    assert not either(gpu_number_clash, "Waterblock RTX 3080 / RTX 3090", "Waterblock RTX 3080")
    assert both(cpu_suffix_clash, *APART[1])
    assert both(wattage_clash, *APART[2])
    # A microwave's grill power is no other product (PriceRunner).
    assert not either(wattage_clash, "Samsung MG23 800W grill 1100W", "Samsung MG23 800 W")
    assert both(watch_material_clash, *APART[3])
    assert both(case_clash, *APART[4])
    assert both(ink_xl_clash, *APART[5])
    assert not either(ink_xl_clash, "HP 963XL Noir", "Cartouche HP 963 XL noir")
    assert both(board_wifi_clash, *APART[6])
    # "WiFi 6" far down a long title is a feature of a board named without it.
    assert not either(
        board_wifi_clash,
        "ASUS B550 ROG STRIX B550-E GAMING ATX MB, Dual M2, PCIe 4.0, 2.5Gb LAN, WiFi 6",
        "ASUS ROG STRIX B550-E GAMING",
    )
    assert both(marked_edition_clash, *APART[7])
    assert both(fitted_accessory_clash, *APART[8])
    # The device may come after a name of several words: "Protection écran verre trempé".
    assert both(
        fitted_accessory_clash,
        "Protection écran verre trempé Samsung Galaxy S24 Ultra",
        "Samsung Galaxy S24 Ultra 512 Go Titanium Gray",
    )


def test_shop_wordings_of_one_product() -> None:
    # The service's veto: one word in two languages, a delivery delay, a refurbished grade.
    assert not either(words_clash, "Logitech Lift souris Graphite", "Logitech Lift Mouse Rose")
    assert either(words_clash, "Apple Magic Mouse USB-C", "Apple Magic Trackpad USB-C")
    assert not either(
        words_clash,
        "Apple iPhone 12 64 Go Bleu - Reconditionné - Très bon état",
        "iPhone 12 64GB Bleu (Reconditionné) débloqué tout opérateur",
    )
    assert normalise("RØDE NT-USB Mini") == "rode nt-usb mini"
    assert normalise("HP OfficeJet Pro 9012e HP+") == "hp officejet pro 9012e hpplus"
    # A fitness band is the device; a lens "pour Sony E" fits no device.
    assert not pair("Google Fitbit Charge 6 bracelet d'activité", "x")[0].attrs.accessory
    assert not pair("Objectif Sigma 18-50 mm f/2,8 pour Sony E", "x")[0].attrs.fits
    assert pair("Coque pour iPhone", "x")[0].attrs.fits


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART) == [False] * len(APART)
