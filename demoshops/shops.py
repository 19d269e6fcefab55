"""The five demo shops: identity, markup, assortment share, margin, rounding and delivery."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ShopSpec:
    slug: str
    name: str
    markup: str
    """jsonld, microdata, plain, google-feed or idealo-feed."""
    share: float
    """Fraction of the catalogue the shop sells (chosen by a hash, stable)."""
    margin: Decimal
    cents: str
    """Price ending: "99" (x.99), "90" (x.90), "mixed" (x.99 or whole euros), "exact", "95"."""
    delivery_flat: Decimal
    delivery_free_over: Decimal | None
    page_size: int
    promotions: bool = True
    stockouts: bool = True
    schedule_interval: str | None = "6h"
    schedule_cron: str | None = None
    port: int = 0
    """The fixed port used by `comparateur demoshops serve` and shops.toml."""

    def delivery(self, price: Decimal) -> Decimal:
        if self.delivery_free_over is not None and price >= self.delivery_free_over:
            return Decimal("0.00")
        return self.delivery_flat


SHOPS: tuple[ShopSpec, ...] = (
    ShopSpec("electron-libre", "Électron Libre", "jsonld", 0.66, Decimal("1.00"), "99",
             Decimal("4.99"), Decimal("50"), 24, schedule_interval="6h", port=8101),
    ShopSpec("comptoir-numerique", "Le Comptoir Numérique", "microdata", 0.70, Decimal("0.985"),
             "90", Decimal("5.90"), Decimal("100"), 20, schedule_interval="12h", port=8102),
    ShopSpec("micro-bazar", "Micro Bazar", "plain", 0.63, Decimal("1.02"), "mixed",
             Decimal("6.99"), Decimal("500"), 30, schedule_interval=None,
             schedule_cron="0 */8 * * *", port=8103),
    ShopSpec("flux-informatique", "Flux Informatique", "google-feed", 0.80, Decimal("0.97"),
             "exact", Decimal("3.99"), Decimal("39"), 50, schedule_interval="4h", port=8104),
    ShopSpec("depot-hitech", "Dépôt Hi-Tech", "idealo-feed", 0.64, Decimal("1.01"), "95",
             Decimal("4.90"), None, 50, schedule_interval="1d", port=8105),
)  # fmt: skip

BY_SLUG = {shop.slug: shop for shop in SHOPS}

# Headline products every shop sells, so the demo always has several offers for them.
HEADLINERS = (
    "nvidia-h200-nvl-141",
    "nvidia-h200-sxm-141",
    "nvidia-founders-edition-geforce-rtx-5090-32",
    "apple-iphone-16-128",
    "apple-airpods-pro-3",
    "apple-macbook-air-13-m4-16-256",
    "samsung-galaxy-s25-ultra-256",
)
