"""A small time-bounded cache for search plans (ids, figures, facets), one per site process.

Readers repeat the same searches ("rtx 5090", "iphone 16"): the same answer is kept for a
few seconds. Entries expire after `seconds`; `clear()` drops everything when this process
has refreshed the index (other processes' entries still expire on time). Only plain data is
kept, never ORM objects: the page's products are loaded by each request.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ResultCache:
    def __init__(self, seconds: float, size: int = 4096) -> None:
        self.seconds = seconds
        self.size = size
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        now = time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is None or now - found[0] >= self.seconds:
                self.misses += 1
                if found is not None:
                    del self._items[key]
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: Hashable, value: Any) -> None:
        if self.seconds <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
