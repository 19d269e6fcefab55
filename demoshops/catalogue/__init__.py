"""The demo catalogue: real product models with synthetic GTINs, and accessories/bundles.

Add a product by adding a `family(...)` line to the category module (see docs/demoshops.md).
"""

from __future__ import annotations

from functools import cache

from demoshops.catalogue import accessories, earbuds, gpu, gpu_datacenter, laptop, smartphone
from demoshops.catalogue.model import CATEGORIES, Accessory, Model, Variant

__all__ = ["CATEGORIES", "Accessory", "Model", "Variant", "models", "accessories_list", "model"]


@cache
def models() -> tuple[Model, ...]:
    """Every model, checked for unique ids and GTINs."""
    found = (
        *gpu_datacenter.MODELS,
        *gpu.MODELS,
        *smartphone.MODELS,
        *earbuds.MODELS,
        *laptop.MODELS,
    )
    ids = [m.id for m in found]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate model ids in the catalogue")
    gtins = [v.gtin for m in found for v in m.variants] + [a.gtin for a in accessories.ACCESSORIES]
    if len(set(gtins)) != len(gtins):
        raise ValueError("duplicate GTINs in the catalogue")
    return found


@cache
def accessories_list() -> tuple[Accessory, ...]:
    known = {m.id for m in models()}
    for item in accessories.ACCESSORIES:
        missing = [r for r in item.related if r not in known]
        if missing:
            raise ValueError(f"accessory {item.id} names unknown models {missing}")
    return tuple(accessories.ACCESSORIES)


@cache
def model(model_id: str) -> Model:
    return {m.id: m for m in models()}[model_id]
