"""`match-pairs` over worker processes that build their own records.

A record costs more to send from one process to another than to build, so records used to be
built in the parent before the features were spread over the cores: half of `match-pairs`'
time on two cores. Here each worker builds the records of its share of the pairs (pairs taken
in the order of their left offer, so a share holds most of the records it needs: about 4% are
built twice on the benchmark's pairs), sends back only each record's word set, and, once the
parent has counted the words over all distinct records (the batch's document frequencies, as
in one process), computes its pairs' features. It keeps its records: the clash rules are read
later, for the pairs whose learned score they could lower (`pairs.score_pairs`). The scores
are the same as in one process (`tests/matching/test_pairwork.py`). The trees run in the
parent: scikit-learn's predictor uses OpenMP threads, which a forked process must not inherit
half-started.
"""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any

from matching import parallel
from matching.features import Corpus, compare

Sides = list[tuple[str, tuple[str, ...]]]
Work = tuple[list[list[float]], list[tuple[float, float, float]]]
_BLOCK = 1000
# A record costs about two and a half pairs' features to build (0.23-0.30 ms against
# 0.11-0.13 ms in the workers on the benchmark's pairs, stop 25; 1.5 before, which left the
# worker with fewer records waiting for the other's at the word count).
_RECORD_COST = 2.5


def shares(index: Sequence[tuple[int, int]], n: int) -> list[list[int]]:
    """Pair positions for `n` workers: pairs sorted by left side, cut into runs of about equal
    work (a pair's features, and a record for each side the run has not met yet)."""
    order = sorted(range(len(index)), key=lambda p: index[p])
    seen: set[int] = set()
    cost = []
    total = 0.0
    for p in order:
        new = [side for side in index[p] if side not in seen]
        seen.update(new)
        total += 1.0 + _RECORD_COST * len(new)
        cost.append(total)
    cuts = [0] + [bisect.bisect_left(cost, total * w / n) for w in range(1, n)] + [len(order)]
    return [order[a:b] for a, b in itertools.pairwise(cuts)]


class Workers:
    """The running workers, which keep their records: `clashes` asks them for the clash rules
    of some pairs once the learned scores are known (`pairs.score_pairs`)."""

    def __init__(self, links: list[Connection], share_lists: list[list[int]]) -> None:
        self.links = links
        self.owner = {p: w for w, share in enumerate(share_lists) for p in share}

    def clashes(self, positions: Sequence[int]) -> list[bool]:
        asked: list[list[int]] = [[] for _ in self.links]
        for p in positions:
            asked[self.owner[p]].append(p)
        for link, mine in zip(self.links, asked, strict=True):
            link.send(("check", mine))
        found: dict[int, bool] = {}
        for link, mine in zip(self.links, asked, strict=True):
            found.update(zip(mine, _receive(link), strict=True))
        return [found[p] for p in positions]


@contextmanager
def features_and_bounds(
    distinct: Sides,
    index: Sequence[tuple[int, int]],
    level: str,
    words: Any,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[tuple[Work, Workers] | None]:
    """Feature vectors and cheap bounds of the pairs `index` (positions into `distinct`), and
    the workers that answer for their clash rules until the block ends; None when the batch is
    too small to gain from processes (the caller works in-process). `meanwhile` runs in a
    thread of this process while the workers work (a thread started after the fork: a child
    forked while a thread imports could inherit a held lock)."""
    n = parallel.workers()
    small = len(index) < parallel.MIN_ITEMS
    if n < 2 or small or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    state = {"distinct": distinct, "index": index, "level": level, "words": words}
    parallel.shared().clear()
    parallel.shared().update(state)
    context = multiprocessing.get_context("fork")
    links, procs = [], []
    done = False
    try:
        share_lists = shares(index, n)
        for share in share_lists:
            parent, child = context.Pipe()
            proc = context.Process(target=_worker, args=(child, share), daemon=True)
            proc.start()
            child.close()
            links.append(parent)
            procs.append(proc)
        helper = threading.Thread(target=meanwhile, daemon=True) if meanwhile else None
        if helper is not None:
            helper.start()
        work = _collect(links, len(index), len(distinct), progress)
        if helper is not None:
            helper.join()
        yield work, Workers(links, share_lists)
        for link in links:
            link.send(("stop", None))
        done = True
    finally:
        for proc in procs:
            # After a failure the other workers may wait for a message that never comes.
            proc.join(timeout=5 if done else 0)
            if proc.is_alive():
                proc.kill()
        parallel.shared().clear()


def _collect(
    links: list[Connection], size: int, n_sides: int, progress: Callable[[int], None] | None
) -> Work:
    df: Counter[str] = Counter()
    counted: set[int] = set()
    for link in links:
        for side, words in _receive(link):
            if side not in counted:  # a side built by two workers counts once
                counted.add(side)
                df.update(words)
    for link in links:
        link.send(("counts", (df, n_sides)))
    vectors: list[list[float]] = [[] for _ in range(size)]
    bounds: list[tuple[float, float, float]] = [(1.0, 0.0, 1.0)] * size
    waiting: list[Any] = list(links)
    while waiting:
        for ready in wait(waiting):
            message = _receive(ready)
            if message is None:
                waiting.remove(ready)
                continue
            positions, part_vectors, part_bounds = message
            for p, v, b in zip(positions, part_vectors, part_bounds, strict=True):
                vectors[p], bounds[p] = v, b
            if progress is not None:
                progress(len(positions))
    return vectors, bounds


def _receive(link: Any) -> Any:
    try:
        kind, payload = link.recv()
    except EOFError:
        raise RuntimeError("a matching worker stopped without a word (out of memory?)") from None
    if kind == "error":
        raise RuntimeError(f"a matching worker failed:\n{payload}")
    return payload


def _worker(link: Connection, share: list[int]) -> None:
    from matching.bounds import cheap_bounds, clashing
    from matching.pairs import _records

    try:
        state = parallel.shared()
        distinct, index, level = state["distinct"], state["index"], state["level"]
        need = sorted({side for p in share for side in index[p]})
        records = dict(zip(need, _records([distinct[i] for i in need]), strict=True))
        link.send(("words", [(i, records[i].tokset) for i in need]))
        df, n = _receive(link)
        corpus = Corpus.of_counts(df, n)
        vectors: dict[int, list[float]] = {}
        for start in range(0, len(share), _BLOCK):
            block = share[start : start + _BLOCK]
            pairs = [(records[index[p][0]], records[index[p][1]]) for p in block]
            part = [compare(a, b, corpus, level, state["words"]) for a, b in pairs]
            vectors.update(zip(block, part, strict=True))
            link.send(("part", (block, part, cheap_bounds(pairs, part, level))))
        link.send(("part", None))
        while True:
            kind, asked = link.recv()
            if kind != "check":
                break
            sides = [(records[index[p][0]], records[index[p][1]], vectors[p]) for p in asked]
            link.send(("checked", [clashing(a, b, v, level) for a, b, v in sides]))
    except EOFError:
        pass  # the parent is gone: nothing to answer
    except BaseException:
        link.send(("error", traceback.format_exc()))
    finally:
        link.close()
