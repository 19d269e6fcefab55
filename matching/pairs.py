"""Scoring listed pairs (the `match-pairs` contract): rows in, one calibrated score per row out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from matching.features import INDEX, Corpus, compare
from matching.model import Model, load_context_model, load_model
from matching.record import Record, make_record

Row = dict[str, str]
SIDE_FIELDS = ("brand", "description", "price", "currency", "mpn", "gtin", "category", "shop")


def row_record(row: Row, prefix: str, level: str, cache: dict[tuple[str, ...], Record]) -> Record:
    """The record of one side of a pair row; identical sides share one record."""
    values = tuple((row.get(prefix + name) or "").strip() for name in ("title", *SIDE_FIELDS))
    rec = cache.get(values)
    if rec is None:
        title, brand, description, price, currency, mpn, gtin, category, shop = values
        rec = make_record(
            str(len(cache)),
            title,
            level=level,
            brand=brand or None,
            description=description or None,
            price=price or None,
            currency=currency or None,
            mpn=mpn or None,
            gtin=gtin or None,
            category=category or None,
            shop=shop or None,
        )
        cache[values] = rec
    return rec


def pair_records(rows: Sequence[Row], level: str) -> list[tuple[Record, Record]]:
    cache: dict[tuple[str, ...], Record] = {}
    return [
        (row_record(r, "left_", level, cache), row_record(r, "right_", level, cache)) for r in rows
    ]


def pair_features(
    pairs: Sequence[tuple[Record, Record]],
    level: str,
    progress: Callable[[int], None] | None = None,
) -> list[list[float]]:
    """Feature vectors; document frequencies come from the distinct records of this batch."""
    unique = {id(r): r for pair in pairs for r in pair}
    corpus = Corpus(unique.values())
    out: list[list[float]] = []
    for i, (a, b) in enumerate(pairs):
        out.append(compare(a, b, corpus, level))
        if progress is not None and i % 1000 == 999:
            progress(1000)
    if progress is not None:
        progress(len(pairs) % 1000)
    return out


CONTEXT_FEATURES: tuple[str, ...] = (
    "score",
    "left_best_other",
    "right_best_other",
    "left_margin",
    "right_margin",
    "left_is_best",
    "right_is_best",
    "left_count",
    "right_count",
)


def context_features(
    pairs: Sequence[tuple[Record, Record]], scores: Sequence[float]
) -> list[list[float]]:
    """How each pair's score compares with the other pairs of the same left or right offer.

    A file of candidate pairs usually lists several candidates per offer and at most one is
    right: being the best candidate of both sides is evidence too (collective matching).
    """
    by_side: list[dict[int, list[float]]] = [defaultdict(list), defaultdict(list)]
    for (a, b), s in zip(pairs, scores, strict=True):
        by_side[0][id(a)].append(s)
        by_side[1][id(b)].append(s)
    out: list[list[float]] = []
    for (a, b), s in zip(pairs, scores, strict=True):
        row = [s]
        extra: list[float] = []
        for side, rec in ((0, a), (1, b)):
            others = sorted(by_side[side][id(rec)], reverse=True)
            # The best score among the other pairs of this offer (this pair removed once).
            best_other = (
                others[1]
                if others[0] == s and len(others) > 1
                else (others[0] if others[0] != s else 0.0)
            )
            row.append(best_other)
            extra.append(len(others))
        row += [s - row[1], s - row[2], float(s >= row[1]), float(s >= row[2]), *extra]
        out.append(row)
    return out


def score_pairs(
    rows: Sequence[Row],
    level: str = "product",
    model: Model | None = None,
    progress: Callable[[int], None] | None = None,
    context: bool = True,
) -> list[float]:
    """Match probability of each row's pair, in input order.

    With `context` (and a context model shipped), the scores are revised in the light of the
    other pairs of the same offers in `rows`; the threshold is then `pair_threshold()`.
    """
    model = model or load_model()
    pairs = pair_records(rows, level)
    vectors = pair_features(pairs, level, progress)
    scores = apply_rules(pairs, vectors, model.predict(vectors), level)
    ctx = load_context_model() if context else None
    if ctx is None:
        return scores
    return apply_rules(pairs, vectors, ctx.predict(context_features(pairs, scores)), level)


def apply_rules(
    pairs: Sequence[tuple[Record, Record]],
    vectors: Sequence[list[float]],
    scores: Sequence[float],
    level: str,
) -> list[float]:
    """Identity rules over the learned score: one GTIN is one variant; at the variant level a
    different GTIN or colour is another variant."""
    colour = INDEX["colour_conflict"]
    out: list[float] = []
    for (a, b), vector, score in zip(pairs, vectors, scores, strict=True):
        if a.gtin and b.gtin:
            if a.gtin == b.gtin:
                score = max(score, 0.99)
            elif level == "variant":
                score = min(score, 0.05)
        if level == "variant" and vector[colour] == 1.0:
            score = min(score, 0.05)
        out.append(score)
    return out


def pair_threshold(model: Model | None = None, context: bool = True) -> float:
    """The decision threshold that goes with `score_pairs`."""
    ctx = load_context_model() if context else None
    chosen = ctx or model or load_model()
    return chosen.thresholds.get("match", 0.5)


def decide(scores: Iterable[float], threshold: float) -> list[int]:
    return [int(s >= threshold) for s in scores]
