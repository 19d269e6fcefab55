"""The search cache shared by site processes through Redis (the real server on 127.0.0.1)."""

from __future__ import annotations

import socket
import uuid

import pytest
import redis

from catalog.search import shared_cache
from catalog.search.shared_cache import SharedCache

REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def database() -> str:
    return f"sqlite:///{uuid.uuid4().hex}.db"  # a fresh namespace for each test


def test_one_process_answer_serves_another(database: str) -> None:
    first, second = SharedCache(REDIS_URL, 30, database), SharedCache(REDIS_URL, 30, database)
    calls: list[str] = []

    def make() -> dict[str, list[int]]:
        calls.append("made")
        return {"ids": [3, 1, 2]}

    assert first.get_or_make(("search", ("rtx", "5090")), make) == {"ids": [3, 1, 2]}
    assert second.get_or_make(("search", ("rtx", "5090")), make) == {"ids": [3, 1, 2]}
    assert calls == ["made"]
    # Another catalogue never sees these answers.
    other = SharedCache(REDIS_URL, 30, database + "-other")
    assert other.get(("search", ("rtx", "5090"))) is None


def test_clear_reaches_every_process(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared_cache, "GENERATION_SECONDS", 0.0)
    first, second = SharedCache(REDIS_URL, 30, database), SharedCache(REDIS_URL, 30, database)
    first.put("key", "old answer")
    assert second.get("key") == "old answer"  # now also in second's own copy
    first.clear()  # first refreshed the search index
    assert second.get("key") is None
    assert first.get("key") is None


def test_redis_down_searches_without_it(database: str, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cache = SharedCache(f"redis://127.0.0.1:{port}/0", 30, database)
    assert cache.get_or_make("key", lambda: "computed") == "computed"
    assert cache.get("key") == "computed"  # the process's own copy still serves
    cache.clear()
    assert cache.get_or_make("key", lambda: "again") == "again"
    assert "search cache unavailable" in caplog.text


def test_zero_seconds_caches_nothing(database: str) -> None:
    cache = SharedCache(REDIS_URL, 0, database)
    cache.put("key", "value")
    assert cache.get("key") is None
