"""Search answers shared by every site process through Redis, in front of each one's own.

Under gunicorn each worker process keeps its own `ResultCache`: a reader's search that
another worker answered a second ago is computed again (with 4 workers, most repeats of a
popular search missed). `SharedCache` keeps the same plain data in Redis, so one process's
answer serves all, and keeps a process-local copy in front to spare the round trip.

Never a source of errors: when Redis is down or slow (50 ms), the search is computed as
without a cache and a warning is logged once a minute. `clear()` (this process refreshed
the search index) moves every process to a new generation of keys, so no process serves
an answer computed before the change; old keys expire on their own.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import time
from collections.abc import Hashable
from typing import Any

import redis

from catalog.search.cache import ResultCache

log = logging.getLogger(__name__)
PREFIX = "comparateur:search:"
TIMEOUT = 0.05  # seconds: a slow Redis must cost a search less than computing it
GENERATION_SECONDS = 1.0  # how long a process trusts the generation it last read


class SharedCache(ResultCache):
    def __init__(self, url: str, seconds: float, database: str, size: int = 4096) -> None:
        """`database` names the catalogue searched: sites of two databases never share."""
        super().__init__(seconds, size)
        digest = hashlib.sha1(database.encode(), usedforsecurity=False).hexdigest()[:12]
        self.prefix = f"{PREFIX}{digest}:"
        self.client = redis.Redis.from_url(
            url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT
        )
        self._generation: tuple[float, str] = (0.0, "0")
        self._warned = 0.0

    def get(self, key: Hashable) -> Any | None:
        if self.seconds <= 0:
            return None
        try:
            generation = self._current()
        except redis.RedisError as exc:
            self._warn(exc)
            return super().get(key)  # this process's own answers, as without Redis
        found = super().get(key)
        if found is not None:
            return found
        try:
            data = self.client.get(self._name(key, generation))
        except redis.RedisError as exc:
            self._warn(exc)
            return None
        if not isinstance(data, bytes):
            return None
        value = pickle.loads(data)  # noqa: S301 - our own Redis keys, written by put()
        super().put(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        if self.seconds <= 0:
            return
        super().put(key, value)
        try:
            self.client.set(
                self._name(key, self._generation[1]), pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
                px=int(self.seconds * 1000),
            )  # fmt: skip
        except redis.RedisError as exc:
            self._warn(exc)

    def clear(self) -> None:
        super().clear()
        try:
            generation = str(self.client.incr(self.prefix + "generation"))
        except redis.RedisError as exc:
            self._warn(exc)
            return
        self._generation = (time.monotonic(), generation)

    def _name(self, key: Hashable, generation: str) -> str:
        """The Redis key: the generation and a digest of the key's repr (tuples of str/int)."""
        return (
            f"{self.prefix}{generation}:"
            + hashlib.sha1(repr(key).encode(), usedforsecurity=False).hexdigest()
        )

    def _current(self) -> str:
        """The generation of keys in use, read again once a second (one GET, often none)."""
        read_at, generation = self._generation
        if time.monotonic() - read_at < GENERATION_SECONDS:
            return generation
        raw = self.client.get(self.prefix + "generation")
        found = raw.decode() if isinstance(raw, bytes) else "0"
        self._generation = (time.monotonic(), found)
        if found != generation:
            super().clear()  # another process refreshed the index: forget local answers
        return found

    def _warn(self, exc: Exception) -> None:
        if time.monotonic() - self._warned > 60:
            self._warned = time.monotonic()
            log.warning("search cache unavailable, searching without it: %s", exc)
