"""A seventh set of the site's look-alikes (stop 25): the makers of the site's smaller
categories, Apple's names by chip or short number, Sony's European part numbers, a TV's size
and series written apart, a motherboard's letter, a memory kit's lighting, AMD cards by their
part numbers and a delivery delay."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, matched_products, one_product_each, pair
from sqlalchemy.orm import Session

from matching.cluster import cluster_rows
from matching.memory import rgb_clash
from matching.normalise import normalise
from matching.products import board_letter_clash
from matching.record import make_record
from matching.veto import letter_clash, words_clash, words_cover

APART = [
    ("Manette sans fil DualSense Edge", "Manette sans fil DualSense Blanc PS5"),
    ("ASUS ROG STRIX B850-E GAMING WIFI", "ASUS ROG STRIX B850-F GAMING WIFI AM5 ATX"),
    ("Kingston FURY Beast RGB DDR5 32 Go (2x16 Go) 6000 MHz CL30",
     "Kingston FURY Beast DDR5 32 Go (2x16 Go) 6000 MHz CL30 Noir"),
]  # fmt: skip
TOGETHER = [
    ("Apple iPad mini (A17 Pro) Wi-Fi + Cellular 256 Go Bleu", 'iPad mini 7 8,3" 5G 256Go Blue'),
    ("Sony WF-1000XM5 Noir", "Sony WF1000XM5B.CE7 écouteurs Bluetooth à réduction de bruit"),
    ("Philips 55OLED809/12", "Téléviseur Philips OLED809 55 pouces 4K Ambilight 3 côtés"),
]


def _brand(title: str) -> str | None:
    return make_record("x", title).attrs.brand


def test_makers_of_the_smaller_categories() -> None:
    # Tokens are joined by spaces when a brand is read: "TP-Link" was never found.
    assert _brand("TP-Link Archer AX55 Pro") == "tp-link"
    assert _brand("Liseuse Rakuten Kobo Libra 2") == _brand("Kobo Libra 2 Noir") == "kobo"
    assert _brand("Boîtier PC be quiet! Pure Base 500DX") == "be quiet"
    assert _brand("G.Skill Trident Z5 RGB 32 Go") == "g.skill"
    assert _brand("Onyx BOOX Go Color 7") == _brand("Boox Note Air3 C") == "onyx"
    # An "Onyx" phone colour is no maker.
    assert _brand("Galaxy S25 Onyx Black") == "samsung"
    assert _brand("Enceinte UE BOOM 4 Bluetooth") == "ultimate ears"
    assert _brand("Manette sans fil DualSense Blanc") == "sony"


def test_apple_and_sony_names() -> None:
    watch = pair("Apple Watch S10 42mm GPS", "Apple Watch Series 10 GPS 42 mm")
    assert watch[0].attrs.model_tokens == watch[1].attrs.model_tokens == {"10"}
    assert "series" not in pair("Samsung Galaxy Watch S3", "x")[0].tokset
    mini = pair("Apple iPad mini (A17 Pro) Wi-Fi 128 Go", "iPad mini 7 Wi-Fi 128 Go")
    # The chip's "Pro" is no iPad Pro.
    assert "pro" not in mini[0].attrs.qualifiers
    assert mini[0].attrs.model_tokens == mini[1].attrs.model_tokens == {"7"}
    ipad = pair('Apple iPad (A16) 11" Wi-Fi 128 Go', "Apple iPad 11e génération Wi-Fi 128GB")
    assert ipad[0].attrs.generation == {"gen11"} <= ipad[1].attrs.generation
    assert "wf1000xm5" in pair("Sony WF1000XM5B.CE7", "x")[0].tokset
    assert "whch720n" in pair("Sony WHCH720NB.CE7 Noir", "x")[0].tokset


def test_amd_part_numbers_and_delivery_delays() -> None:
    assert normalise("ASUS PRIME-RX9070XT-O16G") == "asus prime-rx 9070 xt-oc 16gb"
    assert normalise("ASUS DUAL-RX7600-O8G-V2") == "asus dual-rx 7600 -oc 8gb -v2"
    assert normalise("Lexus RX450h O8G") == "lexus rx450h o8g"
    assert normalise("Écran Livraison 24h") == normalise("Écran expédié sous 48h").replace(
        "expedie", "livraison"
    )
    assert "24h" not in normalise("Livraison en 24 h")


def test_words_that_say_what_a_product_is_for() -> None:
    pro = pair("NVIDIA RTX A5000 24 Go - Carte graphique professionnelle", "x")[0]
    assert "pro" not in pro.attrs.qualifiers
    assert "pro" in pair("Microsoft Office Professional 2007", "x")[0].toks
    assert not pair("ASUS ZenWiFi BT10 Wi-Fi 7 Tri-Band Mesh System 2-Pack", "x")[0].attrs.accessory
    assert normalise("SSD NVMe PCIe 4.0 x4 / 5.0 x2") == normalise("SSD NVMe PCIe 4.0")
    assert normalise("Philips 65PUS8909/12 Ambilight 3 côtés") == "philips 65pus8909 ambilight3"
    assert not either(
        words_clash,
        "Sony Alpha 7 IV Boîtier nu ILCE-7M4",
        "Sony A7 IV Body Vollformat-Systemkamera",
    )
    assert not either(
        words_clash,
        "TP-Link Tapo P110 (lot de 4)",
        "Prise connectée Wi-Fi Tapo P110 avec mesure de consommation - Pack de 4",
    )


def test_a_tv_size_and_series_written_apart() -> None:
    lg = pair("TV LG OLED evo C4 55 pouces 139 cm", 'LG OLED55C4 55" 4K')
    assert "55c4" in lg[0].joins and "55c4" in lg[1].joins
    assert "55oled809" in pair("Philips OLED809 55 pouces", "x")[0].joins
    # A small screen's size is no TV's: "Galaxy Tab S9 11 pouces" joins nothing.
    assert "11s9" not in pair("Galaxy Tab S9 11 pouces", "x")[0].joins


def test_the_rules() -> None:
    assert both(board_letter_clash, *APART[1])
    assert both(board_letter_clash, "ASUS PRIME B650M-A WIFI II", "ASUS PRIME B650M-K")
    assert not either(
        board_letter_clash,
        "ASUS ROG STRIX B550-F GAMING WIFI II",
        "ASUS ROG STRIX B550-F GAMING (WI-FI) AM4 ATX",
    )
    # A title naming no letter may be either board.
    assert not either(board_letter_clash, "ASUS ROG STRIX B850-E GAMING", "ASUS ROG STRIX B850")
    assert both(rgb_clash, *APART[2])
    assert not either(rgb_clash, "Corsair Vengeance RGB DDR5 32 Go", "Corsair Vengeance RGB DDR5")
    # G.Skill's Trident Z Neo is always lit, "RGB" written or not.
    assert not either(
        rgb_clash,
        "G.Skill Trident Z Neo 16GB (2x8GB) 3600MHz DDR4",
        "G.SKILL 16GB (8GBX2) 3600 MHZ DDR4 TRIDENT Z NEO RGB",
    )
    # A motherboard's RGB is a header, not another product.
    assert not either(rgb_clash, "MSI MAG B650 TOMAHAWK DDR5 RGB", "MSI MAG B650 TOMAHAWK DDR5")


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART) == [False] * len(APART)
    assert matched_pairs(TOGETHER) == [True] * len(TOGETHER)


def test_the_service_reads_part_numbers_and_shop_words(session: Session) -> None:
    pairs = [
        ("ASUS TUF Gaming GeForce RTX 5070 Ti OC Edition 16 Go GDDR7",
         "Asus TUF-RTX5070TI-O16G-GAMING"),
        ("MSI GeForce RTX 4060 Ti VENTUS 2X BLACK 8G OC", "MSI RTX4060TI VENTUS 2X BLACK 8G OC"),
        # AMD cards by ASUS's part number, and a delivery delay that names no model.
        ("ASUS Prime Radeon RX 9070 XT OC Edition 16 Go GDDR6",
         "Carte graphique Asus PRIME-RX9070XT-O16G - Livraison 24h"),
        ("ASUS TUF Gaming Radeon RX 7900 XTX OC 24 Go", "ASUS TUF-RX7900XTX-O24G-GAMING"),
        ("NVIDIA RTX 5000 Ada Generation 32 Go GDDR6 ECC",
         "PNY VCNRTX5000ADA-PB RTX 5000 Ada 32GB - Carte graphique professionnelle"),
        ("ASUS ZenWiFi BT10 (pack de 2)", "ASUS ZenWiFi BT10 Wi-Fi 7 Tri-Band Mesh System 2-Pack"),
        ("Samsung 990 EVO Plus 2 To MZ-V9S2T0BW",
         "Samsung SSD 990 EVO Plus 2TB NVMe M.2 PCIe 4.0 x4 / 5.0 x2"),
        ("Philips 55OLED809/12", "Téléviseur Philips OLED809 55 pouces 4K Ambilight 3 côtés"),
    ]  # fmt: skip
    assert one_product_each(session, pairs)
    # A part number without its "O" is no OC edition.
    apart = [("ASUS Dual Radeon RX 7600 OC Edition 8 Go", "t1"), ("ASUS DUAL-RX7600-8G", "t2")]
    first, second = matched_products(session, apart)
    assert first != second


SAME_WORDS = [
    ("Rakuten Kobo Sage", 'Liseuse Kobo Sage 8" 32 Go Noir'),
    ("Amazon Echo Pop Anthracite", "Echo Pop enceinte connectée Alexa Blanc"),
    ("Netatmo Thermostat Intelligent", "Thermostat connecté Netatmo pour chaudière individuelle"),
    ("Google Pixel 7a 128 Go Charbon", "Google Pixel 7a 128GB Charcoal - Débloqué"),
    # Earbuds and headphones are wireless whether a shop says so or not.
    ("Google Pixel Buds A-Series Blanc", "Écouteurs sans fil Google Pixel Buds A-Series Charbon"),
    ("Sonos Ace Casque Noir", "Sonos Ace casque sans fil réduction de bruit Blanc doux"),
]
OTHER_WORDS = [
    ("Logitech Signature M650 Graphite", "Logitech Signature M650 L Graphite"),
    ("SteelSeries Apex Pro TKL (2023) AZERTY", "SteelSeries Apex Pro TKL Wireless (2023) AZERTY"),
    ("Xiaomi Power Bank 10000 mAh 22,5 W", "Xiaomi Power Bank 20000 mAh 22,5 W"),
    ("Withings ScanWatch 2 38 mm Noir", "Withings ScanWatch 2 42 mm Noir montre hybride"),
    ("Kobo Clara Colour Blanc", "Kobo Clara BW Noir"),
]


def test_titles_whose_model_words_cover_each_other() -> None:
    for left, right in SAME_WORDS:
        assert both(words_cover, left, right), left
    for left, right in OTHER_WORDS:
        assert not either(words_cover, left, right), left


def test_the_service_joins_titles_that_differ_in_shop_words(session: Session) -> None:
    assert one_product_each(session, SAME_WORDS)
    # (The service still joins the first two by their learned score, as before this rule.)
    listings = [(title, f"u{i}") for pair in OTHER_WORDS[2:] for i, title in enumerate(pair)]
    products = matched_products(session, listings)
    assert all(a != b for a, b in zip(products[::2], products[1::2], strict=True))


def test_match_cluster_joins_them_too() -> None:
    def joined(left: str, right: str) -> bool:
        rows = [{"id": "1", "title": left, "shop": "s1"}, {"id": "2", "title": right, "shop": "s2"}]
        first, second = cluster_rows(rows)
        return first == second

    assert all(joined(*pair) for pair in SAME_WORDS)
    assert not any(joined(*pair) for pair in OTHER_WORDS[2:])


def test_a_one_letter_edition() -> None:
    for left, right in [
        ("Razer Kiyo X", "Razer Kiyo webcam avec anneau lumineux"),
        ("HyperX QuadCast S", "HyperX QuadCast micro USB à condensateur"),
        OTHER_WORDS[0],  # "Signature M650" / "M650 L"
    ]:
        assert either(letter_clash, left, right), left
    for left, right in [
        ("Logitech G Pro X Superlight 2 Blanc", "Logitech PRO X SUPERLIGHT 2 LIGHTSPEED Souris"),
        ("Samsung Galaxy Z Fold6", "Samsung Galaxy Fold6 512 Go"),
        ("Nikon Z8 Boîtier nu", "Appareil photo hybride Nikon Z 8 body"),
        ("Crucial T500 1 To NVMe", "Crucial T500 1TB M.2 NVMe SSD"),
        ('LG UltraGear 27GR95QE-B 27" OLED', "Écran PC LG 27GR95QE OLED 240Hz"),
    ]:
        assert not either(letter_clash, left, right), left


def test_the_service_keeps_one_letter_editions_apart(session: Session) -> None:
    listings = [("Razer Kiyo X", "v1"), ("Razer Kiyo webcam avec anneau lumineux", "v2")]
    first, second = matched_products(session, listings)
    assert first != second


def test_the_service_reads_a_qualifier_beside_a_shared_part_number(session: Session) -> None:
    lenses = [
        ("Sony FE 85 mm F1.8 SEL85F18", "Objectif Sony SEL85F18 85mm f/1.8 plein format"),
        ("Sony FE 24-70 mm F2.8 GM II (SEL2470GM2)",
         "Objectif Sony SEL2470GM2 24-70 mm f/2,8 G Master II"),
    ]  # fmt: skip
    assert one_product_each(session, lenses)
    # A model glued to its number ("RTX4060") is no part number: "Ti" still tells them apart.
    cards = [("Gigabyte GeForce RTX4060 EAGLE OC 8G", "w1"),
             ("Gigabyte GeForce RTX4060 Ti EAGLE OC 8G GDDR6", "w2")]  # fmt: skip
    first, second = matched_products(session, cards)
    assert first != second
