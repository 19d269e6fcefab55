"""Look-alikes of the site's categories told apart by a chip's number or suffix, a feature
word (noise cancelling, the case's connector) or the condition; and part numbers that
abbreviate the model read as the model."""

from __future__ import annotations

from lookalikes import both, either, matched_products
from sqlalchemy.orm import Session

from matching.chips import cpu_number_clash, gpu_suffix_clash, workstation_clash
from matching.clash import qualifier_clash, series_clash
from matching.cluster import cluster_rows
from matching.editions import edition_clash
from matching.normalise import normalise
from matching.pairs import pair_threshold, score_pairs

CPU_NUMBERS = [
    ("Intel Core i9-14900K 3,2 GHz", "Intel Core i9-13900K 3,0 GHz"),
    ("AMD Ryzen 7 9800X3D", "AMD Ryzen 7 7800X3D"),
]
GPU_SUFFIXES = [
    ("NVIDIA GeForce RTX 5090 32 Go GDDR7", "NVIDIA GeForce RTX 5090 D 32 Go GDDR7"),
    ("MSI GeForce RTX 4060 VENTUS 2X 8G", "MSI GeForce RTX 4060Ti VENTUS 2X 8G"),
]
# The architecture's letter before a workstation card's number.
WORKSTATIONS = [
    ("NVIDIA RTX 6000 Ada Generation 48 Go", "PNY NVIDIA RTX A6000 48 Go"),
    ("PNY Quadro P4000 8 Go", "PNY Quadro RTX 4000 8 Go"),
    ("NVIDIA RTX 6000 Ada 48 Go", "NVIDIA Quadro RTX 6000 24 Go"),
]
# Sony's series letters; a qualifier where the other has a model number.
LINES = [
    ("Sony WH-1000XM5 Noir", "Sony WF-1000XM5 Noir"),
    ("Sony WH1000XM5 Noir", "Sony WF-1000XM5 Noir"),
    ("Samsung Galaxy Buds FE Graphite", "Samsung Galaxy Buds3 Argent"),
]
EDITIONS = [
    ("Apple AirPods 4", "Apple AirPods 4 avec réduction active du bruit"),
    ("Apple AirPods Max USB-C Minuit", "Apple AirPods Max (Lightning) Gris sidéral"),
    ("Apple AirPods Pro 2 boîtier MagSafe USB-C", "Apple AirPods Pro 2 boîtier MagSafe Lightning"),
    # A roman numeral after the model number is its generation, and none is the first.
    ("Sony Cyber-shot DSC-RX100 II", "Sony Cyber-shot DSC-RX100 III Appareil photo"),
    ("Sony Cyber-shot RX100 20,2 Mpx Noir", "Sony Cyber-shot RX100 II 20,2 Mpx Noir"),
    ("Canon EOS 5D Mark III boîtier nu", "Canon EOS 5D Mark IV boîtier nu"),
    # Earbuds and headphones of one line.
    ("Bose QuietComfort Ultra Headphones", "Bose QuietComfort Ultra Earbuds"),
    ("Sony WH-1000XM5 casque", "Sony WF-1000XM5 écouteurs"),
]
# One product each: a feature named on one side only, or named two ways.
ONE_EDITION = [
    ("Apple AirPods Pro 2", "Apple AirPods Pro 2 avec réduction de bruit active"),
    ("Sony WH-1000XM5 casque à réduction de bruit", "Sony WH-1000XM5 noir"),
    ("Apple AirPods 4 ANC", "Apple AirPods 4 with Active Noise Cancellation"),
    ("Apple AirPods Max USB-C", "Apple AirPods Max Minuit"),
    ("Apple AirPods Pro 2 (USB-C)", "Apple AirPods Pro 2 avec boîtier MagSafe USB C"),
    ("Canon Speedlite 270EX II flash", "Canon 270EX II Speedlite"),
    ("Canon CanoScan 9000F Mark II", "Canon CanoScan 9000F MKII scanner"),
    ("Samsung Galaxy Buds3 Pro", "Samsung Galaxy Buds 3 Pro Argent"),
    ("Sony WH-1000XM5 Noir", "Sony WH1000XM5 casque sans fil"),
    ("Sony ear bud headphones MDR-EX15", "Sony MDR-EX15 earbuds"),
]
PART_NUMBERS = [
    ("ASUS TUF Gaming GeForce RTX 4070 SUPER OC 12 Go", "ASUS TUF-RTX4070S-O12G-GAMING"),
    ("ASUS TUF Gaming GeForce RTX 4070 Ti SUPER OC 16 Go", "ASUS TUF-RTX4070TIS-O16G-GAMING"),
]


def test_two_processor_numbers_are_two_processors() -> None:
    for left, right in CPU_NUMBERS:
        assert both(cpu_number_clash, left, right)
    # The number written inside a part number, or next to a socket, is the same processor.
    assert not either(cpu_number_clash, "Intel Core i5 BX80684I58400", "Intel Core i5-8400")
    assert not either(cpu_number_clash, "Intel Core i5 8400 LGA 1151", "Intel Core i5-8400")
    # No processor words: a laptop's model numbers are `clash.number_clash`'s to read.
    assert not either(cpu_number_clash, "Lenovo ThinkPad T480", "Lenovo ThinkPad T490")


def test_one_graphics_chip_with_two_suffixes_is_two_cards() -> None:
    for left, right in GPU_SUFFIXES:
        assert both(gpu_suffix_clash, left, right)
    assert not either(gpu_suffix_clash, "RTX 4060Ti 8 Go", "GeForce RTX 4060 Ti 8 Go")
    assert not either(gpu_suffix_clash, "GeForce RTX 4090D 24 Go", "GeForce RTX 4090 D 24GB")
    for left, right in WORKSTATIONS:
        assert both(workstation_clash, left, right)
    assert not either(workstation_clash, "PNY RTX A6000 48 Go", "NVIDIA RTX A6000 48GB GDDR6")
    assert not either(workstation_clash, "PNY RTX 6000 Ada", "NVIDIA RTX 6000 Ada Generation")


def test_a_series_letter_or_a_number_in_a_qualifiers_place_is_another_model() -> None:
    assert both(series_clash, *LINES[0]) and both(series_clash, *LINES[1])
    assert both(qualifier_clash, *LINES[2])
    assert not either(series_clash, "Sony WH-1000XM5 Noir", "Sony WH1000XM5 casque")


def test_geforce_part_numbers_name_the_model() -> None:
    assert normalise("ASUS TUF-RTX4070S-O12G") == "asus tuf-rtx4070 super-oc 12gb"
    assert normalise("GeForce RTX 5090 D") == "geforce rtx 5090d"
    # Only beside a GeForce word: Canon's 2000D is a camera.
    assert normalise("Canon EOS 2000D") == "canon eos 2000d"
    assert normalise("Samsung 1000 S") == "samsung 1000 s"


def test_a_feature_word_tells_two_editions_apart_only_where_it_does() -> None:
    for left, right in EDITIONS:
        assert both(edition_clash, left, right)
    for left, right in ONE_EDITION:
        assert not either(edition_clash, left, right)


def test_match_pairs_reads_them() -> None:
    apart = CPU_NUMBERS + GPU_SUFFIXES + WORKSTATIONS + LINES + EDITIONS
    pairs = apart + ONE_EDITION + PART_NUMBERS
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(pairs)]
    matched = [s >= pair_threshold() for s in score_pairs(rows, "product")]
    assert matched == [False] * len(apart) + [True] * (len(pairs) - len(apart))


def test_refurbished_and_new_are_two_products_but_one_variant() -> None:
    # The product rule counts the condition; the variant level follows the GTIN, which a
    # refurbished unit keeps (the benchmarks' labels join them too).
    rows = [
        {
            "id": "1",
            "left_title": "Apple iPhone 16 Pro Max 256 Go Reconditionné",
            "right_title": "Apple iPhone 16 Pro Max 256 Go",
        }
    ]
    assert score_pairs(rows, "product")[0] <= 0.05
    assert score_pairs(rows, "variant")[0] >= pair_threshold()


SITE = [
    ("Apple AirPods 4", "s0"),
    ("Apple AirPods 4 avec réduction active du bruit", "s1"),
    ("Apple AirPods Max USB-C Minuit", "s0"),
    ("Apple AirPods Max Lightning Gris sidéral", "s1"),
    ("AMD Ryzen 7 9800X3D Processeur", "s0"),
    ("AMD Ryzen 7 7800X3D Processeur", "s1"),
    ("NVIDIA GeForce RTX 5090 32 Go", "s0"),
    ("NVIDIA GeForce RTX 5090 D 32 Go", "s1"),
    ("Sony Cyber-shot DSC-RX100 III", "s0"),
    ("Sony Cyber-shot DSC-RX100 IV", "s1"),
    ("PNY NVIDIA RTX A6000 48 Go", "s0"),
    ("NVIDIA RTX 6000 Ada Generation 48 Go", "s1"),
    ("Bose QuietComfort Ultra Headphones Noir", "s0"),
    ("Bose QuietComfort Ultra Earbuds Noir", "s1"),
]


def test_match_cluster_keeps_them_apart() -> None:
    rows = [{"id": str(i), "title": t, "shop": shop} for i, (t, shop) in enumerate(SITE)]
    assert len(set(cluster_rows(rows))) == len(SITE)


def test_the_service_keeps_them_apart(session: Session) -> None:
    products = matched_products(session, SITE)
    assert None not in products and len(set(products)) == len(SITE)
