"""Character evidence and a learned word model, beside the handcrafted pair features.

- Character n-grams: shops spell one code many ways ("SDSDQUA-032G-U46A", "sdsdqua032gu46a",
  "DSC-W55B" / "dscw55"); n-grams of the text with punctuation removed meet where tokens do not.
- The word model: a logistic regression over "word in both titles" / "word in one title only"
  learned from the training pairs, so that words whose difference matters ("used", "body",
  "iii", "mac", "upgrade") weigh more than those that do not ("black", "new", "uk"). The
  shapes of the words (code, number, size or speed, word) stand in for words never seen in
  training, shared or not; a code one title writes whole and the other in pieces
  ("kxts208w" / "kx-ts208w") is one shared word (`aligned`). Stored as plain weights in
  `model_words.json.gz`; `python -m matching.train` rebuilds it.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path

_DIGIT = re.compile(r"\d").search
_UNIT = re.compile(
    r"\d+(?:\.\d+)?(?:tb|gb|mb|in|ghz|mhz|mah|mp|l|kg|w|cm|mm|hz|rpm|v|oz|ml)"
).fullmatch
WORDS_PATH = Path(__file__).with_name("model_words.json.gz")


def char_grams(text: str, size: int = 3) -> frozenset[str]:
    """Character n-grams of a text with word boundaries kept as spaces."""
    padded = f" {text} "
    return frozenset({padded[i : i + size] for i in range(len(padded) - size + 1)})


def code_grams(compact: str, size: int = 6) -> frozenset[str]:
    """N-grams of the letters-and-digits-only text that hold a digit: pieces of model codes."""
    if not _DIGIT(compact):
        return frozenset()
    grams = {compact[i : i + size] for i in range(len(compact) - size + 1)}
    return frozenset(filterfalse(str.isalpha, grams))


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float, int]:
    """(Jaccard, containment of the smaller in the larger, shared count) of two sets."""
    if not a or not b:
        return 0.0, 0.0, 0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b)), shared


def word_keys(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """The word model's inputs for a pair of token sets."""
    sa, sb = set(a), set(b)
    apart = sa ^ sb
    keys = ["b|" + t for t in sa & sb]
    # A shared code is evidence even when the code itself was never seen in training.
    keys += ["t|" + shape for t in sa & sb if (shape := _shared_shape(t))]
    keys += ["o|" + t for t in apart]
    # Shapes generalise to words never seen in training: an unmatched code, number or word.
    keys += ["s|" + _shape(t) for t in apart]
    return keys


def aligned(
    toks_a: list[str],
    set_a: frozenset[str],
    joins_a: frozenset[str],
    toks_b: list[str],
    set_b: frozenset[str],
    joins_b: frozenset[str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The two token sets with a code written in pieces on one side ("kx-ts208w", "dvpfx820/r")
    counted as the one token the other side writes whole ("kxts208w", "dvpfx820r"): one shared
    word, not three unmatched ones."""
    whole_a = (set_a - set_b) & joins_b  # whole on side a, in pieces on side b
    whole_b = (set_b - set_a) & joins_a
    if not whole_a and not whole_b:
        return set_a, set_b
    return _merge(set_a, toks_a, whole_b, set_b), _merge(set_b, toks_b, whole_a, set_a)


def _merge(
    own: frozenset[str], toks: list[str], wholes: frozenset[str], other: frozenset[str]
) -> frozenset[str]:
    # A piece the other side also has on its own stays: it is shared either way.
    return frozenset((own | wholes) - (_pieces(toks, wholes) - other))


def _pieces(toks: list[str], wholes: frozenset[str]) -> set[str]:
    """The tokens of runs of two or three consecutive tokens that join into one of `wholes`."""
    out: set[str] = set()
    if not wholes:
        return out
    for i in range(len(toks) - 1):
        text = toks[i]
        for j in range(i + 1, min(i + 3, len(toks))):
            text += toks[j]
            if text in wholes:
                out.update(toks[i : j + 1])
    return out


@lru_cache(maxsize=200_000)  # a few thousand distinct tokens recur across every pair
def _shape(tok: str) -> str:
    if _UNIT(tok):
        return "unit"  # "128gb", "1600mhz": a size or speed, not a model
    digits = sum(c.isdigit() for c in tok)
    if not digits:
        return "word" if len(tok) > 3 else "short"
    if digits == len(tok):
        return "num" if len(tok) >= 3 else "digit"
    return "code" if len(tok) >= 4 else "mixed"


def _shared_shape(tok: str) -> str:
    # Only a shared code or long number is evidence whatever it is; a shared word or small
    # number ("3", "11": versions, sizes) says little unless its own weight says otherwise.
    shape = _shape(tok)
    return shape if shape in ("code", "mixed", "num") else ""


class WordModel:
    """Weights of word keys; `score` is the logit of a match from words alone."""

    def __init__(self, weights: dict[str, float], bias: float) -> None:
        self.weights = weights
        self.bias = bias
        # The weights split by kind, looked up by token: no key string built per pair.
        self._kinds: dict[str, dict[str, float]] = {"b": {}, "o": {}, "s": {}, "t": {}}
        for key, weight in weights.items():
            kind, _, word = key.partition("|")
            if kind in self._kinds:
                self._kinds[kind][word] = weight
        # Exact sums in integers: every weight is a whole multiple of 2**-scale, so a sum of
        # weights scaled by 2**scale is an exact integer, and one division (correctly rounded)
        # gives the very float math.fsum gives. A pair then costs its shared words only:
        # apart(a, b) = all(a) + all(b) - 2 * all(shared).
        self._scale = -1  # -1: a weight is not finite, sum with math.fsum instead
        if all(math.isfinite(w) for w in weights.values()):
            dens = [w.as_integer_ratio()[1] for w in weights.values()]
            self._scale = max((d.bit_length() - 1 for d in dens), default=0)
        self._parts: dict[str, tuple[int, int]] = {}  # word -> (one side, shared - 2 * one side)
        self._sums: dict[frozenset[str], int] = {}  # a token set -> its words' one-side sum

    def _fixed(self, weight: float) -> int:
        num, den = weight.as_integer_ratio()
        return num << (self._scale - (den.bit_length() - 1))

    def _part(self, tok: str) -> tuple[int, int]:
        part = self._parts.get(tok)
        if part is None:
            one = self._fixed(self._kinds["o"].get(tok, 0.0))
            one += self._fixed(self._kinds["s"].get(_shape(tok), 0.0))
            both = self._fixed(self._kinds["b"].get(tok, 0.0))
            both += self._fixed(self._kinds["t"].get(_shared_shape(tok), 0.0))
            part = (one, both - 2 * one)
            if len(self._parts) >= 500_000:
                self._parts.clear()
            self._parts[tok] = part
        return part

    def _sum(self, toks: frozenset[str]) -> int:
        total = self._sums.get(toks)
        if total is None:
            part = self._part
            total = sum(part(t)[0] for t in toks)
            if len(self._sums) >= 200_000:
                self._sums.clear()
            self._sums[toks] = total
        return total

    def score(self, a: Iterable[str], b: Iterable[str]) -> float:
        """bias + the weights of `word_keys(a, b)` (fsum: the same value in any order)."""
        if self._scale >= 0 and isinstance(a, frozenset) and isinstance(b, frozenset):
            part = self._part
            total = self._sum(a) + self._sum(b) + sum(part(t)[1] for t in a & b)
            return self.bias + total / (1 << self._scale)
        return self.score_fsum(a, b)

    def score_fsum(self, a: Iterable[str], b: Iterable[str]) -> float:
        """`score` summed with math.fsum over every key (the reference `score` equals)."""
        sa, sb = set(a), set(b)
        apart = sa ^ sb
        both, one, shape = self._kinds["b"].get, self._kinds["o"].get, self._kinds["s"].get
        values = [both(t, 0.0) for t in sa & sb]
        values += [self._kinds["t"].get(_shared_shape(t), 0.0) for t in sa & sb]
        values += [one(t, 0.0) for t in apart]
        values += [shape(_shape(t), 0.0) for t in apart]
        return self.bias + math.fsum(values)

    def save(self, path: Path = WORDS_PATH) -> None:
        data = {"bias": self.bias, "weights": {k: round(v, 5) for k, v in self.weights.items()}}
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(data, fh, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=4)
def load_words(path: Path = WORDS_PATH) -> WordModel | None:
    """The shipped word model, or None before `python -m matching.train` has built it."""
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return WordModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))
