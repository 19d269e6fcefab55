"""Spreading the matcher's pure-Python work (records, pair features) over the machine's cores.

Worker processes are forked, so they share the parent's records and model without copying
them; only the work's results (records, scores) travel back. Small batches stay in-process:
forking costs more than it saves under a few thousand items. `COMPARATEUR_MATCH_WORKERS`
sets the number of processes (1 turns this off).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# What forked workers read: set by `run` just before the pool starts.
_SHARED: dict[str, Any] = {}
MIN_ITEMS = 4000


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for one batch (and in the workers forked during it).

    A batch allocates millions of small objects while tens of thousands of records stay alive,
    so the collector keeps walking them all: it took about 40% of `match-pairs`' time. The
    matcher makes no reference cycles worth collecting; reference counting still frees the rest.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def workers() -> int:
    raw = os.environ.get("COMPARATEUR_MATCH_WORKERS", "")
    if raw.strip().isdigit():
        return max(1, int(raw))
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def shared() -> dict[str, Any]:
    """The state of the current `run` (inside a worker or in-process)."""
    return _SHARED


def _call(args: tuple[Callable[[Sequence[Any]], list[Any]], Sequence[Any]]) -> list[Any]:
    func, chunk = args
    return func(chunk)


def run(
    func: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    state: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
    processes: int | None = None,
) -> list[R]:
    """`func` over chunks of `items`, results concatenated in order. `func` must be a
    module-level function; it may read `shared()`, which holds `state`. `processes=1` keeps
    the work in this process (when results cost more to send back than to compute)."""
    _SHARED.clear()
    _SHARED.update(state or {})
    n = workers() if processes is None else processes
    try:
        if n < 2 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
            return _chunked(func, items, progress)
        size = max(500, min(5000, len(items) // (n * 4) + 1))
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        out: list[R] = []
        with multiprocessing.get_context("fork").Pool(n) as pool:
            for part, chunk in zip(
                pool.imap(_call, [(func, c) for c in chunks]), chunks, strict=True
            ):
                out.extend(part)
                if progress is not None:
                    progress(len(chunk))
        return out
    finally:
        _SHARED.clear()


def _chunked(
    func: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    progress: Callable[[int], None] | None,
) -> list[R]:
    out: list[R] = []
    for i in range(0, len(items), 5000):
        chunk = items[i : i + 5000]
        out.extend(func(chunk))
        if progress is not None:
            progress(len(chunk))
    return out
