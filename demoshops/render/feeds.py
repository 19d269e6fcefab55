"""Merchant feeds: Google Merchant Center RSS 2.0 and CSV (Flux Informatique), idealo CSV
(Dépôt Hi-Tech), and the minimal HTML product pages the feeds link to."""

from __future__ import annotations

import csv
import io
from html import escape
from xml.sax.saxutils import escape as xml_escape

from demoshops.catalogue.colours import french
from demoshops.catalogue.model import slugify
from demoshops.listings import CATEGORY_NAMES, Listing
from demoshops.pricing import unit
from demoshops.render.common import fr_money, layout
from demoshops.snapshot import Snapshot

GOOGLE_NS = "http://base.google.com/ns/1.0"
GOOGLE_COLUMNS = (
    "id", "title", "description", "link", "image_link", "availability", "price", "sale_price",
    "brand", "gtin", "mpn", "condition", "item_group_id", "color", "product_type", "shipping",
)  # fmt: skip
IDEALO_COLUMNS = (
    "sku", "brand", "title", "categoryPath", "url", "hans", "description", "imageUrls", "price",
    "formerPrice", "deliveryTime", "deliveryCosts_colissimo", "eans", "colour",
)  # fmt: skip


def availability_word(snap: Snapshot, item: Listing) -> str:
    """Google accepts both spellings; the shop's export mixes them."""
    word = "in stock" if snap.quote(item).availability == "InStock" else "out of stock"
    if unit(snap.spec.slug, item.sku, "underscore") < 0.5:
        word = word.replace(" ", "_")
    return word


def group_id(item: Listing) -> str | None:
    if item.model_id and len(item.variants) == 1 and item.key != item.model_id:
        return "FIG-" + slugify(item.model_id)[:40]
    return None


def google_row(snap: Snapshot, item: Listing, base: str) -> dict[str, str]:
    q = snap.quote(item)
    regular = q.regular_price or q.price
    colour = french(item.variants[0].colour) if item.variants else ""
    return {
        "id": item.sku,
        "title": item.title,
        "description": f"{item.title}. Garantie 2 ans, vendu par {snap.spec.name}.",
        "link": base + item.path,
        "image_link": f"{base}/img/{item.sku}.svg",
        "availability": availability_word(snap, item),
        "price": f"{regular:.2f} EUR",
        "sale_price": f"{q.price:.2f} EUR" if q.regular_price else "",
        "brand": item.brand,
        "gtin": item.gtin if item.gtin and item.show_gtin else "",
        "mpn": item.mpn or "",
        "condition": "new",
        "item_group_id": group_id(item) or "",
        "color": colour,
        "product_type": f"High-Tech > {CATEGORY_NAMES[item.category]}",
        "shipping": f"FR:::{snap.delivery(item):.2f} EUR",
    }


def google_xml(snap: Snapshot, base: str) -> str:
    items = []
    for item in snap.live:
        row = google_row(snap, item, base)
        fields = []
        for name in GOOGLE_COLUMNS:
            value = row[name]
            if not value:
                continue
            if name == "shipping":
                fields.append(
                    "<g:shipping><g:country>FR</g:country><g:service>Colissimo</g:service>"
                    f"<g:price>{snap.delivery(item):.2f} EUR</g:price></g:shipping>"
                )
            else:
                fields.append(f"<g:{name}>{xml_escape(value)}</g:{name}>")
        items.append(f"<item>{''.join(fields)}</item>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:g="{GOOGLE_NS}"><channel>'
        f"<title>{xml_escape(snap.spec.name)}</title><link>{xml_escape(base)}/</link>"
        "<description>Catalogue produits</description>\n"
        f"{''.join(items)}</channel></rss>\n"
    )


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def google_csv(snap: Snapshot, base: str) -> str:
    return _csv(GOOGLE_COLUMNS, [google_row(snap, item, base) for item in snap.live])


def idealo_csv(snap: Snapshot, base: str) -> str:
    """idealo's CSV columns; `formerPrice` on promotions, stock-outs said in `deliveryTime`."""
    rows = []
    for item in snap.live:
        q = snap.quote(item)
        rows.append(
            {
                "sku": item.sku,
                "brand": item.brand,
                "title": item.title,
                "categoryPath": f"High-Tech > {CATEGORY_NAMES[item.category]}",
                "url": base + item.path,
                "hans": item.mpn or "",
                "description": f"{item.title} neuf, garantie constructeur.",
                "imageUrls": f"{base}/img/{item.sku}.svg",
                "price": f"{q.price:.2f}",
                "formerPrice": f"{q.regular_price:.2f}" if q.regular_price else "",
                "deliveryTime": (
                    "Expédié sous 24h" if q.availability == "InStock" else "Indisponible"
                ),
                "deliveryCosts_colissimo": f"{snap.delivery(item):.2f}",
                "eans": item.gtin if item.gtin and item.show_gtin else "",
                "colour": french(item.variants[0].colour) if item.variants else "",
            }
        )
    return _csv(IDEALO_COLUMNS, rows)


def product_page(snap: Snapshot, item: Listing, base: str) -> str:
    """The minimal page a feed links to: title, price, stock; no structured data."""
    q = snap.quote(item)
    old = f" <del>{fr_money(q.regular_price)}</del>" if q.regular_price else ""
    stock = "En stock" if q.availability == "InStock" else "Rupture de stock"
    body = (
        f'<h1>{escape(item.title)}</h1><p class="price">{fr_money(q.price)}{old}</p>'
        f"<p>{stock}</p>"
        f'<a href="/panier/ajouter?sku={escape(item.sku)}">Ajouter au panier</a>'
    )
    return layout(snap, item.title, body)
