"""Électron Libre: JSON-LD `Product` / `ProductGroup` with `Offer` and shipping details."""

from __future__ import annotations

import json
from decimal import Decimal
from html import escape
from typing import Any

from demoshops.catalogue.colours import french
from demoshops.listings import CATEGORY_NAMES, Listing
from demoshops.pricing import unit
from demoshops.render.common import card, fr_money, layout
from demoshops.snapshot import Snapshot

SCHEMA = "https://schema.org/"


def script_json(data: Any) -> str:
    """JSON for a <script> element: '</' and '<!--' cannot close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def offer(snap: Snapshot, item: Listing, url: str, with_shipping: bool) -> dict[str, Any]:
    q = snap.quote(item)
    data: dict[str, Any] = {
        "@type": "Offer",
        "url": url,
        "price": f"{q.price:.2f}",
        "priceCurrency": "EUR",
        "availability": SCHEMA + q.availability,
        "itemCondition": SCHEMA + "NewCondition",
        "seller": {"@type": "Organization", "name": snap.spec.name},
    }
    if q.regular_price is not None:
        data["priceSpecification"] = {
            "@type": "UnitPriceSpecification",
            "priceType": SCHEMA + "StrikethroughPrice",
            "price": f"{q.regular_price:.2f}",
            "priceCurrency": "EUR",
        }
    if with_shipping:
        data["shippingDetails"] = {
            "@type": "OfferShippingDetails",
            "shippingRate": {
                "@type": "MonetaryAmount",
                "value": f"{snap.delivery(item):.2f}",
                "currency": "EUR",
            },
            "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "FR"},
        }
    return data


def product_data(snap: Snapshot, item: Listing, base: str) -> dict[str, Any]:
    url = base + item.path
    image = f"{base}/img/{item.sku}.svg"
    shipping = unit(snap.spec.slug, item.sku, "shipping-in-jsonld") < 0.5
    brand = {"@type": "Brand", "name": item.brand}
    if len(item.variants) > 1:
        variants = []
        for variant in item.variants:
            colour = french(variant.colour)
            vurl = f"{url}?couleur={variant.colour}"
            entry: dict[str, Any] = {
                "@type": "Product",
                "name": f"{item.title} - {colour}",
                "sku": f"{item.sku}-{variant.colour}",
                "color": colour,
                "url": vurl,
                "image": image,
                "offers": offer(snap, item, vurl, shipping),
            }
            if variant.mpn:
                entry["mpn"] = variant.mpn
            if item.show_gtin:
                entry["gtin13"] = variant.gtin
            variants.append(entry)
        return {
            "@context": "https://schema.org",
            "@type": "ProductGroup",
            "name": item.title,
            "url": url,
            "brand": brand,
            "productGroupID": item.sku,
            "variesBy": [SCHEMA + "color"],
            "category": CATEGORY_NAMES[item.category],
            "hasVariant": variants,
        }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": item.title,
        "url": url,
        "sku": item.sku,
        "brand": brand,
        "image": image,
        "category": CATEGORY_NAMES[item.category],
        "offers": offer(snap, item, url, shipping),
    }
    if item.variants:
        data["color"] = french(item.variants[0].colour)
    if item.mpn:
        data["mpn"] = item.mpn
    if item.show_gtin and item.gtin:
        data["gtin13"] = item.gtin
    return data


def delivery_line(snap: Snapshot, item: Listing) -> str:
    cost = snap.delivery(item)
    if cost == Decimal("0"):
        return "Livraison offerte en France métropolitaine"
    free = snap.spec.delivery_free_over
    note = f" (offerte dès {free:.0f} € d'achat)" if free is not None else ""
    return f"Livraison : {fr_money(cost)}{note}"


def product_page(snap: Snapshot, item: Listing, base: str) -> str:
    q = snap.quote(item)
    old = f' <del class="old-price">{fr_money(q.regular_price)}</del>' if q.regular_price else ""
    stock = "En stock" if q.availability == "InStock" else "Rupture de stock"
    colours = ""
    if len(item.variants) > 1:
        options = "".join(
            f'<li><a href="{escape(item.path)}?couleur={v.colour}">'
            f"{escape(french(v.colour))}</a></li>"
            for v in item.variants
        )
        colours = f'<ul class="colours">{options}</ul>'
    related = [
        other for other in snap.live if other.category == item.category and other is not item
    ][:4]
    head = (
        f'<script type="application/ld+json">{script_json(product_data(snap, item, base))}</script>'
    )
    body = (
        f'<article class="product"><h1>{escape(item.title)}</h1>'
        f'<img src="/img/{escape(item.sku)}.svg" alt="{escape(item.title)}">'
        f'<p class="price"><span class="current">{fr_money(q.price)}</span>{old}</p>'
        f'<p class="stock">{stock}</p><p class="delivery">{delivery_line(snap, item)}</p>'
        f"{colours}"
        f'<p class="ref">Réf. {escape(item.sku)}</p>'
        f'<a class="buy" href="/panier/ajouter?sku={escape(item.sku)}">Ajouter au panier</a>'
        "</article>"
        f"<aside><h2>Produits similaires</h2>{''.join(card(snap, r) for r in related)}</aside>"
    )
    return layout(snap, item.title, body, head)
