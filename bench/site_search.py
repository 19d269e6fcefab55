"""Search speed on a generated catalogue, against a plain LIKE scan measured in the same run.

Run: .venv/bin/python -m bench.site_search [--products 20000] [--rounds 5] [--db URL]

Baseline: `SELECT ... FROM product WHERE lower(name) LIKE '%w1%' AND ... ` (what a site
without an index does; it finds neither accents, typos nor "rtx5090"). Measured: the full
`catalog.search.search()` (candidates, ranking, facets, summaries) for the same words.
Also reported: the time to index the catalogue and the candidate retrieval alone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Offer, Product, Shop
from catalog.search import engine as search_engine
from catalog.search import rebuild, search
from catalog.search.query import _resolve
from catalog.search.text import query_terms

FAMILIES = [
    ("NVIDIA", "GeForce RTX", ["5090", "5080", "5070 Ti", "5070", "4090", "4080"], "gpu"),
    ("AMD", "Radeon RX", ["9070 XT", "9070", "7900 XTX", "7800 XT"], "gpu"),
    ("NVIDIA", "", ["H200", "H100", "H20", "B200", "L40S"], "datacenter-gpu"),
    ("Apple", "iPhone", ["16", "16 Pro", "16 Pro Max", "15", "SE"], "smartphone"),
    ("Samsung", "Galaxy", ["S25", "S25 Ultra", "A56", "Z Flip7"], "smartphone"),
    ("Apple", "AirPods", ["Pro 2", "4", "Max"], "earbuds"),
    ("Sony", "WF", ["1000XM5", "C700N"], "earbuds"),
    ("Lenovo", "ThinkPad", ["X1 Carbon", "T14", "E16"], "laptop"),
]
QUERIES = ["rtx 5090", "iphone 16 pro", "airpods pro", "h200", "galaxy s25 ultra", "thinkpad x1"]


def generate(url: str, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        shop = Shop(slug="bench", name="Bench", domain="bench.example")
        session.add(shop)
        session.flush()
        products, offers = [], []
        for i in range(count):
            brand, family, models, category = rng.choice(FAMILIES)
            model = f"{family} {rng.choice(models)}".strip()
            size = rng.choice([64, 128, 256, 512, 1024])
            name = f"{brand} {model} {size} Go édition {i}"
            products.append(
                {
                    "id": i + 1,
                    "name": name,
                    "brand": brand,
                    "model": model,
                    "category": category,
                    "attributes": {"storage_gb": size},
                    "gtins": [],
                }
            )
            offers.append(
                {
                    "shop_id": shop.id,
                    "url": f"https://bench.example/{i}",
                    "title": name,
                    "product_id": i + 1,
                    "price": Decimal(rng.randint(5000, 500000)) / 100,
                    "availability": "InStock",
                    "match_locked": False,
                }
            )
        session.execute(insert(Product), products)
        session.execute(insert(Offer), offers)
        session.commit()
    engine.dispose()


def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", default=None, help="an empty database URL (default: temp SQLite)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    upgrade(url)
    generate(url, args.products)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory() as session:
        start = time.perf_counter()
        rebuild(session)
        index_seconds = time.perf_counter() - start
        print(f"catalogue: {args.products} products on {engine.dialect.name}")
        print(f"indexing: {index_seconds:.2f} s ({args.products / index_seconds:,.0f} products/s)")
        print(
            f"{'query':<20} {'LIKE scan ms':>12} {'candidates ms':>14} {'search() ms':>12} "
            f"{'hits':>6} {'ratio':>7}"
        )
        ratios = []
        for query in QUERIES:
            words = query_terms(query)
            like = " AND ".join(f"lower(name) LIKE :w{i}" for i in range(len(words)))
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
            baseline = timed(
                lambda like=like, params=params: session.execute(
                    text(f"SELECT id, name FROM product WHERE {like}"), params
                ).all(),
                args.rounds,
            )
            terms, _ = _resolve(session, words, last_prefix=False)
            fetch = timed(lambda t=terms: search_engine.candidates(session, t), args.rounds)
            full = timed(lambda q=query: search(session, q, keep_current=False), args.rounds)
            hits = search(session, query, keep_current=False).total
            ratios.append(full / baseline)
            print(
                f"{query:<20} {baseline * 1000:>12.1f} {fetch * 1000:>14.1f} "
                f"{full * 1000:>12.1f} {hits:>6} {full / baseline:>6.2f}x"
            )
        print(
            f"median search()/LIKE ratio: {statistics.median(ratios):.2f}x "
            "(search() also ranks, counts facets and reads prices)"
        )
    engine.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
