"""Requests per second of the demo shops on loopback, against a static file served by the same
server in the same run.

    .venv/bin/python -m bench.demoshops_throughput [--seconds 2] [--rounds 3] [--connections 8]

The shops run in threads of this process (as in the demo); the load comes from a separate
process with keep-alive connections, like the crawler. Three figures:
static  /static/style.css (no rendering: the baseline);
warm    product pages of one simulated day, already rendered (the per-(page, day) cache);
cold    every product page of every HTML shop on a new simulated day (rendered on first hit).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import statistics
import threading
import time
from datetime import timedelta

from demoshops import truth
from demoshops.clock import DEMO_START, SimClock
from demoshops.server import start

HTML_SHOPS = ("electron-libre", "comptoir-numerique", "micro-bazar")


def _worker(port_paths: list[tuple[int, str]], deadline: float, limit: int, out: list[int]) -> None:
    connections: dict[int, http.client.HTTPConnection] = {}
    done = 0
    index = 0
    while time.perf_counter() < deadline and done < limit:
        port, path = port_paths[index % len(port_paths)]
        index += 1
        conn = connections.get(port)
        if conn is None:
            conn = connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", path)
        reply = conn.getresponse()
        reply.read()
        if reply.status != 200:
            raise RuntimeError(f"{path}: HTTP {reply.status}")
        done += 1
    for conn in connections.values():
        conn.close()
    out.append(done)


def _load(args: tuple[list[tuple[int, str]], float, int, int]) -> tuple[int, float]:
    """In the client process: `connections` threads, each cycling over its share of paths."""
    port_paths, seconds, limit, connections = args
    out: list[int] = []
    began = time.perf_counter()
    deadline = began + seconds
    threads = []
    for n in range(connections):
        share = port_paths[n::connections] or port_paths
        thread = threading.Thread(target=_worker, args=(share, deadline, limit // connections, out))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return sum(out), time.perf_counter() - began


def measure(pool, port_paths, seconds: float, limit: int, connections: int) -> tuple[int, float]:
    count, elapsed = pool.apply(_load, ((port_paths, seconds, limit, connections),))
    return count, count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args()
    clock = SimClock(DEMO_START)
    ctx = multiprocessing.get_context("spawn")
    with start(clock=clock) as running, ctx.Pool(1) as pool:
        port = {slug: running.ports[slug] for slug in running.ports}
        static = [(port[s], "/static/style.css") for s in HTML_SHOPS]
        day_paths = lambda when: [  # noqa: E731 - local shorthand
            (port[s], t.path)
            for s in HTML_SHOPS
            for t in truth.listings(s)
            if truth.expected(s, t.path, when) is not None
        ]
        big = 10**9
        warm = day_paths(clock())
        measure(pool, warm, 60, len(warm), opts.connections)  # render them once
        # Alternate baseline and measure so a busy machine affects both alike; keep medians.
        static_runs, warm_runs = [], []
        for _ in range(opts.rounds):
            static_runs.append(measure(pool, static, opts.seconds, big, opts.connections)[1])
            warm_runs.append(measure(pool, warm, opts.seconds, big, opts.connections)[1])
        static_rps, warm_rps = statistics.median(static_runs), statistics.median(warm_runs)
        cold_counts, cold_rps = 0, 0.0
        for day in (11, 23, 37):
            clock.set(DEMO_START + timedelta(days=day))
            paths = day_paths(clock())
            count, rps = measure(pool, paths, 60, len(paths), opts.connections)
            cold_counts += count
            cold_rps += rps / 3
    print(
        f"connections: {opts.connections}, client in a separate process, shops in threads, "
        f"median of {opts.rounds} alternating rounds of {opts.seconds:g} s"
    )
    print(f"static  {static_rps:8.0f} req/s  (baseline)")
    print(f"warm    {warm_rps:8.0f} req/s  ratio {warm_rps / static_rps:.2f} of static")
    print(
        f"cold    {cold_rps:8.0f} req/s  ratio {cold_rps / static_rps:.2f} of static "
        f"({cold_counts} fresh product pages over 3 new days)"
    )


if __name__ == "__main__":
    main()
