"""The load benchmark's catalogue generator, on both engines: rows, index, and the site on it."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from html import escape

from sqlalchemy import func, select

from bench.generate_catalog import generate, offer_counts
from catalog.db import make_engine, make_session_factory
from catalog.models import (
    Offer,
    PriceObservation,
    Product,
    SearchDirty,
    SearchDocument,
    Shop,
)
from catalog.search import search
from webapp import create_app

PRODUCTS, OFFERS = 500, 2500


def test_offer_counts_sum_to_the_request_with_a_long_tail() -> None:
    counts = offer_counts(random.Random(3), 10_000, 50_000, cap=40)
    assert sum(counts) == 50_000
    assert min(counts) >= 1 and max(counts) <= 40
    # A long tail: most products in few shops, some in many.
    assert sorted(counts)[len(counts) // 2] <= 4
    assert sum(1 for c in counts if c >= 20) >= 50
    # Never more offers than shops can hold.
    assert sum(offer_counts(random.Random(3), 10, 1000, cap=40)) == 400


def test_generated_catalogue_is_searchable_and_browsable(db_url: str) -> None:
    done = generate(db_url, PRODUCTS, OFFERS, seed=5)
    assert (done.products, done.offers, done.shops) == (PRODUCTS, OFFERS, 40)
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        count = session.scalar(select(func.count()).select_from(Product))
        names = session.scalar(select(func.count(func.distinct(Product.name))))
        assert count == names == PRODUCTS
        assert session.scalar(select(func.count()).select_from(Offer)) == OFFERS
        assert session.scalar(select(func.count()).select_from(Shop)) == 40
        observations = session.scalar(select(func.count()).select_from(PriceObservation))
        assert observations == done.observations
        assert 3 * OFFERS <= observations <= 10 * OFFERS
        # The index is complete, as the triggers and refresh() would have left it.
        assert session.scalar(select(func.count()).select_from(SearchDocument)) == PRODUCTS
        assert session.scalar(select(func.count()).select_from(SearchDirty)) == 0
        categories = set(session.scalars(select(Product.category).distinct()))
        assert {"laptop", "gpu", "smartphone", "earbuds", "datacenter-gpu"} <= categories

        # An offer's latest observation is its current price, exact to the cent.
        offer = session.scalars(select(Offer).order_by(Offer.id.desc()).limit(1)).one()
        latest = session.scalars(
            select(PriceObservation)
            .where(PriceObservation.offer_id == offer.id)
            .order_by(PriceObservation.observed_at.desc())
            .limit(1)
        ).one()
        assert isinstance(offer.price, Decimal) and offer.price == latest.price
        assert offer.price.as_tuple().exponent == -2

        # Search finds a phone by its model, and a GPU by its chip typed glued ("rtx5070").
        phone = session.scalars(
            select(Product).where(Product.category == "smartphone").order_by(Product.id).limit(1)
        ).one()
        assert phone.model
        found = search(session, phone.model.lower(), limit=200)
        assert phone.id in [hit.product.id for hit in found.hits]
        gpu = next(
            p
            for p in session.scalars(
                select(Product).where(Product.category == "gpu").order_by(Product.id)
            )
            if re.search(r"RTX \d{4}", p.model or "")
        )
        chip = re.search(r"RTX (\d{4})", gpu.model or "")
        assert chip
        found = search(session, f"rtx{chip.group(1)}", limit=500)
        assert gpu.id in [hit.product.id for hit in found.hits]
        gpu_shops = set(
            session.scalars(
                select(Shop.name)
                .join(Offer, Offer.shop_id == Shop.id)
                .where(Offer.product_id == gpu.id)
            )
        )
        # The app can still insert after explicit ids (sequences moved past them).
        session.add(Product(name="Ajout après génération", brand="Test"))
        session.commit()
    engine.dispose()

    app = create_app({"DATABASE_URL": db_url, "TESTING": True, "SECRET_KEY": "test"})
    client = app.test_client()
    page = client.get("/recherche", query_string={"q": gpu.model})
    assert page.status_code == 200
    assert escape(gpu.name) in page.get_data(as_text=True)
    product = client.get(f"/product/{gpu.id}")
    assert product.status_code == 200
    html = product.get_data(as_text=True)
    assert escape(gpu.name) in html
    for shop in gpu_shops:
        assert escape(shop) in html
    assert re.search(r"\d[\s\u00a0\u202f]€", html)  # a price, formatted the French way
    app.extensions["comparateur.engine"].dispose()
