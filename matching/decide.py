"""Decisions for one offer against known products: which rule fired, the score and the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matching.clash import case_clash, model_clash
from matching.connectivity import network_clash
from matching.excuses import excused
from matching.features import FEATURES, INDEX, close_codes, compare
from matching.index import OfferIndex
from matching.model import Model
from matching.onesided import one_sided_edition
from matching.record import Record
from matching.veto import letter_clash, words_clash, words_cover

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
    "model_token_conflict",
    "brand_differ",
)
# Conflicts that outweigh an equal brand + MPN (titles may be terse or odd; specs may not).
MPN_VETO = frozenset(
    {
        "capacity_conflict",
        "accessory_asym",
        "fits_asym",
        "bundle_asym",
        "refurb_asym",
        "pack_differ",
        "brand_differ",
    }
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
    method: str  # gtin, mpn, fuzzy, words, code, new
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
        nearest: dict[str, Any] = {"product_id": best.product_id, "score": round(best.score, 4)}
        if best.conflicts:
            nearest["conflicts"] = best.conflicts
        return cls(product_id, 1.0 - best.score, "new", "accept", nearest=nearest)


def _shown(vector: list[float]) -> dict[str, float]:
    return {name: vector[INDEX[name]] for name in SHOWN}


def _one_code(a: Record, b: Record) -> bool:
    """One maker's code, written by one shop with a region or colour suffix or prefix
    ("Samsung Odyssey G5 LC27G55TQBUXEN" / "C27G55TQBU"): a code of 8 characters or more
    inside the other's, with two letters or more around it."""
    if a.attrs.brand != b.attrs.brand or not a.attrs.brand:
        return False
    # Written as one word: a name's words joined ("buds2pro") are no maker's code.
    codes_a = [c for c in a.attrs.strong_codes & a.tokset if len(c) >= 8 and not c.isdigit()]
    codes_b = [c for c in b.attrs.strong_codes & b.tokset if len(c) >= 8 and not c.isdigit()]
    # One letter more is as often another model ("AW3423DW" / "AW3423DWF", "U2724D" /
    # "U2724DE") as a colour.
    return any(
        x == y or (abs(len(x) - len(y)) >= 2 and close_codes(x, y))
        for x in codes_a
        for y in codes_b
    )


# The service's vetoes on words, in the order their names are listed.
_VETOES = (
    ("words_conflict", words_clash),
    ("letter_conflict", letter_clash),
    ("edition_conflict", one_sided_edition),
)


def _same_shop_clash(rec: Record, others: list[Record]) -> bool:
    # A shop lists one product once, or once per colour: same words once colours are dropped.
    return any(o.shop == rec.shop and o.tokset != rec.tokset for o in others if rec.shop)


def _score(
    rec: Record, keys: list[str], index: OfferIndex, model: Model
) -> list[tuple[list[float], float]]:
    vectors = [compare(rec, index.records[k], index.corpus, "product") for k in keys]
    return list(zip(vectors, model.predict(vectors), strict=True))


def best_candidate(
    rec: Record, index: OfferIndex, model: Model, banned: set[int] | None = None
) -> Candidate | None:
    """The known product this offer belongs to (accept), may belong to (review) or None.

    Every offer of each candidate product is compared: the product's score is the mean of
    the best and the average pair score, and any hard conflict with any of its offers vetoes.
    """
    banned = banned or set()
    accept, review = thresholds(model)
    if rec.gtin:
        ids = sorted(index.by_gtin.get(rec.gtin, set()) - banned)
        if ids:
            return Candidate(ids[0], 1.0, "gtin", "accept")
    keys = index.candidates(rec, 20)
    mpn_keys = index.by_mpn.get(rec.mpn, set()) if rec.mpn else set()
    keys = [
        k for k in dict.fromkeys([*sorted(mpn_keys), *keys]) if index.product_of[k] not in banned
    ]
    if not keys:
        return None
    # Stage 1: the closest offers. Stage 2: every offer of the few products still in the race.
    scored = dict(zip(keys, _score(rec, keys, index, model), strict=True))
    best_of: dict[int, float] = {}
    for key, (_, score) in scored.items():
        pid = index.product_of[key]
        best_of[pid] = max(best_of.get(pid, 0.0), score)
    shortlist = sorted(
        (p for p, s in best_of.items() if s >= review or index.members[p] & mpn_keys),
        key=lambda p: -best_of[p],
    )[:4]
    extra = [k for p in shortlist for k in sorted(index.members[p])[:12] if k not in scored]
    scored.update(zip(extra, _score(rec, extra, index, model), strict=True))
    best: Candidate | None = None
    for pid in shortlist or [max(best_of, key=lambda p: best_of[p])]:
        rows = [(k, *scored[k]) for k in sorted(index.members[pid]) if k in scored]
        key, vector, top = max(rows, key=lambda r: r[2])
        others = [index.records[k] for k, _, _ in rows]
        found = sorted(
            {c for k, v, _ in rows for c in conflicts(v) if not excused(c, rec, index.records[k])}
        )
        for name, clash in _VETOES:
            if any(clash(rec, o) and not excused(name, rec, o) for o in others):
                found.append(name)
        # Retail box and tray parts are priced apart; a listing naming neither may join either.
        if rec.attrs.packaging and any(
            o.attrs.packaging not in (None, rec.attrs.packaging) for o in others
        ):
            found.append("packaging_conflict")
        if any(network_clash(rec.attrs.network, o.attrs.network) for o in others):
            found.append("network_conflict")
        if any(model_clash(rec, o) for o in others):
            found.append("model_conflict")
        if any(case_clash(rec, o) for o in others):
            found.append("case_conflict")  # a watch's case size is its screen
        if _same_shop_clash(rec, [index.records[k] for k in index.members[pid]]):
            found.append("same_shop")
        score = (top + sum(s for _, _, s in rows) / len(rows)) / 2
        method = "fuzzy"
        # Shops' titles that differ only in words naming no model ("Rakuten Kobo Sage" /
        # "Liseuse Kobo Sage 8 pouces 32 Go Noir"): the learned score reads them as apart.
        if not found and score < accept and all(words_cover(rec, o) for o in others):
            method, score = "words", accept
        elif not found and score < accept and all(_one_code(rec, o) for o in others):
            method, score = "code", accept
        if mpn_keys & index.members[pid] and not set(found) & MPN_VETO:
            method, score, found = "mpn", max(score, 0.99), []
        if found:
            score = min(score, review - 0.01)
        cand = Candidate(pid, score, method, "reject", key, _shown(vector), found)
        if best is None or (cand.score, cand.method == "mpn") > (best.score, best.method == "mpn"):
            best = cand
    if best is None:
        return None
    best.decision = (
        "accept" if best.score >= accept else "review" if best.score >= review else "reject"
    )
    return best


__all__ = ["Candidate", "best_candidate", "conflicts", "FEATURES"]
