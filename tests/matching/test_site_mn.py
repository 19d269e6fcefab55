"""Sets M and N of the site's look-alikes (stop 27): appliances, tools and computer parts.
Units a shop writes apart from their number, a lens mount that looks like an edition, part
numbers against words, and the service's veto kept to titles that each add one word."""

from __future__ import annotations

from lookalikes import one_product_each, pair
from sqlalchemy.orm import Session

from matching.excuses import excused
from matching.normalise import tokens
from matching.onesided import one_sided_edition
from matching.veto import letter_clash, words_clash


def test_the_veto_reads_titles_that_each_add_one_word() -> None:
    assert words_clash(
        *pair(
            "ASUS Prime GeForce RTX 5060 Ti OC Edition 16 Go",
            "ASUS Dual GeForce RTX 5060 Ti OC Edition 16 Go",
        )
    )
    # Two shops' descriptions, each with words of its own: the learned score weighs them.
    assert not words_clash(
        *pair(
            "Uniden DECT 6.0 digital accessory handset DCX300",
            "Uniden DCX300 DECT 6.0 accessory handset and cradle for the DECT2000 series",
        )
    )


def test_numbers_before_units_and_versions_are_no_model_numbers() -> None:
    def model(title: str) -> set[str]:
        return set(pair(title, "x")[0].attrs.model_tokens)

    assert model("Casque hi-fi ouvert Sennheiser HD600 filaire 300 ohms") == {"hd600"}
    assert model("Nettoyeur haute pression Kärcher K5 Power Control 145 bar") == {"k5"}
    assert model("PNY GeForce RTX 4060 8GB VERTO Dual Fan DLSS 3") == {"4060"}
    assert model("Carte graphique PNY RTX 4060 Verto 2 ventilateurs 8 Go") == {"4060"}
    assert model("Samsung 64 Go DDR5 4800 MHz ECC Registered 2Rx4") == set()
    # A model number stays one.
    assert model("Kärcher K 5 Power Control") == {"5"}


def test_amds_g_is_a_letter_and_sonys_fe_a_mount() -> None:
    assert "2400g" in tokens("AMD Ryzen 5 2400G")
    assert "2000gb" in tokens("Kingston NV2 SNV2S/2000G")
    lens = pair("Sony FE 16-25 mm F2.8 G SEL1625G", "x")[0]
    assert "fe" not in lens.attrs.qualifiers
    # A watch's Fan Edition keeps its name beside a case size.
    watch = pair("Samsung Galaxy Watch FE 40 mm Bluetooth Noir", "x")[0]
    assert "fe" in watch.attrs.qualifiers
    # "Max Boost" is a clock, "Intuos Pro M" a size.
    assert "max" not in pair("AMD Ryzen 5 2400G (3.9 GHz Max Boost)", "x")[0].attrs.qualifiers
    assert not letter_clash(
        *pair("Wacom Intuos Pro M PTH-660", "Tablette graphique Wacom Intuos Pro Medium (PTH660)")
    )


def test_a_part_number_against_words_is_no_second_model() -> None:
    drive = pair(
        "Seagate IronWolf 6TB 3,5'' 256MB ST6000VN0033",
        "Seagate IronWolf 6TB 256MB Cache NAS Hard Drive for 1-8 bay systems",
    )
    assert excused("model_token_conflict", *drive)
    # Two part numbers are two models.
    assert not excused(
        "model_token_conflict", *pair("Samsung QE55S95D 55 OLED", "Samsung QE55S90D 55 OLED")
    )


def test_numbered_editions_after_a_shared_name() -> None:
    assert one_sided_edition(*pair("Noctua NH-D15", "Noctua NH-D15 G2"))
    assert one_sided_edition(*pair("Wahoo ELEMNT ROAM", "Wahoo ELEMNT ROAM v2"))
    assert one_sided_edition(*pair("Suunto Race", "Suunto Race 2"))
    # A series the other title glues into its code.
    assert not one_sided_edition(
        *pair("LG OLED65G4 65 OLED evo (2024)", "TV LG OLED evo G4 65G4 164 cm 4K 144Hz")
    )


def test_the_service_joins_set_mn_shop_wordings(session: Session) -> None:
    assert one_product_each(
        session,
        [
            ("Sennheiser HD 600", "Casque hi-fi ouvert Sennheiser HD600 filaire 300 ohms"),
            ("Wacom Intuos Pro L PTH-860", "Tablette graphique Wacom Intuos Pro Large (PTH860)"),
            (
                "NVIDIA GeForce RTX 5090 Founders Edition 32GB GDDR7",
                "Carte graphique NVIDIA GeForce RTX 5090 FE 32 Go - Édition Fondateurs",
            ),
            (
                "Sony FE 16-25 mm F2.8 G SEL1625G",
                "Objectif Sony SEL1625G 16-25mm f/2,8 G plein format",
            ),
        ],
    )


def test_memory_speeds_kits_and_drive_buses_written_shortly() -> None:
    from matching.memory import memory_spec_clash
    from matching.specs import bus_clash

    assert memory_spec_clash(
        *pair("Samsung 64GB DDR5-4800 RDIMM", "Samsung 64GB DDR5-5600 RDIMM ECC Registered")
    )
    assert memory_spec_clash(
        *pair(
            "Kingston FURY Beast 32GB (2x16) DDR5 5600 CL40",
            "Kingston FURY Beast 32GB (1x32) DDR5 5600 CL40",
        )
    )
    assert not memory_spec_clash(
        *pair(
            "Corsair Vengeance 32 Go (2 x 16 Go) DDR5 6000 MHz",
            "Corsair Vengeance 32GB (2x16) DDR5-6000 CL30",
        )
    )
    assert bus_clash(*pair("Seagate Exos X24 24 To SATA", "Seagate Exos X24 24TB SAS 12Gb/s"))
    assert not bus_clash(*pair("Seagate Exos X24 24 To SATA", "Seagate Exos X24 24TB"))


def test_match_pairs_keeps_a_boxed_processor_from_a_tray_one() -> None:
    from lookalikes import matched_pairs

    assert matched_pairs(
        [
            ("Intel Core i9-14900K Tray", "Intel Core i9-14900K Box (BX8071514900K)"),
            ("AMD Ryzen 7 7800X3D Tray", "AMD Ryzen 7 7800X3D (100-100000910WOF) Box"),
            ("Intel Core i9-14900K", "Intel Core i9-14900K Box (BX8071514900K)"),
        ]
    ) == [False, False, True]


def test_board_lines_of_a_card_written_as_a_makers_part() -> None:
    from matching.chips import board_clash

    assert board_clash(
        *pair("ASUS PRIME-RTX5070TI-O16G", "ASUS TUF Gaming GeForce RTX 5070 Ti OC Edition 16GB")
    )
    assert board_clash(
        *pair(
            "Gigabyte AORUS GeForce RTX 5080 MASTER 16G",
            "Gigabyte AORUS GeForce RTX 5080 XTREME WATERFORCE 16G",
        )
    )
    assert not board_clash(
        *pair("ASUS TUF-RTX5070TI-O16G-GAMING", "ASUS TUF Gaming GeForce RTX 5070 Ti OC 16GB")
    )


def test_a_processors_p_is_no_video_resolution() -> None:
    from matching.chips import cpu_number_clash

    epyc = pair("AMD EPYC 4584PX 16-Core AM5", "AMD EPYC 4564P 16 cœurs AM5")
    assert epyc[1].attrs.model_tokens == {"4564p"}
    assert cpu_number_clash(*epyc)
    assert pair("Samsung TV 1080p 720p", "x")[0].attrs.model_tokens == set()


def test_a_cards_outputs_are_no_bundle() -> None:
    from matching.cues import plus_items

    assert not plus_items("gigabyte geforce gtx 1650 oc 4gb gddr6 dvi+hdmi+dp")
    assert plus_items("ps5 + manette")


def test_two_series_after_one_laptop_line() -> None:
    from matching.laptops import series_after_line_clash

    assert series_after_line_clash(
        *pair("Lenovo Yoga 9i 2-en-1 Gen 9, 32GB RAM, 1 TB SSD", "Lenovo Yoga Slim 7x - 32Go - 1To")
    )
    # A series the other title says elsewhere, or the same series, is no second laptop.
    assert not series_after_line_clash(
        *pair("Dell Inspiron 14 5440", "Dell Inspiron 5440 14 pouces")
    )
    assert not series_after_line_clash(
        *pair("Lenovo Yoga Slim 7x 32GB", "PC portable Lenovo Yoga Slim 7x 14,5 OLED")
    )
