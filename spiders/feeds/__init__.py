"""Merchant feeds to Offer items: Google Merchant XML (RSS/Atom), CSV and TSV, idealo CSV.

`iter_feed(stream, fmt, source_url=...)` yields an `Offer` (method "feed") or a `Rejected`
per item, streaming in constant memory; gzip is recognised by its magic bytes.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO, cast
from urllib.parse import urljoin, urlsplit

from spiders.feeds.rows import Rejected
from spiders.items import Offer

FORMATS = ("google-xml", "google-csv", "google-tsv", "idealo-csv")
__all__ = ["FORMATS", "Rejected", "iter_feed"]


def _maybe_gunzip(stream: BinaryIO) -> BinaryIO:
    """The stream, gunzipped on the fly when it starts with the gzip magic bytes."""
    buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(cast(Any, stream))
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return cast(BinaryIO, gzip.GzipFile(fileobj=buffered, mode="rb"))
    return cast(BinaryIO, buffered)


def iter_feed(
    stream: BinaryIO, fmt: str, *, source_url: str, now: datetime | None = None
) -> Iterator[Offer | Rejected]:
    """Offers of a feed, one per item with a price, or Rejected(row, reason, detail).

    `now` decides whether a `sale_price_effective_date` window is open (default: the
    current time). Relative item links are resolved against `source_url`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown feed format {fmt!r}; expected one of {', '.join(FORMATS)}")
    moment = now or datetime.now(UTC)
    data = _maybe_gunzip(stream)
    if fmt == "google-xml":
        from spiders.feeds.google_xml import iter_xml

        items = iter_xml(data, now=moment)
    elif fmt == "idealo-csv":
        from spiders.feeds.tabular import iter_idealo

        items = iter_idealo(data, now=moment)
    else:
        from spiders.feeds.tabular import iter_google

        items = iter_google(data, "," if fmt == "google-csv" else "\t", now=moment)
    for item in items:
        if isinstance(item, Offer):
            item.url = urljoin(source_url, item.url)
            item.shop = urlsplit(item.url).netloc or None
            if item.image:
                item.image = urljoin(source_url, item.image)
        yield item
