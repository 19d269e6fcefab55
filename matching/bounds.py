"""The identity rules over the learned score of a pair, read as bounds (cap, floor, last cap)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matching.clash import capacity_clash, case_clash, memory_clash, model_clash, qualifier_clash
from matching.connectivity import network_clash
from matching.features import INDEX
from matching.onesided import accessory_maker, one_sided_edition
from matching.record import Record

Bounds = tuple[float, float, float]
CLASH_CAP = 0.05
_QUALIFIER, _SCREEN, _COLOUR = (INDEX[f"{k}_conflict"] for k in ("qualifier", "screen", "colour"))
_CONFIGURATION = tuple(INDEX[k] for k in ("pack_differ", "capacity_conflict", "fits_asym"))
_ACCESSORY = INDEX["accessory_asym"]


class Capped:
    """Bounds whose clash cap is read only where a score stands above it: min(s, CLASH_CAP)
    is s for any lower score, so skipping the rules there changes nothing."""

    def __init__(self, bounds: list[Bounds], check: Callable[[Sequence[int]], list[bool]]):
        self.bounds, self.check = bounds, check
        self.read: set[int] = set()

    def bound(self, scores: Sequence[float]) -> list[float]:
        todo = [
            p
            for p, s in enumerate(scores)
            if s > CLASH_CAP and p not in self.read and self.bounds[p][0] > CLASH_CAP
        ]
        for p, hit in zip(todo, self.check(todo), strict=True):
            if hit:
                self.bounds[p] = (CLASH_CAP, *self.bounds[p][1:])
        self.read.update(todo)
        return bounded(scores, self.bounds)


def apply_rules(
    pairs: Sequence[tuple[Record, Record]],
    vectors: Sequence[list[float]],
    scores: Sequence[float],
    level: str,
) -> list[float]:
    """The learned scores within the identity rules' bounds (`rule_bounds`)."""
    return bounded(scores, rule_bounds(pairs, vectors, level))


def bounded(scores: Sequence[float], bounds: Sequence[Bounds]) -> list[float]:
    return [
        min(max(min(s, cap), low), last) for s, (cap, low, last) in zip(scores, bounds, strict=True)
    ]


def rule_bounds(
    pairs: Sequence[tuple[Record, Record]], vectors: Sequence[list[float]], level: str
) -> list[Bounds]:
    """Identity rules over the learned score, read once per pair as (cap, floor, last cap):
    `cheap_bounds`, and `CLASH_CAP` where `clashing` holds."""
    out = cheap_bounds(pairs, vectors, level)
    for i, ((a, b), vector) in enumerate(zip(pairs, vectors, strict=True)):
        if out[i][0] > CLASH_CAP and clashing(a, b, vector, level):
            out[i] = (CLASH_CAP, *out[i][1:])
    return out


def cheap_bounds(
    pairs: Sequence[tuple[Record, Record]], vectors: Sequence[list[float]], level: str
) -> list[Bounds]:
    """The bounds that cost nothing to read: a side without a title is no evidence of a match,
    whatever the learned scores make of it (the cross-encoder reads two empty texts as alike);
    one GTIN is one variant, whatever the other rules say; at the variant level a different
    GTIN or another colour is another variant."""
    out: list[Bounds] = []
    for (a, b), vector in zip(pairs, vectors, strict=True):
        cap, low, last = (1.0 if a.title and b.title else 0.01), 0.0, 1.0
        if a.gtin and b.gtin:
            if a.gtin == b.gtin:
                low = 0.99
            elif level == "variant":
                last = 0.05
        if level == "variant" and vector[_COLOUR] == 1.0:
            last = 0.05
        out.append((cap, low, last))
    return out


def clashing(a: Record, b: Record, vector: Sequence[float], level: str) -> bool:
    """Two products by the identity rules: two models told apart by a qualifier or a model
    number, a chip or an edition (`clash.py`, `chips.py`, `editions.py`, and an edition word
    after a shared name, `onesided.py`), two networks ("Wi-Fi" / "Wi-Fi + Cellular", 4G / 5G:
    `connectivity.py`), two capacities, memory, screen or watch case sizes, and at the
    product level refurbished / new, a bundle / its device, two pack counts or sets of
    capacities and an accessory / its device."""
    return (
        (vector[_QUALIFIER] == 1.0 and qualifier_clash(a, b))
        or vector[_SCREEN] == 1.0  # 13 / 15 inches
        or network_clash(a.attrs.network, b.attrs.network)
        or model_clash(a, b)
        or memory_clash(a, b)
        or capacity_clash(a, b)
        or case_clash(a, b)
        or one_sided_edition(a, b, full=False)
        or (level == "product" and (_condition_or_bundle(a, b) or _configuration(a, b, vector)))
    )


def _configuration(a: Record, b: Record, vector: Sequence[float]) -> bool:
    """Two pack counts ("pack de 4" / "pack de 2"), two sets of capacities ("8 Go 256 Go" /
    "8 Go 512 Go"), an accessory or a part against a device ("S Pen de remplacement pour
    Galaxy S25 Ultra"): two products, as the service's hard conflicts and the clusters'
    profiles say. The benchmarks label them one more often (LSPM: pack counts in 16 of 90
    training pairs; a capacity cap cost LSPM computers 0.3-0.5 points; 13% of their pairs with
    an accessory cue on one side), so only at the product level."""
    if any(vector[i] == 1.0 for i in _CONFIGURATION):
        return True
    return vector[_ACCESSORY] == 1.0 and not accessory_maker(a, b)


def _condition_or_bundle(a: Record, b: Record) -> bool:
    """Refurbished and new, a bundle and its device, a boxed processor and a tray one: two
    products by the service's rule. The variant level follows the GTIN, which a refurbished
    unit keeps, and so do the benchmarks' labels (LSPM joins them: a cap there cost its
    cameras 2.1 points)."""
    if a.attrs.refurbished != b.attrs.refurbished or a.attrs.bundle != b.attrs.bundle:
        return True
    # A processor's retail box and its tray part are priced apart (the service's rule too).
    pa, pb = a.attrs.packaging, b.attrs.packaging
    return pa is not None and pb is not None and pa != pb
