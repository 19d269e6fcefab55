"""The catalog's service on one product written by two shops. Its veto on words reads no model
in an interface's version, a part number's prefix, the category in another language, or the
chip maker a board implies; a board maker's card names the chip maker's brand too; a watch's
case and band are no accessory; a monitor is sold by the size it rounds up to. Two versions of
one interface (HDMI 2.1 / 2.0) are two products."""

from __future__ import annotations

from lookalikes import both, either, matched_products, one_product_each, pair
from sqlalchemy.orm import Session

from matching.features import generations_differ, same_screen
from matching.normalise import normalise
from matching.specs import interface_clash
from matching.veto import identity_words, words_clash

# One product each, in two shops' words.
ONE = [
    ("Samsung 990 PRO MZ-V9P2T0BW 2 To", "Samsung SSD 990 PRO 2 To NVMe M.2 PCIe 4.0"),
    ("PNY NVIDIA RTX 6000 Ada Generation 48 Go", "NVIDIA RTX 6000 Ada 48GB GDDR6"),
    ("Grafikkarte Gigabyte GeForce RTX 4060 EAGLE OC 8G, GDDR6, DLSS 3",
     "Gigabyte RTX 4060 Eagle OC 8 Go - Carte graphique NVIDIA"),
    ("ASUS ROG Strix GeForce RTX 4090 OC Edition 24 Go GDDR6X",
     "Asus ROG-STRIX-RTX4090-O24G-GAMING"),
    ("LG UltraGear 27GR95QE-B 27\" OLED QHD 240 Hz",
     "Écran PC LG 27GR95QE 26,5 pouces OLED 2560x1440 240Hz 0,03ms"),
    ("LG OLED65C44LA 164 cm 4K OLED evo", "TV OLED LG 65C4 65 pouces (2024)"),
    ("Sony BRAVIA XR-55A80L 55\" OLED 4K", "Téléviseur Sony XR55A80L OLED 139 cm Google TV"),
    ("WD_BLACK SN850X 1 To NVMe (WDS100T2X0E)",
     "Western Digital Black SN850X 1TB M.2 2280 PCIe Gen4"),
    ("Samsung 870 EVO 1 To SATA 2,5\" MZ-77E1T0B/EU", "Samsung 870 EVO 1TB 2.5 Zoll SATA III SSD"),
    ("Kingston FURY Beast 32 Go (2 x 16 Go) DDR5 6000 MHz CL40 KF560C40BBK2-32",
     "Kingston Fury Beast DDR5-6000 32GB Kit KF560C40BBK2-32 Noir"),
    ("AMD Ryzen 7 7800X3D 100-100000910WOF", "Processeur AMD Ryzen 7 7800X3D 4,2 GHz AM5 Boîte"),
    ("AVM FRITZ!Box 7590 AX", "FRITZ!Box 7590 AX WLAN Router (Wi-Fi 6, DSL)"),
    ("Apple Watch SE (2e génération) GPS 40 mm Lumière stellaire",
     "Apple Watch SE 2nd Gen GPS 40mm Starlight Aluminium Case"),
    ("Apple Watch Ultra 2 49 mm Titane Bracelet Océan Bleu",
     "Apple Watch Ultra 2 GPS + Cellular 49mm Titanium Case with Blue Ocean Band"),
    ("Marshall Emberton II Black and Brass", "Marshall Emberton II Noir & Laiton"),
    ("Google Nest Hub (2e génération) Galet", "Google Nest Hub 2nd Gen Chalk"),
    ("PNY NVIDIA RTX 5000 Ada Generation 32 Go",
     "NVIDIA RTX 5000 Ada 32GB GDDR6 ECC (PNY VCNRTX5000ADA-PB)"),
    ("Samsung Galaxy A55 5G 128 Go Bleu nuit SM-A556B",
     "Samsung Galaxy A55 5G 8Go 128Go Awesome Navy"),
    ("Samsung QE65S90D 65\" OLED 4K", "TV Samsung OLED 65S90D 163 cm"),
    ("Corsair Vengeance RGB DDR5 32 Go (2x16 Go) 6000 MHz CL36 CMH32GX5M2E6000C36",
     "Corsair VENGEANCE RGB 32GB (2x16GB) DDR5 DRAM 6000MT/s CL36 Blanc"),
    ("Crucial Pro DDR5 32 Go (2x16 Go) 5600 MHz CL46",
     "Crucial Pro 32GB Kit (2x16GB) DDR5-5600 UDIMM CP2K16G56C46U5"),
    ("AMD Ryzen 7 9800X3D 100-100001084WOF",
     "AMD Ryzen 7 9800X3D (4,7 GHz / 5,2 GHz) AM5 - Boîte"),
    ("Netgear Nighthawk RAX50 AX5400", "NETGEAR Nighthawk AX6 6-Stream WiFi 6 Router (RAX50)"),
    ("Nikon Z fc + 16-50 mm VR", "Nikon Z fc Kit avec NIKKOR Z DX 16-50mm f/3.5-6.3 VR"),
    ("Action cam GoPro HERO13 Black", "Caméra d'action GoPro HERO 13 Black 5.3K"),
]  # fmt: skip
# Two products each: the same fixes must not join them.
TWO = [
    ("Samsung 990 PRO 2 To NVMe M.2 PCIe 4.0", "Samsung 990 EVO 2 To NVMe M.2 PCIe 4.0"),
    ("PNY GeForce RTX 4070 12 Go", "NVIDIA GeForce RTX 4070 Ti 12 Go"),
    ("Câble HDMI 2.1 Ugreen 2 m", "Câble HDMI 2.0 Ugreen 2 m 4K"),
    ("Sapphire PULSE AMD Radeon RX 7800 XT 16GB GDDR6", "Sapphire Pulse Radeon RX 7700 XT 12 Go"),
    ("NVIDIA GeForce RTX 5090 Founders Edition 32 Go", "NVIDIA GeForce RTX 5080 Founders Edition"),
    ("LG OLED55C3 2023 55 pouces 4K", 'LG OLED55C4 2024 55" OLED evo 4K'),
    ("Logitech MX Master 3S Graphite", "Logitech MX Master 3 Graphite"),
    ("Bracelet Sport pour Apple Watch 45 mm", "Apple Watch Series 9 GPS 45 mm"),
    ("Dell S2721DGF 27 pouces", "Dell S3222DGM 31,5 pouces"),
]


def test_interface_versions_are_no_model_tokens() -> None:
    rec = pair("Samsung SSD 990 PRO 2 To NVMe M.2 PCIe 4.0", "x")[0]
    assert rec.attrs.model_tokens == {"990"}
    assert pair("Hub USB-C 3.2 Gen 2", "x")[0].attrs.model_tokens == set()
    # The version is still a number of the title: HDMI 2.1 and 2.0 cables stay apart.
    assert {"2", "1"} <= pair("Câble HDMI 2.1", "x")[0].attrs.numbers
    assert both(interface_clash, "Câble HDMI 2.1 2 m", "Câble HDMI 2.0 2 m")
    assert both(interface_clash, "SSD 2 To PCIe 5.0", "SSD 2 To PCIe Gen 4")
    assert not either(interface_clash, "SSD PCIe 4.0", "SSD PCIe Gen 4")
    # USB is left alone: "USB 3.0" and "USB 3.2 Gen 1" name one port.
    assert not either(interface_clash, "WD My Passport 2 To USB 3.0", "My Passport 2TB USB 3.2")


def test_words_that_name_no_model() -> None:
    # A part number's prefix, the chip maker a board implies, a brand written another way.
    assert identity_words(pair("Logitech MX Master 3S 910-006559", "x")[0]) == {
        "logitech", "mx", "master", "3s"}  # fmt: skip
    assert not either(words_clash, "MSI GeForce RTX 4090 SUPRIM X", "MSI RTX 4090 SUPRIM X DLSS 3")
    assert not either(words_clash, "WD_BLACK SN850X 1 To", "Western Digital Black SN850X 1TB")
    # A watch's case and band are the watch's; a band sold alone is an accessory.
    assert not pair("Apple Watch Ultra 2 49 mm Titane Bracelet Océan", "x")[0].attrs.accessory
    assert pair("Bracelet Sport pour Apple Watch 45 mm", "x")[0].attrs.accessory
    # Monitors and TVs are sold by the size they round up to; a laptop's is not.
    assert same_screen(frozenset([27.0]), frozenset([26.5]))
    assert not same_screen(frozenset([14.0]), frozenset([13.6]))
    # A year against a generation may be one product; two years or two generations are not.
    assert not generations_differ(frozenset(["2023"]), frozenset(["gen2"]))
    assert generations_differ(frozenset(["2023"]), frozenset(["2024"]))
    # A decimal comma inside brackets, a memory rate in MT/s.
    assert "4.7ghz" in pair("Ryzen 7 9800X3D (4,7 GHz / 5,2 GHz)", "x")[0].toks
    assert normalise("DDR5 6000MT/s") == "ddr5 6000mhz"
    # Specs are no model tokens: a Wi-Fi speed class, AMD's part number, a stream count.
    rec = pair("NETGEAR Nighthawk AX6 6-Stream WiFi 6 AX5400 (RAX50)", "x")[0]
    assert rec.attrs.model_tokens == {"ax6", "rax50"}
    assert pair("AMD Ryzen 7 9800X3D 100-100001084WOF", "x")[0].attrs.model_tokens == {
        "7", "9800x3d"}  # fmt: skip


def test_the_service_joins_them(session: Session) -> None:
    assert one_product_each(session, ONE)


def test_the_service_keeps_look_alikes_apart(session: Session) -> None:
    listings = [(title, f"s{i}") for both in TWO for i, title in enumerate(both)]
    products = matched_products(session, listings)
    assert all(products[i] != products[i + 1] for i in range(0, len(products), 2))
