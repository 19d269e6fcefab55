"""The crawl processes' collector settings (spiders.collector)."""

from __future__ import annotations

import gc

from spiders import collector


def test_pause_then_settle_freezes_what_exists_and_collects_the_young_less_often():
    threshold = gc.get_threshold()
    try:
        collector.pause()
        assert not gc.isenabled()
        kept = object(), [1, 2, 3]  # made while paused: lives on, like the imports
        collector.settle()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD
        # cycles made after settling are still collected
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1
        assert kept
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        gc.enable()
