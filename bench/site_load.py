"""The site under load at production scale: search and product pages against a static file.

Run: .venv/bin/python -m bench.site_load [--products 200000 --offers 1000000]
        [--engine sqlite|postgresql|both | --db URL] [--clients 50 --duration 30] [--fresh]

The catalogue is generated once (bench.generate_catalog) and cached under var/bench/. The
site runs under gunicorn (`comparateur serve`, a separate process); wrk, a separate C
process, is the load: `--clients` connections, each picking URLs at random from a list of
realistic searches (model names, "rtx5090", typos, French words with accents, facets) or of
product pages spread over the whole catalogue. Baseline: a static file of the same app
(/static/css/site.css) under the same load in the same run; every p95 is also given as a
ratio to the static p95.

Two load shapes, each `--duration` seconds after `--warmup` seconds:
- saturate: every client sends its next request as soon as it has the answer (capacity);
- readers: every client waits 0.5-1.5 x `--think-ms` between requests (a reader's pace).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import subprocess
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import create_engine, text

from bench.pg_server import prewarm, server
from bench.site_load_run import (
    CACHE,
    PG_ADMIN_URL,
    Run,
    Site,
    drop_pg_database,
    ensure_wrk,
    pg_database,
    run_wrk,
    sqlite_database,
)

log = logging.getLogger(__name__)
TARGETS_MS = {"search": 50.0, "product": 80.0}
STATIC_PATH = "/static/css/site.css"
# What readers of a French tech site type: models, codes glued together, typos, accents.
QUERIES = [
    "rtx 5090", "rtx5090", "RTX 5080", "geforce rtx 5070 ti", "carte graphique 16 go",
    "carte graphique rtx", "radeon rx 9070 xt", "rx 7900 xtx", "arc b580", "h200", "H20",
    "b200", "nvidia h100 80 go", "mi300x", "iphone16", "iPhone 16 Pro Max 256", "iphone 15",
    "iphnoe 16", "galaxy s25 ultra", "samsumg galaxy", "pixel 9 pro", "téléphone reconditionné",
    "smartphone samsung 256 go", "airpods pro", "AirPods", "écouteurs sans fil",
    "écouteurs réduction de bruit", "sony wh-1000xm5", "casque audio", "macbook air m4",
    "thinkpad x1 carbon", "ordinateur portable 32 go", "ordinateur portable rtx 4060",
    "ordinateur portabel", "zenbook 14 oled", "ssd 2 to", "ssd nvme samsung 990 pro",
    "écran 27 pouces", "odyssey oled g8", "coque iphone 16", "chargeur usb-c", "ipad pro m4",
    "galaxy tab s10", "nvidai", "reconditionné",
]  # fmt: skip
CODE = re.compile(r"(?=.*\d)(?=.*[A-Z])[A-Z0-9]{5,}")
FACETS = [{"category": "gpu"}, {"price": "700-1500"}, {"availability": "in_stock"},
          {"page": "2"}, {"storage": "256"}]  # fmt: skip


def product_queries(rng: random.Random, rows: list[tuple[str, str, str]]) -> list[str]:
    """Queries as a reader would type them for real products (name, brand, model)."""
    out = []
    for name, brand, full_model in rows:
        # Readers rarely type a maker's family code ("X1504VA"): keep it in one query in six.
        words = [x for x in full_model.split() if not CODE.fullmatch(x)] or full_model.split()
        model = full_model if rng.random() < 1 / 6 else " ".join(words)
        form = rng.randrange(6)
        if form == 0:
            out.append(model)
        elif form == 1:
            out.append(f"{brand} {model}".lower())
        elif form == 2:  # the last two words glued: "rtx5080", "16pro", "x1carbon"
            out.append("".join(words[-2:]).lower())
        elif form == 3:  # model and capacity, as in the name ("iphone 16 256 go")
            size = re.search(r"\d+ [GT]o", name)
            out.append(f"{model} {size.group(0) if size else ''}".strip().lower())
        elif form == 4:  # a typo: two letters swapped in the longest alphabetic word
            word = max((x for x in words if x.isalpha()), key=len, default=model)
            i = len(word) // 2
            typo = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :] if len(word) > 3 else word
            out.append(model.replace(word, typo).lower())
        else:
            out.append(name[: rng.randint(12, 30)].lower())
    return out


def workload(url: str, run_dir: Path, seed: int) -> dict[str, Path]:
    """Files of URL paths per endpoint: static, search and product pages."""
    rng = random.Random(seed)
    engine = create_engine(url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM product"))]
        picked = rng.sample(ids, min(5000, len(ids)))
        sample = rng.sample(ids, min(200, len(ids)))
        listed = ",".join(str(int(i)) for i in sample)
        rows = [
            (str(name), str(brand or ""), str(model or name))
            for name, brand, model in conn.execute(
                text(f"SELECT name, brand, model FROM product WHERE id IN ({listed})")
            )
        ]
    engine.dispose()
    queries = QUERIES * 4 + product_queries(rng, rows)
    searches = []
    for q in queries:
        args = {"q": q}
        if rng.random() < 0.15:
            args.update(rng.choice(FACETS))
        searches.append(f"/recherche?{urlencode(args)}")
    rng.shuffle(searches)
    run_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "static": [STATIC_PATH],
        "search": searches,
        "product": [f"/product/{pid}" for pid in picked],
    }
    out = {}
    for name, paths in files.items():
        out[name] = run_dir / f"{name}.paths"
        out[name].write_text("\n".join(paths) + "\n")
    return out


def check(site: Site, files: dict[str, Path]) -> dict[str, int]:
    """Every endpoint answers 200 before the load, and search finds things (API totals)."""
    for name, path in files.items():
        first = path.read_text().split("\n", 1)[0]
        status, _body = site.get(first)
        if status != 200:
            raise RuntimeError(f"{name}: {first} answered {status}")
    totals = []
    for q in QUERIES:
        status, body = site.get("/api/v1/search?" + urlencode({"q": q, "limit": 1}))
        totals.append(json.loads(body)["total"] if status == 200 else -1)
    totals.sort()
    return {"queries": len(totals), "no_result": sum(1 for t in totals if t == 0),
            "median_total": totals[len(totals) // 2], "max_total": totals[-1]}  # fmt: skip


def measure(site: Site, files: dict[str, Path], args: argparse.Namespace) -> list[Run]:
    runs = []
    for mode in args.modes.split(","):
        think = args.think_ms if mode == "readers" else 0
        for endpoint in ("static", "search", "product"):
            if args.warmup:
                run_wrk(site, endpoint, files[endpoint], mode, args.clients, args.warmup,
                        think, args.seed + 1)  # fmt: skip
                site.wait_idle()
            run = run_wrk(site, endpoint, files[endpoint], mode, args.clients, args.duration,
                          think, args.seed)  # fmt: skip
            # Requests still queued when wrk stops are served before the next run starts.
            run.drain = site.wait_idle()
            print(row(run, None), flush=True)
            runs.append(run)
    return runs


HEADER = (f"{'endpoint':<8} {'mode':<9} {'requests':>8} {'req/s':>7} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} {'p95/static':>10} {'errors':>6} "
          f"{'wrk cpu':>7} {'app cpu':>7} {'load':>5} {'drain s':>7}")  # fmt: skip


def row(run: Run, static: Run | None) -> str:
    ratio = f"{run.p95 / static.p95:9.1f}x" if static and static.p95 else f"{'':>10}"
    return (f"{run.endpoint:<8} {run.mode:<9} {run.requests:>8} {run.rps:>7.0f} {run.p50:>7.1f} "
            f"{run.p95:>7.1f} {run.p99:>7.1f} {run.max:>7.0f} {ratio} {run.errors:>6} "
            f"{run.client_cpu:>7.2f} {run.server_cpu:>7.2f} {run.load:>5.1f} "
            f"{run.drain:>7.0f}")  # fmt: skip


def report(engine: str, runs: list[Run], found: dict[str, int]) -> list[str]:
    lines = [f"== {engine}: searches checked {found}", HEADER]
    for mode in dict.fromkeys(r.mode for r in runs):
        static = next(r for r in runs if r.mode == mode and r.endpoint == "static")
        for run in (r for r in runs if r.mode == mode):
            lines.append(row(run, static))
            target = TARGETS_MS.get(run.endpoint)
            if target is not None:
                verdict = "met" if run.p95 <= target and not run.errors else "NOT met"
                lines.append(f"   target p95 <= {target:.0f} ms ({mode}): {verdict}")
    return lines


def bench_engine(engine: str, url: str, args: argparse.Namespace) -> list[str]:
    run_dir = CACHE / "run" / engine
    files = workload(url, run_dir, args.seed)
    site = Site(url, args.workers, args.threads, run_dir)
    try:
        found = check(site, files)
        print(f"{engine}: site on {site.base}, {args.workers} workers x {args.threads} threads; "
              f"searches checked: {found}", flush=True)  # fmt: skip
        print(HEADER, flush=True)
        runs = measure(site, files, args)
    finally:
        site.stop()
    out = run_dir / "result.json"
    out.write_text(json.dumps({"engine": engine, "code": code_state(), "args": vars(args),
                               "found": found,
                               "runs": [asdict(r) for r in runs]}, indent=1))  # fmt: skip
    return report(engine, runs, found)


def server_settings(url: str) -> str:
    """The memory settings of the PostgreSQL server measured (printed with the figures)."""
    names = ("shared_buffers", "effective_cache_size", "work_mem")
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [f"{n} {conn.execute(text(f'SHOW {n}')).scalar()}" for n in names]
    engine.dispose()
    return ", ".join(found)


def code_state() -> str:
    """The commit measured, and whether the site's code had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "catalog", "webapp"],
                               capture_output=True, text=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return f"{head} ({'site code modified' if dirty else 'clean'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--offers", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--db", help="use this database (generated into when it is empty)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30, help="seconds per measured run")
    parser.add_argument("--warmup", type=int, default=5, help="seconds before each run")
    parser.add_argument("--modes", default="saturate,readers")
    parser.add_argument("--think-ms", type=int, default=1000, help="readers' mean pause")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--fresh", action="store_true", help="regenerate the cached catalogue")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument(
        "--pg-server",
        choices=["bench", "machine"],
        default="bench",
        help="PostgreSQL: a server of the benchmark's own with production memory "
        "settings (bench.pg_server), or the machine's (COMPARATEUR_PG_ADMIN_URL)",
    )
    parser.add_argument("--search-cache", metavar="REDIS_URL", default="redis://127.0.0.1:6379/14",
                        help="share search answers between workers through this Redis, as "
                        "in production; 'none': each worker keeps its own")  # fmt: skip
    args = parser.parse_args()
    if args.search_cache == "none":
        args.search_cache = ""
    if args.search_cache:  # the site reads it from its environment (COMPARATEUR_ prefix)
        os.environ["COMPARATEUR_SEARCH_CACHE_URL"] = args.search_cache
    logging.basicConfig(level=logging.WARNING)
    ensure_wrk()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}; code {code_state()}",
          flush=True)  # fmt: skip
    print(f"search cache: {'shared, ' + args.search_cache if args.search_cache else 'per process'}",
          flush=True)  # fmt: skip
    lines: list[str] = []
    if args.db:
        from bench.generate_catalog import generate
        from catalog.migrate import upgrade

        upgrade(args.db)
        engine = create_engine(args.db)
        with engine.connect() as conn:
            empty = not conn.execute(text("SELECT 1 FROM product LIMIT 1")).first()
        name = engine.dialect.name
        engine.dispose()
        if empty:
            generate(args.db, args.products, args.offers)
        lines += bench_engine(name, args.db, args)
    for engine_name in ("sqlite", "postgresql") if not args.db else ():
        if args.engine not in (engine_name, "both"):
            continue
        if engine_name == "sqlite":
            lines += bench_engine("sqlite", sqlite_database(args.products, args.offers,
                                                            args.fresh), args)  # fmt: skip
            continue
        with ExitStack() as stack:
            admin = PG_ADMIN_URL if args.pg_server == "machine" else stack.enter_context(server())
            print(f"postgresql: {args.pg_server} server ({server_settings(admin)})", flush=True)
            url = pg_database(args.products, args.offers, args.fresh, admin)
            if args.pg_server == "bench":
                prewarm(url)
            try:
                lines += bench_engine("postgresql", url, args)
            finally:
                if not args.keep:
                    drop_pg_database(url)
    print(f"\n{args.products:,} products, {args.offers:,} offers, {args.clients} clients, "
          f"{args.duration} s per run; load average now {os.getloadavg()}")  # fmt: skip
    print("\n".join(lines))


if __name__ == "__main__":
    main()
