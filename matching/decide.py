"""Decisions for one offer against known products: which rule fired, the score and the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matching.features import FEATURES, INDEX, compare
from matching.index import OfferIndex
from matching.model import Model
from matching.record import Record

# Attribute disagreements that mean "another product" whatever the text similarity says.
HARD_CONFLICTS = (
    "capacity_conflict",
    "screen_conflict",
    "accessory_asym",
    "fits_asym",
    "bundle_asym",
    "refurb_asym",
    "pack_differ",
    "generation_conflict",
    "qualifier_conflict",
)
# The features shown as evidence (the rest stay in the model).
SHOWN = (
    "token_set",
    "idf_cosine",
    "code_exact",
    "code_conflict",
    "qualifier_diff",
    "price_log_ratio",
)


def thresholds(model: Model) -> tuple[float, float]:
    """(accept, review): attach above `accept`, ask a human between the two, else new product.

    `accept` is the model's F1-optimal threshold but never under 0.5, so that an automatic
    attachment is always more likely right than wrong.
    """
    match = model.thresholds.get("match", 0.5)
    return max(match, 0.5), min(match, 0.25)


def conflicts(vector: list[float]) -> list[str]:
    return [name for name in HARD_CONFLICTS if vector[INDEX[name]] == 1.0]


@dataclass
class Candidate:
    """The best product for an offer, and why."""

    product_id: int
    score: float
    method: str  # gtin, mpn, fuzzy, new
    decision: str  # accept, review, reject
    via: str | None = None  # the known offer that was compared
    features: dict[str, float] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    nearest: dict[str, Any] | None = None

    def evidence(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.method, "score": round(self.score, 4)}
        if self.via is not None:
            out["via_offer"] = int(self.via)
        if self.features:
            out["features"] = {k: round(v, 3) for k, v in self.features.items() if v == v}
        if self.conflicts:
            out["conflicts"] = self.conflicts
        if self.nearest:
            out["nearest"] = self.nearest
        return out

    @classmethod
    def new(cls, product_id: int, best: Candidate | None) -> Candidate:
        """A new product; its score says how sure we are that no known product fits."""
        if best is None:
            return cls(product_id, 1.0, "new", "accept")
        nearest = {"product_id": best.product_id, "score": round(best.score, 4)}
        if best.conflicts:
            nearest["conflicts"] = best.conflicts
        return cls(product_id, 1.0 - best.score, "new", "accept", nearest=nearest)


def _shown(vector: list[float]) -> dict[str, float]:
    return {name: vector[INDEX[name]] for name in SHOWN}


def best_candidate(
    rec: Record, index: OfferIndex, model: Model, banned: set[int] | None = None
) -> Candidate | None:
    """The known product this offer belongs to (accept), may belong to (review) or None."""
    banned = banned or set()
    accept, review = thresholds(model)
    if rec.gtin:
        ids = sorted(index.by_gtin.get(rec.gtin, set()) - banned)
        if ids:
            return Candidate(ids[0], 1.0, "gtin", "accept")
    keys = index.candidates(rec)
    if rec.mpn:
        keys = sorted(index.by_mpn.get(rec.mpn, set())) + [
            k for k in keys if k not in index.by_mpn.get(rec.mpn, set())
        ]
    keys = [k for k in keys if index.product_of[k] not in banned]
    if not keys:
        return None
    vectors = [compare(rec, index.records[k], index.corpus, "product") for k in keys]
    scores = model.predict(vectors)
    best: Candidate | None = None
    for key, vector, score in zip(keys, vectors, scores, strict=True):
        other = index.records[key]
        found = conflicts(vector)
        brands_ok = not (
            rec.attrs.brand and other.attrs.brand and rec.attrs.brand != other.attrs.brand
        )
        if rec.mpn and rec.mpn == other.mpn and brands_ok and not found:
            method, score = "mpn", max(score, 0.99)
        else:
            method = "fuzzy"
        if found:
            score = min(score, review - 0.01)
        cand = Candidate(index.product_of[key], score, method, "reject", key, _shown(vector), found)
        if best is None or (cand.score, cand.method == "mpn") > (best.score, best.method == "mpn"):
            best = cand
    assert best is not None
    best.decision = (
        "accept" if best.score >= accept else "review" if best.score >= review else "reject"
    )
    return best


__all__ = ["Candidate", "best_candidate", "conflicts", "FEATURES"]
