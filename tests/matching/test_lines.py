"""Look-alikes of the site's categories told apart by the edition word after a line's name
("Switch OLED" / "Switch Lite", "990 EVO Plus" / "990 EVO"), a memory kit's latency, an SSD's
heatsink, a "G" number, Fujifilm's X100 letters; and the spellings that name one model:
Sony's "Alpha 7", LG's regional TV codes, NVIDIA's "FE", "PlayStation Portal", Apple's "(4e
génération)"."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, matched_products, pair
from sqlalchemy.orm import Session

from matching.chips import board_clash, workstation_clash
from matching.cluster import cluster_rows
from matching.editions import line_edition_clash, x100_clash
from matching.memory import latency_clash, module_clash
from matching.normalise import normalise
from matching.pairs import pair_threshold, score_pairs
from matching.specs import g_number_clash, heatsink_clash
from matching.veto import identity_words, words_clash

APART = [
    ("Nintendo Switch OLED Blanche", "Nintendo Switch Lite Turquoise"),
    ("Nintendo Switch 2", "Nintendo Switch OLED"),
    ("Microsoft Xbox Series X 1 To", "Microsoft Xbox Series S 1 To"),
    ("Sonos Arc Ultra", "Sonos Arc"),
    ("Bose QuietComfort Ultra Headphones Noir", "Bose QuietComfort Headphones Noir"),
    ("Bose QuietComfort Earbuds II", "Bose QuietComfort Earbuds"),
    ("Amazon Kindle (2024) 16 Go", "Kindle Paperwhite (2024) 16 Go"),
    ("Samsung 990 EVO Plus 2 To", "Samsung 990 EVO 2 To"),
    ("G.Skill Trident Z5 RGB 32 Go DDR5", "G.Skill Trident Z5 Neo RGB 32 Go DDR5"),
    ("JBL Tune Beam 2", "JBL Tune Buds 2"),
    ("ASUS Vivobook S 15 S5507QA", "ASUS Vivobook 15 X1504VA"),
    ("Nothing Ear (a) Noir", "Nothing Ear (2) Noir"),
    ("Corsair Vengeance DDR5 32 Go 6000 MHz CL30", "Corsair Vengeance DDR5 32 Go 6000 MHz CL36"),
    ("Samsung 990 PRO 2 To avec dissipateur", "Samsung 990 PRO 2 To M.2"),
    ("HP EliteBook 840 G10", "HP EliteBook 840 G9"),
    ("Motorola Moto G84 5G 256 Go", "Motorola Moto G54 5G 256 Go"),
    ("Fujifilm X100VI Argent", "Fujifilm X100V Argent"),
    ("Lenovo IdeaPad Slim 3 15IRH10", "Lenovo IdeaPad Slim 5 15IRH10"),
    ("Lenovo Yoga Slim 7x 14Q8X9", "Lenovo Yoga Slim 7 14IMH9"),
    ("HP OmniBook X 14", "HP OmniBook 5 14"),
    ("Asus ROG Ally X", "Asus ROG Ally"),
    ("Lenovo Legion Go S", "Lenovo Legion Go"),
    ("DJI Mini 4 Pro (DJI RC 2)", "DJI Mini 4 Pro (DJI RC-N2)"),
    ("MSI GeForce RTX 5070 12G VENTUS 2X OC", "MSI GeForce RTX 5070 12G SHADOW 2X OC"),
    ("NVIDIA RTX PRO 6000 Blackwell Max-Q", "NVIDIA RTX PRO 6000 Blackwell Workstation Edition"),
    ("Crucial T705 2 To avec dissipateur", "Crucial T705 2 To"),
]
ONE = [
    ("Nintendo Switch OLED", "Console Nintendo Switch – Modèle OLED Blanc"),
    ("Sonos Arc Ultra Noir", "Sonos Arc Ultra Blanc"),
    ("Samsung 990 PRO avec dissipateur 1 To NVMe", "Samsung 990 PRO Heatsink 1TB"),
    ("Kingston Fury Beast 32 Go DDR5 6000 MHz CL36", "Kingston FURY Beast DDR5 32Go 6000MHz CL36"),
    ("Nothing Ear (a) Noir", "Nothing Ear (a) Jaune"),
    ("Carte graphique NVIDIA GeForce RTX 5080 Founders Edition", "NVIDIA RTX 5080 FE 16GB GDDR7"),
    ("LG OLED evo C4 55 pouces OLED55C44LA", "TV LG OLED55C4 139 cm 4K"),
    ("Sony Alpha 7 IV boîtier", "Sony A7 IV Body"),
    ("PlayStation Portal", "Sony PS5 Portal Remote Player"),
    ("Apple AirPods 4", "Apple AirPods (4e génération)"),
    ("Apple iPad mini 6 64 Go", "Apple iPad mini (6e génération) 64 Go"),
]


def test_the_word_after_a_line() -> None:
    for left, right in APART[:12]:
        assert both(line_edition_clash, left, right), (left, right)
    assert not either(line_edition_clash, *ONE[0])
    assert not either(line_edition_clash, *ONE[1])
    # Only the lines listed, and only where the line's word is that line: a network switch
    # with "2 GBIC ports" is no Switch 2.
    assert not either(line_edition_clash, "Netgear Switch 8 ports", "D-Link Switch 2 GBIC")
    assert not either(line_edition_clash, "Sapphire Nitro+ RX 7800 XT", "Sapphire Nitro V RX")


def test_laptop_handheld_and_card_editions() -> None:
    for left, right in APART[17:23]:
        assert both(line_edition_clash, left, right), (left, right)
    assert not either(line_edition_clash, "Lenovo Yoga Slim 7x", "Lenovo Yoga Slim 7x 14Q8X9")
    # "Slim 3" is a line only beside "IdeaPad" or "Yoga".
    assert not either(line_edition_clash, "Coque Slim 3 pour iPhone", "Coque Slim pour iPhone")
    assert both(board_clash, *APART[23])
    assert both(workstation_clash, *APART[24])
    assert both(heatsink_clash, *APART[25])


def test_memory_latency_heatsink_and_g_numbers() -> None:
    assert both(latency_clash, *APART[12])
    assert both(module_clash, "Crucial DDR3L 4 Go SO-DIMM 1600 MHz", "Crucial 4GB DDR3L 1600 DIMM")
    assert not either(module_clash, "Kingston 8 Go SODIMM DDR4", "Kingston 8GB DDR4 SO DIMM")
    assert not either(latency_clash, *ONE[3])
    assert both(heatsink_clash, *APART[13])
    assert not either(heatsink_clash, *ONE[2])
    # Elsewhere a "dissipateur" is a processor's cooler, which titles name or leave out.
    assert not either(heatsink_clash, "Noctua NH-D15 dissipateur processeur", "Noctua NH-D15")
    assert both(g_number_clash, *APART[14]) and both(g_number_clash, *APART[15])
    assert not either(g_number_clash, "HP EliteBook 840 G10 14 pouces", "HP EliteBook 840 G10 i7")
    assert both(x100_clash, *APART[16])
    assert not either(x100_clash, "Fujifilm X100VI Noir", "Fujifilm X100VI Argent")


def test_spellings_of_one_model() -> None:
    assert normalise("Sony Alpha 7 IV") == "sony a7 iv"
    assert normalise("Sony α7C II") == "sony a7c ii"
    # Samsung's regional references are other products for PriceRunner ("GQ55Q7FN" for
    # Germany, "QE55Q7FN" for the UK): they stay apart.
    assert normalise("Samsung TQ55S90D") == "samsung tq55s90d"
    assert normalise("LG OLED55C44LA") == "lg oled55c4"
    assert normalise("RTX 4070 Ti Super FE") == "rtx 4070 ti super founders edition"
    # Samsung's "FE" is the Fan Edition of a phone, not a Founders Edition.
    assert normalise("Samsung Galaxy S24 FE") == "samsung galaxy s24 fe"
    assert normalise("PlayStation Portal") == "ps5 portal"
    assert normalise("Nothing Ear (a)") == "nothing ear eara"
    # Apple's generation written out keeps its number beside it.
    assert normalise("Apple AirPods (4e génération)") == "apple airpods gen4 4"
    assert normalise("ThinkPad X1 Carbon (12th Gen)") == "thinkpad x1 carbon ( gen12 )"


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART + ONE) == [False] * len(APART) + [True] * len(ONE)


SITE = [
    ("Nintendo Switch OLED Blanche", "s0"),
    ("Nintendo Switch Lite Turquoise", "s1"),
    ("Samsung 990 EVO Plus 2 To", "s0"),
    ("Samsung 990 EVO 2 To", "s1"),
    ("Sonos Arc Ultra Noir", "s0"),
    ("Sonos Arc Noir", "s1"),
    ("LG OLED evo C4 55 pouces OLED55C44LA", "s0"),
    ("TV LG OLED55C4 139 cm 4K", "s1"),
]


def test_match_cluster_and_the_service_agree() -> None:
    rows = [{"id": str(i), "title": t, "shop": shop} for i, (t, shop) in enumerate(SITE)]
    labels = cluster_rows(rows)
    assert len(set(labels[:6])) == 6 and labels[6] == labels[7]


def test_match_cluster_keeps_two_coded_look_alikes_apart() -> None:
    # Two offers in two shops, each the other's only candidate: the low link of the cluster
    # policy used to merge them whatever their codes said.
    for left, right in [
        ("Sony WF-1000XM5 Noir", "Sony WF-1000XM4 Noir"),
        ("LG OLED55C4", "LG OLED55B4"),
        ("GoPro HERO13 Black", "GoPro HERO12 Black"),
    ]:
        labels = cluster_rows([{"id": "1", "title": left, "shop": "s0"},
                               {"id": "2", "title": right, "shop": "s1"}])  # fmt: skip
        assert labels[0] != labels[1], (left, right)
    rows = [{"id": "1", "title": "Sony WF-1000XM5 Noir", "shop": "s0"},
            {"id": "2", "title": "Sony WF1000XM5 écouteurs Noir", "shop": "s1"}]  # fmt: skip
    assert len(set(cluster_rows(rows))) == 1


def test_the_service_keeps_them_apart(session: Session) -> None:
    products = matched_products(session, SITE)
    assert None not in products[:6] and len(set(products[:6])) == 6
    assert products[6] is not None and products[6] == products[7]


# One product in two shops' words: the service's identity-word veto used to keep them apart.
WORDINGS = [
    ("Sony Alpha 7 IV boîtier", "Sony A7 IV Body"),
    ("Apple MacBook Air 13 M4 16 Go 512 Go", "MacBook Air 13 pouces Puce M4 16 Go RAM 512 Go SSD"),
    ("WD Black SN850X 2 To avec dissipateur thermique", "WD_BLACK SN850X Heatsink 2TB"),
    ("Corsair Vengeance RGB DDR5 32 Go 6000 MHz CL30", "Corsair Vengeance RGB 32 Go DDR5 6000 C30"),
    # The category in two shops' languages.
    ("Logitech H650e USB PC Headset", "LOGITECH AURICULARES H650E STEREO USB"),
    ("Fernseher Samsung QE55S90F", "Televisor Samsung QE55S90F"),
]


def test_the_service_joins_shop_wordings(session: Session) -> None:
    for left, right in WORDINGS:
        assert not either(words_clash, left, right), (left, right)
    # The brand a title implies is said by it; a size is said with its unit.
    assert not words_clash(*pair("Apple MacBook Pro 14 M4", "MacBook Pro 14 pouces Puce M4"))
    # Two words of their own on each side still veto.
    assert words_clash(*pair("ASUS Prime RTX 4070", "ASUS Dual RTX 4070"))
    assert normalise("DDR5 6000 C30") == "ddr5 6000 cl30"
    listings = [
        (title, f"s{i % 2}") for left_right in WORDINGS for i, title in enumerate(left_right)
    ]
    products = matched_products(session, listings)
    assert None not in products
    assert all(products[i] == products[i + 1] for i in range(0, len(products), 2))
    assert len(set(products)) == len(WORDINGS)


def test_what_a_title_says_it_is_not() -> None:
    # Memory and storage joined by a "+" are one phone's configuration, not a bundle.
    assert not pair("Xiaomi Redmi Note 13 Pro 5G (8GB+256GB) Noir", "x")[0].attrs.bundle
    assert pair("Sony PS5 Slim + manette DualSense", "x")[0].attrs.bundle
    # A processor "sans ventirad" is sold without its cooler: no accessory.
    assert not pair("AMD Ryzen 7 7800X3D Box sans ventirad", "x")[0].attrs.accessory
    assert pair("Coque Spigen pour iPhone 16", "x")[0].attrs.accessory
    # A cooler is a product of its own: "Ventirad DeepCool AK620" is the "DeepCool AK620".
    assert not pair("Ventirad Noctua NH-D15", "x")[0].attrs.accessory
    # An interface's version is no model word for the service's veto.
    words = identity_words(pair("Samsung 990 PRO 2 To PCIe 4.0 NVMe M.2", "x")[0])
    assert words == {"samsung", "990", "pro"}
    rows = [
        {"id": "1", "left_title": "Xiaomi Redmi Note 13 Pro 5G 8 Go / 256 Go Noir",
         "right_title": "Xiaomi Redmi Note 13 Pro 5G (8GB+256GB) Midnight Black"},
        {"id": "2", "left_title": "AMD Ryzen 7 7800X3D Box sans ventirad",
         "right_title": "Processeur AMD Ryzen 7 7800X3D (4.2 GHz / 5 GHz) AM5"},
    ]  # fmt: skip
    assert all(s >= pair_threshold() for s in score_pairs(rows, "product"))
