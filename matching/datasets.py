"""Readers for the third-party benchmarks in ../shared/data/matching, as match-pairs/cluster rows.

Only training, evaluation and benchmarks use this module; the runtime never needs the data.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "matching"

Row = dict[str, str]


def data_root() -> Path:
    return Path(os.environ.get("COMPARATEUR_MATCHING_DATA", DEFAULT_ROOT))


@dataclass
class PairSet:
    """Labelled pairs in the match-pairs input format, with the identity level they use."""

    name: str
    level: str
    rows: list[Row]
    labels: list[int]


@dataclass
class ClusterSet:
    name: str
    level: str
    rows: list[Row]
    truth: list[str]


def _table(path: Path, fields: dict[str, str]) -> dict[str, Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        return {
            r["id"]: {ours: (r.get(theirs) or "") for ours, theirs in fields.items()}
            for r in csv.DictReader(fh)
        }


def _magellan(name: str, folder: str, split: str, fields: dict[str, str], cur: str) -> PairSet:
    root = data_root() / folder
    left, right = _table(root / "tableA.csv", fields), _table(root / "tableB.csv", fields)
    rows: list[Row] = []
    labels: list[int] = []
    with (root / f"{split}.csv").open(newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            row: Row = {"id": str(i)}
            for side, rec in (("left", left[r["ltable_id"]]), ("right", right[r["rtable_id"]])):
                for key, value in rec.items():
                    row[f"{side}_{key}"] = value
                row[f"{side}_currency"] = cur
            rows.append(row)
            labels.append(int(r["label"]))
    return PairSet(f"{name} {split}", "variant", rows, labels)


def abt_buy(split: str) -> PairSet:
    fields = {"title": "name", "description": "description", "price": "price"}
    return _magellan("abt-buy", "abt_buy", split, fields, "USD")


def amazon_google(split: str) -> PairSet:
    fields = {"title": "title", "brand": "manufacturer", "price": "price"}
    return _magellan("amazon-google", "amazon_google", split, fields, "USD")


def _none(value: object) -> str:
    return "" if value in (None, "None", "null") else str(value)


def wdc_products(split: str, size: str) -> PairSet:
    path = data_root() / "wdc_products" / f"wdcproducts80cc20rnd000un_{split}_{size}.json.gz"
    rows: list[Row] = []
    labels: list[int] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            row: Row = {"id": str(r["pair_id"])}
            for side in ("left", "right"):
                for ours, theirs in (
                    ("title", "title"),
                    ("brand", "brand"),
                    ("description", "description"),
                    ("price", "price"),
                    ("currency", "priceCurrency"),
                ):
                    row[f"{side}_{ours}"] = _none(r.get(f"{theirs}_{side}"))
            rows.append(row)
            labels.append(int(r["label"]))
    return PairSet(f"wdc-products {split} {size}", "variant", rows, labels)


_DITTO = re.compile(r"COL title VAL\s*(.*)")


def wdc_lspm(category: str, split: str, size: str) -> PairSet:
    path = data_root() / "wdc_lspm" / category / f"{split}.txt.{size}"
    rows: list[Row] = []
    labels: list[int] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            left, right = (_DITTO.match(p) for p in parts[:2])
            rows.append(
                {
                    "id": str(i),
                    "left_title": left.group(1) if left else parts[0],
                    "right_title": right.group(1) if right else parts[1],
                }
            )
            labels.append(int(parts[2]))
    return PairSet(f"wdc-lspm {category} {split} {size}", "variant", rows, labels)


PRICERUNNER_PARTS = ("all", "dev", "heldout")


def pricerunner_part(cluster_id: str) -> str:
    """PriceRunner has one file: its clusters are split in two by a hash of the cluster id.
    The development part may train the model; figures are reported on the held-out part."""
    return "dev" if zlib.crc32(cluster_id.encode()) % 2 == 0 else "heldout"


def pricerunner(part: str = "all") -> ClusterSet:
    if part not in PRICERUNNER_PARTS:
        raise ValueError(f"part must be one of {PRICERUNNER_PARTS}")
    path = data_root() / "pricerunner" / "pricerunner_dev.csv"
    rows: list[Row] = []
    truth: list[str] = []
    with path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if part != "all" and pricerunner_part(r["cluster_id"]) != part:
                continue
            rows.append(
                {
                    "id": r["product_id"],
                    "title": r["product_title"],
                    "shop": r["vendor_id"],
                    "category": r["category_label"],
                }
            )
            truth.append(r["cluster_id"])
    name = "pricerunner" if part == "all" else f"pricerunner {part}"
    return ClusterSet(name, "product", rows, truth)


def pricerunner_pairs(part: str = "dev", k: int = 12) -> PairSet:
    """Training pairs from the PriceRunner development part: every pair of one cluster, and
    the pairs blocking proposes (the negatives the clustering really meets)."""
    from matching.blocking import candidate_pairs
    from matching.record import make_record

    cs = pricerunner(part)
    records = [make_record(r["id"], r["title"], shop=r["shop"]) for r in cs.rows]
    pairs = set(candidate_pairs(records, k=k))
    members: dict[str, list[int]] = {}
    for i, t in enumerate(cs.truth):
        members.setdefault(t, []).append(i)
    for group in members.values():
        pairs.update((a, b) for x, a in enumerate(group) for b in group[x + 1 :])
    rows: list[Row] = []
    labels: list[int] = []
    for n, (i, j) in enumerate(sorted(pairs)):
        left, right = cs.rows[i], cs.rows[j]
        rows.append(
            {
                "id": str(n),
                "left_title": left["title"],
                "right_title": right["title"],
                "left_shop": left["shop"],
                "right_shop": right["shop"],
            }
        )
        labels.append(int(cs.truth[i] == cs.truth[j]))
    return PairSet(f"pricerunner {part} pairs", "product", rows, labels)


def training_sets() -> list[PairSet]:
    """Every training split; validation and test splits are never used to fit the model."""
    return [
        abt_buy("train"),
        amazon_google("train"),
        wdc_products("train", "medium"),
        wdc_lspm("computers", "train", "medium"),
        wdc_lspm("cameras", "train", "medium"),
        pricerunner_pairs("dev"),
    ]


def evaluation_sets() -> list[PairSet]:
    return [
        abt_buy("valid"),
        amazon_google("test"),
        wdc_products("valid", "large"),
        wdc_lspm("computers", "valid", "medium"),
        wdc_lspm("cameras", "valid", "medium"),
    ]
