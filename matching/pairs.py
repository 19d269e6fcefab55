"""Scoring listed pairs (the `match-pairs` contract): rows in, one calibrated score per row out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from matching.features import Corpus, compare
from matching.model import Model, load_model
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


def score_rows(
    rows: Sequence[Row],
    level: str = "product",
    model: Model | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[float]:
    """Match probability of each row's pair, in input order."""
    model = model or load_model()
    pairs = pair_records(rows, level)
    return model.predict(pair_features(pairs, level, progress))


def decide(scores: Iterable[float], threshold: float) -> list[int]:
    return [int(s >= threshold) for s in scores]
