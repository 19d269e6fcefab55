"""What extraction and persistence cost on top of downloading, on the demo shops.

    .venv/bin/python -m bench.crawl_overhead [--rounds 2]

Full: `spiders.run.crawl()` of every demo shop (discovery, extraction, validation, persistence
into a fresh SQLite file), one child process, as `comparateur crawl` and the demo run it.
Baseline: the `fetch` spider downloading the very same URLs (taken from the shops' hit
counters of the full run) with the same politeness, in a child process too, doing nothing with
them. Both are timed from process start to exit, on a new simulated day each (pages rendered
cold by the shops in both). Prints the ratio full / bare (target <= 1.3) and pages per second.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from catalog.migrate import upgrade
from demoshops.clock import SimClock
from demoshops.server import RunningShops, start
from spiders.run import crawl

QUIET = {"LOG_LEVEL": "WARNING"}


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (the crawls run in children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fetched_urls(shops: RunningShops, before: dict[str, dict[str, int]]) -> list[str]:
    """Every URL the shops served since `before`, as many times as it was served."""
    urls = []
    for slug, hits in shops.hits.items():
        for path, count in hits.items():
            urls += [shops.url(slug) + path] * (count - before.get(slug, {}).get(path, 0))
    return urls


def bare_fetch(urls: list[str], workdir: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the `fetch` spider downloading `urls` (the demo's politeness)."""
    listing = workdir / "urls.txt"
    listing.write_text("\n".join(urls), encoding="utf-8")
    # The five shops are five crawlers of 16 requests each in the full run; here one crawler.
    concurrency = str(16 * 5)
    command = [sys.executable, "-m", "scrapy", "crawl", "fetch", "-a", f"urls={listing}",
               "-s", "LOG_LEVEL=WARNING", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", "DOWNLOAD_DELAY=0", "-s", f"CONCURRENT_REQUESTS={concurrency}",
               "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
               "-s", "ROBOTSTXT_OBEY=False"]  # fmt: skip
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(command, check=True, cwd=Path(__file__).resolve().parents[1])
    return time.perf_counter() - started, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="best of N rounds of each")
    args = parser.parse_args()
    clock = SimClock()
    shops = start(clock=clock)
    full_times, bare_times, full_cpu, bare_cpu, pages = [], [], [], [], 0
    try:
        with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
            workdir = Path(tmp)
            url = f"sqlite:///{workdir / 'bench.db'}"
            upgrade(url)
            for _ in range(args.rounds):
                clock.advance(timedelta(days=1))
                before = {slug: dict(hits) for slug, hits in shops.hits.items()}
                started, cpu = time.perf_counter(), children_cpu()
                summaries = crawl(shops.shops, url, now=clock(), settings=QUIET)
                full_times.append(time.perf_counter() - started)
                full_cpu.append(children_cpu() - cpu)
                assert all(s.status == "finished" for s in summaries), summaries
                urls = fetched_urls(shops, before)
                pages = len(urls)
                offers = sum(s.offers for s in summaries)
                clock.advance(timedelta(days=1))  # cold pages again for the baseline
                wall, cpu = bare_fetch(urls, workdir)
                bare_times.append(wall)
                bare_cpu.append(cpu)
    finally:
        shops.stop()
    full, bare = min(full_times), min(bare_times)
    print(f"requests per round:          {pages} ({offers} offers stored)")
    print(f"bare fetch (baseline):       {bare:.2f} s  ({pages / bare:.0f} pages/s)")
    print(f"full crawl (extract+store):  {full:.2f} s  ({pages / full:.0f} pages/s)")
    print(f"overhead ratio full / bare:  {full / bare:.2f}  (target <= 1.3)")
    print(
        f"crawl process CPU:           full {min(full_cpu):.2f} s, bare {min(bare_cpu):.2f} s, "
        f"ratio {min(full_cpu) / min(bare_cpu):.2f} (load-independent)"
    )


if __name__ == "__main__":
    main()
