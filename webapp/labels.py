"""Words the templates show for stored codes (availability, extraction, facets...)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import Flask, request, url_for

from catalog.models import Product
from catalog.queries import availability_key
from webapp.i18n import gettext as _

AVAILABILITY = {
    "instock": "En stock",
    "limitedavailability": "Stock limité",
    "onlineonly": "En stock (en ligne)",
    "instoreonly": "En magasin uniquement",
    "outofstock": "En rupture",
    "preorder": "Précommande",
    "backorder": "Sur commande",
    "discontinued": "Plus fabriqué",
    "soldout": "Épuisé",
}
EXTRACTION = {
    "json-ld": "données structurées JSON-LD",
    "microdata": "microdonnées de la page",
    "rdfa": "RDFa de la page",
    "opengraph": "balises Open Graph",
    "shop-module": "lecteur dédié à la boutique",
    "html": "texte de la page",
    "feed": "flux produits de la boutique",
    "browser": "page rendue dans un navigateur",
}
MATCH = {
    "gtin": "même code-barres (GTIN)",
    "mpn": "même référence fabricant (MPN)",
    "fuzzy": "titre et caractéristiques très proches",
    "words": "mêmes mots de modèle, seuls la catégorie, la couleur ou les unités diffèrent",
    "code": "même référence fabricant dans les deux titres, suffixe de région ou de couleur près",
    "new": "première offre de ce produit",
    "human": "vérifié par la rédaction",
}
CATEGORY = {
    "gpu": "Cartes graphiques",
    "datacenter-gpu": "GPU pour centres de données",
    "gpu-datacenter": "GPU pour centres de données",  # the matcher's slug
    "smartphone": "Smartphones",
    "earbuds": "Écouteurs",
    "headphones": "Casques audio",
    "laptop": "Ordinateurs portables",
    "accessory": "Accessoires",
    "bundle": "Packs",
}
RANGE = {"30j": "30 jours", "90j": "90 jours", "1an": "1 an", "tout": "tout"}
SPEC = {
    "storage_gb": "Stockage (Go)",
    "memory_gb": "Mémoire (Go)",
    "ram_gb": "Mémoire vive (Go)",
    "tflops": "Puissance (TFLOPS)",
    "screen_in": "Écran (pouces)",
    "network": "Connectivité",
    "colour": "Couleur",
}
# The matcher's network codes (matching/connectivity.py), as shops and makers write them.
NETWORK = {"wifi": "Wi-Fi", "gps": "GPS", "cellular": "Cellular", "4g": "4G", "5g": "5G"}


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        availability_label=availability_label,
        extraction_label=lambda v: _(EXTRACTION.get(v or "", v or "non précisé")),
        match_label=lambda v: _(MATCH.get(v or "", v or "non précisé")),
        range_label=lambda v: _(RANGE.get(v, v)),
        spec_label=lambda k: _(SPEC.get(k, k.replace("_", " "))),
        facet_label=facet_label,
        category_label=category_label,
        variant_label=variant_label,
        page_url=page_url,
        series_min=lambda s: min((v for v in s.market if v is not None), default=None),
        series_max=lambda s: max((v for v in s.market if v is not None), default=None),
    )


def category_label(value: str | None) -> str:
    """Readable name of a stored category code; unknown codes show as stored."""
    if not value:
        return ""
    return _(CATEGORY[value]) if value in CATEGORY else value


def availability_label(value: str | None) -> str:
    key = availability_key(value)
    return _(AVAILABILITY[key]) if key in AVAILABILITY else _("non précisée")


def facet_label(name: str, value: str) -> str:
    if name == "price":
        low, _sep, high = value.partition("-")
        from webapp.i18n import money

        if not high:
            return _("plus de %(p)s", p=money(Decimal(low)))
        return f"{money(Decimal(low))} – {money(Decimal(high))}"
    if name in ("storage", "gpu_memory"):
        return _("%(n)s Go", n=value)
    if name == "availability":
        return _("En stock") if value == "in_stock" else _("En rupture")
    if name == "category":
        return category_label(value)
    return value


def spec_value(key: str, value: Any) -> str:
    if key == "network":
        return NETWORK.get(str(value), str(value))
    return str(value)


def variant_label(product: Product) -> str:
    attributes: dict[str, Any] = product.attributes or {}
    parts = []
    for key in ("storage_gb", "memory_gb", "ram_gb"):
        if attributes.get(key) is not None:
            parts.append(_("%(n)s Go", n=attributes[key]))
    if attributes.get("network"):
        parts.append(spec_value("network", attributes["network"]))
    return " · ".join(parts) or product.name


def page_url(page: int) -> str:
    args = request.args.to_dict()
    args.update(request.view_args or {})
    args["page"] = str(page)
    return url_for(request.endpoint or "search.results", **args)
