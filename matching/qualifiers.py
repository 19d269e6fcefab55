"""Model qualifiers ("Pro", "Max", "Ti", "Super"...): which words are read as such, and where
a qualifier word is something else ("Super UHD", "HDR Pro", "A+", "mini fridge")."""

from __future__ import annotations

import re

# Tokens that change the model without looking like a code: "RTX 5070 Ti", "iPhone 16 Pro Max".
QUALIFIERS = frozenset(
    """
    pro max plus ultra mini lite air ti super xt xtx se fe nvl sxm pcie fold flip edge neo slim
    fan light go e s x xl oc
    """.split()
)
# The qualifiers that always name another model when only one side has them.
STRONG_QUALIFIERS = frozenset(
    "pro max plus ultra mini lite ti super xt xtx se fe nvl sxm pcie fold flip edge xl air".split()
)
# Form factors: a difference counts only when both sides name one (many titles name none).
FORM_FACTORS = frozenset({"sxm", "pcie", "nvl"})
# A qualifier only one side has names another model, unless it is a form factor.
ONE_SIDED = STRONG_QUALIFIERS - FORM_FACTORS


def _word_sets(table: dict[str, str]) -> dict[str, frozenset[str]]:
    return {word: frozenset(words.split()) for word, words in table.items()}


# Qualifier words that are something else next to certain words. Before: "Ultra HD" is a
# resolution (1,092 PriceRunner titles), "Ultra-Wide" a lens's angle, "S/steel" a finish,
# "Super UHD" a TV's picture, "Super Wide Angle" a lens's and "Super EBC" its coating, "mini
# fridge", "mini-ITX" and "Mini Tower" a size, "Pro:Idiom" a hotel TV's decoder, "edge-lit" a
# backlight.
# After: "HDR Pro", "X-Reality Pro" and "TV Plus" name picture or tuner features, "AM3+" and
# "SFP+" a socket and a port, "A+" an energy class, "80 Plus" a power supply's efficiency,
# "SilencePlus" a programme, "Core Ultra 7" Intel's processor.
_NOT_QUALIFIER_BEFORE = _word_sets(
    {
        "ultra": "hd hdr uhd high efficient rated slim thin energy wide fast",
        "s": "steel",
        "super": "uhd ultra freeze freezing cooling slim silent efficient capacity audio wide"
        " telephoto ebc",
        "mini": "fridge freezer bar itx dtx usb hdmi displayport retro drinks tower lab",
        "plus": "freesat freeview bubble steam",
        "pro": "idiom",
        "edge": "lit led",
        "max": "boost turbo",  # a processor's "Max Boost" clock
        "xl": "capacity",
    }
)
_NOT_QUALIFIER_AFTER = _word_sets(
    {
        "pro": "hdr reality 4k hd",
        "ultra": "core",
        "plus": "hdr tv freeview freesat silence cooling premium am3 fm2 sfp a vrt series 80",
        "super": "hdr",
        "xl": "twindos",
    }
)


def read_qualifiers(toks: list[str], tokset: set[str]) -> frozenset[str]:
    found = tokset & QUALIFIERS
    if any(t.startswith("sxm") for t in tokset):
        found.add("sxm")  # "H100 SXM5": the form factor with its generation
    for word in found & (_NOT_QUALIFIER_BEFORE.keys() | _NOT_QUALIFIER_AFTER.keys() | {"fe"}):
        if all(_not_qualifier(toks, i) for i, t in enumerate(toks) if t == word):
            found.discard(word)
    return frozenset(found)


def _not_qualifier(toks: list[str], i: int) -> bool:
    before = toks[i - 1] if i else ""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    word = toks[i]
    if word == "fe" and _focal(toks[i + 1 : i + 3]) and any(_APERTURE.fullmatch(t) for t in toks):
        return True  # Sony's lens mount: "FE 16-25 mm F2.8 G", "FE 50mm F1.8"
    return after in _NOT_QUALIFIER_BEFORE.get(word, ()) or (
        before in _NOT_QUALIFIER_AFTER.get(word, ())
    )


def _focal(nxt: list[str]) -> bool:
    """A focal length or range follows: "50mm", "16 25mm"."""
    if not nxt:
        return False
    if _MM.fullmatch(nxt[0]):
        return True
    return nxt[0].isdigit() and len(nxt) > 1 and bool(_MM.fullmatch(nxt[1]))


_MM = re.compile(r"\d+mm")
_APERTURE = re.compile(r"f\d*")  # "F2.8" is ["f2", "8"], "f/2,8" ["f", "2", "8"]
