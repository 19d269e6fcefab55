"""The words and class names visible-page extraction reads as cues: hidden, struck, related,
price-named, buy button, labels before and after an amount. Kept apart from the walk that
uses them (`visible.py`) so each stays short."""

from __future__ import annotations

import re

from spiders.extract.folded import Folded

_HIDDEN_CLASS = re.compile(r"(^|[\s_-])(hidden|hide|d-none|ng-hide|aok-hidden|sr-only-none)($|\s)")
_HIDDEN_STYLE = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_STRUCK_CLASS = Folded(
    r"(strike|old-?price|price-?old|was-?price|price-?was|crossed|barr[ée]|list-?price|"
    r"compare-?at|msrp|rrp|uvp|before-?price|price-?before|original-?price|regularprice-"
    r"|a-text-strike|retail-?price|streich)"
)
_RELATED = Folded(
    r"(related|recommend|similar|also-?(viewed|bought|like)|sponsor|upsell|up-sell|cross-?sell"
    r"|carousel|sims|p13n|recently|history|suggest|frequently|accessor|bundle|footer|mini-?cart"
    r"|megamenu|nav-|warranty|protection|service-?plan|compare|rhf|sponsored|ad-?feedback"
    r"|produits?-li[ée]s|li[ée]s\b|similaire|aimerez|compl[ée]mentaire|accessoire|sugg[ée]r"
    r"|vus?-r[ée]cemment|deja-vu|ähnlich|aehnlich|zubeh[öo]r|empfehl)"
)
# Headings that announce other products ("Vous aimerez aussi", "Customers also bought").
_RELATED_HEADING = Folded(
    r"(aimerez|similaire|compl[ée]mentaire|accessoire|aussi (achet|consult|vu)|vus r[ée]cemment"
    r"|recommand|sugg[ée]r|sponsoris|also (bought|viewed|like)|related|similar|recommended"
    r"|you may|you might|frequently bought|sponsored|recently viewed|ähnliche|zubehör"
    r"|kunden kauften|empfehlung)"
)
_PRICE_NAME = Folded(r"(price|prix|preis|precio|prezzo|amount|cost|tarif)")
_GOOD_NAME = Folded(
    r"(sale|deal|now|current|final|special|our|promo|offer|pricetopay|buybox|buy-?box|main|hero"
    r"|purchase|selling|actual|customer)"
)
_REJECT_BEFORE = Folded(
    r"(per month|par mois|mensualit|monthly|\bou\s*\d+\s*x|\d+\s*x\s*\d|\bx\s*\d+\s*(mois|months)"
    r"|[ée]co-?part|ecotax|d3e|deee|livraison|shipping|delivery|frais de port|versand"
    r"|protection plan|plan de protection|accident protection|warranty|extension de garantie"
    r"|garantie (étendue|supplémentaire)|assurance|\bsav(e|ings)\b|[ée]conomis|sparen|\bremise\b"
    r"|cashback|financ|\bjoin\b|member|abonn|\bpoints?\b|gift card|carte cadeau"
    r"|\b\d+\s*(x|fois)\b|paiement en|hors tax|excl\.? (vat|tax)|zzgl|exkl|netto)"
)
_REJECT_HT = re.compile(r"\bHT\b")  # "HT" in capitals only, never "ht" in a word
# after the amount: a unit ("/mois", "per month", "/ Pack", "/kg") makes it not the price
_REJECT_AFTER = re.compile(
    r"^[^\w]{0,3}(/|per\b|par\b|pro\b)\s*\w+|^\s*(x|×)\s*\d|^\W{0,3}(mois|month)"
    r"|^\W{0,3}((?-i:HT)\b|hors tax|excl|exkl|zzgl|net\b|netto)",
    re.I,
)
# VAT excluded prices ("1 000 € HT", "zzgl. MwSt.") are never the price: offers are TTC.
_REGULAR_LABEL = Folded(
    r"(conseill[ée]|prix de r[ée]f[ée]rence|prix public|prix barr[ée]|au lieu de|\bpvc\b|\bpvp"
    r"|\bwas\b|\bstatt\b|\buvp\b|\brrp\b|\bmsrp\b|list price|regular price|prix initial"
    r"|ancien prix|\bavant\b)"
)
_FROM_LABEL = Folded(r"(starting (from|at)|à partir de|\bfrom\b|\bdès\b|\bab\b)")
_BUY = Folded(
    r"(add to (cart|basket|bag)|ajouter au panier|buy now|acheter|in den warenkorb|add-?to-?cart"
    r"|addtocart|add_to_cart|buy-?button|buybox)"
)


_BUY_TAGS = {"input", "a", "button", "form", "div", "span"}
_BUY_HINT = Folded(r"(cart|buy|panier|basket|warenkorb)")
