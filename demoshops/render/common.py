"""Shared page parts: layout, French money, listing cards, category pages, robots, sitemaps."""

from __future__ import annotations

import gzip
from decimal import Decimal
from html import escape

from demoshops.listings import CATEGORY_NAMES, CATEGORY_SLUGS, Listing
from demoshops.snapshot import Snapshot

NBSP = "\u00a0"
DISALLOWED = ("/panier", "/compte", "/recherche")
CATEGORY_PREFIX = {
    "electron-libre": "/c/",
    "comptoir-numerique": "/rayon/",
    "micro-bazar": "/categorie/",
}
SLUG_TO_CATEGORY = {slug: cat for cat, slug in CATEGORY_SLUGS.items()}
CSS = (
    "body{font-family:sans-serif;margin:0 auto;max-width:1100px}header,footer{padding:8px;"
    "background:#eee}.card{display:inline-block;width:240px;vertical-align:top;margin:6px}"
    "del,s{color:#888}.promo{color:#c00}\n"
)


def thousands(amount: Decimal, sep: str = NBSP) -> str:
    euros = int(amount)
    return f"{euros:,}".replace(",", sep)


def fr_money(amount: Decimal) -> str:
    """1 299,99 € (non-breaking spaces, comma decimals)."""
    cents = f"{amount:.2f}".split(".")[1]
    return f"{thousands(amount)},{cents}{NBSP}€"


def category_url(snap: Snapshot, category: str, page: int = 1) -> str:
    url = f"{CATEGORY_PREFIX[snap.spec.slug]}{CATEGORY_SLUGS[category]}"
    return url if page == 1 else f"{url}?page={page}"


def layout(snap: Snapshot, title: str, body: str, head: str = "") -> str:
    """The page frame; links to robots-disallowed pages sit in every header on purpose."""
    nav = (
        " ".join(
            f'<a href="{category_url(snap, cat)}">{escape(name)}</a>'
            for cat, name in CATEGORY_NAMES.items()
        )
        if snap.spec.slug in CATEGORY_PREFIX
        else ""
    )
    name = escape(snap.spec.name)
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {name}</title>"
        '<link rel="stylesheet" href="/static/style.css">'
        f"{head}</head><body>"
        f'<header><a href="/" class="logo">{name}</a> <nav>{nav}</nav> '
        '<form action="/recherche" method="get"><input name="q" placeholder="Rechercher">'
        '<button>OK</button></form> <a href="/compte">Mon compte</a> '
        '<a href="/panier">Panier</a> <a href="/recherche?q=promo">Promos</a></header>'
        f"<main>{body}</main>"
        f'<footer>{name}: prix TTC en euros. <a href="/compte/connexion">Connexion</a></footer>'
        "</body></html>"
    )


def card(snap: Snapshot, item: Listing) -> str:
    q = snap.quote(item)
    old = f" <del>{fr_money(q.regular_price)}</del>" if q.regular_price else ""
    return (
        f'<div class="card"><a class="product-link" href="{escape(item.path)}">'
        f'{escape(item.title)}</a><div class="card-price">{fr_money(q.price)}{old}</div></div>'
    )


def home(snap: Snapshot) -> str:
    cards = "".join(card(snap, item) for item in snap.live[:12])
    return layout(snap, "Accueil", f"<h1>{escape(snap.spec.name)}</h1><section>{cards}</section>")


def category_page(snap: Snapshot, category: str, page: int) -> str | None:
    pages = snap.pages(category)
    if not 1 <= page <= pages:
        return None
    items = snap.category_page(category, page)
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{category_url(snap, category, page - 1)}">Précédent</a>')
    for number in range(1, pages + 1):
        links.append(f'<a class="page" href="{category_url(snap, category, number)}">{number}</a>')
    if page < pages:
        links.append(f'<a rel="next" href="{category_url(snap, category, page + 1)}">Suivant</a>')
    body = (
        f"<h1>{escape(CATEGORY_NAMES[category])}</h1>"
        f'<section class="listing">{"".join(card(snap, i) for i in items)}</section>'
        f'<nav class="pagination">{" ".join(links)}</nav>'
    )
    return layout(snap, CATEGORY_NAMES[category], body)


def simple_page(snap: Snapshot, title: str, text: str) -> str:
    return layout(snap, title, f"<h1>{escape(title)}</h1><p>{escape(text)}</p>")


def robots(base: str, sitemap: bool) -> str:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /"]
    if sitemap:
        lines.append(f"Sitemap: {base}/sitemap.xml")
    return "\n".join(lines) + "\n"


def urlset(base: str, paths: list[str], lastmod: str) -> str:
    rows = "".join(
        f"<url><loc>{escape(base + p)}</loc><lastmod>{lastmod}</lastmod></url>" for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>\n'
    )


def sitemap_index(base: str, paths: list[str], lastmod: str) -> str:
    rows = "".join(
        f"<sitemap><loc>{escape(base + p)}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>\n'
    )


def gzipped(text: str) -> bytes:
    # mtime=0 keeps the bytes identical for identical content.
    return gzip.compress(text.encode(), mtime=0)
