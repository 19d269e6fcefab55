"""The catalogue's types and the small builders the data modules use.

A `Model` is one product in one price-relevant configuration (iPhone 16 128 Go); its colours are
`Variant`s, each with its own GTIN and model code. Accessories and bundles are `Accessory`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from demoshops.gtin import synthetic_gtin13

CATEGORIES = ("gpu-datacenter", "gpu", "smartphone", "earbuds", "laptop")
# GTIN prefix per category, all inside the internal 200-299 range.
PREFIX = {"gpu-datacenter": 201, "gpu": 202, "smartphone": 203, "earbuds": 204, "laptop": 205}
ACCESSORY_PREFIX = 209


@dataclass(frozen=True)
class Variant:
    key: str
    """`<model id>:<colour key>`, stable across runs."""
    model_id: str
    colour: str
    """A key of `demoshops.catalogue.colours.COLOURS`."""
    gtin: str
    mpn: str | None


@dataclass(frozen=True)
class Model:
    id: str
    brand: str
    name: str
    """Name without brand or configuration: "iPhone 16 Pro", "ROG Astral GeForce RTX 5090 OC"."""
    category: str
    price: Decimal
    """Realistic French market price (EUR, VAT included) of this configuration."""
    attributes: dict[str, Any]
    variants: tuple[Variant, ...]
    family: str
    """The product line shared by configurations (e.g. "apple-iphone-16-pro")."""


@dataclass(frozen=True)
class Accessory:
    id: str
    brand: str
    title: str
    """French title as a shop would write it."""
    title_en: str
    category: str
    """The device category the shops list it under."""
    kind: str
    """"accessory" or "bundle"."""
    price: Decimal
    related: tuple[str, ...] = ()
    """Model ids it fits or contains (never a match: a different product)."""
    gtin: str = ""
    mpn: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


def slugify(text: str) -> str:
    out = []
    for char in text.lower().replace("+", " plus"):
        if char.isalnum() and char.isascii():
            out.append(char)
        elif char in "éèêë":
            out.append("e")
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def code_hash(key: str, alphabet: str, length: int) -> str:
    digest = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    chars = []
    for _ in range(length):
        digest, index = divmod(digest, len(alphabet))
        chars.append(alphabet[index])
    return "".join(chars)


MpnRule = Callable[[str, dict[str, Any], str], str | None]
"""(model id, attributes, colour key) -> model code."""


def family(
    brand: str,
    name: str,
    category: str,
    colours: Iterable[str],
    configs: Iterable[tuple[dict[str, Any], str]],
    mpn: MpnRule | str | None = None,
    **common: Any,
) -> list[Model]:
    """One product line: a `Model` per configuration, a `Variant` per colour.

    `configs` holds (price-relevant attributes, French price); `mpn` is a rule or a
    format string over the attributes and `colour` (e.g. "ZT-B50900J-10P").
    """
    family_id = slugify(f"{brand} {name}")
    colour_keys = tuple(colours)
    models = []
    for attrs, price in configs:
        attributes = {**common, **attrs}
        suffix = "-".join(str(v) for v in attrs.values())
        model_id = f"{family_id}-{suffix}" if suffix else family_id
        variants = []
        for colour in colour_keys:
            key = f"{model_id}:{colour}"
            if callable(mpn):
                code = mpn(model_id, attributes, colour)
            elif mpn:
                code = mpn.format(colour=colour.upper()[:2], **attributes)
            else:
                code = None
            gtin = synthetic_gtin13(key, PREFIX[category])
            variants.append(Variant(key, model_id, colour, gtin, code))
        models.append(
            Model(
                id=model_id,
                brand=brand,
                name=name,
                category=category,
                price=Decimal(price),
                attributes=attributes,
                variants=tuple(variants),
                family=family_id,
            )
        )
    return models


def accessory(
    brand: str,
    title: str,
    title_en: str,
    category: str,
    price: str,
    related: Iterable[str] = (),
    kind: str = "accessory",
    mpn: str | None = None,
) -> Accessory:
    ident = slugify(f"{brand} {title_en}")
    return Accessory(
        id=ident,
        brand=brand,
        title=title,
        title_en=title_en,
        category=category,
        kind=kind,
        price=Decimal(price),
        related=tuple(related),
        gtin=synthetic_gtin13(ident, ACCESSORY_PREFIX),
        mpn=mpn,
    )


# Model-code rules shared by the data modules.
def apple_mpn(model_id: str, attrs: dict[str, Any], colour: str) -> str:
    return (
        "M" + code_hash(f"{model_id}:{colour}", "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 3) + "3FN/A"
    )


def google_mpn(model_id: str, attrs: dict[str, Any], colour: str) -> str:
    return "GA0" + code_hash(f"{model_id}:{colour}", "0123456789", 4) + "-FR"


_STORAGE_LETTER = {64: "B", 128: "Z", 256: "D", 512: "F", 1024: "G"}


def samsung_mpn(base: str) -> MpnRule:
    """Samsung's SM-S931B + colour letter + storage letter + region (SM-S931BZKDEUB)."""

    def rule(model_id: str, attrs: dict[str, Any], colour: str) -> str:
        letter = _STORAGE_LETTER.get(int(attrs.get("storage_gb", 128)), "Z")
        return f"{base}Z{colour[0].upper()}{letter}EUB"

    return rule
