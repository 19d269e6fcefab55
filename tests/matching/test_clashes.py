"""Two models that look alike: a qualifier ("Pro" / "Pro Max", "4070" / "4070 Super", "NVL" /
"SXM"), a model number ("iPhone 15" / "iPhone 16"), a memory size ("8G" / "16G", "M4 16 Go" /
"M4 Pro 24 Go"). They are never one product: in match-pairs where the reading is narrow enough
for the benchmarks' listings, in match-cluster and in the catalog's service always."""

from __future__ import annotations

import pytest
from lookalikes import matched_products, pair
from sqlalchemy.orm import Session

from matching.chips import board_clash, cpu_suffix_clash
from matching.clash import memory_clash, moved_qualifier, number_clash, qualifier_clash
from matching.cluster import Policy, cluster_rows, group_records
from matching.pairs import pair_threshold, score_pairs
from matching.qualifiers import ONE_SIDED
from matching.record import make_record


@pytest.mark.parametrize(
    ("title", "qualifiers"),
    [
        # Descriptive words: a TV's picture, an energy class, a size, a socket, a lens angle.
        ("lg 55sk8100p 55 super uhd 4k hdr smart led tv", set()),
        ("lg oled55e8pla 55 4k hdr pro ultra hd oled tv", set()),
        ("sony kd55xf9005 55 4k x-reality pro tv", set()),
        ("hotpoint ffu3dk american fridge freezer 3 door A+", set()),
        ("hotpoint wmxtf942p 9kg washing machine A++", set()),
        ("swan sre10010rn retro mini fridge red", set()),
        ("Cooler Master Elite 130 Mini-ITX case", set()),
        ("AMD FX-6300 six core socket AM3+", set()),
        ("Canon EF-S 10-18mm f/4.5-5.6 IS STM Ultra-Wide Zoom Lens", set()),
        ("lg 49lx761h 49 class pro:idiom led display", set()),
        # Model names keep them.
        ("Apple iPhone 16 Pro Max 256 Go", {"pro", "max"}),
        ("ASUS Dual GeForce RTX 4070 SUPER OC 12 Go", {"super"}),
        ("Samsung Galaxy S25+ 256 Go", {"plus"}),
        ("Samsung 970 EVO Plus 500GB NVMe", {"plus"}),
        ("Mini PC Intel NUC", {"mini"}),
    ],
)
def test_qualifiers_are_read_where_they_name_a_model(title: str, qualifiers: set[str]) -> None:
    # The qualifiers that tell models apart ("OC", "S" and "X" are weaker cues).
    assert make_record("x", title).attrs.qualifiers & ONE_SIDED == qualifiers


CLASHES = [
    ("Apple iPhone 16 Pro 256 Go Titane noir", "iPhone 16 Pro Max 256Go - Titane Naturel"),
    (
        "Carte graphique ASUS GeForce RTX 4070 SUPER DUAL OC 12 Go GDDR6X",
        "ASUS Dual GeForce RTX 4070 OC Edition 12GB GDDR6X",
    ),
    ("NVIDIA H200 NVL 141 Go", "NVIDIA H200 SXM 141GB HBM3e"),
    ("Samsung Galaxy S25+ 256 Go", "Samsung Galaxy S25 256 Go"),
    ("Samsung Galaxy S25 + 256 Go", "Samsung Galaxy S25 256 Go"),
    ("Samsung Galaxy S25 Ultra 256 Go", "Samsung Galaxy S25 256 Go"),
    ("Sapphire Pulse AMD Radeon RX 7900 XTX", "Sapphire Pulse AMD Radeon RX 7900 XT"),
    # Another qualifier in its place, or the same number after the product line.
    ("Samsung Galaxy Z Fold6 256 Go", "Samsung Galaxy Z Flip6 256 Go"),
    ("Lenovo Legion Pro 5 16IRX9 RTX 4070", "Lenovo Legion 5 16IRX9 RTX 4070"),
    ("Apple AirPods Pro 2", "Apple AirPods 2"),
    ("NVIDIA H100 PCIe 80 Go HBM2e", "NVIDIA H100 SXM5 80GB HBM3"),
    # The model word glued to the one before it on the other side.
    ("MSI GeForce RTX4070 VENTUS 2X 12G OC", "MSI GeForce RTX 4070 Ti VENTUS 2X 12G OC"),
]
SAME = [
    ("Apple iPhone 16 Pro 256 Go Titane noir", "Apple iPhone 16 Pro (256 Go) - Titane blanc"),
    # "Professional" is read as "pro", but it is an adjective here.
    (
        "Audio Technica ATH-M50x Professional Monitor Headphones",
        "Audio Technica ATH-M50x Monitor Headphones",
    ),
    # A form factor named on one side only says nothing.
    ("NVIDIA H200 141 Go HBM3e", "NVIDIA H200 SXM 141GB HBM3e"),
    ("NVIDIA H100 SXM5 80 Go", "NVIDIA H100 SXM 80GB"),
    ("Samsung Galaxy Z Fold 6 256 Go", "Samsung Galaxy Z Fold6 256Go Bleu"),
    ("MSI GeForce RTX4070 Ti VENTUS 2X 12G OC", "MSI GeForce RTX 4070 Ti VENTUS 2X 12G"),
    # After the brand, "FE" names Sony's lens mount.
    ("Sony 24-240mm f/3.5-6.3 Zoom Lens", "SONY FE 24-240mm F3.5-6.3 OSS Lens - SEL24240"),
]


_pair = pair


@pytest.mark.parametrize(("left", "right"), CLASHES)
def test_a_qualifier_after_a_shared_model_word_is_another_model(left: str, right: str) -> None:
    assert qualifier_clash(*_pair(left, right))
    assert qualifier_clash(*_pair(right, left))


@pytest.mark.parametrize(("left", "right"), SAME)
def test_descriptive_or_untold_qualifiers_are_no_clash(left: str, right: str) -> None:
    assert not qualifier_clash(*_pair(left, right))


def test_clusters_never_join_two_qualified_models() -> None:
    titles = [
        "Apple iPhone 16 Pro 256 Go Titane noir",
        "Apple iPhone 16 Pro (256 Go) - Titane blanc",
        "iPhone 16 Pro Max 256Go - Titane Naturel",
        "NVIDIA H200 NVL 141 Go",
        "NVIDIA H200 SXM 141GB HBM3e",
    ]
    records = [make_record(str(i), t, shop=f"shop {i}") for i, t in enumerate(titles)]
    # Scores as high as the trees give such pairs: only the profiles keep them apart.
    scores = {(0, 1): 0.97, (0, 2): 0.92, (1, 2): 0.9, (3, 4): 0.94}
    labels = group_records(records, scores, "product", Policy())
    assert labels[0] == labels[1]
    assert labels[2] != labels[0]
    assert labels[3] != labels[4]


NUMBERS = [
    ("Apple iPhone 15 128 Go Noir", "Apple iPhone 16 128 Go Noir"),
    ("Apple iPhone 16 128 Go Noir", "Apple iPhone 16e 128 Go Noir"),
    ("Apple Watch Series 9 GPS 45 mm", "Apple Watch Series 10 GPS 46 mm"),
    # A letter before the number: Samsung's A and S series, Apple's chips.
    ("Samsung Galaxy A55 5G 128 Go Noir", "Samsung Galaxy A15 5G 128 Go Noir"),
    ("Samsung Galaxy S24 256 Go", "Samsung Galaxy S23 256 Go"),
    ("Apple MacBook Air 13 pouces puce M3 256 Go", "Apple MacBook Air 13 pouces puce M4 256 Go"),
]
NO_NUMBER_CLASH = [
    ("Apple iPhone 16 128 Go Noir", "Smartphone APPLE iPhone 16 128Go Blanc"),
    # A shared model code outweighs a range number shops disagree on.
    ("bosch kgn34xl35g serie 4 fridge freezer", "bosch serie 8 kgn34xl35g fridge freezer"),
]


# A one-letter prefix that shops drop says nothing: "R5" is "5", "v8" is version 8.
LETTER_DROPPED = [
    ("AMD Ryzen 5 processeur 6 coeurs", "AMD Ryzen R5 processeur 6 coeurs"),
    ("sony vegas movie studio dvd 8 platinum", "sony vegas movie studio dvd v8 platinum"),
    ("NZXT Source 340 Midi-Tower White", "NZXT Source S340 Blanca"),
]


@pytest.mark.parametrize(("left", "right"), NUMBERS)
def test_one_word_followed_by_two_model_numbers_is_two_models(left: str, right: str) -> None:
    assert number_clash(*_pair(left, right))
    assert number_clash(*_pair(right, left))


@pytest.mark.parametrize(("left", "right"), NO_NUMBER_CLASH)
def test_same_number_or_same_code_is_no_number_clash(left: str, right: str) -> None:
    assert not number_clash(*_pair(left, right))


@pytest.mark.parametrize(("left", "right"), LETTER_DROPPED)
def test_a_dropped_letter_prefix_is_no_number_clash(left: str, right: str) -> None:
    assert not number_clash(*_pair(left, right))
    assert not number_clash(*_pair(right, left))


MOVED = [
    (
        "Apple MacBook Pro 14 M4 16 Go 512 Go Noir sidéral",
        'Apple MacBook Pro 14" puce M4 Pro 24 Go 512 Go SSD Argent',
    ),
]
NOT_MOVED = [
    # Shops order words freely.
    ("ASUS GeForce RTX 4070 Ti Super 16 Go", "ASUS GeForce RTX 4070 Super Ti 16GB"),
    ("Apple MacBook Pro 14 M4 Pro 24 Go 512 Go", "MacBook Pro 14 pouces puce M4 Pro 24Go 512Go"),
    # "Professional" is an adjective; "Pro" is typed on one side only.
    ("Blaze 34 3 Pro Cart", "Blaze 34 3-Burner Professional Grill Cart"),
]


def test_a_shared_qualifier_after_a_model_number_on_one_side_only_is_two_chips() -> None:
    for left, right in MOVED:
        assert moved_qualifier(*_pair(left, right)) and moved_qualifier(*_pair(right, left))
    for left, right in NOT_MOVED:
        assert not moved_qualifier(*_pair(left, right))
        assert not moved_qualifier(*_pair(right, left))


# One processor number, two suffixes: the KF has no graphics, the X3D more cache.
CPUS = [
    ("Intel Core i9-14900K 3,2 GHz", "Intel Core i9-14900KF 3,2 GHz"),
    ("AMD Ryzen 7 7800X3D", "AMD Ryzen 7 7800X Processeur"),
]


def test_one_processor_number_with_two_suffixes_is_two_processors() -> None:
    for left, right in CPUS:
        assert cpu_suffix_clash(*_pair(left, right)) and cpu_suffix_clash(*_pair(right, left))
    assert not cpu_suffix_clash(*_pair("Intel Core i9-14900K Box", "Intel Core i9 14900K"))
    # Read only in processor titles (no "Core", "Ryzen"...: no processor number).
    assert not cpu_suffix_clash(*_pair("Lenovo ThinkPad T480s", "Lenovo ThinkPad T480"))


# One graphics chip on two makers' boards: two products, two prices.
BOARDS = [
    (
        "ASUS TUF Gaming GeForce RTX 4070 SUPER OC 12 Go",
        "ASUS Dual GeForce RTX 4070 SUPER OC 12 Go",
    ),
    ("Gigabyte GeForce RTX 4070 WINDFORCE OC 12G", "Gigabyte GeForce RTX 4070 EAGLE OC 12G"),
    ("Sapphire PULSE AMD Radeon RX 7800 XT 16 Go", "Sapphire NITRO+ AMD Radeon RX 7800 XT 16 Go"),
]


def test_two_board_lines_of_one_chip_are_two_cards() -> None:
    for left, right in BOARDS:
        assert board_clash(*_pair(left, right)) and board_clash(*_pair(right, left))
    # One line each side, the same ("Dual BIOS" is a feature of an Eagle board here).
    same = ("Gigabyte RTX 4070 EAGLE OC 12G Dual BIOS", "Gigabyte GeForce RTX 4070 EAGLE OC 12G")
    assert not board_clash(*_pair(*same))
    # Not a graphics card: "Prime" and "Pro Art" name other things too.
    assert not board_clash(*_pair("ASUS Prime B650-PLUS", "ASUS TUF Gaming B650-PLUS"))


# Two configurations of one model: memory, screen size.
CONFIGS = [
    ("Apple MacBook Air 13 M3 8 Go 256 Go", "Apple MacBook Air 13 M3 16 Go 256 Go"),
    ("Apple MacBook Air 13 pouces M3 256 Go", "Apple MacBook Air 15 pouces M3 256 Go"),
]


def test_two_memory_sizes_with_one_storage_are_two_configurations() -> None:
    assert memory_clash(*_pair(*CONFIGS[0]))
    # One capacity each, or the same two: capacity conflicts are read elsewhere.
    assert not memory_clash(*_pair("iPhone 16 128 Go", "iPhone 16 256 Go"))
    assert not memory_clash(*_pair("MacBook Air M3 16 Go 256 Go", "MacBook Air M3 256Go 16GB"))


def test_match_pairs_keeps_look_alike_models_apart() -> None:
    pairs = CLASHES + NUMBERS + MOVED + CPUS + BOARDS + CONFIGS
    pairs += SAME + NO_NUMBER_CLASH + NOT_MOVED[:2]
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(pairs)]
    scores = score_pairs(rows, "product")
    threshold = pair_threshold()
    apart = len(CLASHES) + len(NUMBERS) + len(MOVED) + len(CPUS) + len(BOARDS) + len(CONFIGS)
    assert [s >= threshold for s in scores] == [False] * apart + [True] * (len(pairs) - apart)


def test_a_bare_g_after_a_number_is_memory_but_4g_and_5g_are_networks() -> None:
    eight = make_record("a", "MSI GeForce RTX 4060 Ti VENTUS 2X 8G OC")
    sixteen = make_record("b", "MSI GeForce RTX 4060 Ti VENTUS 2X 16G OC")
    assert eight.attrs.capacities_gb == {8.0} and sixteen.attrs.capacities_gb == {16.0}
    assert not make_record("c", "Samsung Galaxy A56 5G 128 Go").attrs.capacities_gb - {128.0}
    assert not make_record("d", "HP EliteBook 4G LTE 8GB").attrs.capacities_gb - {8.0}


# Flagship models of the site's categories, as French shops list them.
SITE = [
    ("Apple iPhone 16 Pro 256 Go Titane noir", "s0"),
    ("Apple iPhone 16 Pro (256 Go) - Titane blanc", "s1"),
    ("iPhone 16 Pro Max 256Go - Titane Naturel", "s2"),
    ("Apple iPhone 15 128 Go Noir", "s0"),
    ("Apple iPhone 16 128 Go Noir", "s1"),
    ("Apple iPhone 16e 128 Go Noir", "s2"),
    ("Carte graphique ASUS GeForce RTX 4070 SUPER DUAL OC 12 Go GDDR6X", "s0"),
    ("ASUS Dual GeForce RTX 4070 OC Edition 12GB GDDR6X", "s1"),
    ("MSI GeForce RTX 4060 Ti VENTUS 2X 8G OC", "s0"),
    ("MSI GeForce RTX 4060 Ti VENTUS 2X 16G OC", "s1"),
    ("NVIDIA H200 NVL 141 Go", "s0"),
    ("NVIDIA H200 SXM 141GB HBM3e", "s1"),
    ("Apple MacBook Pro 14 pouces puce M4 16 Go 512 Go", "s0"),
    ("Apple MacBook Pro 14 pouces puce M4 Pro 24 Go 512 Go", "s1"),
    ("Samsung Galaxy A55 5G 128 Go Noir", "s0"),
    ("Samsung Galaxy A15 5G 128 Go Bleu", "s1"),
    # Another board of the RTX 4070 SUPER above.
    ("ASUS TUF Gaming GeForce RTX 4070 SUPER OC 12 Go", "s2"),
    # A watch's case size is its screen size.
    ("Apple Watch Series 10 GPS + Cellular 42 mm Aluminium", "s0"),
    ("Apple Watch Series 10 (GPS+Cellular) 46mm", "s1"),
]


def test_match_cluster_keeps_the_site_flagships_apart() -> None:
    rows = [{"id": str(i), "title": t, "shop": shop} for i, (t, shop) in enumerate(SITE)]
    labels = cluster_rows(rows)
    assert labels[0] == labels[1]  # one iPhone 16 Pro in two colours
    groups = [{i for i, label in enumerate(labels) if label == x} for x in set(labels)]
    assert sorted(map(len, groups)) == [1] * (len(SITE) - 2) + [2]


def test_the_service_keeps_the_site_flagships_apart(session: Session) -> None:
    products = matched_products(session, SITE)
    assert products[0] == products[1] is not None
    others = [p for p in products[2:] if p is not None]
    assert len(set(others)) == len(others) and products[0] not in others
