"""Clustering that does not chain: scored edges merge groups only when the groups agree.

Edges are taken best first. Two groups merge when the edge clears the link threshold, when
their attribute profiles do not conflict (capacity, screen, accessory, refurbished, pack,
generation, model qualifiers, network, a watch's case size; colour at the variant level), when
every scored pair between them clears a floor and names no two models (`clash.py`) and their
mean clears the link threshold, and when no shop appears in both (a shop rarely lists one
product twice; at the product level a very high score may still merge them).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matching import parallel
from matching.blocking import candidate_pairs
from matching.clash import model_clash
from matching.features import Corpus, code_hits
from matching.groups import Groups
from matching.model import Model, load_model
from matching.onesided import one_sided_edition
from matching.pairs import shared_features
from matching.record import Record, make_record
from matching.strings import load_words
from matching.veto import words_cover

log = logging.getLogger(__name__)
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Policy:
    """How groups merge. The defaults were chosen on the PriceRunner clusters the model trains
    on (`bench/cluster_policy.py`): with attribute profiles, one offer per shop and clashing
    codes already keeping products apart, an offer's best compatible group is right far more
    often than its score alone says, so the link sits well under the pair threshold."""

    link: float = 0.1  # an edge must reach this to merge two groups, and their mean edge too
    floor: float = 0.0  # every scored pair across the groups must reach this
    same_shop: float = 1.01  # an edge this strong may merge groups sharing a shop (> 1: never)
    k: int = 12  # neighbours per offer in blocking
    # An offer naming no model code ("American fridge freezer") joins a group only on a
    # stronger edge, after the offers with codes have formed their groups. 0.6 until stop 24;
    # 0.5 is best on PriceRunner's development half (pairwise F1 0.8209 -> 0.8217, held-out
    # 0.804 -> 0.805) and joins more of the site's products named without a code ("JBL Charge
    # 5", "Marshall Emberton II", "Nothing Ear (a)").
    uncoded: float = 0.5
    # Two offers whose model codes do not meet ("WF-1000XM5" / "WF-1000XM4") merge only on an
    # edge a pair would be matched on (the pair model's threshold): with no better group, the
    # low link merged look-alikes. On PriceRunner's held-out clusters: F1 0.804 either way.
    clashing_codes: float = 0.43


COVERED = 0.5
EDITION_READ, EDITION_CAP = 0.1, 0.05


def score_edges(
    records: Sequence[Record],
    level: str,
    model: Model,
    k: int,
    progress: Progress | None = None,
    exclude_same_shop: bool = True,
) -> dict[tuple[int, int], float]:
    # Same-shop pairs only waste blocking slots when such groups may never merge.
    pairs = candidate_pairs(records, k=k, exclude_same_shop=exclude_same_shop)
    state = {
        "records": records,
        "corpus": Corpus(records),
        "level": level,
        "model": model,
        "words": load_words(),
    }
    scores = parallel.run(_scores, pairs, state, progress)
    return dict(zip(pairs, scores, strict=True))


def _scores(pairs: Sequence[tuple[int, int]]) -> list[float]:
    state = parallel.shared()
    scores: list[float] = state["model"].predict(shared_features(pairs))
    records = state["records"]
    # Two shops' titles of one product named without a code ("Rakuten Kobo Sage" / "Liseuse
    # Kobo Sage 8 pouces 32 Go") that differ only in words naming no model (the service's
    # rule, `veto.words_cover`) link as an offer without a code does. Coded offers are left
    # to their codes: reading every pair's model words cost a fifth of the clustering.
    for n, ((i, j), s) in enumerate(zip(pairs, scores, strict=True)):
        a, b = records[i], records[j]
        if s < COVERED and not (a.attrs.strong_codes or b.attrs.strong_codes):
            if words_cover(a, b):
                scores[n] = COVERED
        # An edition word one title adds to the shared name ("Jabra Elite 4" / "Elite 4
        # Active"), as the service reads it; a maker's part number on either side says more
        # ("bosch serie 4 dishwasher" / "bosch serie 4 active water sms46ii00g").
        if scores[n] >= EDITION_READ and not (_part_number(a) or _part_number(b)):
            if one_sided_edition(a, b, full=False):
                scores[n] = EDITION_CAP
    return scores


def _part_number(rec: Record) -> bool:
    return any(len(c) >= 8 for c in rec.attrs.strong_codes)


def cluster_records(
    records: Sequence[Record],
    level: str = "product",
    model: Model | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
) -> list[int]:
    """A group number for every record; equal numbers are one product (or variant)."""
    model = model or load_model()
    if policy is None:
        # Without shops the one-offer-per-shop rule cannot hold products apart: the link
        # must then be the pair model's own threshold.
        shops = any(r.shop for r in records)
        policy = Policy() if shops else Policy(link=model.thresholds.get("match", 0.5), floor=0.2)
    scores = score_edges(records, level, model, policy.k, progress, policy.same_shop > 1.0)
    return group_records(records, scores, level, policy)


def group_records(
    records: Sequence[Record],
    scores: dict[tuple[int, int], float],
    level: str,
    policy: Policy,
) -> list[int]:
    """Constrained merging of scored pairs (i < j) into groups; see the module docstring."""
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        neighbours[i][j] = s
        neighbours[j][i] = s
    groups = Groups(records, level)
    series = series_codes(records)
    # An offer naming only a series ("samsung nu7100 led tv", sold in five sizes) says no more
    # than an offer naming none: merged early, it would also block its group's true matches.
    coded = [bool(r.attrs.strong_codes - series) for r in records]
    # Offers with codes first, best edges first; then the others, on stronger edges only.
    edges = sorted(
        ((not (coded[i] and coded[j]), -s, i, j) for (i, j), s in scores.items()),
    )
    for uncoded, negative, i, j in edges:
        s = -negative
        if s < (max(policy.link, policy.uncoded) if uncoded else policy.link):
            continue
        a, b = groups.find(i), groups.find(j)
        if a == b or not groups.compatible(a, b):
            continue
        if groups.shops[a] & groups.shops[b] and s < policy.same_shop:
            continue
        if not _linked(groups.members[a], groups.members[b], neighbours, records, coded, policy):
            continue
        groups.union(a, b)
    labels = [groups.find(i) for i in range(len(records))]
    log.info(
        "%d records -> %d groups from %d scored pairs", len(records), len(set(labels)), len(scores)
    )
    return labels


def series_codes(records: Sequence[Record]) -> set[str]:
    """Codes found inside longer codes after two or more different prefixes ("nu7100" in
    "ue43nu7100" and "ue65nu7100"): the name of a series, not of one product."""
    codes = {c for r in records for c in r.attrs.strong_codes}
    prefixes: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for cut in range(1, min(6, len(code) - 3)):
            rest = code[cut:]
            for end in range(4, len(rest) + 1):
                prefixes[rest[:end]].add(code[:cut])
    # A bare number ("2600", "6140") is a model with its family word beside it.
    return {c for c in codes if c[0].isalpha() and len(prefixes.get(c, ())) >= 2}


def code_clash(a: Record, b: Record) -> bool:
    """Both offers name model codes and not one of them matches: two models."""
    sa, sb = a.attrs.strong_codes, b.attrs.strong_codes
    if not sa or not sb:
        return False
    ea, na, _, _ = code_hits(sa, b.joins)
    eb, nb, _, _ = code_hits(sb, a.joins)
    return not (ea or na or eb or nb)


def _linked(
    left: list[int],
    right: list[int],
    neighbours: dict[int, dict[int, float]],
    records: Sequence[Record],
    coded: list[bool],
    policy: Policy,
) -> bool:
    """Average linkage over the scored pairs across two groups, no scored pair under the floor
    or naming two models ("iPhone 15" / "iPhone 16", "M4" / "M4 Pro"), no pair whose model
    codes clash unless it scores as a match."""
    total, count = 0.0, 0
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    for x in small:
        near = neighbours[x]
        for y in large:
            s = near.get(y)
            if s is None:
                if coded[x] and coded[y] and code_clash(records[x], records[y]):
                    return False
                continue
            if s < policy.floor or model_clash(records[x], records[y]):
                return False
            if s < policy.clashing_codes and coded[x] and coded[y]:
                if code_clash(records[x], records[y]):
                    return False
            total += s
            count += 1
    return count > 0 and total / count >= policy.link


def cluster_rows(
    rows: Sequence[dict[str, str]],
    level: str = "product",
    model: Model | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """The `match-cluster` core: a product label for every row (`title` plus optional columns)."""
    with parallel.paused_gc():
        records = parallel.run(_records, list(enumerate(rows)), {"level": level})
        labels = cluster_records(records, level, model, progress=progress)
    # Stable readable labels: the first row id of each group.
    first: dict[int, str] = {}
    for row, label in zip(rows, labels, strict=True):
        first.setdefault(label, row["id"])
    return [first[label] for label in labels]


def _records(rows: Sequence[tuple[int, dict[str, str]]]) -> list[Record]:
    level = parallel.shared()["level"]
    return [
        make_record(
            str(i),
            r.get("title", ""),
            level=level,
            brand=r.get("brand") or None,
            description=r.get("description") or None,
            price=r.get("price") or None,
            currency=r.get("currency") or None,
            mpn=r.get("mpn") or None,
            gtin=r.get("gtin") or None,
            category=r.get("category") or None,
            shop=r.get("shop") or None,
        )
        for i, r in rows
    ]
