"""What each shop sells: one `Listing` per URL, built deterministically from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from demoshops import catalogue
from demoshops.catalogue.accessories import XSS_TITLE
from demoshops.catalogue.model import Accessory, Model, Variant, slugify
from demoshops.pricing import DEFAULT_SEED, on_sale, unit, whole
from demoshops.shops import BY_SLUG, HEADLINERS, SHOPS, ShopSpec
from demoshops.titles import STYLES

# Category slugs in the shops' URLs.
CATEGORY_SLUGS = {
    "gpu-datacenter": "gpu-datacenter-ia",
    "gpu": "cartes-graphiques",
    "smartphone": "smartphones",
    "earbuds": "ecouteurs-sans-fil",
    "laptop": "ordinateurs-portables",
}
CATEGORY_NAMES = {
    "gpu-datacenter": "GPU datacenter & IA",
    "gpu": "Cartes graphiques",
    "smartphone": "Smartphones",
    "earbuds": "Écouteurs sans fil",
    "laptop": "Ordinateurs portables",
}
SKU_FORMATS = {
    "electron-libre": ("EL", 6),
    "comptoir-numerique": ("CN-", 5),
    "micro-bazar": ("", 7),
    "flux-informatique": ("FI", 6),
    "depot-hitech": ("DH-", 6),
}


@dataclass(frozen=True)
class Listing:
    shop: str
    sku: str
    path: str
    kind: str
    """device, accessory or bundle."""
    title: str
    brand: str
    category: str
    base: Decimal
    """Market price the shop's price is derived from."""
    key: str
    """Pricing key: the model id (plus colour on per-variant listings) or accessory id."""
    model_id: str | None = None
    accessory_id: str | None = None
    variants: tuple[Variant, ...] = ()
    """Colours sold at this URL (several on a ProductGroup page)."""
    gtin: str | None = None
    mpn: str | None = None
    show_gtin: bool = False
    """Whether the page or feed row publishes the GTIN."""
    related: tuple[str, ...] = ()

    @property
    def colour(self) -> str | None:
        return self.variants[0].colour if len(self.variants) == 1 else None

    def live(self, day: int, seed: int = DEFAULT_SEED) -> bool:
        """On sale that day (late listings are absent for a while in each cycle)."""
        return on_sale(seed, self.shop, self.key, day)


def product_path(spec: ShopSpec, sku: str, slug: str) -> str:
    return {
        "electron-libre": f"/produit/{slug}-{sku.lower()}",
        "comptoir-numerique": f"/p/{sku}/{slug}.html",
        "micro-bazar": f"/article/{sku}-{slug}.html",
        "flux-informatique": f"/produit/{sku}",
        "depot-hitech": f"/offre/{sku}.html",
    }[spec.slug]


def _sku(spec: ShopSpec, key: str, taken: set[str]) -> str:
    prefix, digits = SKU_FORMATS[spec.slug]
    salt = 0
    while True:
        number = whole(
            DEFAULT_SEED, spec.slug, key, "sku", salt, low=10 ** (digits - 1), high=10**digits - 1
        )
        sku = f"{prefix}{number}"
        if sku not in taken:
            taken.add(sku)
            return sku
        salt += 1


# Share of listings whose page or feed row publishes the GTIN, per shop.
GTIN_SHOWN = {
    "electron-libre": 0.6,
    "comptoir-numerique": 0.0,
    "micro-bazar": 0.6,
    "flux-informatique": 0.85,
    "depot-hitech": 1.0,
}


def shows_gtin(spec: ShopSpec, key: str) -> bool:
    return unit(DEFAULT_SEED, spec.slug, key, "gtin") < GTIN_SHOWN[spec.slug]


def sells(spec: ShopSpec, ident: str) -> bool:
    return ident in HEADLINERS or unit(DEFAULT_SEED, spec.slug, ident, "sells") < spec.share


def _device_listings(spec: ShopSpec, model: Model, taken: set[str]) -> list[Listing]:
    style = STYLES[spec.slug]
    if spec.markup == "jsonld":
        groups: list[tuple[Variant, ...]] = [model.variants]
    elif spec.markup == "google-feed":
        groups = [(v,) for v in model.variants]
    else:
        pick = whole(
            DEFAULT_SEED, spec.slug, model.id, "colour", low=0, high=len(model.variants) - 1
        )
        groups = [(model.variants[pick],)]
    out = []
    for group in groups:
        colour = group[0].colour if len(group) == 1 and len(model.variants) > 1 else None
        title = style(model, colour)
        key = model.id if len(groups) == 1 else group[0].key
        sku = _sku(spec, key, taken)
        out.append(
            Listing(
                shop=spec.slug,
                sku=sku,
                path=product_path(spec, sku, slugify(title)),
                kind="device",
                title=title,
                brand=model.brand,
                category=model.category,
                base=model.price,
                key=key,
                model_id=model.id,
                variants=group,
                gtin=group[0].gtin,
                mpn=group[0].mpn,
                show_gtin=shows_gtin(spec, key),
            )
        )
    return out


def _accessory_listing(spec: ShopSpec, item: Accessory, taken: set[str]) -> Listing:
    title = (
        item.title_en
        if spec.slug == "comptoir-numerique" and item.title != XSS_TITLE
        else item.title
    )
    if not title.lower().startswith(item.brand.lower()):
        title = (
            f"{item.brand} - {title}"
            if spec.slug == "flux-informatique"
            else f"{title} {item.brand}"
        )
    sku = _sku(spec, item.id, taken)
    return Listing(
        shop=spec.slug,
        sku=sku,
        path=product_path(spec, sku, slugify(title)),
        kind=item.kind,
        title=title,
        brand=item.brand,
        category=item.category,
        base=item.price,
        key=item.id,
        accessory_id=item.id,
        gtin=item.gtin if item.kind == "accessory" else None,
        mpn=item.mpn,
        show_gtin=item.kind == "accessory" and shows_gtin(spec, item.id),
        related=item.related,
    )


@cache
def listings(shop_slug: str) -> tuple[Listing, ...]:
    """Every listing of a shop (launched or not), in the shop's display order."""
    spec = BY_SLUG[shop_slug]
    taken: set[str] = set()
    out: list[Listing] = []
    for model in catalogue.models():
        if sells(spec, model.id):
            out.extend(_device_listings(spec, model, taken))
    for item in catalogue.accessories_list():
        forced = item.title == XSS_TITLE and spec.markup in ("jsonld", "plain")
        if forced or unit(DEFAULT_SEED, spec.slug, item.id, "sells") < 0.7:
            out.append(_accessory_listing(spec, item, taken))
    out.sort(key=lambda item: unit(DEFAULT_SEED, spec.slug, item.sku, "rank"))
    return tuple(out)


@cache
def by_path(shop_slug: str) -> dict[str, Listing]:
    return {item.path: item for item in listings(shop_slug)}


def all_listings() -> list[Listing]:
    return [item for spec in SHOPS for item in listings(spec.slug)]
