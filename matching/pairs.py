"""Scoring listed pairs (the `match-pairs` contract): rows in, one calibrated score per row out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from matching import parallel
from matching.bounds import Capped, cheap_bounds, clashing
from matching.compiled import compiled_trees
from matching.features import SHIPPED, Corpus, compare
from matching.model import COMPILE_MIN_ROWS, Model, load_context_model, load_model
from matching.pairwork import Sides, features_and_bounds
from matching.record import Record, make_record
from matching.strings import WordModel, load_words

Row = dict[str, str]
SIDE_FIELDS = ("brand", "description", "price", "currency", "mpn", "gtin", "category", "shop")


_COLUMNS = {p: tuple(p + name for name in ("title", *SIDE_FIELDS)) for p in ("left_", "right_")}


def _side(row: Row, prefix: str) -> tuple[str, ...]:
    return tuple([(row.get(column) or "").strip() for column in _COLUMNS[prefix]])


def _records(sides: Sequence[tuple[str, tuple[str, ...]]]) -> list[Record]:
    level = parallel.shared()["level"]
    out: list[Record] = []
    for key, (title, brand, description, price, currency, mpn, gtin, category, shop) in sides:
        out.append(
            make_record(
                key,
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
        )
    return out


def side_index(rows: Sequence[Row]) -> tuple[Sides, list[tuple[int, int]]]:
    """The distinct sides of `rows` (identical sides are one) and each row's pair of them."""
    keys: dict[tuple[str, ...], int] = {}
    # Sides repeat: the raw cells are looked up first, stripped only the first time they occur.
    seen: dict[tuple[object, ...], int] = {}
    index: list[tuple[int, int]] = []
    for row in rows:
        pair = []
        for prefix, columns in _COLUMNS.items():
            raw = tuple(map(row.get, columns))
            side = seen.get(raw)
            if side is None:
                side = seen[raw] = keys.setdefault(_side(row, prefix), len(keys))
            pair.append(side)
        index.append((pair[0], pair[1]))
    return [(str(i), values) for values, i in keys.items()], index


def pair_records(rows: Sequence[Row], level: str) -> list[tuple[Record, Record]]:
    """One record per distinct side (identical sides share one record)."""
    return _paired(*side_index(rows), level)


def _paired(
    distinct: Sides, index: list[tuple[int, int]], level: str
) -> list[tuple[Record, Record]]:
    # In this process: a Record costs more to pickle back from a worker than to build.
    records = parallel.run(_records, distinct, {"level": level}, processes=1)
    return [(records[a], records[b]) for a, b in index]


def shared_features(pairs: Sequence[tuple[int, int]]) -> list[list[float]]:
    """Feature vectors of index pairs into the records of `parallel.shared()` (a worker's task)."""
    state = parallel.shared()
    records, corpus, level, words = (
        state["records"],
        state["corpus"],
        state["level"],
        state["words"],
    )
    return [compare(records[a], records[b], corpus, level, words) for a, b in pairs]


def pair_features(
    pairs: Sequence[tuple[Record, Record]],
    level: str,
    progress: Callable[[int], None] | None = None,
    words: WordModel | str | None = SHIPPED,
) -> list[list[float]]:
    """Feature vectors; document frequencies come from the distinct records of this batch."""
    unique = {id(r): r for pair in pairs for r in pair}
    corpus = Corpus(unique.values())
    position = {key: i for i, key in enumerate(unique)}
    state = {
        "records": list(unique.values()),
        "corpus": corpus,
        "level": level,
        "words": load_words() if words == SHIPPED else words,
    }
    index = [(position[id(a)], position[id(b)]) for a, b in pairs]
    return parallel.run(shared_features, index, state, progress)


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
    pairs: Sequence[tuple[object, object]], scores: Sequence[float]
) -> list[list[float]]:
    """How each pair's score compares with the other pairs of the same left or right offer
    (`pairs`: two objects per pair, one object per offer, such as its records).

    A file of candidate pairs usually lists several candidates per offer and at most one is
    right: being the best candidate of both sides is evidence too (collective matching).
    """
    # Per offer and side: its two best scores and its number of pairs, found in one pass (a
    # sort per pair cost a seventh of match-pairs' time on files with many pairs per offer).
    tops: list[dict[int, list[float]]] = [{}, {}]
    for (a, b), s in zip(pairs, scores, strict=True):
        for side, rec in ((0, a), (1, b)):
            top = tops[side].get(id(rec))
            if top is None:
                tops[side][id(rec)] = [s, -1.0, 1]
            else:
                if s > top[0]:
                    top[0], top[1] = s, top[0]
                elif s > top[1]:
                    top[1] = s
                top[2] += 1
    out: list[list[float]] = []
    for (a, b), s in zip(pairs, scores, strict=True):
        row = [s]
        extra: list[float] = []
        for side, rec in ((0, a), (1, b)):
            best, second, count = tops[side][id(rec)]
            # The best score among the other pairs of this offer (this pair removed once).
            if best != s:
                row.append(best)
            else:
                row.append(second if count > 1 else 0.0)
            extra.append(count)
        row += [s - row[1], s - row[2], float(s >= row[1]), float(s >= row[2]), *extra]
        out.append(row)
    return out


def score_pairs(
    rows: Sequence[Row],
    level: str = "product",
    model: Model | None = None,
    progress: Callable[[int], None] | None = None,
    context: bool = True,
    cross: bool = False,
) -> list[float]:
    """Match probability of each row's pair, in input order.

    With `context` (and a context model shipped), the scores are revised in the light of the
    other pairs of the same offers in `rows`; the threshold is then `pair_threshold()`. With
    `cross`, they are blended with the cross-encoder's (`cross.py`), much slower.
    """
    with parallel.paused_gc():
        return _score_pairs(rows, level, model, progress, context, cross)


def _score_pairs(
    rows: Sequence[Row],
    level: str,
    model: Model | None,
    progress: Callable[[int], None] | None,
    context: bool,
    cross: bool,
) -> list[float]:
    model = model or load_model()
    ctx = load_context_model() if context else None
    distinct, index = side_index(rows)

    def prepare() -> None:
        # Importing scikit-learn's tree predictor (~1.7 s on a slow machine) while the
        # workers compute the features.
        for m in (model, ctx):
            if m is not None and len(index) >= COMPILE_MIN_ROWS:
                compiled_trees(m)

    with features_and_bounds(distinct, index, level, load_words(), progress, prepare) as work:
        if work is None:  # too few pairs to gain from worker processes
            pairs = _paired(distinct, index, level)
            vectors = pair_features(pairs, level, progress)
            bounds = cheap_bounds(pairs, vectors, level)

            def check(positions: Sequence[int]) -> list[bool]:
                return [clashing(*pairs[p], vectors[p], level) for p in positions]
        else:
            (vectors, bounds), workers = work
            check = workers.clashes
        # The clash rules cost a third of the time and only lower a score above their cap:
        # they are read for the pairs some stage scores higher, and only once.
        lazy = Capped(bounds, check)
        scores = lazy.bound(model.predict(vectors))
        if ctx is not None:
            marks = [object() for _ in distinct]  # one identity per offer
            sides = [(marks[a], marks[b]) for a, b in index]
            scores = lazy.bound(ctx.predict(context_features(sides, scores)))
        if cross:
            from matching.cross import load_cross, side_text

            encoder = load_cross()
            texts = [(side_text(r, "left_"), side_text(r, "right_")) for r in rows]
            scores = lazy.bound(encoder.combine(scores, encoder.logits(texts, progress)))
    return scores


def pair_threshold(model: Model | None = None, context: bool = True, cross: bool = False) -> float:
    """The decision threshold that goes with `score_pairs`."""
    if cross:
        from matching.cross import load_cross

        return load_cross().threshold
    ctx = load_context_model() if context else None
    chosen = ctx or model or load_model()
    return chosen.thresholds.get("match", 0.5)


def decide(scores: Iterable[float], threshold: float) -> list[int]:
    return [int(s >= threshold) for s in scores]
