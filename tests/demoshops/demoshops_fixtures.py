"""Fixtures of the demo shop tests (imported by each test module: a second `conftest` module
would shadow tests/conftest.py for modules doing `from conftest import ...`).

A running set of demo shops on free ports with a simulated clock, shared by each module.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from demoshops.clock import DEMO_START, SimClock
from demoshops.server import RunningShops, start

Fetch = Callable[[str], tuple[int, dict[str, str], bytes]]


@pytest.fixture(scope="module", name="clock")
def clock_fixture() -> SimClock:
    return SimClock(DEMO_START)


@pytest.fixture(scope="module", name="shops")
def shops_fixture(clock: SimClock) -> Iterator[RunningShops]:
    with start(clock=clock) as running:
        yield running


def _fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="session", name="fetch")
def fetch_fixture() -> Fetch:
    """GET over real HTTP: (status, headers, body), 404s included."""
    return _fetch
