"""Le Comptoir Numérique: schema.org microdata, struck-through old prices, no GTIN shown."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from demoshops.catalogue.colours import english
from demoshops.listings import Listing
from demoshops.render.common import card, fr_money, layout
from demoshops.snapshot import Snapshot

SCHEMA = "https://schema.org/"


def product_page(snap: Snapshot, item: Listing, base: str) -> str:
    q = snap.quote(item)
    cost = snap.delivery(item)
    old = (
        f'<s class="was-price">{fr_money(q.regular_price)}</s> '
        f'<span class="promo">-{100 - round(q.price * 100 / q.regular_price)} %</span>'
        if q.regular_price
        else ""
    )
    stock = "In stock / En stock" if q.availability == "InStock" else "Out of stock / Épuisé"
    delivery = (
        "Livraison gratuite"
        if cost == Decimal("0")
        else f"Frais de port : {fr_money(cost)} (gratuits dès 100 €)"
    )
    colour = (
        f'<p>Colour: <span itemprop="color">{escape(english(item.colour))}</span></p>'
        if item.colour
        else ""
    )
    mpn = f'<p>Part number: <span itemprop="mpn">{escape(item.mpn)}</span></p>' if item.mpn else ""
    related = [o for o in snap.live if o.category == item.category and o is not item][3:6]
    body = (
        '<div class="product" itemscope itemtype="https://schema.org/Product">'
        f'<h1 itemprop="name">{escape(item.title)}</h1>'
        '<div itemprop="brand" itemscope itemtype="https://schema.org/Brand">'
        f'<meta itemprop="name" content="{escape(item.brand)}"></div>'
        f'<meta itemprop="sku" content="{escape(item.sku)}">'
        f'<img itemprop="image" src="{escape(base)}/img/{escape(item.sku)}.svg" alt="">'
        f"{colour}{mpn}"
        '<div class="offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<meta itemprop="priceCurrency" content="EUR">'
        f'<link itemprop="url" href="{escape(base + item.path)}">'
        f'<span class="price" itemprop="price" content="{q.price:.2f}">{fr_money(q.price)}</span> '
        f"{old}"
        f'<link itemprop="availability" href="{SCHEMA}{q.availability}">'
        f'<p class="availability">{stock}</p></div>'
        f'<p class="shipping">{delivery}</p>'
        f'<a class="add" href="/panier/ajouter?ref={escape(item.sku)}" rel="nofollow">'
        "Add to cart</a>"
        "</div>"
        f'<aside class="cross-sell"><h2>You may also like</h2>'
        f"{''.join(card(snap, r) for r in related)}</aside>"
    )
    return layout(snap, item.title, body)
