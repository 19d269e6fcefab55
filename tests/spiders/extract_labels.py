"""Shared reading of shops/labels.csv for the extraction tests and the benchmark."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass
class Label:
    file: str
    url: str
    title: str
    prices: list[Decimal]
    currency: str
    availability: str | None
    gtin: str | None
    brand: str | None
    listing: bool


def read_labels(shops_dir: Path) -> list[Label]:
    with (shops_dir / "labels.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    labels = []
    for row in rows:
        stated = row["availability"]
        availability = stated if stated in ("InStock", "OutOfStock") else None
        labels.append(
            Label(
                file=row["file"],
                url=row["page_url"] or f"https://www.{row['shop']}/product",
                title=row["expected_title"],
                prices=[Decimal(p) for p in row["expected_price"].split("|") if p],
                currency=row["expected_currency"],
                availability=availability,
                gtin=row["gtin_if_any"] or None,
                brand=row["expected_brand"] or None,
                listing=row["expected_title"].startswith("(listing page)"),
            )
        )
    return labels
