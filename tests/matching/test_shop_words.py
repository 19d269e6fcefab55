"""Shop wordings of one product that the service read as two, and one that it read as one
(stop 31, from the training pairs of WDC Products)."""

from __future__ import annotations

from lookalikes import both, either, pair

from matching.products import rgb_clash
from matching.record import make_record
from matching.veto import letter_clash


def test_a_mount_or_a_port_type_is_no_one_letter_edition() -> None:
    lens = ("Sony E-Mount FE 20mm F1.8 G SEL20F18G", "Sony FE 20mm F1.8 G Lens")
    drive = ("LaCie Mobile Drive 2TB USB-C", "LaCie Mobile Drive 2TB USB 3.0 Moon Silver")
    for left, right in (lens, drive):
        assert not either(letter_clash, left, right), left
    # A letter that ends a name still names an edition.
    assert either(letter_clash, "Razer Kiyo X", "Razer Kiyo")


def test_a_single_pack_is_one_item() -> None:
    fan = make_record("1", "Corsair ML140 PRO RGB LED 140MM PWM Fan - Single Pack")
    assert not fan.attrs.bundle
    assert make_record("2", "Corsair ML140 PRO RGB LED 140MM PWM Fan - Twin Pack").attrs.bundle


def test_an_rgb_part_is_not_its_one_colour_led_edition() -> None:
    assert both(
        rgb_clash,
        "Corsair ML140 PRO RGB LED 140MM PWM Premium Magnetic Levitation Fan",
        "Corsair ML140 Pro LED, Blue, 140mm Premium Magnetic Levitation Fan",
    )
    # Two colours of one RGB case, or a case that names no LED colour, are one product.
    assert not either(rgb_clash, "Corsair 4000D RGB Airflow Black", "Corsair 4000D RGB White")
    assert not either(rgb_clash, "Corsair 4000D RGB Airflow", "Corsair 4000D Airflow Black")
    assert not rgb_clash(*pair("NZXT H5 Flow RGB", "NZXT H5 Flow RGB Blanc"))
