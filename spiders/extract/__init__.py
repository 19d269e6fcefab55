"""Extraction of offers from product pages: structured data first, then the visible HTML.

Public interface (used by the spiders): `extract_offers(response, module=None)` and
`is_product_page(response)`; helpers in `prices`, `gtin` and `sitemaps`.
"""

from spiders.extract.page import extract_offers, is_product_page

__all__ = ["extract_offers", "is_product_page"]
