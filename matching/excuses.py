"""Why a hard conflict between two offers may not count in the service (`decide.py`).

The conflicts were set for the site's look-alikes; on real shops' titles each also fires on
one product described two ways. Each excuse below names such a way, and each was measured on
the training splits of the pair benchmarks and on the site's pairs (docs/matching.md)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from matching.attributes import detect_brand
from matching.features import code_hits
from matching.lexicon import FILLER, FITS_CUES
from matching.normalise import tokens
from matching.onesided import accessory_maker
from matching.qualifiers import ONE_SIDED
from matching.record import Record
from matching.veto import said


def excused(conflict: str, a: Record, b: Record) -> bool:
    """Whether `conflict` between `a` and `b` is no evidence of two products."""
    if conflict == "brand_differ":
        return _brand_named(a, b)
    if conflict == "qualifier_conflict":
        return _glued_qualifiers(a, b) or _same_part(a, b)
    if conflict == "model_token_conflict":
        if _part_only(a, b) or _part_only(b, a):
            return True
        # A part number both write names the item; the rest are specs, unless each title
        # goes on from a shared code with a number of its own ("HX424C15FB/4" / "/16") or
        # each has its own code of one shape (a laptop's processor, "125H" / "155H").
        only = _only_tokens(a, b)
        if _shared_part(a, b) and not (
            _own_numbers(a, b, only, a.attrs.strong_codes & b.tokset) or _rival_pairs(only, _CODE)
        ):
            return True
        return not (_rival_pairs(only) or _own_numbers(a, b, only))
    if conflict == "accessory_asym" and accessory_maker(a, b):
        return True
    if conflict == "fits_asym" and _names_itself(*((a, b) if a.attrs.fits else (b, a))):
        return True
    if conflict == "edition_conflict":
        # An edition a title names is another product whatever code it shares.
        if not _NAMED.isdisjoint(tokens(a.title)) or not _NAMED.isdisjoint(tokens(b.title)):
            return False
        return _shared_code(a, b) or _shared_part(a, b)
    if conflict in _VETO_EXCUSES:
        return _shared_part(a, b)
    if conflict in _SAME_PART_EXCUSES:
        return _shared_part(a, b) and (conflict != "bundle_asym" or _bundle_of_one(a, b))
    return False


def _part_only(x: Record, y: Record) -> bool:
    """The model tokens only `x` has are all a maker's part numbers ("ST2000DM006",
    "SAL30M28", "8546B002") and the other's none: they name the product the other title
    names in words, so the other's own numbers (a spec, a page) are no second model."""
    _, _, _, missed = code_hits(x.attrs.model_tokens, y.joins)
    if not (missed and all(_PART_NUMBER.fullmatch(t) for t in missed)):
        return False
    # Two part numbers are two models ("QE55S95D" / "QE55S90D").
    _, _, _, other = code_hits(y.attrs.model_tokens, x.joins)
    return not any(_PART_NUMBER.fullmatch(t) for t in other)


# Seven characters or more, letters and digits or digits alone ("c13t865140", "8546b002").
_PART_NUMBER = re.compile(r"(?=.*\d)[a-z0-9]{7,}")


# A part number mixes letters with two runs of digits or more ("SEL85F18", "SEL70200GM2"),
# unlike a model name glued to its number ("rtx4060", "15ach6").
_DIGIT_RUNS = re.compile(r"\d+")


def _same_part(a: Record, b: Record) -> bool:
    """Both titles name one maker's part number ("Sony FE 85 mm F1.8 SEL85F18" / "Objectif
    Sony SEL85F18 85mm f/1.8"): a qualifier one of them adds ("FE", the lens mount) describes
    that part."""
    shared = a.attrs.strong_codes & b.attrs.strong_codes
    return any(len(c) >= 8 and len(_DIGIT_RUNS.findall(c)) >= 2 for c in shared)


def _glued_qualifiers(a: Record, b: Record) -> bool:
    """Each qualifier only one title has is glued to a word of the other ("963 XL" /
    "963XL", "RTX 5070 Ti" / "RTX5070TI")."""
    only = (a.attrs.qualifiers ^ b.attrs.qualifiers) & ONE_SIDED
    return bool(only) and all(_glued_in(q, a, b) or _glued_in(q, b, a) for q in only)


def _glued_in(q: str, x: Record, y: Record) -> bool:
    # The rest may be one word or several of `x` ("RTX 5070 Ti" / "TUF-RTX5070TI-O16G").
    return q in x.attrs.qualifiers and any(
        t.endswith(q) and (t[: -len(q)] in x.tokset or t[: -len(q)] in x.joins)
        for t in y.tokset
        if len(t) > len(q)
    )


def _brand_named(a: Record, b: Record) -> bool:
    """One title names the other's brand too: a board maker's card of the chip maker's line
    ("PNY NVIDIA RTX 6000 Ada" / "NVIDIA RTX 6000 Ada"), not two brands."""
    ba, bb = a.attrs.brand, b.attrs.brand
    if not (ba and bb):
        return False
    if {ba, bb} in _PARTNERS:
        return True
    return ba.replace(" ", "") in b.joins or bb.replace(" ", "") in a.joins


# NVIDIA's professional cards are sold in Europe under PNY's name as often as NVIDIA's.
_PARTNERS = [{"pny", "nvidia"}]


# Model tokens: a title's own numbers are rivals of the other's when they hold the same
# place in a name. Numbers of different kinds ("288" pins / "PC4", "U160" / "Ultra3") are
# two shops' specifications of one product: on 2,000 training pairs each, the conflict
# without a rival split 3 (Abt-Buy) to 19 (LSPM computers) true pairs for one false one.
_RUNS = re.compile(r"[a-z]+|\d+|[^a-z\d]+")
_HEAD = re.compile(r"([a-z]*)(\d+)")


Only = tuple[frozenset[str], frozenset[str]]


def _only_tokens(a: Record, b: Record) -> Only:
    """The model tokens each title has and the other does not write."""
    return code_hits(a.attrs.model_tokens, b.joins)[3], code_hits(b.attrs.model_tokens, a.joins)[3]


def _rival_pairs(only: Only, shape: re.Pattern[str] | None = None) -> bool:
    """Whether a model token only one title has stands where the other has its own; with
    `shape`, only two tokens of that shape count."""
    return any(
        _rivals(x, y)
        for x in only[0]
        for y in only[1]
        if shape is None or (shape.match(x) and shape.match(y))
    )


# Letters and digits: a processor's or a card's number ("125H" / "155H"), not a spec.
_CODE = re.compile(r"(?=.*[a-z])(?=.*\d)")


def _own_numbers(a: Record, b: Record, only: Only, after: frozenset[str] | None = None) -> bool:
    return any(_after_same_word(x, a, b, after) for x in only[0]) or any(
        _after_same_word(y, b, a, after) for y in only[1]
    )


def _rivals(x: str, y: str) -> bool:
    """Two codes of one shape: one extends the other ("X870E" / "X870", "502XL" / "502"),
    the same letters before as many digits ("AX73" / "AX72", "14" / "16"), the same runs of
    letters and digits ("QE55S85F" / "QE55S90F"), or long and alike ("CMK16...C14" / "...C16")."""
    if _suffixed(x, y) or _suffixed(y, x) or _small_numbers(x, y):
        return False
    if x.startswith(y) or y.startswith(x) or x.endswith(y) or y.endswith(x):
        return True
    if _head(x) == _head(y):
        return True
    rx, ry = _RUNS.findall(x), _RUNS.findall(y)
    if [r[0].isalpha() for r in rx] == [r[0].isalpha() for r in ry] and all(
        abs(len(p) - len(q)) <= 1 for p, q in zip(rx, ry, strict=True)
    ):
        if not rx[0][0].isalpha() or rx[0] == ry[0]:
            return True
    return min(len(x), len(y)) >= 6 and Levenshtein.normalized_similarity(x, y) >= 0.7


def _small_numbers(x: str, y: str) -> bool:
    """Two bare numbers of four digits at most ("240" / "288", "5" / "9") are specs, counts
    or page numbers unless they follow one word (`_after_same_word`: "Pro 14" / "Pro 16");
    longer ones are part numbers ("658071" / "454141")."""
    return x.isdigit() and y.isdigit() and max(len(x), len(y)) <= 4


def _suffixed(x: str, y: str) -> bool:
    """`x` is the maker's part number `y` with a region or packaging suffix of two characters
    or more ("M393A1G40DB0-CPB0Q", "KD43XF8096BU"); "SEL70200GM2" (the lens's mark II) is
    another model."""
    return len(y) >= 8 and len(x) >= len(y) + 2 and x.startswith(y) and not y.isdigit()


def _head(code: str) -> tuple[str, int] | None:
    m = _HEAD.match(code)
    return (m.group(1), len(m.group(2))) if m else None


def _after_same_word(code: str, x: Record, y: Record, after: frozenset[str] | None = None) -> bool:
    """After a word both titles have, `y` goes on with a number of its own ("R18PD3-0" /
    "R18PD3-220S", "Insta360 X5" / "Insta360 X4", whose "X4" reads as a PCIe width); only
    after one of the words `after` when given."""
    toks, other = x.toks, y.toks
    for i in range(1, len(toks)):
        if toks[i] != code or (after is not None and toks[i - 1] not in after):
            continue
        for j in range(len(other) - 1):
            nxt = other[j + 1]
            if other[j] == toks[i - 1] and nxt != code and nxt not in x.joins and _HAS_DIGIT(nxt):
                return True
    return False


_HAS_DIGIT = re.compile(r"\d").search


_CLONE_CUES = frozenset(["compatible", "compatibles", "kompatibel"])


def _names_itself(x: Record, y: Record) -> bool:
    """`x` says what it fits ("Sigma 50mm F1.4 DG HSM Art for Canon") and `y` says the words
    `x` names itself with, before its "for" ("Sigma 50mm F1.4 DG HSM Art Lens [Canon]"), or
    its own code: `y` is that accessory, not the device it fits ("Coque pour iPhone 16" /
    "iPhone 16" keeps its conflict: "coque" is not said). A "compatible" item is another
    maker's copy of what it names ("Cartouche compatible HP 305XL" / "Cartouche HP 305XL")."""
    toks = tokens(x.title)
    if not _CLONE_CUES.isdisjoint(toks):
        return False
    cut = next((i for i, t in enumerate(toks) if t in FITS_CUES), 0)
    head = [t for t in toks[:cut] if t not in FILLER and t != x.attrs.brand]
    if not head:
        return False
    codes = [
        t
        for t in head
        if t in x.attrs.model_tokens and len(t) >= 4 and not t.isdigit() and not t.isalpha()
    ]
    if codes and all(said(t, x, y) for t in codes):
        return True
    return all(said(t, x, y) for t in head)


# A maker's part number both titles write as one word ("MSACUS40", "DG0300BAHZQ",
# "TL-WN821N", OKI's "44844507") names one item: an accessory word, a pack or a bundle word
# that only one title has describes it ("Sony memory stick USB adaptor MSACUS40" / "... card
# reader/writer MSACUS40"), and so does a word the veto reads as a model's ("Cheap Replica" /
# "Buy Quality Replica ... 26470OR.OO.1000OR.02", a cap's name in two languages). Not a model
# name glued to its number ("RTX4070", "Insta360").
_SAME_PART_EXCUSES = frozenset(["accessory_asym", "fits_asym", "bundle_asym", "pack_differ"])
_VETO_EXCUSES = frozenset(["words_conflict", "letter_conflict", "edition_conflict"])
_CHIP_NAME = re.compile(r"(?:rtx|gtx|rx)\d+.*")


def _part_numbers(rec: Record) -> set[str]:
    return {
        c
        for c in rec.attrs.strong_codes & rec.tokset
        if len(c) >= 7 and _HAS_DIGIT(c) and not _CHIP_NAME.fullmatch(c) and not detect_brand(c)
    }


def _shared_part(a: Record, b: Record) -> bool:
    # What a title fits is the device, whatever code it shares ("Coque pour ... SM-S928B").
    return not (a.attrs.fits or b.attrs.fits) and bool(_part_numbers(a) & _part_numbers(b))


# "Édition Spéciale", "Creator Edition", "Version 2".
_NAMED = frozenset(["edition", "version"])


def _shared_code(a: Record, b: Record) -> bool:
    """Both titles write one model code of five characters or more, letters and digits
    ("DPFD80", "HF100"): a word one adds after the name describes that model."""
    return any(
        len(c) >= 5 and _CODE.match(c) and not _CHIP_NAME.fullmatch(c) and not detect_brand(c)
        for c in a.attrs.strong_codes & b.attrs.strong_codes & a.tokset & b.tokset
    )


def _bundle_of_one(a: Record, b: Record) -> bool:
    """The bundle's title names no code the other lacks: a TV with its own DVD player, not
    "QE65QN90D + barre de son HW-Q990D"."""
    x, y = (a, b) if a.attrs.bundle else (b, a)
    return not any(c not in y.joins and _HAS_DIGIT(c) for c in x.attrs.strong_codes)
