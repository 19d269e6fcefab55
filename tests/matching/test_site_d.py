"""A fourth set of the site's look-alikes and shop wordings: a phone's "8/128 Go", what a
title says it comes without, a collector's edition, NVIDIA's Max-Q, a camera kit, a charger's
ports, a power supply's "80+ Gold", a TV's "Mini LED", a cooler or a PC case named by its
category, and the descriptive words the service's veto used to read as model words."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, one_product_each, pair
from sqlalchemy.orm import Session

from matching.chips import workstation_clash
from matching.lenses import aperture_clash, mount_clash, system_clash, zoom_clash
from matching.normalise import normalise
from matching.products import collector_clash, marked_edition_clash
from matching.specs import without_clash
from matching.veto import words_clash

APART = [
    ("Kingston FURY Renegade RGB DDR5 32 Go (2x16 Go) 6400 MHz CL32",
     "Kingston FURY Renegade DDR5 32 Go (2x16 Go) 6400 MHz CL32 sans RGB"),
    ("ASUS TUF GAMING B650-PLUS WIFI (AM5, DDR5, ATX)",
     "Carte mère ASUS TUF GAMING B650-PLUS (sans Wi-Fi) AM5 ATX"),
    ("The Legend of Zelda Tears of the Kingdom Édition Collector Switch",
     "The Legend of Zelda : Tears of the Kingdom Switch"),
    ("NVIDIA RTX PRO 6000 Blackwell Workstation Edition 96 Go GDDR7",
     "NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition 96GB GDDR7"),
    ("Garmin Forerunner 255 Music Noir", "Garmin Forerunner 255 Gris ardoise"),
    ("Apple Magic Keyboard avec Touch ID AZERTY",
     "Apple Magic Keyboard avec Touch ID et pavé numérique AZERTY"),
    ("Fractal Design North Charcoal Black TG", "Fractal Design North XL Charcoal Black TG"),
    ("Bose Smart Soundbar", "Bose Smart Ultra Soundbar Noir"),
    ("Sigma 24-70mm F2.8 DG DN Art monture Sony E", "Sigma 24-70mm F2.8 DG DN Art monture L"),
    ("Sonos Roam 2 Noir", "Sonos Roam Noir"),
    ("Kindle Paperwhite Kids (2021) 8 Go", "Amazon Kindle Paperwhite (11e génération) 8 Go 6,8\""),
]  # fmt: skip
ONE = [
    ("Samsung Galaxy S24 FE 5G 128 Go Bleu SM-S721B", "Galaxy S24 FE 8/128Go Blue Smartphone"),
    ("UGREEN Nexode 65W chargeur USB-C GaN 3 ports",
     "Chargeur rapide Ugreen Nexode 65 W 2 USB-C + 1 USB-A"),
]  # fmt: skip
# One product each, which the service split.
WORDINGS = [
    ("Seasonic FOCUS GX-850", "Alimentation Seasonic Focus GX 850 W 80+ Gold modulaire"),
    ("DeepCool AK620", "Ventirad DeepCool AK620 double tour 260 W TDP"),
    ("Corsair 4000D Airflow Noir", "Boîtier PC Corsair 4000D Airflow verre trempé Blanc"),
    ("HP 963XL Noir grande capacité", "Cartouche d'encre HP 963 XL noir authentique"),
    ("Logitech C920 HD Pro", "Webcam Logitech C920 Full HD 1080p 30 ips micro stéréo"),
    ("Meta Quest 2 128 Go", "Oculus Quest 2 128GB casque VR tout-en-un"),
    ("Sony BRAVIA 9 K-75XR90 75\" Mini LED", "Sony K75XR90 Bravia 9 189 cm 4K HDR Google TV"),
]  # fmt: skip


def test_the_rules() -> None:
    assert both(without_clash, *APART[0]) and both(without_clash, *APART[1])
    assert not either(without_clash, "Ryzen 7 7800X3D sans ventirad", "Ryzen 7 7800X3D")
    assert both(collector_clash, *APART[2])
    assert both(workstation_clash, *APART[3])
    for left, right in APART[4:8]:
        assert both(marked_edition_clash, left, right), (left, right)
    assert not either(marked_edition_clash, "Garmin Forerunner 255 Music", "Forerunner 255 Music")
    assert both(mount_clash, *APART[8])
    # "Mount" alone is as often a wall mount: only "monture" and "Bajonett" name a lens's.
    assert not either(mount_clash, "Sanus wall mount VM400B", "Sanus TV wall mount LT25B1")
    assert both(aperture_clash, "Canon RF 24-105mm F4L IS USM", "Canon RF 24-105mm F4-7.1 IS STM")
    assert not either(aperture_clash, "Sigma 24-70mm F2.8 DG DN", "Sigma 24-70 mm f/2,8 DG DN")
    # Two focal ranges: two zooms, or a kit with one lens against one with two.
    assert both(zoom_clash, "Canon EF-S 18-200mm f/3.5-5.6 IS", "Canon EF-S 18-135/3.5-5.6 IS USM")
    assert both(zoom_clash, "Sony Alpha 6400 + 16-50mm + 55-210mm", "Sony Alpha 6400 + 16-50mm")
    assert not either(zoom_clash, "Sony FE 24-70 mm F2.8 GM II", "Sony SEL2470GM2 24-70mm f/2.8")
    assert not either(zoom_clash, "Shimano CS-R9100 11-28T", "Shimano CS-R9100 11-25T")
    # A lens maker's lens for two camera systems, however the shop names them.
    sigma = ("Sigma 18-50mm F2.8 DC DN monture Sony E", "Sigma 18-50 mm pour Fujifilm X")
    assert both(system_clash, *sigma)
    assert both(system_clash, "Sigma 35mm F1.4 DG HSM Art Nikon", "Sigma 35mm F1.4 Art EOS Mount")
    assert not either(system_clash, "Sigma 50mm F1.4 Art for Canon", "Sigma 50mm F1.4 Art [Canon]")
    assert not either(system_clash, "Samyang AF 35mm F1.4 FE", "Samyang AF 35mm F1.4 Sony E")
    assert normalise("S24 FE 8/128Go") == "s24 fe 8gb 128gb"
    assert normalise("Focus GX 850 W 80+ Gold") == "focus gx 850w 80plusgold"
    assert normalise("Sony Bravia 9 Mini LED") == "sony bravia 9 miniled"
    kit = ("Canon EOS R10 + RF-S 18-150mm F3.5-6.3 IS STM", "Canon EOS R10 Kit 18-150 IS STM")
    assert all(pair(*kit)[i].attrs.bundle for i in (0, 1))
    assert not pair(*ONE[1])[1].attrs.bundle
    assert not pair(*WORDINGS[2])[1].attrs.accessory  # a PC case's tempered glass
    assert pair("Protection écran verre trempé iPhone 16", "x")[0].attrs.accessory
    for left, right in WORDINGS[3:6]:
        assert not either(words_clash, left, right), (left, right)


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART + ONE) == [False] * len(APART) + [True] * len(ONE)


def test_the_service_joins_shop_wordings(session: Session) -> None:
    assert one_product_each(session, WORDINGS)
