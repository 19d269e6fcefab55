"""The review queue: humans accept, reject, split and merge; automatic matching never undoes it.

Every function takes the caller's session and flushes; the caller commits. `who` names the
person (or tool) deciding, kept in `MatchDecision.decided_by`.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalog.models import MatchDecision, Offer, Product
from catalog.types import utcnow
from matching.service import fingerprint, new_product, offer_record


class ReviewError(LookupError):
    """The decision, offer or product does not exist or is not in the expected state."""


def list_pending(session: Session, limit: int = 100) -> list[MatchDecision]:
    """Pending decisions, most uncertain (closest to 0.5) first."""
    rows = session.scalars(
        select(MatchDecision).where(MatchDecision.status == "pending").order_by(MatchDecision.id)
    ).all()
    return sorted(rows, key=lambda d: (abs((d.score or 0.5) - 0.5), d.id))[:limit]


def _decision(session: Session, decision_id: int) -> MatchDecision:
    decision = session.get(MatchDecision, decision_id)
    if decision is None:
        raise ReviewError(f"no decision {decision_id}")
    if decision.status != "pending":
        raise ReviewError(f"decision {decision_id} is already {decision.status}")
    return decision


def _lock(offer: Offer, product: Product, evidence: dict[str, object]) -> None:
    offer.product_id = product.id
    offer.product = product
    offer.match_method = "human"
    offer.match_score = 1.0
    offer.match_locked = True
    offer.match_fingerprint = fingerprint(offer)
    offer.match_evidence = {"rule": "human", "score": 1.0, **evidence}
    if offer.gtin and offer.gtin not in (product.gtins or []):
        product.gtins = [*(product.gtins or []), offer.gtin]


def _record(
    session: Session, offer: Offer, product: Product | None, status: str, who: str
) -> MatchDecision:
    decision = MatchDecision(
        offer_id=offer.id,
        product_id=product.id if product else None,
        score=1.0,
        status=status,
        evidence={"rule": "human"},
        decided_by=who,
        decided_at=utcnow(),
    )
    session.add(decision)
    return decision


def accept(session: Session, decision_id: int, who: str = "cli") -> Offer:
    """The offer belongs to the proposed product: attach it and lock it there."""
    decision = _decision(session, decision_id)
    offer, product = decision.offer, decision.product
    if product is None:
        raise ReviewError(f"decision {decision_id} proposes no product")
    _lock(offer, product, {"decision": decision.id, "by": who})
    decision.status, decision.decided_by, decision.decided_at = "accepted", who, utcnow()
    session.flush()
    return offer


def reject(session: Session, decision_id: int, who: str = "cli") -> Offer:
    """The offer is not the proposed product: it gets a product of its own, locked."""
    decision = _decision(session, decision_id)
    offer = decision.offer
    product = new_product(session, offer, offer_record(offer))
    _lock(offer, product, {"decision": decision.id, "by": who, "rejected": decision.product_id})
    decision.status, decision.decided_by, decision.decided_at = "rejected", who, utcnow()
    session.flush()
    return offer


def split(session: Session, offer_id: int, who: str = "cli") -> Product:
    """Take an offer out of its product into a new product of its own, never to return."""
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise ReviewError(f"no offer {offer_id}")
    old = offer.product
    product = new_product(session, offer, offer_record(offer))
    if old is not None:
        _record(session, offer, old, "rejected", who)
    _lock(offer, product, {"by": who, "split_from": old.id if old else None})
    _record(session, offer, product, "accepted", who)
    session.flush()
    return product


def merge(session: Session, keep_id: int, other_id: int, who: str = "cli") -> Product:
    """Two products are one: every offer of `other` moves to `keep`, locked; `other` is deleted."""
    if keep_id == other_id:
        raise ReviewError("cannot merge a product with itself")
    keep, other = session.get(Product, keep_id), session.get(Product, other_id)
    if keep is None or other is None:
        raise ReviewError(f"no product {keep_id if keep is None else other_id}")
    for offer in session.scalars(select(Offer).where(Offer.product_id == other.id)).all():
        _lock(offer, keep, {"by": who, "merged_from": other.id})
        _record(session, offer, keep, "accepted", who)
    for gtin in other.gtins or []:
        if gtin not in (keep.gtins or []):
            keep.gtins = [*(keep.gtins or []), gtin]
    # Pending proposals pointing at the merged product now point at the kept one.
    session.execute(
        update(MatchDecision)
        .where(MatchDecision.product_id == other.id, MatchDecision.status == "pending")
        .values(product_id=keep.id)
    )
    session.flush()
    session.delete(other)
    session.flush()
    return keep
