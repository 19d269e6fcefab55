"""Two configurations or generations of one model line: a capacity, a core count, a watch's
case size, a generation number after a shared qualifier, a bundle. Never one product."""

from __future__ import annotations

from lookalikes import both, either, matched_products
from sqlalchemy.orm import Session

from matching.chips import apple_chip_clash
from matching.clash import capacity_clash, case_clash, core_clash, numbered_qualifier
from matching.cluster import cluster_rows
from matching.pairs import pair_threshold, score_pairs

APART = [
    (capacity_clash, "NVIDIA A100 40 Go PCIe", "NVIDIA A100 80 Go PCIe"),
    (
        core_clash,
        "Apple iMac 24 M4 8 cœurs CPU 8 cœurs GPU 16 Go 256 Go",
        "Apple iMac 24 M4 10 coeurs CPU 10 coeurs GPU 16 Go 256 Go",
    ),
    (case_clash, "Samsung Galaxy Watch7 44 mm Bluetooth", "Samsung Galaxy Watch7 40 mm Bluetooth"),
    (
        apple_chip_clash,
        "Apple MacBook Air 13 M2 8 Go 256 Go",
        "Apple MacBook Air 13 M3 8 Go 256 Go",
    ),
    (numbered_qualifier, "Apple Watch Ultra 2 49 mm", "Apple Watch Ultra 49 mm"),
    (numbered_qualifier, "Apple Watch SE 2 GPS 40 mm", "Apple Watch SE GPS 40 mm"),
    (numbered_qualifier, "Google Pixel Buds Pro 2", "Google Pixel Buds Pro"),
]
ONE = [
    # A binary and a decimal terabyte; two capacities on one side (memory and storage).
    (capacity_clash, "WD Blue 3D 2048 GB M.2 SSD", "WD Blue 3D 2 To M.2 SSD"),
    (capacity_clash, "MacBook Air M3 16 Go 512 Go", "MacBook Air M3 512 Go"),
    # One title names the processor's and the graphics' cores, the other only the first.
    (core_clash, "MacBook Air M4 10 cœurs CPU 8 cœurs GPU", "MacBook Air M4 10 cœurs"),
    (core_clash, "AMD Ryzen 7 1700 8/16core", "AMD Ryzen 7 1700 8 core"),
    # A strap size is no case size; "M.2" is an SSD's slot, not Apple's chip.
    (case_clash, "Apple Watch Series 10 42 mm", "Apple Watch Series 10 42mm"),
    (apple_chip_clash, "Samsung 990 PRO SSD M2 2 To", "Samsung 990 PRO SSD NVMe M3 2 To"),
    # The generation said another way, a decimal, a count.
    (numbered_qualifier, "Apple AirPods Pro 2", "Apple AirPods Pro (2e génération)"),
    (numbered_qualifier, "Apple iPad Pro 9.7 32 Go", "Apple iPad Pro 32 Go"),
    (numbered_qualifier, "McAfee VirusScan Plus 3 users", "McAfee VirusScan Plus"),
]


def test_each_rule_reads_two_configurations() -> None:
    for rule, left, right in APART:
        assert both(rule, left, right), (left, right)


def test_each_rule_leaves_one_configuration_alone() -> None:
    for rule, left, right in ONE:
        assert not either(rule, left, right), (left, right)


BUNDLE = ("Apple iPhone 16 128 Go + AirPods 4", "Apple iPhone 16 128 Go Noir")


def test_match_pairs_keeps_configurations_apart() -> None:
    pairs = [(left, right) for _, left, right in APART] + [BUNDLE]
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(pairs)]
    assert all(s <= 0.05 for s in score_pairs(rows, "product"))
    # One product, one colour: still one.
    same = [{"id": "1", "left_title": BUNDLE[1], "right_title": "iPhone 16 128Go Noir"}]
    assert score_pairs(same, "product")[0] >= pair_threshold()


def test_match_cluster_keeps_configurations_apart() -> None:
    titles = [t for _, left, right in APART for t in (left, right)]
    rows = [{"id": str(i), "title": t, "shop": f"s{i % 2}"} for i, t in enumerate(titles)]
    labels = cluster_rows(rows)
    for i in range(0, len(titles), 2):
        assert labels[i] != labels[i + 1], titles[i : i + 2]


def test_the_service_keeps_configurations_apart(session: Session) -> None:
    titles = [t for _, left, right in APART for t in (left, right)]
    products = matched_products(session, [(t, f"s{i % 2}") for i, t in enumerate(titles)])
    for i in range(0, len(titles), 2):
        assert products[i] != products[i + 1], titles[i : i + 2]
