"""Connectivity where it changes the price: Wi-Fi only or with a mobile network (iPad, Galaxy
Tab, Apple Watch), 4G or 5G (Galaxy A15). Two networks are two products in match-pairs,
match-cluster and the catalog's service; a listing naming none may join either."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from catalog.models import Offer, Shop
from matching.cluster import cluster_rows
from matching.connectivity import network_clash
from matching.describe import describe
from matching.pairs import pair_threshold, score_pairs
from matching.record import make_record
from matching.service import match_offers


@pytest.mark.parametrize(
    ("title", "network"),
    [
        ("Apple iPad Air 11 (M2) Wi-Fi 128 Go - Gris sidéral", "wifi"),
        ('Apple iPad Air 11" M2 Wi-Fi + Cellular 128Go', "cellular"),
        ("Ipad Mini 4 Wi-fi Cell 64gb Space Gray", "cellular"),
        ("Apple iPad 10.9 (2022) WiFi + 4G 64GB", "4g"),
        ("Lenovo Tab M10 LTE 32 Go", "4g"),
        ("Samsung Galaxy Tab S9 FE 5G 128 Go", "5g"),
        ("Apple Watch Series 10 GPS 42 mm", "gps"),
        ("Apple Watch Series 10 GPS + Cellular 46mm", "cellular"),
        ("Samsung Galaxy A15 4G 128Go", "4g"),
        # Wi-Fi is a feature of a laptop or a router, not a configuration; a battery has cells.
        ("HP Pavilion 15 Wi-Fi 6 16 Go 512 Go", None),
        ("TP-Link Archer AX55 routeur Wi-Fi 6", None),
        ("Dell Latitude E7450 batterie 6 cell", None),
        ("Apple iPad Air 11 M2 128 Go", None),
    ],
)
def test_the_network_is_read_where_the_title_names_it(title: str, network: str | None) -> None:
    assert make_record("x", title).attrs.network == network


def test_two_named_networks_that_differ_are_two_configurations() -> None:
    assert network_clash("wifi", "cellular") and network_clash("gps", "4g")
    assert network_clash("4g", "5g")
    # Unnamed, the same, or a generation against "cellular": no evidence of two products.
    assert not network_clash(None, "5g") and not network_clash("wifi", None)
    assert not network_clash("cellular", "5g") and not network_clash("wifi", "gps")


@pytest.mark.parametrize(
    ("title", "bundle"),
    [
        ("Apple iPad Air 11 M2 Wi-Fi + Cellular 128 Go", False),
        ("Apple Watch Series 10 GPS+Cellular 46 mm", False),
        ("Samsung Galaxy S25+ 256 Go", False),
        ("Smart TV Disney+ Netflix", False),
        ("Sony PlayStation 5 + manette DualSense", True),
        ("PS5+manette", True),
        # Typed apart before a capacity or a colour, it is the model's "Plus".
        ("Samsung Galaxy S25 + 256 Go", False),
        ("Beats Studio Buds + Noir", False),
        ("Apple iPhone 16 128 Go + AirPods 4", True),
    ],
)
def test_a_plus_is_a_bundle_only_between_two_items(title: str, bundle: bool) -> None:
    assert make_record("x", title).attrs.bundle is bundle


APART = [
    ("Apple iPad Air 11 (M2) Wi-Fi 128 Go - Gris", 'Apple iPad Air 11" M2 Wi-Fi + Cellular 128Go'),
    ("Apple Watch Series 10 GPS 42 mm Aluminium", "Apple Watch Series 10 GPS + Cellular 42mm"),
    ("Samsung Galaxy Tab S9 FE WiFi 128 Go", "Samsung Galaxy Tab S9 FE 5G 128 Go"),
    ("Samsung Galaxy A15 4G 128Go Noir", "Samsung Galaxy A15 5G 128 Go Bleu"),
]
TOGETHER = [
    ("Apple iPad Air 11 M2 Wi-Fi + Cellular 128 Go", "iPad Air 11 pouces (M2) Wi-Fi et Cellular"),
    ("Samsung Galaxy S25+ 256 Go", "Samsung Galaxy S25 Plus 256Go"),
    ("Samsung Galaxy S25 + 256 Go", "Samsung Galaxy S25+ 256 Go Bleu"),
    ("Beats Studio Buds + Noir", "Beats Studio Buds Plus noir"),
    ("Samsung Galaxy A55 5G 128 Go", "Samsung Galaxy A55 128 Go"),
]


def test_match_pairs_keeps_two_networks_apart() -> None:
    pairs = APART + TOGETHER
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(pairs)]
    threshold = pair_threshold()
    decided = [s >= threshold for s in score_pairs(rows, "product")]
    assert decided == [False] * len(APART) + [True] * len(TOGETHER)


def test_match_cluster_keeps_two_networks_apart() -> None:
    titles = [t for pair in APART + TOGETHER for t in pair]
    rows = [{"id": str(i), "title": t, "shop": f"s{i}"} for i, t in enumerate(titles)]
    labels = cluster_rows(rows)
    for i in range(len(APART)):
        assert labels[2 * i] != labels[2 * i + 1], APART[i]
    for i in range(len(APART), len(APART) + len(TOGETHER)):
        assert labels[2 * i] == labels[2 * i + 1], TOGETHER[i - len(APART)]


def test_the_service_keeps_two_networks_apart_and_names_them(session: Session) -> None:
    shops = [Shop(slug=f"s{i}", name=f"Shop {i}", domain=f"s{i}.test") for i in range(4)]
    session.add_all(shops)
    session.flush()
    offers = [
        Offer(
            shop=shops[k + 2 * (i == len(APART))],
            url=f"https://x.test/{i}/{k}",
            title=t,
            price=Decimal(799),
        )
        for i, pair in enumerate(APART + TOGETHER[:1])
        for k, t in enumerate(pair)
    ]
    session.add_all(offers)
    session.flush()
    match_offers(session)
    products = [o.product_id for o in offers]
    assert None not in products[: 2 * len(APART)]
    for i in range(len(APART)):
        assert products[2 * i] != products[2 * i + 1], APART[i]
    # The Wi-Fi + Cellular listings of two other shops are one product, named Cellular.
    assert offers[-2].product is not None and offers[-2].product_id == offers[-1].product_id
    assert offers[-2].product.attributes["network"] == "cellular"
    assert offers[0].product is not None and offers[0].product.attributes["network"] == "wifi"


def test_a_new_product_keeps_its_network_out_of_the_model_words() -> None:
    wifi = describe(
        "Apple iPad Air 11 M2 Wi-Fi 128 Go",
        None,
        make_record("a", "Apple iPad Air 11 M2 Wi-Fi 128 Go").attrs,
        None,
    )
    cell = "Apple iPad Air 11 M2 Wi-Fi + Cellular 128 Go"
    cellular = describe(cell, None, make_record("b", cell).attrs, None)
    # Same model (so the site shows them as variants of each other), two networks.
    assert wifi["model"] == cellular["model"]
    assert wifi["attributes"]["network"] == "wifi"
    assert cellular["attributes"]["network"] == "cellular"
    assert wifi["signature"] != cellular["signature"]
