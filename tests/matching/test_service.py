"""The catalog service: offers get products by GTIN, MPN or score; stable and human-correctable."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.models import MatchDecision, Offer, Product, Shop
from matching.service import match_offers


def _shops(session: Session, n: int = 3) -> list[Shop]:
    shops = [Shop(slug=f"s{i}", name=f"Shop {i}", domain=f"s{i}.test") for i in range(n)]
    session.add_all(shops)
    session.flush()
    return shops


def _offer(session: Session, shop: Shop, title: str, **kw: object) -> Offer:
    n = session.scalar(select(Offer.id).order_by(Offer.id.desc()).limit(1)) or 0
    offer = Offer(shop=shop, url=f"https://{shop.domain}/p/{n + 1}", title=title, **kw)
    offer.price = kw.get("price", Decimal("999.00"))  # type: ignore[assignment]
    session.add(offer)
    session.flush()
    return offer


def test_same_model_joins_colours_and_configurations_split(session: Session) -> None:
    a, b, c = _shops(session)
    o1 = _offer(session, a, "Apple iPhone 16 128 Go Noir")
    o2 = _offer(session, b, "Smartphone APPLE iPhone 16 128Go Blanc")
    o3 = _offer(session, c, "Apple iPhone 16 (128GB) Black")
    o4 = _offer(session, a, "Apple iPhone 16 256 Go Noir")
    o5 = _offer(session, b, "Apple iPhone 16 Pro 128GB")
    report = match_offers(session)
    assert o1.product_id == o2.product_id == o3.product_id is not None
    assert o4.product_id not in (None, o1.product_id)
    assert o5.product_id != o1.product_id
    assert report.assigned + report.created + report.review == 5
    product = session.get(Product, o1.product_id)
    assert product is not None
    assert product.attributes.get("storage_gb") == 128
    assert product.category == "smartphone"
    assert "Noir" not in product.name


def test_accessories_never_join_the_device(session: Session) -> None:
    a, b, _ = _shops(session)
    phone = _offer(session, a, "Apple iPhone 16 128 Go Noir")
    case = _offer(session, b, "Coque pour iPhone 16 - Noir", price=Decimal("19.99"))
    mount = _offer(session, a, "Support vertical pour RTX 5090", price=Decimal("39.00"))
    card = _offer(session, b, "ASUS TUF Gaming GeForce RTX 5090 32 Go GDDR7")
    match_offers(session)
    assert case.product_id not in (None, phone.product_id)
    assert mount.product_id not in (None, card.product_id)
    accessory = session.get(Product, case.product_id)
    assert accessory is not None and accessory.category == "accessory"


def test_gtin_then_mpn_rules(session: Session) -> None:
    a, b, c = _shops(session)
    o1 = _offer(session, a, "Galaxy S25 Ultra 256 Go", gtin="2001234567890", brand="Samsung")
    o2 = _offer(session, b, "Samsung smartphone haut de gamme", gtin="2001234567890")
    o3 = _offer(session, a, "MSI GeForce RTX 5080 Gaming Trio", mpn="V531-025R", brand="MSI")
    o4 = _offer(session, c, "Carte MSI 16 Go nouvelle génération", mpn="V531-025R", brand="MSI")
    match_offers(session)
    assert o2.product_id == o1.product_id and o2.match_method == "gtin"
    assert o4.product_id == o3.product_id and o4.match_method == "mpn"
    product = session.get(Product, o1.product_id)
    assert product is not None and "2001234567890" in product.gtins


def test_stable_and_incremental(session: Session) -> None:
    a, b, c = _shops(session)
    o1 = _offer(session, a, "NVIDIA H200 141 Go HBM3e SXM")
    o2 = _offer(session, b, "NVIDIA H200 Tensor Core GPU 141GB SXM")
    match_offers(session)
    first = o1.product_id
    assert o2.product_id == first
    again = match_offers(session, offer_ids=[o1.id, o2.id])
    assert again.untouched == 2 and o1.product_id == first
    o3 = _offer(session, c, "Carte accélératrice NVIDIA H200 141 Go SXM")
    report = match_offers(session, offer_ids=[o3.id])
    assert o3.product_id == first and report.assigned == 1
    # The listing changes: the evidence changed, so the offer is matched again.
    o2.title = "NVIDIA H100 80GB PCIe"
    session.flush()
    report = match_offers(session, offer_ids=[o2.id])
    assert o2.product_id != first and report.created == 1


def test_locked_offers_and_rejections_are_respected(session: Session) -> None:
    a, b, _ = _shops(session)
    o1 = _offer(session, a, "AirPods Pro 2 (2e génération)")
    o2 = _offer(session, b, "Apple AirPods Pro (2nd Gen)")
    locked = _offer(session, b, "Apple AirPods Pro 2e génération USB-C")
    locked.match_locked = True
    session.flush()
    match_offers(session, offer_ids=[o1.id])
    session.add(MatchDecision(offer_id=o2.id, product_id=o1.product_id, status="rejected"))
    session.flush()
    report = match_offers(session, offer_ids=[o2.id, locked.id])
    assert locked.product_id is None and report.untouched == 1
    assert o2.product_id not in (None, o1.product_id)


def test_evidence_explains_the_decision(session: Session) -> None:
    a, b, _ = _shops(session)
    _offer(session, a, "Carte graphique ASUS TUF Gaming GeForce RTX 5090 32 Go GDDR7")
    o2 = _offer(session, b, "ASUS TUF GAMING RTX 5090 32Go")
    match_offers(session)
    evidence = o2.match_evidence or {}
    assert evidence["rule"] == o2.match_method == "fuzzy"
    assert 0 <= evidence["score"] <= 1 and "features" in evidence


def test_a_processor_part_number_finds_its_model(session: Session) -> None:
    # A shop that names an Intel processor by its box part number sells the same chip.
    a, b, c = _shops(session)
    plain = _offer(session, a, "Intel Core i7-7700 3,6 GHz LGA1151 8 Mo Box")
    part = _offer(session, b, "Processeur Intel BX80677I77700 Core i7 7700 Kaby Lake 3,6 GHz")
    unlocked = _offer(session, c, "Intel Core i7-7700K 4,2 GHz LGA1151 BX80677I77700K")
    tray = _offer(session, c, "Intel Core i7-7700 3,6 GHz LGA1151 tray CM8067702868314")
    match_offers(session)
    assert part.product_id == plain.product_id is not None, part.match_evidence
    assert unlocked.product_id != plain.product_id
    # The tray chip is another product: the box and the tray are priced apart.
    assert tray.product_id != plain.product_id


def test_cpu_model_numbers_keep_siblings_apart(session: Session) -> None:
    # "14900k" and "1700x" once read as technology names like "4k" and "16x": with the same
    # specs in the titles, an i9-13900K went on the i9-14900K's page.
    a, b, c = _shops(session)
    i9 = _offer(session, a, "Intel Core i9-14900K processeur 24 coeurs LGA 1700")
    i9_same = _offer(session, c, "Processeur Intel Core i9 14900K 24 coeurs LGA1700")
    i9_older = _offer(session, b, "Intel Core i9-13900K processeur 24 coeurs LGA 1700")
    ryzen = _offer(session, a, "AMD Ryzen 7 1700X processeur 8 coeurs AM4")
    ryzen_next = _offer(session, b, "AMD Ryzen 7 1800X processeur 8 coeurs AM4")
    ryzen_x = _offer(session, c, "AMD Ryzen 5 7600X processeur 6 coeurs AM5")
    ryzen_plain = _offer(session, a, "AMD Ryzen 5 7600 processeur 6 coeurs AM5")
    match_offers(session)
    assert i9.product_id == i9_same.product_id is not None
    assert i9_older.product_id != i9.product_id
    assert ryzen_next.product_id != ryzen.product_id
    assert ryzen_plain.product_id != ryzen_x.product_id
