"""Product specifications for the generated catalogue (no database here).

`product_specs(rng, n)` returns n distinct products as dicts: the `product` columns plus the
generator's hints (`base` price, `mpn`, the shop's category label, colours).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from bench import catalog_words as w

Spec = dict[str, Any]
SHOP_CATEGORY = {
    "laptop": "Ordinateurs portables",
    "gpu": "Cartes graphiques",
    "datacenter-gpu": "Serveurs > Accélérateurs GPU",
    "smartphone": "Téléphonie > Smartphones",
    "tablet": "Tablettes",
    "earbuds": "Audio > Écouteurs et casques",
    "ssd": "Stockage > SSD",
    "monitor": "Écrans PC",
    "accessory": "Accessoires téléphonie",
}


def _gb(size: int) -> str:
    """128 -> '128 Go'; 1024 -> '1 To' (as shops write it)."""
    if size >= 1000 and size % 1000 in (0, 24, 48):
        return f"{size // 1000} To"
    return f"{size} Go"


def _ref(rng: random.Random, length: int = 10) -> str:
    return "".join(rng.choices(string.ascii_uppercase + string.digits, k=length))


def _spec(name: str, brand: str, model: str, category: str, base: Decimal, **extra: Any) -> Spec:
    attributes: dict[str, Any] = extra.pop("attributes", {})
    return {
        "name": name,
        "brand": brand,
        "model": model,
        "category": category,
        "attributes": attributes,
        "base": base,
        "colours": extra.pop("colours", None),
        "mpn": extra.pop("mpn", None),
        **extra,
    }


# Products per family (same brand and model, other configurations): the product page lists a
# family's other members as variants, so this sets that list's typical length.
FAMILY_SIZE = 20


def _code(family: random.Random) -> str:
    """A maker's model code such as 'X1504VA' or '14IRH9', fixed for a family."""
    letters = "".join(family.choices(string.ascii_uppercase, k=family.randint(1, 2)))
    return f"{letters}{family.randint(100, 9999)}{family.choice(string.ascii_uppercase)}"


def laptop(rng: random.Random, family: random.Random) -> Spec:
    brand, line, sizes, base = family.choice(w.LAPTOPS)
    model = f"{line} {_code(family)}"
    apple = brand == "Apple"
    cpu = rng.choice(w.APPLE_CHIPS if apple else w.PC_CPUS)
    ram, ssd = rng.choice(w.LAPTOP_RAM), rng.choice(w.LAPTOP_SSD)
    gpu = "" if apple else rng.choice(w.LAPTOP_GPUS)
    ref = _ref(rng)
    name = f"{brand} {model} {family.choice(sizes)} {cpu} {ram} Go RAM {_gb(ssd)} SSD"
    name += f" {gpu} ({ref})" if gpu else f" ({ref})"
    price = Decimal(base) + ram * 6 + ssd // 4 + (400 if gpu else 0)
    return _spec(
        name, brand, model, "laptop", price, mpn=ref, attributes={"ram_gb": ram, "storage_gb": ssd}
    )


def gpu(rng: random.Random, family: random.Random) -> Spec:
    chip_brand, chip, memory, base = family.choice(w.GPU_CHIPS)
    partner = family.choice(w.GPU_PARTNERS[chip_brand])
    suffix = family.choice(w.GPU_SUFFIXES)
    founders = partner == "Founders Edition"
    brand = chip_brand if founders else partner.split()[0]
    line = " ".join(partner.split()[1:])
    model = f"{chip} Founders Edition" if founders else f"{line} {chip}{suffix}"
    model += f" {_code(family)}"
    ref = _ref(rng, 12)
    name = f"{brand} {model} {memory} Go ({ref})"
    price = Decimal(base) * Decimal(rng.randint(100, 125)) / 100
    return _spec(name, brand, model, "gpu", price, mpn=ref, attributes={"memory_gb": memory})


def monitor(rng: random.Random, family: random.Random) -> Spec:
    brand, model = family.choice(w.MONITORS)
    size, base = family.choice(w.MONITOR_SIZES)
    model = f"{model} {_code(family)} {size}"
    ref = _ref(rng, 9)
    name = f"{brand} {model} {rng.choice(w.MONITOR_SPECS)} ({ref})"
    return _spec(name, brand, model, "monitor", Decimal(base) * rng.randint(10, 16) / 10, mpn=ref)


def ssd(rng: random.Random, family: random.Random) -> Spec:
    brand, model, per_gb = family.choice(w.SSDS)
    form = family.choice(w.SSD_FORMS)
    model = f"{model} {_code(family)}"
    size = rng.choice(w.SSD_SIZES)
    ref = _ref(rng, 11)
    name = f"{brand} {model} {_gb(size)} {form} ({ref})"
    price = Decimal(per_gb) * size + 20
    return _spec(name, brand, model, "ssd", price, mpn=ref, attributes={"storage_gb": size})


def accessory(rng: random.Random, family: random.Random) -> Spec:
    kind, base = family.choice(w.ACCESSORY_KINDS)
    phone_brand, phone, _price, _storages = family.choice(w.PHONES)
    brand = family.choice(w.ACCESSORY_BRANDS)
    ref = _ref(rng, 8)
    model = f"{kind} {phone} {_code(family)}"
    name = f"{kind} {brand} pour {phone_brand} {phone} {model.rsplit(' ', 1)[1]} ({ref})"
    return _spec(
        name, brand, model, "accessory", Decimal(base), mpn=ref,
        colours=w.PHONE_COLOURS,
    )  # fmt: skip


def enumerated() -> dict[str, list[Spec]]:
    """Families with few combinations, listed whole."""
    out: dict[str, list[Spec]] = {
        "smartphone": [],
        "tablet": [],
        "earbuds": [],
        "datacenter-gpu": [],
    }
    for brand, model, base, storages in w.PHONES:
        for step, size in enumerate(storages):
            for condition in w.PHONE_CONDITIONS:
                price = (Decimal(base) + 130 * step) * (
                    Decimal("0.72") if "Reconditionné" in condition else 1
                )
                out["smartphone"].append(
                    _spec(
                        f"{brand} {model} {_gb(size)}{condition}",
                        brand,
                        model,
                        "smartphone",
                        price,
                        attributes={"storage_gb": size},
                        colours=w.PHONE_COLOURS,
                    )
                )
    for brand, model, base, storages in w.TABLETS:
        for step, size in enumerate(storages):
            for variant in w.TABLET_VARIANTS:
                out["tablet"].append(
                    _spec(
                        f"{brand} {model} {_gb(size)} {variant}",
                        brand,
                        model,
                        "tablet",
                        Decimal(base) + 150 * step,
                        attributes={"storage_gb": size},
                        colours=w.PHONE_COLOURS[:4],
                    )
                )
    for brand, model, category, base in w.AUDIO:
        for edition in w.AUDIO_EDITIONS:
            out["earbuds"].append(
                _spec(
                    f"{brand} {model}{edition}",
                    brand,
                    model,
                    category,
                    Decimal(base),
                    colours=w.AUDIO_COLOURS,
                )
            )
    for brand, model, memory, base, tflops in w.DATACENTER:
        for seller in w.DATACENTER_SELLERS:
            label = "" if seller == "Bulk" else f" - {seller}"
            out["datacenter-gpu"].append(
                _spec(
                    f"{brand} {model} {memory} Go{label}",
                    brand,
                    model,
                    "datacenter-gpu",
                    Decimal(base),
                    attributes={"memory_gb": memory, "tflops": tflops},
                )
            )
    return out


MADE: dict[str, Callable[[random.Random, random.Random], Spec]] = {
    "laptop": laptop,
    "gpu": gpu,
    "monitor": monitor,
    "ssd": ssd,
    "accessory": accessory,
}


def _gtin(rng: random.Random, serial: int) -> str:
    body = f"{rng.choice('0345789')}{serial:011d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def product_specs(rng: random.Random, n: int) -> list[Spec]:
    """n distinct products, shuffled, with ids 1..n."""
    listed = enumerated()
    wanted = {c: int(n * share) for c, share in w.CATEGORY_SHARE.items()}
    specs: list[Spec] = []
    spare = n
    for category, items in listed.items():
        take = min(wanted[category], len(items))
        specs.extend(rng.sample(items, take))
        spare -= take
    made_share = sum(w.CATEGORY_SHARE[c] for c in MADE)
    names = {s["name"] for s in specs}
    left = spare
    for i, (category, make) in enumerate(MADE.items()):
        share = w.CATEGORY_SHARE[category] / made_share
        count = left if i == len(MADE) - 1 else int(spare * share)
        left -= count
        families = count // FAMILY_SIZE + 1
        while count:
            family = random.Random(f"{category}-{rng.randrange(families)}")
            spec = make(rng, family)
            if spec["name"] not in names:
                names.add(spec["name"])
                specs.append(spec)
                count -= 1
    rng.shuffle(specs)
    for pid, spec in enumerate(specs, start=1):
        spec["id"] = pid
        spec["base"] = Decimal(spec["base"])
        spec["gtins"] = [_gtin(rng, pid)] if rng.random() < 0.6 else []
        spec["shop_category"] = SHOP_CATEGORY.get(spec["category"], "Audio > Casques")
        attrs = ",".join(f"{k}={v}" for k, v in sorted(spec["attributes"].items()))
        spec["signature"] = f"{spec['brand']}|{spec['model']}|{attrs}|{spec['mpn'] or ''}".lower()[
            :500
        ]
    return specs
