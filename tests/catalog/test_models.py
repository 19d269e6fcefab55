from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from catalog.models import Offer, PriceObservation, Product, Shop


def _shop(session):
    shop = Shop(slug="s1", name="Shop 1", domain="shop1.example", url="https://shop1.example/")
    session.add(shop)
    session.flush()
    return shop


def test_money_round_trips_exactly(session):
    shop = _shop(session)
    offer = Offer(
        shop=shop,
        url="https://shop1.example/p/1",
        title="RTX 5090",
        price=Decimal("1299.99"),
        delivery=Decimal("4.99"),
    )
    session.add(offer)
    session.flush()
    session.expire_all()
    stored = session.get(Offer, offer.id)
    assert stored.price == Decimal("1299.99")
    assert isinstance(stored.price, Decimal)
    assert stored.total_price == Decimal("1304.98")
    assert session.scalar(select(func.min(Offer.price))) == Decimal("1299.99")


def test_money_refuses_float(session):
    shop = _shop(session)
    session.add(Offer(shop=shop, url="https://shop1.example/p/2", title="x", price=12.3))
    with pytest.raises(Exception, match="float"):
        session.flush()


def test_offer_url_unique_per_shop(session):
    shop = _shop(session)
    session.add(Offer(shop=shop, url="https://shop1.example/p/1", title="a"))
    session.flush()
    session.add(Offer(shop=shop, url="https://shop1.example/p/1", title="b"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_observation_times_come_back_aware_utc(session):
    shop = _shop(session)
    product = Product(name="NVIDIA H200 141 Go", brand="NVIDIA", attributes={"memory_gb": 141})
    offer = Offer(shop=shop, url="https://shop1.example/h200", title="H200", product=product)
    when = datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
    offer.observations.append(PriceObservation(observed_at=when, price=Decimal("31999.00")))
    session.add(offer)
    session.flush()
    session.expire_all()
    obs = session.scalars(select(PriceObservation)).one()
    assert obs.observed_at == when
    assert obs.observed_at.tzinfo is not None
    assert session.get(Product, product.id).attributes == {"memory_gb": 141}
