"""The catalog's service on one product written by two shops: an interface's version is no
model number, and a board maker's card names the chip maker's brand too. Two versions of one
interface (HDMI 2.1 / 2.0) are two products."""

from __future__ import annotations

from lookalikes import both, either, matched_products, pair
from sqlalchemy.orm import Session

from matching.specs import interface_clash

# One product each, in two shops' words.
ONE = [
    ("Samsung 990 PRO MZ-V9P2T0BW 2 To", "Samsung SSD 990 PRO 2 To NVMe M.2 PCIe 4.0"),
    ("PNY NVIDIA RTX 6000 Ada Generation 48 Go", "NVIDIA RTX 6000 Ada 48GB GDDR6"),
]
# Two products each: the same fixes must not join them.
TWO = [
    ("Samsung 990 PRO 2 To NVMe M.2 PCIe 4.0", "Samsung 990 EVO 2 To NVMe M.2 PCIe 4.0"),
    ("PNY GeForce RTX 4070 12 Go", "NVIDIA GeForce RTX 4070 Ti 12 Go"),
    ("Câble HDMI 2.1 Ugreen 2 m", "Câble HDMI 2.0 Ugreen 2 m 4K"),
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


def test_the_service_joins_them(session: Session) -> None:
    listings = [(title, f"s{i}") for both in ONE for i, title in enumerate(both)]
    products = matched_products(session, listings)
    assert None not in products
    assert products[0] == products[1] and products[2] == products[3]
    assert products[0] != products[2]


def test_the_service_keeps_look_alikes_apart(session: Session) -> None:
    listings = [(title, f"s{i}") for both in TWO for i, title in enumerate(both)]
    products = matched_products(session, listings)
    assert all(products[i] != products[i + 1] for i in range(0, len(products), 2))
