"""Why a hard conflict between two offers may not count in the service (`decide.py`).

The conflicts were set for the site's look-alikes; on real shops' titles each also fires on
one product described two ways. Each excuse below names such a way."""

from __future__ import annotations

import re

from matching.features import code_hits
from matching.onesided import accessory_maker
from matching.qualifiers import ONE_SIDED
from matching.record import Record


def excused(conflict: str, a: Record, b: Record) -> bool:
    """Whether `conflict` between `a` and `b` is no evidence of two products."""
    if conflict == "brand_differ":
        return _brand_named(a, b)
    if conflict == "accessory_asym":
        return accessory_maker(a, b)
    if conflict == "qualifier_conflict":
        return _glued_qualifiers(a, b) or _same_part(a, b)
    if conflict == "model_token_conflict":
        return _part_only(a, b) or _part_only(b, a)
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
