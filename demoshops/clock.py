"""Time for the shops: prices are a pure function of the simulated day, read from a clock.

`SimClock` is settable (tests, the demo); `real_clock` is the default when none is given.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

# Day 0 of the simulation: listings that appear late, rises and promotions count from here.
EPOCH = date(2025, 9, 1)
# The demo's window: 13 simulated crawl days spread over 72 days starting at DEMO_START.
DEMO_START = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


def real_clock() -> datetime:
    return datetime.now(UTC)


def day_of(when: datetime) -> int:
    """Days since EPOCH for an aware datetime (naive values are refused)."""
    if when.tzinfo is None:
        raise ValueError("naive datetime: the shops only take aware UTC times")
    return (when.astimezone(UTC).date() - EPOCH).days


def demo_days(count: int = 13, span_days: int = 72, start: datetime = DEMO_START) -> list[datetime]:
    """`count` crawl times spread evenly over `span_days` (first and last included)."""
    if count < 2:
        return [start]
    step = span_days / (count - 1)
    return [start + timedelta(days=round(i * step)) for i in range(count)]


class SimClock:
    """A clock the caller moves: `clock()` returns the current simulated time."""

    def __init__(self, start: datetime = DEMO_START) -> None:
        self._lock = threading.Lock()
        self._now = self._check(start)

    @staticmethod
    def _check(when: datetime) -> datetime:
        if when.tzinfo is None:
            raise ValueError("SimClock needs an aware datetime")
        return when.astimezone(UTC)

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, when: datetime) -> None:
        with self._lock:
            self._now = self._check(when)

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._now = self._now + delta
            return self._now
