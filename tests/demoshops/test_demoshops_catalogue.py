"""The catalogue: enough real models, valid synthetic GTINs, accessories, shop assortments."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from demoshops import catalogue, truth
from demoshops.catalogue.colours import COLOURS
from demoshops.shops import SHOPS


def gs1_valid(code: str) -> bool:
    """Independent GS1 check: weights 1,3,1,3... from the left for GTIN-13."""
    digits = [int(c) for c in code]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == digits[12]


def test_at_least_200_models_across_all_categories():
    models = catalogue.models()
    assert len(models) >= 200
    per_category = Counter(m.category for m in models)
    assert set(per_category) == set(catalogue.CATEGORIES)
    assert all(count >= 10 for count in per_category.values()), per_category


def test_every_variant_has_a_valid_internal_gtin13_and_ids_are_unique():
    models = catalogue.models()
    gtins = [v.gtin for m in models for v in m.variants]
    gtins += [a.gtin for a in catalogue.accessories_list()]
    assert len(gtins) == len(set(gtins))
    assert len({m.id for m in models}) == len(models)
    for code in gtins:
        assert len(code) == 13 and code.isdigit(), code
        assert 200 <= int(code[:3]) <= 299, code
        assert gs1_valid(code), code


def test_models_carry_prices_attributes_and_known_colours():
    for model in catalogue.models():
        assert isinstance(model.price, Decimal) and model.price > 0
        assert model.variants
        assert all(v.colour in COLOURS for v in model.variants)
        if model.category in ("smartphone",):
            assert model.attributes["storage_gb"] > 0
        if model.category == "laptop":
            assert model.attributes["ram_gb"] > 0 and model.attributes["storage_gb"] > 0
        if model.category.startswith("gpu"):
            assert model.attributes["memory_gb"] > 0


def test_required_products_are_present():
    ids = {m.id for m in catalogue.models()}
    names = {(m.brand, m.name) for m in catalogue.models()}
    for wanted in ("nvidia-h200-sxm-141", "nvidia-h200-nvl-141", "nvidia-b200-sxm-192",
                   "nvidia-h20-96", "nvidia-h100-pcie-80", "apple-iphone-16-128",
                   "apple-iphone-16-256", "samsung-galaxy-s25-ultra-256",
                   "apple-macbook-air-13-m4-16-256"):  # fmt: skip
        assert wanted in ids
    for wanted in (("Apple", "AirPods Pro 3"), ("Sony", "WF-1000XM5"), ("Google", "Pixel 9a")):
        assert wanted in names
    rtx_5060_ti = {m.attributes["memory_gb"] for m in catalogue.models()
                   if m.attributes.get("chip") == "GeForce RTX 5060 Ti"}  # fmt: skip
    assert rtx_5060_ti == {8, 16}


def test_at_least_20_accessories_and_bundles_sold():
    items = catalogue.accessories_list()
    assert len(items) >= 20
    assert {"accessory", "bundle"} <= {a.kind for a in items}
    sold = [t for t in truth.listings() if t.kind != "device"]
    assert len({t.accessory_id for t in sold}) >= 20


def test_each_shop_sells_60_to_85_percent_of_the_models():
    total = len(catalogue.models())
    for spec in SHOPS:
        sold = {t.model_id for t in truth.listings(spec.slug) if t.model_id}
        assert 0.60 <= len(sold) / total <= 0.85, (spec.slug, len(sold))


def test_listing_urls_and_skus_are_unique_per_shop():
    for spec in SHOPS:
        listings = truth.listings(spec.slug)
        assert len({t.path for t in listings}) == len(listings)
        assert len({t.sku for t in listings}) == len(listings)
