"""Model qualifiers ("Pro", "Max", "Super", "XTX", "NVL"): read only where they name a model,
and two models told apart by one are never one product, in match-pairs and match-cluster."""

from __future__ import annotations

import pytest

from matching.cluster import Policy, group_records
from matching.features import ONE_SIDED
from matching.pairs import pair_records, pair_threshold, qualifier_clash, score_pairs
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
    ("Samsung Galaxy S25 Ultra 256 Go", "Samsung Galaxy S25 256 Go"),
    ("Sapphire Pulse AMD Radeon RX 7900 XTX", "Sapphire Pulse AMD Radeon RX 7900 XT"),
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
]


def _pair(left: str, right: str) -> tuple:
    return pair_records([{"id": "1", "left_title": left, "right_title": right}], "product")[0]


@pytest.mark.parametrize(("left", "right"), CLASHES)
def test_a_qualifier_after_a_shared_model_word_is_another_model(left: str, right: str) -> None:
    assert qualifier_clash(*_pair(left, right))
    assert qualifier_clash(*_pair(right, left))


@pytest.mark.parametrize(("left", "right"), SAME)
def test_descriptive_or_untold_qualifiers_are_no_clash(left: str, right: str) -> None:
    assert not qualifier_clash(*_pair(left, right))


def test_match_pairs_keeps_qualified_models_apart() -> None:
    rows = [
        {"id": str(i), "left_title": left, "right_title": right}
        for i, (left, right) in enumerate(CLASHES + SAME)
    ]
    scores = score_pairs(rows, "product")
    threshold = pair_threshold()
    assert [s >= threshold for s in scores] == [False] * len(CLASHES) + [True] * len(SAME)


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
