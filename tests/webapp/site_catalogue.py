"""A small catalogue inserted with the real models: the site's tests read it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from catalog.models import Offer, PriceObservation, Product, Shop


@dataclass
class Catalogue:
    shops: dict[str, Shop] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)


PRODUCTS = {
    # key: (name, brand, model, category, attributes, gtins)
    "rtx5090": (
        "NVIDIA GeForce RTX 5090 32 Go",
        "NVIDIA",
        "GeForce RTX 5090",
        "gpu",
        {"memory_gb": 32, "tflops": 105},
        ["0812674025001"],
    ),
    "rtx5080": (
        "NVIDIA GeForce RTX 5080 16 Go",
        "NVIDIA",
        "GeForce RTX 5080",
        "gpu",
        {"memory_gb": 16},
        [],
    ),
    "h200": (
        "NVIDIA H200 NVL 141 Go",
        "NVIDIA",
        "H200",
        "datacenter-gpu",
        {"memory_gb": 141, "tflops": 1671},
        [],
    ),
    "h20": ("NVIDIA H20 96 Go", "NVIDIA", "H20", "datacenter-gpu", {"memory_gb": 96}, []),
    "airpodspro": (
        "Apple AirPods Pro 2 (USB-C)",
        "Apple",
        "AirPods Pro 2",
        "earbuds",
        {},
        ["0195949052484"],
    ),
    "airpods4": ("Apple AirPods 4", "Apple", "AirPods 4", "earbuds", {}, []),
    "iphone16_128": (
        "Apple iPhone 16 128 Go",
        "Apple",
        "iPhone 16",
        "smartphone",
        {"storage_gb": 128},
        ["0195949821462"],
    ),
    "iphone16_256": (
        "Apple iPhone 16 256 Go",
        "Apple",
        "iPhone 16",
        "smartphone",
        {"storage_gb": 256},
        [],
    ),
    "iphone16pro_128": (
        "Apple iPhone 16 Pro 128 Go",
        "Apple",
        "iPhone 16 Pro",
        "smartphone",
        {"storage_gb": 128},
        [],
    ),
    "galaxybuds": (
        "Samsung Galaxy Buds3 Pro écouteurs sans fil",
        "Samsung",
        "Galaxy Buds3 Pro",
        "earbuds",
        {},
        [],
    ),
    "rx9070": (
        "AMD Radeon RX 9070 XT 16 Go",
        "AMD",
        "Radeon RX 9070 XT",
        "gpu",
        {"memory_gb": 16},
        [],
    ),
}

SHOPS = [
    ("ldlc", "LDLC"),
    ("materiel", "Materiel.net"),
    ("fnac", "Fnac"),
    ("boulanger", "Boulanger"),
]

# key: (product, shop, price, delivery, availability, extraction, match_method)
OFFERS = {
    "rtx5090-ldlc": ("rtx5090", "ldlc", "2399.00", "0", "InStock", "json-ld", "gtin"),
    "rtx5090-materiel": ("rtx5090", "materiel", "2349.90", "60.00", "InStock", "microdata", "mpn"),
    "rtx5090-fnac": ("rtx5090", "fnac", "2379.00", "9.99", "OutOfStock", "json-ld", "fuzzy"),
    "rtx5080-ldlc": ("rtx5080", "ldlc", "1199.00", None, "InStock", "json-ld", "gtin"),
    "h200-materiel": ("h200", "materiel", "31999.00", "0", "InStock", "feed", "mpn"),
    "h20-materiel": ("h20", "materiel", "12999.00", "0", "BackOrder", "feed", "mpn"),
    "airpodspro-fnac": ("airpodspro", "fnac", "229.00", "0", "InStock", "json-ld", "gtin"),
    "airpodspro-boulanger": (
        "airpodspro",
        "boulanger",
        "219.99",
        "4.99",
        "InStock",
        "json-ld",
        "gtin",
    ),
    "airpods4-fnac": ("airpods4", "fnac", "149.00", "0", "InStock", "json-ld", "gtin"),
    "iphone16_128-fnac": ("iphone16_128", "fnac", "969.00", "0", "InStock", "json-ld", "gtin"),
    "iphone16_128-boulanger": (
        "iphone16_128",
        "boulanger",
        "959.00",
        "0",
        "InStock",
        "json-ld",
        "gtin",
    ),
    "iphone16_256-fnac": ("iphone16_256", "fnac", "1099.00", "0", "InStock", "json-ld", "gtin"),
    "iphone16pro_128-fnac": (
        "iphone16pro_128",
        "fnac",
        "1229.00",
        "0",
        "InStock",
        "json-ld",
        "gtin",
    ),
    "galaxybuds-boulanger": ("galaxybuds", "boulanger", "199.00", "0", "InStock", "html", "new"),
    "rx9070-ldlc": ("rx9070", "ldlc", "699.00", "0", "InStock", "json-ld", "gtin"),
}


def build(session: Session, now: datetime, days: int = 120) -> Catalogue:
    """Insert shops, products, offers and `days` of daily observations; commits."""
    cat = Catalogue()
    for slug, name in SHOPS:
        cat.shops[slug] = Shop(
            slug=slug, name=name, domain=f"{slug}.example", url=f"https://{slug}.example/"
        )
    for key, (name, brand, model, category, attributes, gtins) in PRODUCTS.items():
        cat.products[key] = Product(
            name=name,
            brand=brand,
            model=model,
            category=category,
            attributes=attributes,
            gtins=gtins,
        )
    session.add_all([*cat.shops.values(), *cat.products.values()])
    session.flush()
    for key, (pkey, shop, price, delivery, avail, extraction, method) in OFFERS.items():
        product = cat.products[pkey]
        offer = Offer(
            shop=cat.shops[shop],
            product=product,
            url=f"https://{shop}.example/p/{key}",
            title=f"{product.name} chez {cat.shops[shop].name}",
            brand=product.brand,
            gtin=(product.gtins or [None])[0],
            price=Decimal(price),
            delivery=Decimal(delivery) if delivery is not None else None,
            availability=avail,
            extraction=extraction,
            match_method=method,
            match_score=0.97 if method == "fuzzy" else None,
            colour="Noir" if pkey.startswith("iphone") else None,
            first_seen=now - timedelta(days=days),
            last_seen=now - timedelta(hours=2),
        )
        cat.offers[key] = offer
        session.add(offer)
        # Daily history: 10 % dearer a month ago, the latest price today.
        for day in range(days, -1, -1):
            at = now - timedelta(days=day, hours=2)
            factor = Decimal("1.10") if day > 30 else Decimal("1.00")
            session.add(
                PriceObservation(
                    offer=offer,
                    observed_at=at,
                    price=(Decimal(price) * factor).quantize(Decimal("0.01")),
                    delivery=offer.delivery,
                    availability=avail,
                )
            )
    session.commit()
    return cat
