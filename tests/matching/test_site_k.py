"""A ninth set of the site's look-alikes (stop 26): the same product in French and German
shops' words. Makers' colour names, letters a shop glues, a speaker's Bluetooth, a drive's
binary size, a laptop shop's "R7-7735HS"."""

from __future__ import annotations

from lookalikes import matched_pairs, one_product_each, pair
from sqlalchemy.orm import Session

from matching.normalise import tokens
from matching.onesided import one_sided_edition
from matching.veto import identity_words, words_cover


def test_a_makers_colour_name_is_no_model_word() -> None:
    forest = pair("Fairphone (Gen. 6) 256 Go Forest Green", "x")[0]
    assert "forest" not in identity_words(forest)
    poli = pair("Google Pixel Watch 4 45 mm Wi-Fi Argent poli", "x")[0]
    assert "poli" not in identity_words(poli)
    # French names the shade after the colour: the word before is the model's.
    home = pair("Enceinte Bluetooth Bose SoundLink Home Gris froid", "x")[0]
    assert "home" in identity_words(home) and "froid" not in identity_words(home)
    # A qualifier before a colour stays.
    assert "max" in identity_words(pair("Apple iPhone 16 Pro Max Black", "x")[0])
    assert "edge" in identity_words(pair("Samsung Galaxy S25 Edge Noir", "x")[0])


def test_words_cover_reads_glued_letters_and_a_speakers_bluetooth() -> None:
    assert words_cover(*pair("Nikon Zf Boîtier nu", "Nikon Z f Body Vollformat-Systemkamera"))
    assert words_cover(*pair("Bose SoundLink Home", "Enceinte Bluetooth Bose SoundLink Home Gris"))
    # A letter of a spec ("M.2") is no edition letter.
    assert words_cover(
        *pair("Kingston FURY Renegade G5 2 To", "Kingston FURY Renegade G5 NVMe M.2 SSD 2048G")
    )
    # A one-letter edition still stops it.
    assert not words_cover(*pair("Razer Kiyo X", "Razer Kiyo webcam"))


def test_binary_sizes_and_ryzen_shorthand() -> None:
    assert pair("Kingston FURY Renegade G5 SSD 2048G", "x")[0].attrs.capacities_gb == {2000}
    assert tokens("Asus TUF A15 R7-7735HS")[-3:] == ["ryzen", "7", "7735hs"]
    assert tokens("AMD R5 7600X")[-3:] == ["ryzen", "5", "7600x"]
    # A camera and its year stay as they are.
    assert tokens("Canon EOS R5 2024") == ["canon", "eos", "r5", "2024"]


def test_the_service_joins_set_ks_shop_wordings(session: Session) -> None:
    assert one_product_each(
        session,
        [
            ("Fairphone (Gen. 6) 256 Go Forest Green", "Fairphone 6 256 Go Vert forêt"),
            ("Nikon Zf Boîtier nu", "Nikon Z f Body Vollformat-Systemkamera 24,5 MP schwarz"),
            ("Console Nintendo Switch 2", "Nintendo Switch 2 Konsole schwarz"),
        ],
    )


def test_more_edition_words_after_a_shared_name() -> None:
    for left, right in [
        ("HYTE Y70", "HYTE Y70 Touch Infinite boîtier écran tactile"),
        ("ASRock X870E Taichi", "ASRock X870E Taichi Lite AM5 E-ATX"),
        ("Marshall Middleton Black and Brass", "Marshall Middleton II Noir & Laiton"),
    ]:
        assert one_sided_edition(*pair(left, right), full=False), (left, right)
    assert matched_pairs([("HYTE Y70", "HYTE Y70 Touch Infinite boîtier")]) == [False]
    # The edition both name.
    assert not one_sided_edition(
        *pair("PocketBook Touch Lux 5 Ink Black", "Liseuse PocketBook Touch Lux 5 6 pouces")
    )
