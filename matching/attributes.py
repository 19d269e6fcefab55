"""Attributes read from a title: brand, model codes, capacities, sizes, generation, pack, cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matching.lexicon import ACCESSORY, BRANDS, BUNDLE, COLOURS, FILLER, FITS_CUES, REFURBISHED
from matching.normalise import fold

# Tokens that change the model without looking like a code: "RTX 5070 Ti", "iPhone 16 Pro Max".
QUALIFIERS = frozenset(
    """
    pro max plus ultra mini lite air ti super xt xtx se fe nvl sxm pcie fold flip edge neo slim
    fan light go e s x xl oc
    """.split()
)
# The qualifiers that always name another model when only one side has them.
STRONG_QUALIFIERS = frozenset(
    "pro max plus ultra mini lite ti super xt xtx se fe nvl sxm pcie fold flip edge oc".split()
)
UNIT_RE = re.compile(r"^(\d+(?:\.\d+)?)(tb|gb|mb|in|ghz|mhz|mah|mp|l|kg|w|cm|mm|hz)$")
# Technology names that look like codes but name a standard, not a model.
_TECH = re.compile(
    r"^(?:l?p?ddr\d+x?|g?ddr\d+x?|hbm\d+e?|pcie\d*|usb\d*[a-c]?|wifi\d*e?|bt\d*|hdmi\d*|dp\d*"
    r"|nvme\d*|sata\d*|ipx\d|ip\d\d|[345]g|x(?:1|2|4|8|16)|\d{3,4}p|\d+k|\d+x)$"
)
_YEAR = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
_GEN = re.compile(r"^gen(\d{1,2})$")
_PACK_WORDS = re.compile(
    r"\b(?:pack|lot|set)\s+(?:de\s+|of\s+|von\s+)?(\d{1,2})\b|\b(\d{1,2})\s*-?\s*(?:pack|pcs|pieces|stuck|er-pack)\b"
)
_PACK_X = re.compile(r"^(\d{1,2})x$")
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
_ALIASES: list[tuple[str, str]] = sorted(
    ((alias, brand) for brand, aliases in BRANDS.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
_ALIAS_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")\b")
_ALIAS_TO_BRAND = dict(_ALIASES)


@dataclass(frozen=True, slots=True)
class Attributes:
    """What the matcher understood of a listing; every field is optional evidence."""

    brand: str | None = None
    codes: frozenset[str] = frozenset()
    strong_codes: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    units: dict[str, frozenset[float]] = field(default_factory=dict)
    qualifiers: frozenset[str] = frozenset()
    generation: frozenset[str] = frozenset()
    pack: int = 1
    accessory: bool = False
    fits: bool = False
    bundle: bool = False
    refurbished: bool = False
    colours: frozenset[str] = frozenset()

    @property
    def capacities_gb(self) -> frozenset[float]:
        gb = set(self.units.get("gb", ()))
        gb.update(v * 1000 for v in self.units.get("tb", ()))
        return frozenset(gb)


def detect_brand(folded: str) -> str | None:
    """The canonical brand named or implied in folded text, or None."""
    match = _ALIAS_RE.search(folded)
    return _ALIAS_TO_BRAND[match.group(1)] if match else None


def canonical_brand(raw: str | None) -> str | None:
    """A shop's brand field in canonical form ("Apple Inc." -> "apple")."""
    if not raw:
        return None
    folded = fold(raw).strip()
    if not folded or folded in {"none", "null", "nan", "n/a", "unknown", "generic", "-"}:
        return None
    return detect_brand(folded) or re.sub(r"[^a-z0-9]+", " ", folded).strip() or None


def is_code(token: str) -> bool:
    """A model code: letters and digits mixed (s921b, ue49nu7100) or a number of 3+ digits."""
    if UNIT_RE.match(token) or _GEN.match(token) or _YEAR.match(token) or _TECH.match(token):
        return False
    has_digit = any(c.isdigit() for c in token)
    if not has_digit:
        return False
    if token.isdigit():
        return len(token) >= 3
    return len(token) >= 3


def joined_codes(toks: list[str]) -> set[str]:
    """Codes split by spaces or dashes, joined again: "rtx 5090" -> "rtx5090", "rb 6093 aw"."""
    out: set[str] = set()
    n = len(toks)
    for i in range(n - 1):
        first, second = toks[i], toks[i + 1]
        if first in FILLER or UNIT_RE.match(first) or UNIT_RE.match(second):
            continue
        has_digit = any(c.isdigit() for c in second)
        # A short prefix before a number ("rtx 5090", "sm s921b", "e5 2407") ...
        if has_digit and len(first) <= 4 and (first.isalpha() or second.isdigit()):
            text = first + second
        # ... or a code followed by a short letter suffix ("6093 aw", "mwh2621 mb").
        elif first[-1].isdigit() and second.isalpha() and len(second) <= 3:
            text = first + second
        else:
            continue
        if second in FILLER:
            continue
        out.add(text)
        if i + 2 < n and toks[i + 2].isalpha() and len(toks[i + 2]) <= 3:
            if toks[i + 2] not in FILLER:
                out.add(text + toks[i + 2])
    return out


def extract(toks: list[str], folded_title: str, brand_field: str | None = None) -> Attributes:
    """Attributes of one listing from its normalised tokens and folded title."""
    units: dict[str, set[float]] = {}
    numbers: set[str] = set()
    codes: set[str] = set()
    generation: set[str] = set()
    pack = 1
    for i, tok in enumerate(toks):
        unit = UNIT_RE.match(tok)
        if unit:
            units.setdefault(unit.group(2), set()).add(float(unit.group(1)))
            continue
        if tok.isdigit():
            numbers.add(tok)
        if _YEAR.match(tok):
            generation.add(tok)
        gen = _GEN.match(tok)
        if gen:
            generation.add("gen" + gen.group(1))
        if tok in _ROMAN and i > 0 and toks[i - 1] in {"mark", "mk", "series", "gen"}:
            generation.add("gen" + _ROMAN[tok])
        packx = _PACK_X.match(tok)
        if packx and i + 1 < len(toks) and not UNIT_RE.match(toks[i + 1]):
            pack = max(pack, int(packx.group(1)))
        if is_code(tok):
            codes.add(tok)
    for m in _PACK_WORDS.finditer(folded_title):
        pack = max(pack, int(m.group(1) or m.group(2)))
    codes.update(joined_codes(toks))
    strong = {c for c in codes if len(c) >= 4 and not _TECH.match(c)}
    tokset = set(toks)
    brand = canonical_brand(brand_field) or detect_brand(" ".join(toks))
    accessory = bool(tokset & ACCESSORY)
    fits = bool(tokset & FITS_CUES) and accessory
    return Attributes(
        brand=brand,
        codes=frozenset(codes),
        strong_codes=frozenset(strong),
        numbers=frozenset(numbers),
        units={k: frozenset(v) for k, v in units.items()},
        qualifiers=frozenset(tokset & QUALIFIERS),
        generation=frozenset(generation),
        pack=pack if pack <= 24 else 1,
        accessory=accessory,
        fits=fits,
        bundle=bool(tokset & BUNDLE) or "+" in folded_title,
        refurbished=bool(tokset & REFURBISHED),
        colours=frozenset(tokset & COLOURS),
    )
