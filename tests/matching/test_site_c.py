"""A third set of the site's look-alikes: memory generations, consoles' games, a Seagate or
SanDisk "Pro", Samsung's Bluetooth and LTE watches, a camera kit against its lens, an
accessory that names what it fits, a generation written "1re"; and shop wordings the
service's veto used to read as model words."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, one_product_each, pair
from sqlalchemy.orm import Session

from matching.cluster import cluster_rows
from matching.connectivity import network_clash
from matching.editions import line_edition_clash
from matching.memory import ddr_clash
from matching.normalise import normalise
from matching.products import platform_clash
from matching.specs import fitted_accessory_clash
from matching.veto import words_clash

APART = [
    ("MSI PRO B760M-A WIFI DDR4", "MSI PRO B760M-A WIFI (DDR5)"),
    ("Carte mère ASUS TUF GAMING B760-PLUS WIFI (LGA1700, DDR5, ATX)",
     "ASUS TUF GAMING B760-PLUS WIFI D4"),
    ("EA SPORTS FC 25 PS5", "EA Sports FC 25 (PS4)"),
    ("Seagate IronWolf 4 To 3,5\" SATA 6Gb/s - Disque dur NAS",
     "Festplatte Seagate IronWolf Pro 4 TB, 3,5 Zoll, SATA 6 Gb/s"),
    ("SanDisk Extreme Portable SSD V2 1 To", "SanDisk Extreme PRO Portable SSD V2 1 To"),
    ("Samsung Galaxy Watch7 44 mm Bluetooth Vert", "Samsung Galaxy Watch7 44 mm LTE Vert"),
    ("Canon EOS R8 + RF 24-50mm F4.5-6.3 IS STM", "Canon RF 24-50mm F4.5-6.3 IS STM"),
    ("Coussinets de remplacement pour casque Sony WH-1000XM4",
     "Sony WH-1000XM4 Noir Casque Bluetooth"),
    ("Batterie de vol intelligente Plus pour DJI Mini 4 Pro",
     "Drone DJI Mini 4 Pro avec radiocommande RC-N2 - 4K HDR"),
    ("Bose SoundLink Flex (2e génération) Noir", "Bose SoundLink Flex Noir (1re génération)"),
    ("TP-Link Archer BE800 Wi-Fi 7", "TP-Link Archer BE550 Wi-Fi 7"),
    ("Amazon Echo Dot (5e génération)", "Echo Dot (5e génération) avec horloge"),
    ("Apple Magic Mouse (USB-C) Blanc", "Apple Magic Trackpad (USB-C) Blanc"),
]  # fmt: skip
ONE = [
    ("Nikon Z fc + 16-50 mm VR", "Nikon Z fc Kit avec NIKKOR Z DX 16-50mm f/3.5-6.3 VR"),
    ("Corsair Vengeance DDR5 32 Go 6000 MHz", "CORSAIR VENGEANCE 32GB DDR5 6000MT/s"),
]
# One product each, which the service's veto split.
WORDINGS = [
    ("Apple iPhone 13 mini 128 Go Rose reconditionné", "iPhone 13 mini 128GB Pink - Renewed"),
    ("Crucial MX500 1 To SATA 2,5\" CT1000MX500SSD1",
     "SSD Crucial MX500 1TB 3D NAND SATA 2.5 pouces"),
    ("Sony Alpha 6700 Boîtier nu ILCE-6700", "Sony Alpha 6700 Gehäuse schwarz"),
    ("Lenovo ThinkPad T14 Gen 4 (Intel) i5-1335U 16 Go 512 Go 14\" WUXGA Windows 11 Pro",
     "Lenovo ThinkPad T14 Gen 4 - Core i5 1335U - 16 Go RAM - 512 Go SSD - 14 pouces - W11 Pro"),
    ("ASUS ProArt PA278CV 27\" WQHD USB-C",
     "Asus ProArt Display PA278CV 27 pouces IPS 2560x1440 100% sRGB"),
    ("Brother HL-L2350DW Imprimante laser monochrome Wi-Fi",
     "Imprimante Brother HLL2350DW recto-verso"),
]  # fmt: skip


def test_the_rules() -> None:
    assert both(ddr_clash, *APART[0]) and both(ddr_clash, *APART[1])
    assert not either(ddr_clash, "Kingston 16 Go DDR4", "Kingston 16GB DDR4 3200")
    assert not either(ddr_clash, "RTX 4070 GDDR6X", "RTX 4070 GDDR6")  # the cards' own rules
    assert both(platform_clash, *APART[2])
    assert both(platform_clash, "Mario Kart 8 Nintendo Switch", "Mario Kart World Switch 2")
    assert not either(platform_clash, "Manette compatible PS4 PS5", "Manette PS5")
    assert both(line_edition_clash, *APART[3]) and both(line_edition_clash, *APART[4])
    assert network_clash(pair(*APART[5])[0].attrs.network, pair(*APART[5])[1].attrs.network)
    assert pair(*APART[6])[0].attrs.bundle and not pair(*APART[6])[1].attrs.bundle
    assert all(pair(*ONE[0])[i].attrs.bundle for i in (0, 1))
    assert both(fitted_accessory_clash, *APART[7]) and both(fitted_accessory_clash, *APART[8])
    # A battery sold with its device's part number is that device's kit.
    assert not either(
        fitted_accessory_clash,
        "battery and bag bundle for panasonic camcorders vbg-vbb1strkit",
        "panasonic camcorder starter kit vbgvbb1strkit",
    )
    assert not pair("Batterie externe Anker 737 24000mAh", "x")[0].attrs.accessory
    assert not either(words_clash, "Amazon Echo Pop Anthracite", "Echo Pop enceinte connectée")
    assert normalise("Bose SoundLink Flex (1re génération)") == "bose soundlink flex ( gen1 )"
    assert normalise("Casque sans fil Sony") == "casque wireless sony"
    assert normalise("Sony FE 24-70 mm G Master II") == "sony fe 24-70mm gm ii"


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART + ONE) == [False] * len(APART) + [True] * len(ONE)


# Named without a model code: match-cluster joins them on an edge of 0.5 (0.6 split them).
UNCODED = [
    ("JBL Charge 5 Noir", "Enceinte Bluetooth JBL Charge 5 Black étanche IP67"),
    ("Marshall Emberton II Black and Brass", "Marshall Emberton II Noir & Laiton"),
    ("Nothing Ear (a) - Écouteurs sans fil - Yellow",
     "Écouteurs Nothing Ear (a) True Wireless ANC Noir"),
]  # fmt: skip


def test_match_cluster_joins_products_named_without_a_code() -> None:
    for left, right in UNCODED:
        rows = [{"id": "1", "title": left, "shop": "s0"}, {"id": "2", "title": right, "shop": "s1"}]
        assert len(set(cluster_rows(rows))) == 1, (left, right)
    rows = [{"id": "1", "title": APART[-1][0], "shop": "s0"},
            {"id": "2", "title": APART[-1][1], "shop": "s1"}]  # fmt: skip
    assert len(set(cluster_rows(rows))) == 2


def test_the_service_joins_shop_wordings(session: Session) -> None:
    assert one_product_each(session, WORDINGS)
