"""Garbage-collector settings for crawl processes.

A crawl process first imports a great deal (Scrapy, Twisted, SQLAlchemy, lxml: about 160,000
objects), then makes many short-lived objects per page. With CPython's default thresholds the
cyclic collector walks those long-lived objects again at every full collection: 0.3 s of a
2-second crawl of the demo shops (`bench/crawl_overhead.py`), against 0.1 s for a bare fetch.
Page work makes few reference cycles; reference counting frees the rest, so collecting less
often costs little memory.
"""

from __future__ import annotations

import gc

# Allocations between two collections of the young generation (CPython's default is 700).
YOUNG_THRESHOLD = 10_000


def pause() -> None:
    """No collection while the process imports and builds its crawlers: all of it lives on."""
    gc.disable()


def settle() -> None:
    """Once the crawlers are built: what exists is moved out of the collector's sight
    (`gc.freeze`), and the young generation is collected every YOUNG_THRESHOLD allocations."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
    gc.enable()
