"""Shortcuts taken for speed give the very floats of the plain computation they replace."""

from __future__ import annotations

import random

from matching.features import Corpus, compare, word_sets
from matching.record import make_record
from matching.strings import WordModel, load_words


def test_word_model_integer_sums_equal_fsum() -> None:
    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(60)] + ["128gb", "a56", "ue55nu8000", "9"]
    weights = {f"{kind}|{w}": rng.uniform(-3, 3) for kind in "bo" for w in vocab[::2]}
    weights |= {"s|word": 0.1, "s|code": -1.25, "s|num": 1e-4, "b|w1": -0.0, "o|w3": 1e-9}
    weights |= {"t|code": 2.5, "t|num": 0.75, "t|mixed": -1e-6}
    model = WordModel(weights, -0.7)
    for _ in range(500):
        a = frozenset(rng.sample(vocab, rng.randint(0, 12)))
        b = frozenset(rng.sample(vocab, rng.randint(0, 12)))
        assert model.score(a, b) == model.score_fsum(a, b)
        assert model.score(list(a), list(b)) == model.score_fsum(a, b)


def test_shipped_word_model_on_records() -> None:
    words = load_words()
    titles = [
        "Apple iPhone 16 Pro 256 Go noir",
        "iPhone 16 Pro 256GB Black",
        "Samsung S24 128GB",
        "Samsung SM-S921B S24 128GB",
        "Galaxy S24 SMS921B",
    ]
    records = [make_record(str(i), t) for i, t in enumerate(titles)]
    corpus = Corpus(records)
    for a in records:
        for b in records:
            if words is not None:
                sa, sb = word_sets(a, b)
                assert words.score(sa, sb) == words.score_fsum(sa, sb)
                assert compare(a, b, corpus)[-1] == words.score_fsum(sa, sb)


def test_fold_and_ngram_joins_equal_their_plain_versions() -> None:
    import unicodedata

    from matching.normalise import fold
    from matching.record import ngram_joins

    def plain_fold(text: str) -> str:
        if text.isascii():
            return text.lower()
        text = text.replace("ß", "ss").replace("œ", "oe").replace("Œ", "oe")
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()

    rng = random.Random(1)
    for _ in range(2000):
        ranges = [(32, 126), (128, 0x2FFF), (0x300, 0x36F), (0x1F000, 0x1FAFF)]
        text = "".join(chr(rng.randint(*rng.choice(ranges))) for _ in range(rng.randint(0, 30)))
        assert fold(text) == plain_fold(text)
    for toks in ([], ["a"], ["rb", "6093", "aw"], ["sm", "s921b", "ds", "128gb", "noir"]):
        for size in (2, 3):
            ends = [(i, j) for i in range(len(toks)) for j in range(i + 1, i + size + 1)]
            assert ngram_joins(toks, size) == {"".join(toks[i:j]) for i, j in ends}


def _context_by_sorting(pairs: list, scores: list[float]) -> list[list[float]]:
    """The plain version of context_features: every offer's scores sorted, for every pair."""
    from collections import defaultdict

    by_side: list[dict[int, list[float]]] = [defaultdict(list), defaultdict(list)]
    for (a, b), s in zip(pairs, scores, strict=True):
        by_side[0][id(a)].append(s)
        by_side[1][id(b)].append(s)
    out = []
    for (a, b), s in zip(pairs, scores, strict=True):
        row, extra = [s], []
        for side, rec in ((0, a), (1, b)):
            others = sorted(by_side[side][id(rec)], reverse=True)
            if others[0] == s:
                row.append(others[1] if len(others) > 1 else 0.0)
            else:
                row.append(others[0])
            extra.append(len(others))
        row += [s - row[1], s - row[2], float(s >= row[1]), float(s >= row[2]), *extra]
        out.append(row)
    return out


def test_context_features_equal_the_sorting_version() -> None:
    from matching.pairs import context_features

    rng = random.Random(1)
    records = [make_record(str(i), f"offer {i}") for i in range(30)]
    for _ in range(50):
        pairs = [(rng.choice(records), rng.choice(records)) for _ in range(rng.randint(1, 80))]
        # Ties and repeated pairs on purpose: the best score may be shared.
        scores = [rng.choice([0.0, 0.25, 0.5, 1.0, rng.random()]) for _ in pairs]
        assert context_features(pairs, scores) == _context_by_sorting(pairs, scores)


def test_the_collector_is_paused_for_a_batch_and_restored_after() -> None:
    import gc

    from matching.parallel import paused_gc

    assert gc.isenabled()
    try:
        with paused_gc():
            assert not gc.isenabled()
            raise KeyError("a batch that fails")
    except KeyError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
