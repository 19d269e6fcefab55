"""Give catalog offers their product: GTIN, then brand + MPN, then the scored comparison.

Incremental: new offers are compared with the offers already tied to products, never
re-clustering everything. Stable: an offer keeps its product while its listing fields (the
fingerprint) stay the same. Human decisions (`match_locked`, rejected pairs) always win.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.models import MatchDecision, Offer, Product
from matching.decide import Candidate, best_candidate
from matching.describe import describe
from matching.index import OfferIndex
from matching.model import Model, load_model
from matching.record import Record, make_record

log = logging.getLogger(__name__)


@dataclass
class MatchReport:
    """What one matching pass did."""

    assigned: int = 0  # tied to an existing product
    created: int = 0  # new products made
    review: int = 0  # left for a human (pending MatchDecision)
    untouched: int = 0  # locked or unchanged offers
    methods: Counter[str] = field(default_factory=Counter)
    product_ids: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {
            "assigned": self.assigned,
            "created": self.created,
            "review": self.review,
            "untouched": self.untouched,
            "methods": dict(self.methods),
        }


def fingerprint(offer: Offer) -> str:
    """A hash of the listing fields matching reads; a change means the evidence changed."""
    parts = (offer.title, offer.brand, offer.gtin, offer.mpn, offer.category, offer.colour)
    text = "\x1f".join(p or "" for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


_RECORDS: dict[tuple[int, str], Record] = {}


def offer_record(offer: Offer) -> Record:
    """The offer's record, cached by (id, fingerprint): unchanged listings are not re-read."""
    key = (offer.id, fingerprint(offer))
    rec = _RECORDS.get(key)
    if rec is None:
        if len(_RECORDS) > 200_000:
            _RECORDS.clear()
        rec = _RECORDS[key] = _make_record(offer)
    return rec


def _make_record(offer: Offer) -> Record:
    return make_record(
        str(offer.id),
        offer.title,
        level="product",
        brand=offer.brand,
        price=offer.price,
        currency=offer.currency,
        mpn=offer.mpn,
        gtin=offer.gtin,
        category=offer.category,
        shop=str(offer.shop_id),
    )


def _build_index(session: Session, exclude: set[int]) -> OfferIndex:
    index = OfferIndex()
    rows = session.scalars(
        select(Offer).where(Offer.product_id.is_not(None)).order_by(Offer.id)
    ).all()
    for offer in rows:
        if offer.id not in exclude and offer.product_id is not None:
            index.add(offer_record(offer), offer.product_id)
    return index


def _targets(session: Session, offer_ids: Iterable[int] | None) -> list[Offer]:
    query = select(Offer)
    if offer_ids is None:
        query = query.where(Offer.product_id.is_(None))
    else:
        ids = sorted(set(offer_ids))
        if not ids:
            return []
        query = query.where(Offer.id.in_(ids))
    # Offers with a GTIN first: they anchor products the others can then join.
    offers = list(session.scalars(query).all())
    offers.sort(key=lambda o: (o.gtin is None, o.id))
    return offers


def _pending(session: Session, offer_ids: list[int]) -> dict[int, MatchDecision]:
    if not offer_ids:
        return {}
    rows = session.scalars(
        select(MatchDecision).where(
            MatchDecision.offer_id.in_(offer_ids), MatchDecision.status == "pending"
        )
    ).all()
    return {d.offer_id: d for d in rows}


def _rejected(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(
        select(MatchDecision.offer_id, MatchDecision.product_id).where(
            MatchDecision.status == "rejected", MatchDecision.product_id.is_not(None)
        )
    ).all()
    return {(o, p) for o, p in rows if p is not None}


def new_product(session: Session, offer: Offer, rec: Record, flush: bool = True) -> Product:
    info = describe(offer.title, offer.brand, rec.attrs, offer.category)
    product = Product(
        name=info["name"],
        brand=info["brand"],
        model=info["model"],
        category=info["category"],
        attributes=info["attributes"],
        gtins=[offer.gtin] if offer.gtin else [],
        signature=info["signature"],
        image=offer.image,
    )
    session.add(product)
    if flush:
        session.flush()
    return product


def _attach(offer: Offer, product: Product, cand: Candidate, fp: str) -> None:
    offer.product = product
    offer.match_method = cand.method
    offer.match_score = round(cand.score, 4)
    offer.match_fingerprint = fp
    offer.match_evidence = cand.evidence()
    if offer.gtin and offer.gtin not in (product.gtins or []):
        product.gtins = [*(product.gtins or []), offer.gtin]
    if not product.image and offer.image:
        product.image = offer.image


def match_offers(
    session: Session,
    *,
    offer_ids: Iterable[int] | None = None,
    model: Model | None = None,
) -> MatchReport:
    """Give every listed offer (default: every offer without a product) its product.

    The caller owns the transaction; this function flushes but never commits.
    """
    model = model or load_model()
    report = MatchReport()
    targets = _targets(session, offer_ids)
    pending = _pending(session, [o.id for o in targets])
    work: list[tuple[Offer, str]] = []
    for offer in targets:
        fp = fingerprint(offer)
        if offer.match_locked or (
            offer.match_fingerprint == fp and (offer.product_id is not None or offer.id in pending)
        ):
            report.untouched += 1
            continue
        work.append((offer, fp))
    if not work:
        return report
    index = _build_index(session, exclude={o.id for o, _ in work if not o.match_locked})
    rejected = _rejected(session)
    # New products get a negative handle until the single flush at the end.
    products: dict[int, Product] = {}
    explained: list[tuple[Offer | MatchDecision, Candidate]] = []
    for offer, fp in work:
        rec = offer_record(offer)
        banned = {p for o, p in rejected if o == offer.id}
        cand = best_candidate(rec, index, model, banned)
        old = pending.pop(offer.id, None)
        if old is not None:
            session.delete(old)
        if cand is not None and cand.decision == "accept":
            product = products.get(cand.product_id) or session.get(Product, cand.product_id)
            assert product is not None
            handle = cand.product_id
            _attach(offer, product, cand, fp)
            report.assigned += 1
        elif cand is not None and cand.decision == "review":
            offer.product = None
            offer.match_method = None
            offer.match_score = round(cand.score, 4)
            offer.match_fingerprint = fp
            decision = MatchDecision(
                offer_id=offer.id, score=round(cand.score, 4), status="pending"
            )
            decision.product = products.get(cand.product_id) or session.get(
                Product, cand.product_id
            )
            session.add(decision)
            explained += [(offer, cand), (decision, cand)]
            report.review += 1
            report.methods["review"] += 1
            continue
        else:
            product = new_product(session, offer, rec, flush=False)
            handle = -(len(products) + 1)
            cand = Candidate.new(handle, cand)
            _attach(offer, product, cand, fp)
            report.created += 1
        products[handle] = product
        explained.append((offer, cand))
        index.add(rec, handle)
        report.methods[offer.match_method or "?"] += 1
    session.flush()
    ids = {handle: p.id for handle, p in products.items()}
    for target, cand in explained:
        cand.product_id = ids.get(cand.product_id, cand.product_id)
        if cand.nearest:
            cand.nearest["product_id"] = ids.get(
                cand.nearest["product_id"], cand.nearest["product_id"]
            )
        if isinstance(target, Offer):
            target.match_evidence = cand.evidence()
        else:
            target.evidence = cand.evidence()
    report.product_ids = {p.id for p in products.values()}
    session.flush()
    log.info("matched %d offers: %s", len(work), report.as_dict())
    return report
