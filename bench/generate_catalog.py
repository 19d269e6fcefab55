"""A fast generator of a realistic hi-tech catalogue for load benchmarks.

Run: .venv/bin/python -m bench.generate_catalog --db URL [--products 200000] [--offers 1000000]

Products span laptops, GPUs (consumer and datacenter), smartphones, tablets, earbuds, SSDs,
memory, monitors and accessories, with storage/memory variants and makers' references; each
has on average offers/products offers (a long tail: a few products in 20-40 shops, most in
1-5) across 40 shops, and every offer 3-10 price observations over up to a year.

Rows go in by bulk: executemany through the columns' own bind processors on SQLite, COPY on
PostgreSQL (triggers off for the load session). The search index is then built by
`catalog.search.rebuild()`, the same code the site uses, so documents match the triggers' path.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Engine, Table, text

from bench import catalog_words as w
from bench.catalog_products import product_specs
from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Offer, PriceObservation, Product, Shop
from catalog.search import rebuild

log = logging.getLogger(__name__)
# Bump when the generated data changes shape: cached databases carry it in their name.
GEN_VERSION = 2
CHUNK = 5000  # products per batch of offers and observations


@dataclass(frozen=True)
class Generated:
    products: int
    offers: int
    observations: int
    shops: int
    seconds_rows: float
    seconds_index: float


def offer_counts(rng: random.Random, products: int, offers: int, cap: int) -> list[int]:
    """Offers per product: at least one, a heavy tail, at most `cap`, summing to `offers`."""
    offers = max(products, min(offers, products * cap))
    raw = [rng.paretovariate(1.3) for _ in range(products)]
    scale = (offers - products) / sum(raw)
    counts = [min(cap, 1 + int(r * scale)) for r in raw]
    missing = offers - sum(counts)
    while missing > 0:
        i = rng.randrange(products)
        if counts[i] < cap:
            counts[i] += 1
            missing -= 1
    return counts


ENDINGS = (99, 90, 0, 49)


def _cents(rng: random.Random, base: int) -> int:
    """A shop's price near `base` cents: -10 % to +12 %, ending in .99, .90, .00 or .49."""
    raw = base * (900 + int(rng.random() * 221)) // 1000
    return max(100, raw - raw % 100 - 100 + ENDINGS[int(rng.random() * 4)])


def _title(rng: random.Random, spec: dict[str, Any], shop_name: str) -> str:
    name = spec["name"]
    return rng.choice(
        [
            name,
            name,
            f"{name} - {rng.choice(spec['colours'] or ['Neuf'])}",
            f"{spec['brand']} {name.removeprefix(spec['brand']).strip()} | {shop_name}",
            name.upper(),
        ]
    )


AVAILABILITY = [name for name, weight in w.AVAILABILITY for _ in range(weight)]
DELIVERY = [None if d is None else int(Decimal(d) * 100) for d in w.DELIVERY]


def offer_rows(
    rng: random.Random,
    specs: Sequence[dict[str, Any]],
    counts: Sequence[int],
    shops: Sequence[tuple[int, str, str]],
    now: datetime,
    first_offer_id: int,
    first_observation_id: int,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Offers of these products and their price observations (ids assigned here).

    Money is in integer cents here; `Loader` gives each engine its own form.
    """
    offers: list[dict[str, Any]] = []
    observations: list[dict[str, Any]] = []
    oid, obs_id = first_offer_id, first_observation_id
    for spec, count in zip(specs, counts, strict=True):
        base = int(spec["base"] * 100)
        for shop_id, slug, shop_name in rng.sample(shops, count):
            price = _cents(rng, base)
            delivery = rng.choice(DELIVERY)
            availability = rng.choice(AVAILABILITY)
            last_seen = now - timedelta(minutes=20 + int(rng.random() * 72 * 60))
            first_seen = last_seen - timedelta(days=20 + int(rng.random() * 345))
            gtin = spec["gtins"][0] if spec["gtins"] and rng.random() < 0.8 else None
            offers.append(
                {
                    "id": oid,
                    "shop_id": shop_id,
                    "url": f"https://{slug}.example/p/{spec['id']}-{oid}",
                    "title": _title(rng, spec, shop_name),
                    "brand": spec["brand"],
                    "gtin": gtin,
                    "mpn": spec["mpn"] if rng.random() < 0.6 else None,
                    "sku": f"{slug[:3].upper()}{oid}",
                    "category": spec["shop_category"],
                    "description": None,
                    "image": f"https://{slug}.example/img/{oid}.jpg",
                    "colour": rng.choice(spec["colours"]) if spec["colours"] else None,
                    "attributes": spec["attributes"],
                    "item_group_id": None,
                    "product_id": spec["id"],
                    "match_method": "gtin" if gtin else rng.choice(["mpn", "fuzzy", "new"]),
                    "match_score": None if gtin else round(0.8 + rng.random() * 0.19, 3),
                    "match_locked": False,
                    "match_fingerprint": None,
                    "match_evidence": None,
                    "price": price,
                    "regular_price": price * 115 // 100 if rng.random() < 0.2 else None,
                    "currency": "EUR",
                    "delivery": delivery,
                    "availability": availability,
                    "extraction": rng.choice(w.EXTRACTION),
                    "first_seen": first_seen,
                    "last_seen": last_seen,
                }
            )
            # 3-10 readings from first to last seen; the last one is the current price.
            n = 3 + int(rng.random() * 8)
            step = (last_seen - first_seen) / (n - 1)
            dearer = price * 105 // 100
            for k in range(n):
                last = k == n - 1
                observations.append(
                    {
                        "id": obs_id,
                        "offer_id": oid,
                        "crawl_run_id": None,
                        "observed_at": first_seen + step * k,
                        "price": price if last else _cents(rng, dearer),
                        "regular_price": None,
                        "delivery": delivery,
                        "currency": "EUR",
                        "availability": availability if last else "InStock",
                    }
                )
                obs_id += 1
            oid += 1
    return offers, observations


class Loader:
    """Bulk insert of dict rows: COPY on PostgreSQL, executemany on SQLite.

    Money values arrive as integer cents: Decimal for PostgreSQL's numeric, kept as cents on
    SQLite (the storage of `catalog.types.Money`; `check()` reads one back to prove it).
    Other columns go through the column type's own bind processor on SQLite.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect
        self.raw = engine.raw_connection()
        self.pg = self.dialect.name == "postgresql"
        cursor = self.raw.cursor()
        if self.pg:
            try:  # Triggers (search marks) off for this session; the index is rebuilt after.
                cursor.execute("SET session_replication_role = replica")
            except Exception:  # noqa: BLE001 - not a superuser: the triggers just run
                self.raw.rollback()
                log.info("triggers stay on (session_replication_role refused)")
        else:
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-200000")
        cursor.close()

    def _converters(self, table: Table) -> list[tuple[int, Callable[[Any], Any]]]:
        out: list[tuple[int, Callable[[Any], Any]]] = []
        for i, column in enumerate(table.columns):
            kind = column.type.__class__.__name__
            if kind == "Money":
                if self.pg:
                    out.append((i, lambda c: Decimal(c).scaleb(-2)))
            elif self.pg:
                if kind == "JSON":
                    out.append((i, json.dumps))
            elif (proc := column.type.bind_processor(self.dialect)) is not None:
                out.append((i, proc))
        return out

    def insert(self, table: Table, rows: Iterable[dict[str, Any]]) -> int:
        names = [c.name for c in table.columns]
        getter = itemgetter(*names)
        converters = self._converters(table)
        values = []
        for row in rows:
            value = list(getter(row))
            for i, convert in converters:
                if value[i] is not None:
                    value[i] = convert(value[i])
            values.append(value)
        cursor = self.raw.cursor()
        if self.pg:
            statement = f'COPY "{table.name}" ({", ".join(names)}) FROM STDIN'
            with cursor.copy(statement) as copy:  # type: ignore[attr-defined]
                for value in values:
                    copy.write_row(value)
        else:
            marks = ", ".join("?" for _ in names)
            cursor.executemany(
                f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({marks})', values
            )
        cursor.close()
        return len(values)

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def _shop_rows(now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "slug": slug,
            "name": name,
            "domain": f"{slug}.example",
            "country": "FR",
            "currency": "EUR",
            "url": f"https://{slug}.example/",
            "created_at": now,
        }
        for i, (slug, name) in enumerate(w.SHOPS, start=1)
    ]


def _product_row(spec: dict[str, Any], now: datetime) -> dict[str, Any]:
    keep = ("id", "name", "brand", "model", "category", "attributes", "gtins", "signature")
    return {**{k: spec[k] for k in keep}, "image": None, "created_at": now, "updated_at": now}


def generate(
    url: str, products: int, offers: int, seed: int = 7, now: datetime | None = None
) -> Generated:
    """Fill an empty migrated database (migrated here if needed) with the catalogue."""
    upgrade(url)
    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    engine = make_engine(url)
    started = time.perf_counter()
    loader = Loader(engine)
    shops = _shop_rows(now)
    loader.insert(Shop.__table__, shops)  # type: ignore[arg-type]
    shop_keys = [(s["id"], s["slug"], s["name"]) for s in shops]
    specs = product_specs(rng, products)
    counts = offer_counts(rng, len(specs), offers, cap=len(shop_keys))
    n_offers = n_obs = 0
    probe: tuple[int, int] | None = None
    for start in range(0, len(specs), CHUNK):
        part = specs[start : start + CHUNK]
        loader.insert(Product.__table__, (_product_row(s, now) for s in part))  # type: ignore[arg-type]
        offer_list, obs_list = offer_rows(
            rng, part, counts[start : start + CHUNK], shop_keys, now, n_offers + 1, n_obs + 1
        )
        probe = probe or (offer_list[0]["id"], offer_list[0]["price"])
        n_offers += loader.insert(Offer.__table__, offer_list)  # type: ignore[arg-type]
        n_obs += loader.insert(PriceObservation.__table__, obs_list)  # type: ignore[arg-type]
        loader.commit()
        log.info(
            "%d/%d products, %d offers, %d observations",
            start + len(part),
            len(specs),
            n_offers,
            n_obs,
        )
    loader.close()
    _finish_rows(engine)
    rows_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with make_session_factory(engine)() as session:
        if probe:  # Money read back through the model: the cents path stored what it meant.
            price = session.get(Offer, probe[0]).price  # type: ignore[union-attr]
            if price != Decimal(probe[1]).scaleb(-2):
                raise RuntimeError(f"offer {probe[0]}: stored {price}, meant {probe[1]} cents")
        rebuild(session)
    _analyze(engine)
    index_seconds = time.perf_counter() - started
    engine.dispose()
    return Generated(len(specs), n_offers, n_obs, len(shops), rows_seconds, index_seconds)


def _finish_rows(engine: Engine) -> None:
    """Sequences past the explicit ids (PostgreSQL), so the app can insert afterwards."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("shop", "product", "offer", "price_observation"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )


def _analyze(engine: Engine) -> None:
    """Planner statistics, as autovacuum would gather on a live PostgreSQL."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL (an empty one)")
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--offers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    done = generate(args.db, args.products, args.offers, args.seed)
    print(
        f"{done.products:,} products, {done.offers:,} offers, {done.observations:,} observations, "
        f"{done.shops} shops: rows {done.seconds_rows:.1f} s, search index "
        f"{done.seconds_index:.1f} s"
    )


if __name__ == "__main__":
    main()
