"""The demo's matching load: ~1,100 demo offers matched 13 times incrementally, with quality.

    .venv/bin/python -m bench.matching_demo

Day 1 brings the listings on sale that day; each later day (13 over 72 days, as the demo) adds
those that appeared and passes every offer seen that day to `match_offers`, as the crawler does.
Baseline measured in the same run: building the offers and committing them (no matching).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Offer, Shop
from demoshops import truth
from matching.service import match_offers

START = datetime(2026, 1, 5, 6, tzinfo=UTC)
DAYS = [START + timedelta(days=round(i * 72 / 12)) for i in range(13)]


def run(match: bool) -> tuple[float, float, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory.begin() as session:
            shops = {s: Shop(slug=s, name=s, domain=f"{s}.test") for s in truth.shops()}
            session.add_all(shops.values())
        total = matching = 0.0
        known: dict[tuple[str, str], int] = {}
        for day in DAYS:
            start = time.perf_counter()
            with factory.begin() as session:
                seen: list[int] = []
                for item in truth.listings():
                    if not truth.on_sale(item.shop, item.path, day):
                        continue
                    key = (item.shop, item.path)
                    if key not in known:
                        offer = Offer(
                            shop_id=shops[item.shop].id,
                            url=f"https://{item.shop}.test{item.path}",
                            title=item.title,
                            brand=item.brand,
                            mpn=item.mpn,
                            gtin=item.published_gtins[0] if item.published_gtins else None,
                            price=Decimal("100.00"),
                        )
                        session.add(offer)
                        session.flush()
                        known[key] = offer.id
                    seen.append(known[key])
                if match:
                    m0 = time.perf_counter()
                    match_offers(session, offer_ids=seen)
                    matching += time.perf_counter() - m0
            total += time.perf_counter() - start
        quality = _quality(factory) if match else {}
        engine.dispose()
        return total, matching, quality


def _quality(factory) -> dict[str, float]:  # type: ignore[no-untyped-def]
    items = {(i.shop, f"https://{i.shop}.test{i.path}"): i for i in truth.listings()}
    with factory() as session:
        rows = [(o.shop.slug, o.url, o.product_id, o.match_method) for o in session.query(Offer)]
    groups: dict[int | None, list] = defaultdict(list)  # type: ignore[type-arg]
    for shop, url, product_id, _ in rows:
        groups[product_id].append(items[(shop, url)])
    pure = total = mixed = 0
    per_model: dict[str, set[int | None]] = defaultdict(set)
    for pid, members in groups.items():
        models = Counter(m.model_id for m in members if m.kind == "device")
        if models and pid is not None:
            pure += models.most_common(1)[0][1]
            total += sum(models.values())
            mixed += any(m.kind != "device" for m in members)
        for m in members:
            if m.kind == "device":
                per_model[m.model_id].add(pid)
    methods = Counter(r[3] for r in rows)
    return {
        "offers": len(rows),
        "device purity": pure / max(total, 1),
        "models in one product": sum(len(p) == 1 for p in per_model.values()) / len(per_model),
        "products with accessory+device": mixed,
        **{f"method {k}": v for k, v in sorted(methods.items(), key=str)},
    }


def main() -> None:
    base, _, _ = run(match=False)
    total, matching, quality = run(match=True)
    print(f"13 days, offers built and committed (baseline): {base:6.2f}s")
    print(f"13 days with incremental matching:             {total:6.2f}s  ({total / base:.1f}x)")
    print(f"  of which match_offers:                       {matching:6.2f}s")
    for key, value in quality.items():
        print(f"  {key:45s} {value:.3f}" if isinstance(value, float) else f"  {key:45s} {value}")


if __name__ == "__main__":
    main()
