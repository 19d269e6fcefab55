"""Cues that misread real listings (PriceRunner, Abt-Buy, Amazon-Google, WDC) and their fixes."""

from __future__ import annotations

import pytest

from matching.features import FEATURES, Corpus, _near, _units, close_codes, compare
from matching.normalise import tokens
from matching.record import grouped_codes, make_record


@pytest.mark.parametrize(
    "title",
    [
        "samsung rr39m7340bc a tall fridge with all around cooling water dispenser",
        "lg oled65c8p 65 4k hdr dolby atmos cinema screen oled tv",
        "samsung rz32m7120bc/eu frost free freezer 5 year samsung parts and labour warranty",
        "Corsair iCUE 465X RGB Mid-Tower White ATX Case, Tempered Glass",
        "Cooler Master MasterBox TD500 Mesh ARGB Computer Case",
        "Corsair ML140 Magnetic Levitation 140mm Case Fan - Twin Pack",
        # A cordless tool ("Akku-") and the charger in its kit ("Ladegerät").
        "Makita Akku-Schlagbohrschrauber DHP485Z 18 V",
        "Milwaukee M18 FUEL Schlagbohrschrauber FPD3-502X (2x 5,0 Ah, Ladegerät, HD-Box)",
    ],
)
def test_device_features_are_not_accessories(title: str) -> None:
    assert not make_record("1", title).attrs.accessory


@pytest.mark.parametrize(
    "title",
    [
        "Coque pour iPhone 16 avec protection écran",
        "Câble USB-C 2 m",
        "Ecran protection iPhone 16",
        "Nintendo Switch carrying case",
        # The same words in other European shops' titles.
        "GoPro Cargador de bateria Doble para Hero 3",
        "Maletín GoPro Casey",
        "Funda Samsung Galaxy S24",
        "Batteria per Leica GEB111",
    ],
)
def test_accessories_stay_accessories(title: str) -> None:
    assert make_record("1", title).attrs.accessory


def test_ports_and_place_settings_are_not_packs_or_bundles() -> None:
    tv = make_record("1", "panasonic tx65fx750b 65 inch 4k smart led tv in black with 4x hdmi")
    assert tv.attrs.pack == 1
    dishwasher = make_record("2", "hotpoint hfc2b19uk 60cm dishwasher in white 13 place set a")
    assert not dishwasher.attrs.bundle
    cpu = make_record("3", "amd a8 9600 quad core 3.10 ghz processor socket am4 retail pack")
    assert not cpu.attrs.bundle
    assert make_record("4", "Pack 2 manettes PS5").attrs.bundle
    assert make_record("5", "Lot de 3 câbles USB-C").attrs.pack == 3
    cores = make_record("6", "amd prozessor ryzen 7 sockel am4 1800x 8 x 3 60 ghz 16 mb")
    assert cores.attrs.pack == 1
    # A microSD card's own SD adapter is in its box; a card sold with a camera is a bundle.
    card = make_record("7", "Kingston Canvas Select microSDXC 128GB Class 10 + SD Adapter")
    assert not card.attrs.bundle
    assert not make_record("8", "SanDisk Extreme microSDXC 256 Go + adaptateur SD").attrs.bundle
    assert make_record("9", "GoPro HERO12 Black + carte microSD 64 Go").attrs.bundle


def test_region_suffix_of_a_long_code_is_near() -> None:
    assert close_codes("ue32m5520", "ue32m5520akxxu")
    assert _near("ue32m5520akxxu", frozenset({"samsung", "ue32m5520"}))
    # A short code may not take a long suffix: "a590" is not "a590xyzab".
    assert not close_codes("a590", "a590xyzab")
    assert not close_codes("abc12", "abc12xyzab")


def test_abbreviations_spell_one_word() -> None:
    assert tokens("Adobe CS3 Flash Professional upg") == ["adobe", "cs3", "flash", "pro", "upgrade"]
    assert tokens("Production Prem CS3") == ["production", "premium", "cs3"]


def test_software_editions_and_platforms() -> None:
    mac = make_record("1", "computrace lojack for laptops 1 year license ( mac )")
    win = make_record("2", "computrace lojack for laptops 1 year license ( win 2000 xp )")
    full = make_record("3", "apple logic pro 7.2")
    upgrade = make_record("4", "apple logic pro 7.2 upgrade")
    corpus = Corpus([mac, win, full, upgrade])
    features = dict(zip(FEATURES, compare(mac, win, corpus, words=None), strict=True))
    assert features["platform_conflict"] == 1.0
    features = dict(zip(FEATURES, compare(full, upgrade, corpus, words=None), strict=True))
    assert features["edition_diff"] == 1.0 and features["platform_conflict"] == 0.0


def test_megapixels_rounded_down_agree() -> None:
    a = make_record("1", "canon powershot g10 14.7 megapixel digital camera")
    b = make_record("2", "canon powershot g10 14 megapixel digital camera")
    c = make_record("3", "canon powershot 12 megapixel digital camera")
    assert _units(a, b)[:2] == (1, 0)
    assert _units(a, c)[:2] == (0, 1)


def test_grouped_references_are_joined() -> None:
    assert "t0914204605101" in grouped_codes("tissot t-touch expert t091.420.46.051.01")
    assert "t0914204605101" in make_record("1", "Tissot T-Touch T091.420.46.051.01").joins
    assert grouped_codes("af-s 18-55mm 1:3.5-5.6") == frozenset()


def test_words_before_a_standard_or_a_whole_code_make_no_code() -> None:
    # Junk codes made uncoded titles clash with the real code of their own product.
    assert make_record("1", "77inch oled hdr 4k uhd smart tv wifi").attrs.strong_codes == set()
    assert make_record("2", "samsung titanium grey wd6800 washer").attrs.strong_codes == {"wd6800"}
    tv = make_record("3", "samsung 65 7 series black 4k tv ue65nu7400uxxu")
    assert tv.attrs.strong_codes == {"ue65nu7400uxxu"}
    assert "rtx5090" in make_record("4", "nvidia geforce rtx 5090 32 go").attrs.strong_codes
    assert "sms921b" in make_record("5", "samsung galaxy sm s921b").attrs.strong_codes


def test_a_line_name_inside_a_full_code_is_near() -> None:
    assert close_codes("nu7400", "ue43nu7400u") and close_codes("40nu7120", "ue40nu7120kxxu")
    assert close_codes("nu7400", "ue43nu7400uxxu")
    assert not close_codes("7400", "ue43nu7400u") and not close_codes("a590", "xxa590yyyy")
    tv = make_record("1", "samsung ue82nu8000txxu 82 hdr extreme 4k ultra hd smart tv")
    assert tv.attrs.strong_codes == {"ue82nu8000txxu"}


def test_cpu_model_numbers_are_codes_and_standards_are_not() -> None:
    # "\d+k" and "\d+x" were read as technology names ("4k", "16x"), which dropped the model
    # numbers of unlocked Intel and AMD X processors.
    assert {"14900k", "1700x", "7600x"} <= {
        c
        for title in ("intel core i9 14900k", "amd ryzen 7 1700x", "amd ryzen 5 7600x")
        for c in make_record("1", title).attrs.strong_codes
    }
    tv = make_record("2", "samsung 8k tv with 4k upscaling 16x dvd 100x zoom")
    assert tv.attrs.strong_codes == set()


@pytest.mark.parametrize(
    ("title", "colours"),
    [
        ("Canon PowerShot G10 14.7MP, red-eye correction", set()),
        ("TP-Link TL-WN821N tarjeta de red WiFi N300", set()),
        ("Cable de red Cat6 3 m", set()),
        ("Apple iPhone 16 128 Go rouge", {"rouge"}),
        ("Apple iPhone 16 red", {"red"}),
        ("Canon PowerShot G10 red, red-eye correction", {"red"}),
    ],
)
def test_red_eye_and_spanish_network_red_are_not_colours(title: str, colours: set[str]) -> None:
    assert make_record("x", title, level="variant").attrs.colours == colours


@pytest.mark.parametrize(
    ("title", "qualifiers"),
    [
        ("Samsung UE49MU8000 49 inch Ultra HD smart TV", set()),
        ("LG 43UK6300 43in ultra-HD 4K HDR", set()),
        ("Bosch SMS46 s/steel dishwasher", set()),
        ("Samsung Galaxy S24 Ultra 256GB", {"ultra"}),
        ("Samsung Galaxy S24 Ultra 256GB Ultra HD screen", {"ultra"}),
        # A lens's angle and coating, a case's size, a power supply's efficiency.
        ("Sigma Zoom Super Wide Angle 10-20mm f/4-5.6 EX DC HSM", set()),
        ("FUJIFILM Super EBC XF 23mm f/2 R WR Lens", set()),
        ("Corsair Carbide Series Air 240 Mini Tower Case", {"air"}),
        ("Corsair AX860i 860W Modular Power Supply 80 Plus", set()),
        ("Samsung Galaxy S24 Plus 256GB", {"plus"}),
        ("Apple iPad mini 7 128 Go", {"mini"}),
    ],
)
def test_ultra_hd_is_a_resolution_not_the_ultra_model(title: str, qualifiers: set[str]) -> None:
    assert make_record("x", title).attrs.qualifiers == qualifiers
