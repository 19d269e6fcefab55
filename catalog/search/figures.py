"""Per-product figures stored with the search document: ranking order, facet values, keys.

Search reads one narrow row per match instead of loading products and aggregating their
offers, so ranking, filtering and facet counts happen in SQL. The values here are the same
ones the site shows (best total price with delivery, offers, shops, stock).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from catalog.models import Offer
from catalog.queries import summaries_query
from catalog.search.text import compact, fold, split_word, words

# Price ranges of the facet, in euros: (low inclusive, high exclusive).
PRICE_RANGES: list[tuple[int, int | None]] = [
    (0, 100),
    (100, 300),
    (300, 700),
    (700, 1500),
    (1500, 5000),
    (5000, 20000),
    (20000, None),
]
# rank = devices before accessories and bundles, then offers (more first), then name length
# (shorter first), then product id: 61 bits of a signed 64-bit integer.
_OFFERS_CAP = (1 << 20) - 1
_LENGTH_CAP = (1 << 9) - 1
SECOND_TIER = frozenset({"accessory", "bundle"})


def rank_key(
    offer_count: int, name_length: int, product_id: int, category: str | None = None
) -> int:
    """The static order of matches: a reader typing "airpods pro" wants the earbuds before the
    ear tips made for them; then more offers first, shorter names, older ids."""
    tier = 1 if category in SECOND_TIER else 0
    offers = _OFFERS_CAP - min(max(offer_count, 0), _OFFERS_CAP)
    return (tier << 60) | (offers << 40) | (min(name_length, _LENGTH_CAP) << 31) | product_id


def price_key(total: Decimal | None) -> str | None:
    if total is None:
        return None
    for low, high in PRICE_RANGES:
        if total >= low and (high is None or total < high):
            return f"{low}-{high}" if high is not None else f"{low}-"
    return None


def number(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, Decimal)) or (isinstance(value, str) and value.isdigit()):
        return str(int(value))
    return None


def offer_figures(session: Session, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """(best_total, offer_count, shop_count, in_stock) per product id, from priced offers."""
    out: dict[int, Row[Any]] = {}
    for start in range(0, len(ids), 900):
        chunk = list(ids[start : start + 900])
        rows = session.execute(summaries_query().where(Offer.product_id.in_(chunk)))
        out.update({row.product_id: row for row in rows})
    return out


def offer_values(row: Row[Any] | None) -> dict[str, Any]:
    best = row.best_total if row else None
    return {
        "best_total": best,
        "offer_count": int(row.offer_count) if row else 0,
        "shop_count": int(row.shop_count) if row else 0,
        "in_stock": bool(row.in_stock) if row else False,
        "price_range": price_key(best),
    }


def document_figures(product: Any, row: Row[Any] | None) -> dict[str, Any]:
    """Every figure column of a product's document (a Product or a product row)."""
    values = offer_values(row)
    attributes: dict[str, Any] = product.attributes or {}
    name_length = len(fold(product.name))
    return {
        **values,
        "rank": rank_key(values["offer_count"], name_length, product.id, product.category),
        "name_length": name_length,
        "category": (product.category or None) and product.category[:100],
        "brand": (product.brand or None) and product.brand[:100],
        "storage": number(attributes.get("storage_gb")),
        "gpu_memory": number(attributes.get("memory_gb")),
    }


def model_keys(product: Any) -> set[str]:
    """Compact spellings that name exactly this product: model, brand+model, +capacity, GTIN."""
    model = compact(product.model or "")
    brand_model = compact(f"{product.brand or ''} {product.model or ''}")
    keys = {model, brand_model, compact(product.name)}
    for key in ("storage_gb", "memory_gb"):
        value = number((product.attributes or {}).get(key))
        if value and model:
            keys.update({model + value, model + value + "go", brand_model + value})
    keys.update(compact(g) for g in product.gtins or [])
    return keys - {""}


def model_suffixes(product: Any) -> set[str]:
    """ "rtx5090" names "GeForce RTX 5090": the model's trailing parts, with a digit, 3+ long."""
    parts = [p for word in words(product.model or "") for p in split_word(word)]
    out = set()
    for i in range(1, len(parts)):
        suffix = "".join(parts[i:])
        if len(suffix) >= 3 and any(c.isdigit() for c in suffix):
            out.add(suffix)
    return out


def exact_keys(product: Any) -> set[str]:
    return {k[:200] for k in model_keys(product) | model_suffixes(product)}
