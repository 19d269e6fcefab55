"""The alert check after a crawl and the widget, timed against baselines from the same run.

`python -m bench.alerts_check [--products 1000] [--days 14]` builds a SQLite catalogue
(4 shops, an offer per shop and product, a daily observation each), then times:

- `catalog.alerts.check` after a crawl that moved 10% of the prices (with one active alert per
  product), against a bare read of the same offer rows (the least a check must do);
- the first check (which also reads every product's price history), against the same baseline;
- rendering the widget page, against serving its static stylesheet through the same app.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from catalog import alert_subscriptions as subs
from catalog.alerts import check
from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Offer, PriceObservation, Product, Shop

NOW = datetime(2026, 1, 30, 12, tzinfo=UTC)


def build(url: str, products: int, days: int) -> None:
    rng = random.Random(7)
    engine = make_engine(url)
    with make_session_factory(engine).begin() as session:
        shops = [Shop(slug=f"s{i}", name=f"Shop {i}", domain=f"s{i}.test") for i in range(4)]
        session.add_all(shops)
        session.flush()
        for n in range(products):
            product = Product(name=f"Produit {n}", category="gpu")
            session.add(product)
            session.flush()
            for shop in shops:
                base = Decimal(rng.randint(100, 3000))
                offer = Offer(
                    shop_id=shop.id,
                    product_id=product.id,
                    url=f"https://{shop.domain}/{n}",
                    title=product.name,
                    price=base,
                    availability="InStock",
                    last_seen=NOW,
                )
                session.add(offer)
                session.flush()
                session.add_all(
                    PriceObservation(
                        offer_id=offer.id,
                        observed_at=NOW - timedelta(days=d),
                        price=base + d,
                        availability="InStock",
                    )
                    for d in range(days)
                )
            alert = subs.subscribe(session, product.id, f"r{n}@example.org", "drop", None, NOW)
            alert.status = "active"
    engine.dispose()


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--days", type=int, default=14)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        build(url, args.products, args.days)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        rows = select(Offer.product_id, Offer.price, Offer.delivery, Offer.availability, Shop.name)
        rows = rows.join(Shop)

        def baseline() -> None:
            with sessions() as session:
                session.execute(rows).all()

        baseline()  # warm the page cache
        base = min(timed(baseline) for _ in range(5))
        with sessions.begin() as session:
            first = timed(lambda: check(session, NOW))
        later = NOW + timedelta(days=1)
        with sessions.begin() as session:
            offers = session.scalars(select(Offer).where(Offer.id % 10 == 0)).all()
            for offer in offers:
                offer.price = (offer.price or Decimal(0)) - 5
                offer.last_seen = later
        with sessions.begin() as session:
            events: list[object] = []
            second = timed(lambda: events.extend(check(session, later)))

        from webapp import create_app

        app = create_app({"DATABASE_URL": url, "TESTING": True, "CLOCK": lambda: later})
        client = app.test_client()
        client.get("/widget/product/1")

        def widgets() -> None:
            for pid in range(1, 51):
                client.get(f"/widget/product/{pid}")

        def statics() -> None:
            for _ in range(50):
                with client.get("/static/widget/widget.css") as response:
                    response.close()

        widget_time, static_time = timed(widgets), timed(statics)
        app.extensions["comparateur.engine"].dispose()
        engine.dispose()

    offers_n = args.products * 4
    print(f"catalogue: {args.products} products, {offers_n} offers, {offers_n * args.days} obs.")
    print(f"baseline read of the offer rows: {base * 1000:.1f} ms")
    print(
        f"check after a crawl: {second * 1000:.1f} ms, {len(events)} events "
        f"-> {second / base:.1f}x the baseline"
    )
    print(f"first check (history read): {first * 1000:.1f} ms -> {first / base:.1f}x the baseline")
    print(
        f"widget page: {widget_time / 50 * 1000:.2f} ms each, static stylesheet "
        f"{static_time / 50 * 1000:.2f} ms -> {widget_time / static_time:.1f}x"
    )


if __name__ == "__main__":
    main()
