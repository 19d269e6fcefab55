"""The service's excuses for a hard conflict (`matching/excuses.py`, stop 30): one product
described two ways by two real shops, and the look-alikes each excuse must leave apart."""

from __future__ import annotations

from lookalikes import matched_products, one_product_each, pair
from sqlalchemy.orm import Session

from matching.excuses import excused
from matching.products import ink_clone_clash
from matching.veto import words_clash


def test_numbers_of_different_kinds_are_no_two_models() -> None:
    # "288" pins and "PC4" are two shops' specifications of one memory module.
    assert excused(
        "model_token_conflict",
        *pair(
            "Kingston ValueRAM 16GB DDR4 2666MHz 288-pin DIMM KVR26N19D8/16",
            "Kingston 16GB PC4-21300 DDR4 memory module KVR26N19D8/16",
        ),
    )
    # Bare short numbers are specs or counts ("2.5" inches / "3" years of warranty)...
    assert excused(
        "model_token_conflict",
        *pair(
            "Samsung 860 EVO 500GB 2.5 SATA MZ-76E500B",
            "Samsung MZ-76E500B 860 EVO 500 Go SSD 3 ans garantie",
        ),
    )
    # ...but not long ones, nor numbers after one word, and numbers in one place of one name
    # stay rivals.
    for left, right in [
        ("HP 500GB 7.2K 3.5 SATA 658071-B21", "HP 500GB 7.2K 3.5 SATA 454141-002"),
        ("Apple MacBook Pro 14 M4 16 Go 512 Go", "Apple MacBook Pro 16 M4 16 Go 512 Go"),
        ("Insta360 X5 caméra 360 8K", "Insta360 X4 caméra 360 8K"),
        ("TP-Link Archer AX73 routeur Wi-Fi 6", "TP-Link Archer AX72 routeur Wi-Fi 6"),
        ("Samsung QE55S85F 55 OLED", "Samsung QE55S90F 55 OLED"),
    ]:
        assert not excused("model_token_conflict", *pair(left, right)), left


def test_an_accessory_that_names_itself_is_no_device_it_fits() -> None:
    assert excused(
        "fits_asym",
        *pair("Sigma 50mm F1.4 DG HSM Art for Canon", "Sigma 50mm F1.4 DG HSM Art Lens [Canon]"),
    )
    assert not excused("fits_asym", *pair("Coque pour iPhone 16", "Apple iPhone 16 128 Go"))
    assert not excused("fits_asym", *pair("Coque pour iPhone 16", "iPhone 16"))


def test_one_part_number_is_one_item_whatever_its_words() -> None:
    assert excused(
        "accessory_asym",
        *pair(
            "Sony memory stick USB adaptor MSACUS40",
            "Sony memory stick card reader/writer MSACUS40",
        ),
    )
    # A bundle that names a second product's code stays a bundle.
    assert not excused(
        "bundle_asym",
        *pair("Samsung QE65QN90D + barre de son HW-Q990D", "Samsung QE65QN90D 65 Neo QLED"),
    )


def test_a_shared_part_number_outweighs_the_word_veto() -> None:
    tripod_head = pair("Manfrotto MVH500AH tête vidéo", "Manfrotto MVH500AH Video Head")
    assert words_clash(*tripod_head)  # "tete" / "head": the veto reads two models
    assert excused("words_conflict", *tripod_head)
    # Without a part number in both, the veto stands ("Prime" / "Dual").
    cards = pair("ASUS Prime GeForce RTX 5070 12 Go", "ASUS Dual GeForce RTX 5070 12 Go")
    assert words_clash(*cards) and not excused("words_conflict", *cards)


def test_a_shared_part_number_outweighs_each_shops_numbers() -> None:
    # "10" Gigabit and "10GbE" beside one part number: one network card.
    card = pair(
        "StarTech.com PCI Express 10 Gigabit Ethernet Fiber Network Card SFP+ PEX10000SFP",
        "StarTech.com PEX10000SFP PCIe x4 10GbE SFP+ NIC",
    )
    assert excused("model_token_conflict", *card)
    # A number after a shared word that is no code ("DDR4 3000" / "DDR4 DRAM") is a spec.
    kit = pair(
        "CORSAIR Vengeance RGB Pro 16GB 288-Pin DDR4 DRAM DDR4 3000 (PC4 24000)"
        " CMW16GX4M2C3000C15W",
        "Corsair Vengeance RGB Pro DDR4 3000MHz 16GB (2x8) Desktop Memory CMW16GX4M2C3000C15W",
    )
    assert excused("model_token_conflict", *kit)
    # Each goes on from the shared part with a number of its own: 4 GB and 16 GB kits.
    kits = pair("Kingston HyperX Fury HX424C15FB/4", "HyperX FURY DDR4 DIMM HX424C15FB/16")
    assert not excused("model_token_conflict", *kits)
    # A laptop's model number is no configuration: two processors are two products.
    laptops = pair(
        "ASUS Zenbook 14 OLED UX3405MA Core Ultra 5 125H 16 Go 512 Go",
        "ASUS Zenbook 14 OLED UX3405MA Intel Core Ultra 7 155H 16 Go 512 Go",
    )
    assert not excused("model_token_conflict", *laptops)


def test_a_shared_model_code_outweighs_a_word_added_to_the_name() -> None:
    frame = pair("Sony DPFD80 digital photo frame", "Sony 8' black LCD digital photo frame DPFD80")
    assert excused("edition_conflict", *frame)
    # An edition a title names stays another product, whatever code both write.
    for left, right in [
        ("Sony WH-1000XM5 Edition Spéciale", "Sony WH-1000XM5"),
        ("Elden Ring Shadow of the Erdtree Edition PS5 CUSA12345", "Elden Ring PS5 CUSA12345"),
    ]:
        assert not excused("edition_conflict", *pair(left, right)), left


def test_a_compatible_cartridge_is_not_the_makers_own() -> None:
    assert ink_clone_clash(*pair("Toner compatible Brother TN-2420", "Brother TN-2420 toner noir"))
    assert ink_clone_clash(
        *pair("Epson T7891 Black Cart - Compatible", "Epson cartouche T7891 noir")
    )
    # An original naming the printers it fits, and two compatible ones, are no clash.
    assert not ink_clone_clash(
        *pair(
            "Cartouche HP 305 noir compatible avec DeskJet 2720", "Cartouche d'encre HP 305 noire"
        )
    )
    assert not ink_clone_clash(
        *pair("Toner compatible Brother TN-2420", "Toner Brother TN2420 compatible noir")
    )
    # An accessory that fits a device is "compatible" too: not a cartridge, no clash here.
    assert not ink_clone_clash(
        *pair("Chargeur compatible MacBook Air 30W", "Apple chargeur USB-C 30W")
    )


def test_the_service_joins_one_product_described_two_ways(session: Session) -> None:
    assert one_product_each(
        session,
        [
            (
                "Kingston ValueRAM 16GB DDR4 2666MHz 288-pin DIMM KVR26N19D8/16",
                "Kingston 16GB PC4-21300 DDR4 memory module KVR26N19D8/16",
            ),
            (
                "Sigma 50mm F1.4 DG HSM Art for Canon",
                "Sigma 50mm F1.4 DG HSM Art Lens [Canon]",
            ),
            (
                "Sony memory stick USB adaptor MSACUS40",
                "Sony memory stick card reader/writer MSACUS40",
            ),
            ("Manfrotto MVH500AH tête vidéo", "Manfrotto MVH500AH Video Head"),
            (
                "Šiltovka New Era 9Forty NY Yankees 10531941",
                "Casquette New Era 9Forty NY Yankees 10531941",
            ),
        ],
    )


def test_the_service_keeps_the_look_alikes_apart(session: Session) -> None:
    titles = [
        ("Insta360 X5 caméra 360 8K", "s1"),
        ("Insta360 X4 caméra 360 8K", "s2"),
        ("Coque pour iPhone 16", "s3"),
        ("Apple iPhone 16 128 Go", "s4"),
        ("Samsung QE65QN90D + barre de son HW-Q990D", "s5"),
        ("Samsung QE65QN90D 65 Neo QLED", "s6"),
        ("Cartouche compatible HP 305XL 3YM62AE", "s7"),
        ("Cartouche d'encre HP 305XL 3YM62AE originale", "s8"),
        ("Toner compatible Brother TN-2420", "s9"),
        ("Brother TN-2420 toner noir", "s10"),
        ("Objectif Sony SEL70200GM", "s11"),
        ("Objectif Sony SEL70200GM2", "s12"),
        # "Black Creator Edition" is GoPro's kit, not a shade of black.
        ("GoPro HERO12 Black Creator Edition", "s13"),
        ("GoPro HERO12 Black", "s14"),
    ]
    products = matched_products(session, titles)
    for i in range(0, len(titles), 2):
        assert products[i] is None or products[i] != products[i + 1], titles[i]
