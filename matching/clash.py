"""Two models that the learned score may take for one: rules read from the titles.

The trees give these cues too little weight: they are rare in the training splits, which
also label many pairs one product across a descriptive "Pro" or "Plus". Read narrowly, they
hold: of the 152,496 training pairs, the number rule reads 3,443 and 98% of them are two
products; the qualifier rule reads 356, 92% two products; the moved-qualifier rule none.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from matching.chips import chip_clash
from matching.editions import edition_clash
from matching.laptops import line_clash, series_after_line_clash
from matching.normalise import fold, normalise
from matching.qualifiers import FORM_FACTORS, ONE_SIDED
from matching.record import Record
from matching.specs import spec_clash

_DIGIT = re.compile(r"\d").search


def qualifier_clash(a: Record, b: Record) -> bool:
    """Two models: a qualifier only one title has, typed as a word right after a model word
    both have ("iPhone 16 Pro" / "16 Pro Max", "RTX 4070" / "4070 Super"), or two form factors
    ("H200 NVL" / "H200 SXM").

    The trees weigh a one-sided qualifier lightly, since the training sets label many pairs one
    product across a descriptive "Pro" or "Plus"; right after a shared model word (one with a
    digit, or a shared qualifier) it names the model. "Professional", read as "pro", is an
    adjective, so the word must be typed as it is."""
    fa, fb = a.attrs.qualifiers & FORM_FACTORS, b.attrs.qualifiers & FORM_FACTORS
    if fa and fb and fa.isdisjoint(fb):
        return True
    for x, y in ((a, b), (b, a)):
        for q in (x.attrs.qualifiers - y.attrs.qualifiers) & ONE_SIDED:
            if not _typed(q, x.title):
                continue
            t = x.toks
            for i in range(1, len(t)):
                before = t[i - 1]
                if t[i] != q:
                    continue
                # The other title may glue the word to the one before it ("RTX4070").
                shared = before in y.tokset or (i > 1 and t[i - 2] + before in y.tokset)
                if shared and _named_by(q, before, t[i + 1 :], x, y):
                    return True
    return False


def _named_by(q: str, before: str, rest: list[str], x: Record, y: Record) -> bool:
    """Whether a one-sided qualifier `q` of `x`, right after `before` (a word both have),
    names the model: `before` is a model word ("16 Pro" / "16"), another qualifier ("Pro Max"
    / "Pro"), or `y` has another qualifier in its place ("Z Fold 6" / "Z Flip 6") or the
    model number that follows `q` right after `before`, a product line ("Legion Pro 5" /
    "Legion 5"), or a model number of its own there ("Buds FE" / "Buds 3": 45 training pairs
    more, 43 two products)."""
    if before in y.attrs.qualifiers or _DIGIT(before):
        return True
    for w, n in itertools.pairwise(y.toks):
        if w != before:
            continue
        if n in ONE_SIDED and n in y.attrs.qualifiers and n not in x.attrs.qualifiers:
            return True
        if rest and n == rest[0] and n in x.attrs.model_tokens and _short(n):
            # Not after a brand: "Sony FE 24-240mm" names a lens mount.
            return before not in (x.attrs.brand, y.attrs.brand)
        if n in y.attrs.model_tokens and n not in x.tokset and _short(n):
            # A model number in the qualifier's place: "Buds FE" / "Buds 3".
            return before not in (x.attrs.brand, y.attrs.brand)
    return False


def model_clash(a: Record, b: Record) -> bool:
    """Two models by their numbers, a chip's number, suffix or board line (`chips.py`), where
    a shared qualifier stands, two editions of one line (`editions.py`), two core counts, or
    two generations, years, memory speeds or drive kinds, or an accessory (`specs.py`)."""
    return (
        number_clash(a, b)
        or chip_clash(a, b)
        or moved_qualifier(a, b)
        or edition_clash(a, b)
        or core_clash(a, b)
        or numbered_qualifier(a, b)
        or series_clash(a, b)
        or line_clash(a, b)
        or series_after_line_clash(a, b)
        or spec_clash(a, b)
    )


def series_clash(a: Record, b: Record) -> bool:
    """ "Sony WH-1000XM5" / "WF-1000XM5" (or "WH1000XM5"): two letters dashed or glued before
    a model code are part of it (Sony's headphones and earbuds; Siemens' "BF634LGS1B" /
    "BE634LGS1B", a microwave without and with a grill). Of the training pairs it reads 95,
    97% two products."""
    sa, sb = _series(a.title, tuple(a.toks)), _series(b.title, tuple(b.toks))
    return any(
        sa[code].isdisjoint(sb[code] | b.tokset) and sb[code].isdisjoint(a.tokset)
        for code in sa.keys() & sb.keys()
    )


@lru_cache(maxsize=100_000)
def _series(title: str, toks: tuple[str, ...]) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for series, code in itertools.pairwise(toks):
        if len(series) == 2 and series.isalpha() and len(code) >= 5 and _DIGIT(code):
            if not code.isdigit() and f"{series}-{code}" in title.lower():
                found[code] = found.get(code, frozenset()) | {series}
    for token in toks:  # glued: "WH1000XM5"
        if len(token) >= 7 and token[:2].isalpha() and token[2].isdigit():
            if not token[2:].isdigit():
                found[token[2:]] = found.get(token[2:], frozenset()) | {token[:2]}
    return found


def numbered_qualifier(a: Record, b: Record) -> bool:
    """A generation number after a qualifier both titles have, in one only: "Watch Ultra 2" /
    "Watch Ultra", "Watch SE 2" / "SE", "Pixel Buds Pro 2" / "Pixel Buds Pro". Not where the
    other names a generation its own way ("2e génération"), nor a number that starts a
    decimal ("iPad Pro 9.7") or counts something ("Plus 3 users"). Of the 152,442 training
    pairs it reads 36, 97% two products."""
    shared = a.attrs.qualifiers & b.attrs.qualifiers & ONE_SIDED
    if not shared:
        return False
    return _numbered(a, b, shared) or _numbered(b, a, shared)


_COUNTED = frozenset("user users utilisateurs pc postes bay baies port ports pack x".split())


def _numbered(x: Record, y: Record, shared: frozenset[str]) -> bool:
    if y.attrs.generation:
        return False
    t = x.toks
    for i in range(len(t) - 1):
        q, n = t[i], t[i + 1]
        if q not in shared or not (n.isdigit() and len(n) == 1):
            continue
        if i + 2 < len(t) and t[i + 2] in _COUNTED:
            continue
        if re.search(rf"(?<![a-z]){q}\W*{n}(?![\d.,])", x.title.lower()) is None:
            continue
        if n in y.tokset or "v" + n in y.tokset:
            continue
        nexts = [m for p, m in itertools.pairwise([*y.toks, ""]) if p == q]
        if nexts and not any(m.isdigit() for m in nexts):
            return True
    return False


def moved_qualifier(a: Record, b: Record) -> bool:
    """A qualifier both titles have, after a model word in one only (`_moved`)."""
    shared = a.attrs.qualifiers & b.attrs.qualifiers & ONE_SIDED
    return bool(shared) and (_moved(a, b, shared) or _moved(b, a, shared))


def _moved(x: Record, y: Record, shared: frozenset[str]) -> bool:
    """A qualifier both titles have, after a model number in one only: "MacBook Pro M4 Pro 24
    Go" and "MacBook Pro M4 16 Go" are two chips. Read narrowly, since shops order words
    freely ("RTX 2060 AMP Super" / "2060 Super AMP"): the qualifier typed as a word in both
    titles, and the other title's number followed by a spec the first does not have."""
    for before, q in itertools.pairwise(x.toks):
        if q not in shared or len(before) < 2 or not _short(before):
            continue
        if before not in x.attrs.model_tokens:
            continue
        nexts = [n for w, n in itertools.pairwise(y.toks) if w == before]
        if nexts and all(_DIGIT(n) and n not in x.tokset for n in nexts):
            if _typed(q, x.title) and _typed(q, y.title):
                return True
    return False


def _typed(q: str, title: str) -> bool:
    """The qualifier as typed ("Professional" is read "pro", but it is an adjective), or as a
    part number writes it ("TUF-RTX4070S", "GV-N407SWF3OC-12GD" are 4070 Supers)."""
    typed = r"\+|(?<![a-z])plus(?![a-z])" if q == "plus" else rf"(?<![a-z]){q}(?![a-z])"
    return (
        re.search(typed, title.lower()) is not None
        or re.search(typed, normalise(title)) is not None
    )


def number_clash(a: Record, b: Record) -> bool:
    """The same word followed by two different model numbers ("iPhone 15" / "iPhone 16",
    "iPhone 16" / "16e", "Series 9" / "Series 10"), and no model code of one title found in
    the other (a shared code says more than a range number: "Bosch Serie 4 KGN34XL35G" and
    "Serie 8 KGN34XL35G" are one fridge, as listed by two shops)."""
    ma, mb = a.attrs.model_tokens, b.attrs.model_tokens
    if not ma or not mb:
        return False
    if a.attrs.strong_codes & b.joins or b.attrs.strong_codes & a.joins:
        return False
    after: dict[str, set[str]] = {}
    for word, token in itertools.pairwise(b.toks):
        if token in mb and _short(token) and word.isalpha():
            after.setdefault(word, set()).add(token)
    for word, token in itertools.pairwise(a.toks):
        theirs = after.get(word)
        if not theirs or token not in ma or not _short(token):
            continue
        if token not in b.tokset and token not in b.joins:
            if all(t not in a.tokset and t not in a.joins for t in theirs):
                if _bare(token) not in {_bare(t) for t in theirs}:
                    return True
    return False


def _short(token: str) -> bool:
    """A model number: "15", "16e", "4070", "a55", "s24" (longer codes are compared as codes)."""
    return len(token) <= 4 and (token[0].isdigit() or token[1:].isdigit())


def _bare(token: str) -> str:
    """The number without a one-letter prefix, which shops drop: "Ryzen R5" is "Ryzen 5",
    "v8" is version 8, "Source S340" is "Source 340"."""
    return token[1:] if token[0].isalpha() and token[1:].isdigit() else token


def memory_clash(a: Record, b: Record) -> bool:
    """Two configurations of one model: the same storage with two memory sizes ("M3 8 Go 256
    Go" / "M3 16 Go 256 Go"). Only when each title names exactly two capacities, the smaller
    one memory-sized: titles naming more often run two listings together."""
    ca, cb = a.attrs.capacities_gb, b.attrs.capacities_gb
    if len(ca) != 2 or len(cb) != 2 or max(ca) != max(cb):
        return False
    return min(ca) != min(cb) and max(min(ca), min(cb)) <= 64


def capacity_clash(a: Record, b: Record) -> bool:
    """Two capacities, one named in each title ("A100 40 Go" / "A100 80 Go"); a binary and a
    decimal terabyte are one ("2048 GB" / "2 TB"). Of the 152,442 training pairs it reads
    1,636, 99.0% two products."""
    ca, cb = a.attrs.capacities_gb, b.attrs.capacities_gb
    if len(ca) != 1 or len(cb) != 1:
        return False
    x, y = max(ca), max(cb)
    return abs(x - y) > 0.05 * max(x, y)


# "8 coeurs", "10-core", "6 Kerne": a processor's or a chip's core count.
_CORES = re.compile(r"(?<![\d/])(\d{1,2})[ -]?(?:coeurs?|cores?|kerne|c(?= [cg]pu))\b")
_CORE_WORDS = ("core", "coeur", "kern", "cpu", "gpu")  # words `_CORES` cannot match without


def core_clash(a: Record, b: Record) -> bool:
    """Two core counts ("iMac M4 8 coeurs CPU 8 coeurs GPU" / "10 coeurs CPU 10 coeurs GPU",
    "Core i3 2 cores" / "4 core"); a title naming one count more than the other may name the
    processor's and the graphics' ("10 coeurs CPU 8 coeurs GPU" / "10 coeurs"). Of the
    152,442 training pairs it reads 602, 99.7% two products."""
    ca, cb = _cores(a.title), _cores(b.title)
    return bool(ca and cb) and ca != cb and (len(ca) == len(cb) or ca.isdisjoint(cb))


@lru_cache(maxsize=100_000)
def _cores(title: str) -> frozenset[str]:
    folded = fold(title)
    if not any(word in folded for word in _CORE_WORDS):
        return frozenset()
    return frozenset(_CORES.findall(folded))


_WATCHES = frozenset(
    "watch montre smartwatch epix fenix forerunner venu instinct vivoactive".split()
)


def watch_case(rec: Record) -> float | None:
    """A watch's case size in mm, its screen ("Watch Series 10 42 mm", "Galaxy Watch7 44mm")."""
    mm = rec.attrs.units.get("mm")
    if mm and (not _WATCHES.isdisjoint(rec.tokset) or any(t[:5] == "watch" for t in rec.toks)):
        return max(mm)
    return None


def case_clash(a: Record, b: Record) -> bool:
    """Two watch case sizes, two products ("Galaxy Watch7 40 mm" / "44 mm")."""
    ca, cb = watch_case(a), watch_case(b)
    return ca is not None and cb is not None and ca != cb
