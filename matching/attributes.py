"""Attributes read from a title: brand, model codes, capacities, sizes, generation, pack, cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from matching.capacities import capacities, own_gigabytes
from matching.connectivity import read_network
from matching.cues import accessory_words, bundle_words, lens_kit, plus_items
from matching.lexicon import ACCESSORY, BRANDS, BUNDLE, COLOURS, FILLER, FITS_CUES, REFURBISHED
from matching.normalise import fold
from matching.partnumbers import read_part
from matching.qualifiers import QUALIFIERS, read_qualifiers
from matching.spectokens import spec_positions

UNIT_RE = re.compile(r"^(\d+(?:\.\d+)?)(tb|gb|mb|in|ghz|mhz|mah|mp|l|kg|w|cm|mm|hz|rpm)$")
# Technology names that look like codes but name a standard, not a model.
TECH = re.compile(
    r"^(?:l?p?ddr\d+x?|g?ddr\d+x?|hbm\d+e?|pcie\d*|usb\d*[a-c]?|wifi\d*e?|bt\d*|hdmi\d*|dp\d*"
    r"|nvme\d*|sata\d*|sxm\d?|ipx\d|ip\d\d|[345]g|x(?:1|2|4|8|16)|\d{1,2}k|\d{1,3}x"
    # A video resolution ("1080p"); a processor's "P" stays its own ("EPYC 4564P").
    r"|(?:240|360|480|576|720|1080|1440|2160|4320)[pi]"
    # Processor sockets name a platform shared by many models ("lga1151", "s1151", "am4").
    r"|(?:fc)?lga\d{3,4}(?:v\d)?|s(?:775|115[015]|1156|1200|1366|1700|1851|2011|2066)|am[2-5]|fm[12]"
    r"|tr4|sp[35]|strx4|skt\d{3,4}"
    # A chip's process node ("14nm").
    r"|\d{1,2}nm"
    # A memory module's ranks ("2Rx4").
    r"|\drx\d{1,2})$"
)
# Words before a socket's number ("socket 1151", "lga 2066"), and before a processor's top
# frequency ("up to 4.2 GHz", "turbo 3.8 GHz"), which another shop gives as the base one.
_SOCKET_WORDS = frozenset(["socket", "sockel", "skt", "lga", "fclga"])
_TOP_WORDS = frozenset(["to", "turbo", "boost", "max"])
_COUNTED = frozenset(["core", "cores", "coeurs", "kerne", "thread", "threads", "x"])
# Words after a number that are not a letter suffix of a model code ("10 pro", "16 gpu").
_NOT_SUFFIX = QUALIFIERS | frozenset(
    "gpu ram ssd hdd tv led pc kit box oem cpu fan and for the mit von de en avec dual hdr uhd "
    "fhd lga skt".split()
)
# Words that end a joined code ("i7 7700 cpu" is no code "i77700cpu"); qualifiers such as
# "s" or "x" may ("iwdc 6125 s").
_NOT_THIRD = _NOT_SUFFIX - QUALIFIERS
_DIGIT = re.compile(r"\d").search
_YEAR = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
_GEN = re.compile(r"^gen(\d{1,2})$")
_PACK_WORDS = re.compile(
    r"\b(?:pack|lot|set)\s+(?:de\s+|of\s+|von\s+)?(\d{1,2})\b|\b(\d{1,2})\s*-?\s*(?:pack|pcs|pieces|stuck|er-pack)\b"
)
_PACK_HINT = re.compile(r"pack|lot|set|pcs|pieces|stuck")
_PACK_X = re.compile(r"^(\d{1,2})x$")
# "4x HDMI" counts a device's ports, not devices in the box.
_PORTS = frozenset("hdmi usb usb-c displayport dp sata pcie m2 lan ethernet rj45 hdr".split())
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
_ALIASES: list[tuple[str, str]] = sorted(
    ((alias, brand) for brand, aliases in BRANDS.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)
_ALIAS_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")\b")
_ALIAS_TO_BRAND = dict(_ALIASES)
# Retail box and bare tray/OEM parts are sold and priced as different products.
# A lens mount after its maker: an "objectif pour Sony E" is the lens, fitting no device.
_MOUNTS = frozenset(["e", "fe", "rf", "ef", "z", "x", "l", "mft", "m43"])
PACKAGING = {"box": "box", "boxed": "box", "retail": "box", "tray": "tray", "oem": "tray"}


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
    # Tokens with a digit that name the model ("9", "16e", "a56", "5070"), units excluded.
    model_tokens: frozenset[str] = frozenset()
    # Model codes read out of processor part numbers ("bx80677i77700" holds "i77700").
    part_models: frozenset[str] = frozenset()
    packaging: str | None = None  # "box" (retail) or "tray" (OEM), when only one is named
    network: str | None = None  # "5g", "4g", "cellular", "wifi", "gps" (`connectivity.py`)
    # Storage and memory in GB (1 TB = 1000 GB), read once: every pair rule asks for them.
    capacities_gb: frozenset[float] = frozenset()


def detect_brand(folded: str) -> str | None:
    """The canonical brand named or implied in folded text, or None."""
    match = _ALIAS_RE.search(folded)
    return _ALIAS_TO_BRAND[match.group(1)] if match else None


def named_brands(folded: str) -> frozenset[str]:
    """Every canonical brand that folded text names or implies."""
    return frozenset(_ALIAS_TO_BRAND[m] for m in _ALIAS_RE.findall(folded))


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
    return _kind(token).code


class _Kind(NamedTuple):
    unit: tuple[str, float] | None
    number: bool
    generation: str | None
    pack: int
    code: bool
    strong: bool
    short_unit: bool
    model: bool = False  # a model token: a digit, no unit, generation, technology or pack


@lru_cache(maxsize=200_000)
def _kind(tok: str) -> _Kind:
    """What one token is; cached because the same tokens recur across thousands of titles."""
    unit = UNIT_RE.match(tok)
    if unit:
        return _Kind((unit.group(2), float(unit.group(1))), False, None, 1, False, False, True)
    has_digit = _DIGIT(tok) is not None
    if not has_digit:
        return _Kind(None, False, None, 1, False, False, False)
    generation = None
    if _YEAR.match(tok):
        generation = tok
    gen = _GEN.match(tok)
    if gen:
        generation = "gen" + gen.group(1)
    packx = _PACK_X.match(tok)
    tech = bool(TECH.match(tok))
    code = generation is None and not tech and len(tok) >= 3
    pack = int(packx.group(1)) if packx else 1
    return _Kind(
        None,
        tok.isdigit(),
        generation,
        pack,
        code,
        code and (len(tok) >= 4 or not tok.isdigit()),
        False,
        generation is None and not tech and pack == 1,
    )


def joined_codes(toks: list[str]) -> set[str]:
    """Codes split by spaces or dashes, joined again: "rtx 5090" -> "rtx5090", "rb 6093 aw"."""
    out: set[str] = set()
    n = len(toks)
    for i in range(n - 1):
        first, second = toks[i], toks[i + 1]
        if first in FILLER or _kind(first).short_unit or _kind(second).short_unit:
            continue
        has_digit = _DIGIT(second) is not None
        # A short prefix before a number ("rtx 5090", "sm s921b", "e5 2407") ...
        if has_digit and len(first) <= 4 and (first.isalpha() or second.isdigit()):
            # ... but not a brand, a colour or a word before a standard or a whole code:
            # "smeg 50", "grey wd6800", "hdr 4k" and "tv ue65nu7400" name no model.
            if (
                first in BRANDS
                or first in COLOURS
                or TECH.match(second)
                or TECH.match(first + second)  # "lga 1151", "hdmi 2"
                or (not second.isdigit() and len(second) > 5)
            ):
                continue
            text = first + second
        # ... or a code followed by a short letter suffix ("6093 aw", "mwh2621 mb").
        elif (
            first[-1].isdigit()
            and second.isalpha()
            and len(second) <= 3
            and second not in _NOT_SUFFIX
            and not TECH.match(first)
        ):
            text = first + second
        else:
            continue
        if second in FILLER:
            continue
        out.add(text)
        if i + 2 < n and toks[i + 2].isalpha() and len(toks[i + 2]) <= 3:
            if toks[i + 2] not in FILLER and toks[i + 2] not in _NOT_THIRD:
                out.add(text + toks[i + 2])
    return out


# "Red eye" correction is a camera feature; "tarjeta (de) red" is Spanish for a network card.
_RED_NOT_COLOUR_AFTER = frozenset(["tarjeta", "adaptador", "cable", "cables", "conmutador"])
_RED_NOT_COLOUR_BEFORE = frozenset(["eye", "eyes"])


def _colours(toks: list[str], tokset: set[str]) -> frozenset[str]:
    colours = frozenset(tokset & COLOURS)
    if "red" in colours:
        if all(_red_not_colour(toks, i) for i, t in enumerate(toks) if t == "red"):
            colours -= {"red"}
    return colours


def _red_not_colour(toks: list[str], i: int) -> bool:
    before = toks[i - 2] if i > 1 and toks[i - 1] == "de" else toks[i - 1] if i else ""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    return before in _RED_NOT_COLOUR_AFTER or after in _RED_NOT_COLOUR_BEFORE


def extract(toks: list[str], folded_title: str, brand_field: str | None = None) -> Attributes:
    """Attributes of one listing from its normalised tokens and folded title."""
    units: dict[str, set[float]] = {}
    numbers: set[str] = set()
    codes: set[str] = set()
    generation: set[str] = set()
    pack = 1
    kinds = [_kind(t) for t in toks]
    sockets: set[int] = set()  # positions of a socket's number ("socket 1151")
    for i, (tok, kind) in enumerate(zip(toks, kinds, strict=True)):
        before = toks[i - 1] if i else ""
        if kind.unit:
            if not (kind.unit[0] == "ghz" and before in _TOP_WORDS):
                units.setdefault(kind.unit[0], set()).add(kind.unit[1])
            continue
        if before in _SOCKET_WORDS and kind.number:
            sockets.add(i)
            continue
        if kind.number:
            numbers.add(tok)
        if kind.generation:
            generation.add(kind.generation)
        if tok in _ROMAN and i > 0 and toks[i - 1] in {"mark", "mk", "series", "gen"}:
            generation.add("gen" + _ROMAN[tok])
        if (
            kind.pack > 1
            and i + 1 < len(toks)
            and not kinds[i + 1].short_unit
            and toks[i + 1] not in _PORTS
            and not kinds[i + 1].number  # "8 x 3.6 GHz" counts cores
        ):
            pack = max(pack, kind.pack)
        if kind.code:
            codes.add(tok)
    for m in _PACK_WORDS.finditer(folded_title) if _PACK_HINT.search(folded_title) else ():
        pack = max(pack, int(m.group(1) or m.group(2)))
    codes.update(joined_codes(toks))
    own_gigabytes(units, toks, folded_title)
    tokset = set(toks)
    strong = {
        c for c in codes if (c not in tokset and len(c) >= 4) or (c in tokset and _kind(c).strong)
    }
    brand = canonical_brand(brand_field) or detect_brand(" ".join(toks))
    accessory = not ACCESSORY.isdisjoint(tokset) and accessory_words(toks)
    fits = not FITS_CUES.isdisjoint(tokset) and any(
        tok in FITS_CUES
        and any(names_device(t) for t in toks[i + 1 : i + 3])
        and not (toks[i + 2 : i + 3] and toks[i + 2] in _MOUNTS)  # a lens "pour Sony E"
        for i, tok in enumerate(toks)
    )
    part_models: set[str] = set()
    parts: set[str] = set()
    # "Open box" is an opened, returned item, not the retail box.
    packaging = {
        PACKAGING[t] for i, t in enumerate(toks) if t in PACKAGING and toks[i - 1 : i] != ["open"]
    }
    for tok in codes & tokset:
        part = read_part(tok)
        if part.models or part.packaging:
            parts.add(tok)
        part_models.update(part.models)
        if part.packaging:
            packaging.add(part.packaging)
    # Not model tokens: a socket's number, a core count ("8 core", "6 x 3.6 GHz") and a part
    # number, whose model is read out of it.
    versions = spec_positions(toks)
    model_tokens = {
        t
        for i, (t, k) in enumerate(zip(toks, kinds, strict=True))
        if k.model
        and t not in parts
        and i not in sockets
        and i not in versions
        and not (k.number and toks[i + 1 : i + 2] and toks[i + 1] in _COUNTED)
    }
    return Attributes(
        brand=brand,
        codes=frozenset(codes),
        strong_codes=frozenset(strong),
        numbers=frozenset(numbers),
        units={k: frozenset(v) for k, v in units.items()},
        qualifiers=read_qualifiers(toks, tokset),
        generation=frozenset(generation),
        pack=pack if pack <= 24 else 1,
        accessory=accessory,
        fits=fits,
        bundle=(not BUNDLE.isdisjoint(tokset) and bundle_words(toks))
        or plus_items(folded_title)
        or lens_kit(folded_title),
        refurbished=bool(tokset & REFURBISHED),
        colours=_colours(toks, tokset),
        model_tokens=frozenset(model_tokens),
        part_models=frozenset(part_models),
        packaging=packaging.pop() if len(packaging) == 1 else None,
        network=read_network(toks, tokset),
        capacities_gb=capacities(units),
    )


def names_device(tok: str) -> bool:
    """A token after "for"/"pour" that names a device: a brand or product line, or a code."""
    return tok in _ALIAS_TO_BRAND or _kind(tok).code
