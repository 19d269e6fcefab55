"""Micro Bazar: no structured data at all. Prices written by hand in several French styles.

Traps on purpose: the struck-through old price, a monthly instalment line, an eco-participation
line, "Rupture de stock" / "Indisponible" text, and related products with their own prices.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from demoshops.listings import CATEGORY_NAMES, Listing
from demoshops.pricing import CENT, unit
from demoshops.render.common import NBSP, category_url, fr_money, layout, thousands
from demoshops.snapshot import Snapshot

ECO = {
    "smartphone": Decimal("0.30"),
    "laptop": Decimal("1.50"),
    "earbuds": Decimal("0.05"),
    "gpu": Decimal("0.42"),
    "gpu-datacenter": Decimal("2.00"),
}


def price_style(item: Listing, amount: Decimal) -> str:
    """Each listing keeps one way of writing its price: space, dash, sup or euro-sup."""
    roll = unit("micro-bazar", item.sku, "price-style")
    if amount == amount.to_integral_value():
        return "dash" if roll < 0.6 else "space"
    return "space" if roll < 0.4 else ("sup" if roll < 0.7 else "euro-sup")


def price_html(item: Listing, amount: Decimal) -> str:
    cents = f"{amount:.2f}".split(".")[1]
    style = price_style(item, amount)
    if style == "dash":
        return f'<span class="montant">{thousands(amount, ".")},-</span>'
    if style == "sup":
        return f'<span class="entier">{thousands(amount)}</span><sup>,{cents}{NBSP}€</sup>'
    if style == "euro-sup":
        return f'<span class="entier">{thousands(amount)}</span><sup class="cts">€{cents}</sup>'
    return f'<span class="montant">{fr_money(amount)}</span>'


def related_block(snap: Snapshot, item: Listing) -> str:
    others = [o for o in snap.live if o.category == item.category and o is not item][:4]
    cards = []
    for other in others:
        q = snap.quote(other)
        old = (
            f'<div class="prix-barre"><s>{fr_money(q.regular_price)}</s></div>'
            if q.regular_price
            else ""
        )
        cards.append(
            f'<div class="produit-lie"><a href="{escape(other.path)}">{escape(other.title)}</a>'
            f'{old}<div class="prix-actuel">{price_html(other, q.price)}</div></div>'
        )
    return f'<section class="produits-lies"><h2>Vous aimerez aussi</h2>{"".join(cards)}</section>'


def product_page(snap: Snapshot, item: Listing, base: str) -> str:
    q = snap.quote(item)
    old = (
        f'<div class="prix-barre">Prix conseillé <s>{fr_money(q.regular_price)}</s></div>'
        if q.regular_price
        else ""
    )
    lines = []
    if q.price >= 100:
        lines.append(
            f'<div class="paiement">ou 4x {fr_money((q.price / 4).quantize(CENT))} sans frais</div>'
        )
    eco = ECO.get(item.category) if item.kind != "accessory" else None
    if eco:
        lines.append(f'<div class="eco">dont {fr_money(eco)} d\'éco-participation</div>')
    if q.availability == "InStock":
        stock = '<div class="dispo en-stock">En stock - expédié sous 24h</div>'
    elif unit("micro-bazar", item.sku, "stock-word") < 0.5:
        stock = '<div class="dispo rupture">Rupture de stock</div>'
    else:
        stock = '<div class="dispo rupture">Indisponible</div>'
    cost = snap.delivery(item)
    delivery = "Livraison gratuite" if cost == 0 else f"Livraison : {fr_money(cost)}"
    specs = [f"<li>Marque : {escape(item.brand.upper())}</li>"]
    if item.show_gtin and item.gtin:
        specs.append(f"<li>EAN : {item.gtin}</li>")
    if item.mpn:
        specs.append(f"<li>Réf. fabricant : {escape(item.mpn)}</li>")
    specs.append(f"<li>Code article : {escape(item.sku)}</li>")
    crumbs = (
        f'<nav class="fil-ariane"><a href="/">Accueil</a> &gt; '
        f'<a href="{category_url(snap, item.category)}">'
        f"{escape(CATEGORY_NAMES[item.category])}</a></nav>"
    )
    body = (
        f"{crumbs}<div class=\"bandeau\">Jusqu'à -15 % sur une sélection, dès 99,00 € d'achat</div>"
        f'<div id="fiche-produit" data-code="{escape(item.sku)}">'
        f'<h1 class="titre-produit">{escape(item.title)}</h1>'
        f'<img class="visuel" src="/img/{escape(item.sku)}.svg" alt="{escape(item.title)}">'
        f'<div class="bloc-prix">{old}<div class="prix-actuel">{price_html(item, q.price)}</div>'
        f'{"".join(lines)}</div>{stock}<div class="livraison">{delivery}</div>'
        f'<ul class="caracteristiques">{"".join(specs)}</ul>'
        f'<a class="ajout" href="/panier/ajouter?id={escape(item.sku)}">Ajouter au panier</a></div>'
        f"{related_block(snap, item)}"
    )
    return layout(snap, item.title, body)
