"""Where a search or a product page spends its time, in one process (no HTTP, no concurrency).

Run: .venv/bin/python -m bench.site_profile --db URL [--pages 60] [--profile] [query ...]
     .venv/bin/python -m bench.site_profile --db URL --paths var/bench/run/ENGINE/search.paths

For each query: the time of each stage of `catalog.search.search()` without cache (term
resolution with typo correction, matches ranked from the stored figures, facet counts), of
the whole call, and of the same call answered from a warm `ResultCache`; then product pages
through Flask's test client, picked at random over the catalogue. Baseline: the static file
through the same test client, in the same run.
`--profile` adds cProfile's top functions for the pages. `--paths FILE` times instead every
distinct URL of a load workload (`bench.site_load` writes them) through the test client, the
search cache off, the fastest of `--rounds` hits after a first one: what each URL costs alone.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from catalog.db import make_engine, make_session_factory
from catalog.models import Product
from catalog.search import ResultCache, search
from catalog.search import engine as search_engine
from catalog.search.query import Filters, _resolve, count_facets
from catalog.search.ranking import collect
from catalog.search.text import compact, query_terms
from webapp import create_app

QUERIES = ["rtx 5090", "rtx5090", "iphone 16", "ordinateur portable", "airpods pro", "h200",
           "iphnoe 16", "écouteurs sans fil", "carte graphique 16 go", "samsung 990 pro 2 to",
           "écran 27 pouces"]  # fmt: skip


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - start) * 1000


def stages(url: str, queries: list[str]) -> int:
    engine = make_engine(url)
    cap = search_engine.CANDIDATES
    with make_session_factory(engine)() as session:
        search(session, "warm")
        print(f"{'query':<24} {'resolve':>8} {'rank':>8} {'n':>5} {'facets':>7} "
              f"{'search()':>9} {'cached':>7}  (ms)")  # fmt: skip
        for q in queries:
            words = query_terms(q)
            (terms, _fix), resolve = timed(lambda w=words: _resolve(session, w, False))
            found, rank = timed(
                lambda t=terms, w=words: collect(
                    session, t, w, compact(" ".join(w)), {}, 20, cap, facets=True
                )
            )
            _f, facets = timed(lambda f=found: count_facets(f.facet_rows, Filters()))
            _r, whole = timed(lambda q=q: search(session, q, keep_current=False))
            cache = ResultCache(60)
            search(session, q, keep_current=False, cache=cache)
            _c, cached = timed(lambda q=q, c=cache: search(session, q, keep_current=False, cache=c))
            n = f"{found.total}{'+' if found.capped else ''}"
            print(f"{q:<24} {resolve:>8.1f} {rank:>8.1f} {n:>5} {facets:>7.1f} "
                  f"{whole:>9.1f} {cached:>7.1f}")  # fmt: skip
        last = int(session.scalar(select(func.max(Product.id))) or 1)
    engine.dispose()
    return last


def pages(url: str, last: int, count: int, profile: bool) -> None:
    app = create_app({"DATABASE_URL": url})
    client = app.test_client()
    rng = random.Random(3)
    paths = [f"/product/{rng.randint(1, last)}" for _ in range(count)]
    client.get(paths[0])
    static = [timed(lambda: client.get("/static/css/site.css").close())[1] for _ in range(count)]
    profiler = cProfile.Profile()
    if profile:
        profiler.enable()
    times = []
    for path in paths:
        response, ms = timed(lambda p=path: client.get(p))
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code}")
        times.append(ms)
    profiler.disable()
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    static_p95 = sorted(static)[int(len(static) * 0.95)]
    print(f"product page x{count}: mean {statistics.fmean(times):.1f} ms, p50 "
          f"{times[len(times) // 2]:.1f}, p95 {p95:.1f}; static file p95 {static_p95:.2f} ms "
          f"({p95 / static_p95:.0f}x)")  # fmt: skip
    if profile:
        pstats.Stats(profiler).sort_stats("cumtime").print_stats(25)
    app.extensions["comparateur.engine"].dispose()


def paths(url: str, file: str, rounds: int) -> None:
    app = create_app({"DATABASE_URL": url, "SEARCH_CACHE_SECONDS": 0})
    client = app.test_client()
    lines = Path(file).read_text().splitlines()
    listed = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    best = []
    for path in listed:
        times = []
        for _ in range(rounds + 1):
            response, ms = timed(lambda p=path: client.get(p))
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code}")
            times.append(ms)
        best.append((min(times[1:]), path))
    best.sort(reverse=True)
    ms_sorted = sorted(ms for ms, _ in best)
    print(f"{len(best)} URLs, fastest of {rounds} after a first hit: median "
          f"{statistics.median(ms_sorted):.1f} ms, p95 {ms_sorted[int(len(best) * 0.95)]:.1f}, "
          f"max {ms_sorted[-1]:.1f}, mean {statistics.fmean(ms_sorted):.1f}")  # fmt: skip
    for ms, path in best[:15]:
        print(f"  {ms:8.1f} ms  {path}")
    app.extensions["comparateur.engine"].dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--paths", help="time every URL of this workload file instead")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("queries", nargs="*")
    args = parser.parse_args()
    if args.paths:
        paths(args.db, args.paths, args.rounds)
        return
    last = stages(args.db, args.queries or QUERIES)
    pages(args.db, last, args.pages, args.profile)


if __name__ == "__main__":
    main()
