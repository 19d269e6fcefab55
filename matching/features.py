"""Pair features: string similarities, model-code agreement, attribute conflicts and price ratio."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from matching.qualifiers import FORM_FACTORS, ONE_SIDED
from matching.record import Record
from matching.strings import WordModel, aligned, load_words, overlap

NAN = float("nan")

FEATURES: tuple[str, ...] = (
    "ratio",
    "token_set",
    "token_sort",
    "partial",
    "jaccard",
    "idf_cosine",
    "unmatched_min",
    "unmatched_max",
    "unmatched_idf_max",
    "shared_idf_max",
    "len_min",
    "len_max",
    "codes_min",
    "codes_max",
    "code_hit_min",
    "code_hit_max",
    "code_exact",
    "code_prefix",
    "code_len",
    "code_unmatched_min",
    "code_unmatched_max",
    "code_none_hit",
    "code_conflict",
    "code_near",
    "code_in_desc",
    "model_token_unmatched_min",
    "model_token_conflict",
    "numbers_shared",
    "numbers_only_min",
    "numbers_only_max",
    "units_agree",
    "units_conflict",
    "capacity_conflict",
    "screen_conflict",
    "brand_same",
    "brand_differ",
    "qualifier_diff",
    "qualifier_conflict",
    "generation_conflict",
    "generation_one_side",
    "pack_differ",
    "accessory_asym",
    "fits_asym",
    "bundle_asym",
    "refurb_asym",
    "colour_conflict",
    "price_log_ratio",
    "char_jaccard",
    "char_contain",
    "code_gram_jaccard",
    "code_gram_contain",
    "code_gram_shared",
    "edition_diff",
    "platform_conflict",
    "word_model",
)
# Editions and licences of one program are sold and priced apart ("upgrade", "academic").
EDITIONS = frozenset(
    """
    upgrade academic student teacher oem trial home business premium platinum deluxe standard
    express ultimate enterprise basic essentials family server client
    """.split()
)
_MAC = frozenset(["mac", "osx"])
_WINDOWS = frozenset(["win", "windows", "pc", "xp", "vista", "win32", "win98"])
INDEX = {name: i for i, name in enumerate(FEATURES)}


class _IdfTable(dict[str, float]):
    """idf by token, computed on first look-up (`table[token]` is a C-level dict hit after)."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def __missing__(self, token: str) -> float:
        corpus = self.corpus
        value = self[token] = math.log((corpus.n + 1) / (corpus.df.get(token, 0) + 1)) + 1.0
        return value


class Corpus:
    """Document frequencies of tokens over the records at hand (rare tokens weigh more)."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for rec in records:
            self.df.update(rec.tokset)
            self.n += 1
        self.idf_table = _IdfTable(self)

    @classmethod
    def of_counts(cls, df: Counter[str], n: int) -> Corpus:
        """A corpus from word counts made elsewhere (by `pairwork`'s parent process)."""
        corpus = cls(())
        corpus.df, corpus.n = df, n
        return corpus

    def add(self, rec: Record) -> None:
        self.df.update(rec.tokset)
        self.n += 1
        self.idf_table.clear()

    def remove(self, rec: Record) -> None:
        self.df.subtract(rec.tokset)
        self.n -= 1
        self.idf_table.clear()

    def idf(self, token: str) -> float:
        return self.idf_table[token]


# The longest region and packaging suffix a full code may carry ("akxxu" and one more).
_LONG_SUFFIX = 6


def close_codes(code: str, other: str) -> bool:
    """One code is the other plus a short letter suffix or prefix ("kd65af8" / "kd65af8bu")."""
    short, long_ = (code, other) if len(code) < len(other) else (other, code)
    extra = len(long_) - len(short)
    if len(short) < 4 or not any(c.isdigit() for c in short):
        return False
    if long_.startswith(short):
        # Only a long code may take a long region suffix ("ue32m5520" / "ue32m5520akxxu").
        limit = _LONG_SUFFIX if len(short) >= 7 else 4
        return extra <= limit and long_[len(short) :].isalpha() and len(short) >= 5
    if long_.endswith(short):
        return extra <= 4 and (long_[:extra].isalpha() or (len(short) >= 5 and not short.isdigit()))
    # A model inside a fuller code ("nu8000" in "ue82nu8000tx"): the short side names a line,
    # and may lose a size prefix and a region suffix at once ("nu7400" / "ue43nu7400uxxu").
    limit = 8 if len(short) >= 6 else 4
    return (
        extra <= limit
        and len(short) >= 5
        and not short.isdigit()
        and not short.isalpha()
        and short in long_
    )


@lru_cache(maxsize=100_000)
def _blob(joins: frozenset[str]) -> str:
    return "\n".join(joins)


def _near(code: str, joins: frozenset[str]) -> bool:
    """A code of the other text is `code` plus or minus a few characters (see `close_codes`)."""
    n = len(code)
    # Shorter: a piece of `code` cut at either end (or both) that the other text has.
    for extra in range(1, min(_LONG_SUFFIX, n - 4) + 1):
        for start in range(extra + 1):
            piece = code[start : start + n - extra]
            if piece in joins and close_codes(code, piece):
                return True
    # Longer: the other text holds `code` inside a longer code.
    if code not in _blob(joins):
        return False
    return any(n < len(o) <= n + _LONG_SUFFIX and code in o and close_codes(code, o) for o in joins)


@lru_cache(maxsize=500_000)
def code_hits(codes: frozenset[str], joins: frozenset[str]) -> tuple[int, int, int, frozenset[str]]:
    """(exact hits, near hits, longest exact code, unmatched codes) of codes in other text."""
    exact = codes & joins
    near = 0
    missed: set[str] = set()
    for code in codes - exact:
        if _near(code, joins):
            near += 1
        else:
            missed.add(code)
    return len(exact), near, max((len(c) for c in exact), default=0), frozenset(missed)


def sibling_codes(missed_a: frozenset[str], missed_b: frozenset[str]) -> float:
    """How alike the codes only one side has are: "ue55nu8500" / "ue55nu8070" is a sibling model."""
    if not missed_a or not missed_b:
        return 0.0
    return max(fuzz.ratio(x, y) for x in missed_a for y in missed_b) / 100


def _whole(values: frozenset[float]) -> set[int]:
    # Cameras are sold as "14.7 megapixels" by one shop and "14 megapixels" by another.
    return {int(v) for v in values}


def _units(a: Record, b: Record) -> tuple[int, int, float, float]:
    agree = conflict = 0
    ua, ub = a.attrs.units, b.attrs.units
    for unit in ua.keys() & ub.keys():
        if (
            ua[unit] & ub[unit]
            or (unit == "mp" and _whole(ua[unit]) & _whole(ub[unit]))
            or (unit == "in" and same_screen(ua[unit], ub[unit]))
        ):
            agree += 1
        else:
            conflict += 1
    ca, cb = a.attrs.capacities_gb, b.attrs.capacities_gb
    cap = NAN
    if ca and cb:
        cap = 0.0 if (max(ca) == max(cb) and (len(ca) < 2 or len(cb) < 2 or ca == cb)) else 1.0
    sa, sb = ua.get("in"), ub.get("in")
    screen = NAN if not (sa and sb) else (0.0 if same_screen(sa, sb) else 1.0)
    return agree, conflict, cap, screen


def generations_differ(ga: frozenset[str], gb: frozenset[str]) -> bool:
    """Two generations, or two model years; a year against a generation may be one product
    (Apple's "Watch SE (2023)" is its "SE 2e génération")."""
    ya, yb = {g for g in ga if g.isdigit()}, {g for g in gb if g.isdigit()}
    na, nb = ga - ya, gb - yb
    return bool(ya and yb and ya.isdisjoint(yb)) or bool(na and nb and na.isdisjoint(nb))


def same_screen(sa: frozenset[float], sb: frozenset[float]) -> bool:
    """One screen size, or a whole number of inches and a size it rounds down from: Apple
    sells the 13.6-inch MacBook Air as "13 pouces", laptops of 15.6 inches are "15". A
    monitor or a TV is sold by the size it rounds up to: the "27 pouces" is 26.5 inches, the
    "24" 23.8, the "55" 54.6."""
    return not sa.isdisjoint(sb) or any(_named_as(x, y) for x in sa for y in sb)


def _named_as(x: float, y: float) -> bool:
    whole, exact = (x, y) if x.is_integer() else (y, x)
    if not whole.is_integer() or exact.is_integer():
        return False
    return int(exact) == whole or (whole >= 24 and whole - 0.5 <= exact < whole)


SHIPPED = "shipped"


def compare(
    a: Record,
    b: Record,
    corpus: Corpus,
    level: str = "product",
    words: WordModel | str | None = SHIPPED,
) -> list[float]:
    """The feature vector of a pair, in the order of FEATURES.

    `words`: the word model whose score is the last feature (the shipped one by default; None
    leaves it missing, as training does before it has out-of-fold scores)."""
    ta, tb = a.tokset, b.tokset
    shared, only_a, only_b = ta & tb, ta - tb, tb - ta
    idf = corpus.idf_table.__getitem__  # corpus.idf without a Python call per token
    w_shared = sum(map(idf, shared))
    w_a = w_shared + sum(map(idf, only_a))
    w_b = w_shared + sum(map(idf, only_b))
    un_a = 1 - w_shared / w_a if w_a else 1.0
    un_b = 1 - w_shared / w_b if w_b else 1.0
    cos = w_shared / math.sqrt(w_a * w_b) if w_a and w_b else 0.0
    un_idf = max(map(idf, only_a | only_b), default=0.0)

    aa, ab = a.attrs, b.attrs
    sa, sb = aa.strong_codes, ab.strong_codes
    ea, pa, la, miss_a = code_hits(sa, b.joins)
    eb, pb, lb, miss_b = code_hits(sb, a.joins)
    hit_a = (ea + pa) / len(sa) if sa else NAN
    hit_b = (eb + pb) / len(sb) if sb else NAN
    hits = [h for h in (hit_a, hit_b) if h == h]
    conflict = float(bool(miss_a and miss_b))
    near = sibling_codes(miss_a, miss_b)
    in_desc = NAN
    if (sa and b.desc_joins) or (sb and a.desc_joins):
        in_desc = float(bool(sa & b.desc_joins) or bool(sb & a.desc_joins))

    _, _, _, mt_a = code_hits(aa.model_tokens, b.joins)
    _, _, _, mt_b = code_hits(ab.model_tokens, a.joins)
    na, nb = aa.numbers, ab.numbers
    agree, uconf, cap, screen = _units(a, b)
    ga, gb = aa.generation, ab.generation
    price = NAN
    if a.price_eur is not None and b.price_eur is not None:
        price = abs(math.log(float(a.price_eur / b.price_eur)))
    colour = NAN
    if level == "variant" and aa.colours and ab.colours:
        colour = float(not aa.colours & ab.colours)
    return [
        fuzz.ratio(a.norm, b.norm) / 100,
        fuzz.token_set_ratio(a.norm, b.norm) / 100,
        fuzz.token_sort_ratio(a.norm, b.norm) / 100,
        fuzz.partial_ratio(a.norm, b.norm) / 100,
        len(shared) / len(ta | tb) if ta or tb else 0.0,
        cos,
        min(un_a, un_b),
        max(un_a, un_b),
        un_idf,
        max(map(idf, shared), default=0.0),
        float(min(len(ta), len(tb))),
        float(max(len(ta), len(tb))),
        float(min(len(sa), len(sb))),
        float(max(len(sa), len(sb))),
        min(hits) if hits else NAN,
        max(hits) if hits else NAN,
        float(ea + eb),
        float(pa + pb),
        float(max(la, lb)),
        float(min(len(miss_a), len(miss_b))),
        float(max(len(miss_a), len(miss_b))),
        float(bool(sa and sb and not (ea or pa or eb or pb))),
        conflict,
        near,
        in_desc,
        float(min(len(mt_a), len(mt_b))),
        float(bool(mt_a and mt_b)),
        float(len(na & nb)),
        float(min(len(na - nb), len(nb - na))),
        float(max(len(na - nb), len(nb - na))),
        float(agree),
        float(uconf),
        cap,
        screen,
        float(bool(aa.brand and ab.brand and aa.brand == ab.brand)),
        float(bool(aa.brand and ab.brand and aa.brand != ab.brand)),
        float(len(aa.qualifiers ^ ab.qualifiers)),
        float(
            bool((aa.qualifiers ^ ab.qualifiers) & ONE_SIDED)
            or bool(
                (fa := aa.qualifiers & FORM_FACTORS)
                and (fb := ab.qualifiers & FORM_FACTORS)
                and fa.isdisjoint(fb)
            )
        ),
        float(generations_differ(ga, gb)),
        float(bool(ga) != bool(gb)),
        float(aa.pack != ab.pack),
        float(aa.accessory != ab.accessory),
        float(aa.fits != ab.fits),
        float(aa.bundle != ab.bundle),
        float(aa.refurbished != ab.refurbished),
        colour,
        price,
        *overlap(a.grams, b.grams)[:2],
        *overlap(a.code_grams, b.code_grams),
        float(len((ta ^ tb) & EDITIONS)),
        float(_platform(ta) * _platform(tb) == -1),
        _word_score(a, b, words),
    ]


def _platform(toks: frozenset[str]) -> int:
    """1 for a Mac-only listing, -1 for Windows-only, 0 for both or neither."""
    return int(not _MAC.isdisjoint(toks)) - int(not _WINDOWS.isdisjoint(toks))


def _word_score(a: Record, b: Record, words: WordModel | str | None) -> float:
    model = load_words() if words == SHIPPED else words
    if not isinstance(model, WordModel):
        return NAN
    return model.score(*word_sets(a, b))


def word_sets(a: Record, b: Record) -> tuple[frozenset[str], frozenset[str]]:
    """The token sets the word model reads: a code written whole on one side and in pieces on
    the other counts as one shared word."""
    return aligned(a.toks, a.tokset, a.joins, b.toks, b.tokset, b.joins)
