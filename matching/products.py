"""Editions of the site's product lines that one word or one spec tells apart: a game for two
consoles, a collector's edition, Amazon's Echo Dot with its clock, a line's marked edition
(Garmin's "Music", Apple's keyboard "avec pavé numérique"), a lens for two systems, two
apertures or two focal ranges (`lenses.py`), a power supply's wattage, a watch's case material, a
cartridge's XL, a compatible cartridge against the maker's own, a motherboard named with
Wi-Fi."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from matching.lenses import aperture_clash, mount_clash, system_clash, zoom_clash
from matching.lexicon import COLOURS
from matching.memory import CHIPSET
from matching.normalise import fold, tokens
from matching.record import Record


def product_edition_clash(a: Record, b: Record) -> bool:
    return (
        platform_clash(a, b)
        or clock_clash(a, b)
        or collector_clash(a, b)
        or marked_edition_clash(a, b)
        or mount_clash(a, b)
        or system_clash(a, b)
        or aperture_clash(a, b)
        or zoom_clash(a, b)
        or wattage_clash(a, b)
        or watch_material_clash(a, b)
        or ink_xl_clash(a, b)
        or ink_clone_clash(a, b)
        or board_wifi_clash(a, b)
        or board_letter_clash(a, b)
        or rgb_clash(a, b)
    )


def platform_clash(a: Record, b: Record) -> bool:
    """A game or an accessory for two consoles, each title naming its own ("FC 25 PS5" /
    "(PS4)", "Switch" / "Switch 2"); "PS4/PS5" names both."""
    pa, pb = _platforms(a.toks), _platforms(b.toks)
    return bool(pa and pb) and pa.isdisjoint(pb)


def _platforms(toks: list[str]) -> set[str]:
    out = {t for t in toks if t in ("ps3", "ps4", "ps5")}
    for word, nxt in itertools.pairwise([*toks, ""]):
        if word == "xbox" and nxt in ("one", "series", "360"):
            out.add("xbox " + nxt)
        elif word == "switch" and (nxt == "2" or "nintendo" in toks):
            out.add("switch 2" if nxt == "2" else "switch")
    return out


# A word that names an edition of one line, and a word both titles of that line have:
# Garmin's "Music" editions, Apple's keyboard "avec pavé numérique", the Kindle "Kids",
# Fractal's and Lian Li's "XL" cases, Bose's "Smart Ultra Soundbar", Corsair's "LCD" and
# "CAPELLIX" coolers, Thermalright's "ARGB", the Xbox Elite "Core", the ROG Ally's "Z1
# Extreme".
_MARKED = (
    ("music", "garmin"),
    ("numerique", "keyboard"),
    ("numerique", "clavier"),
    ("kids", "kindle"),
    ("xl", "fractal"),
    ("xl", "lian"),
    ("ultra", "bose"),  # "Smart Ultra Soundbar"; "Ultra HD" is a soundbar's feature
    ("lcd", "icue"),
    ("capellix", "icue"),
    ("argb", "assassin"),
    ("compact", "meshify"),
    ("extreme", "z1"),
    ("core", "xbox"),  # the Elite Series 2 "Core"; "Elite" is also HP's
    ("kit", "vive"),
    ("usb", "podmic"),
)


def marked_edition_clash(a: Record, b: Record) -> bool:
    """One title names the edition and the other, of the same line, does not."""
    return any(
        needs in a.tokset and needs in b.tokset and (word in a.tokset) != (word in b.tokset)
        for word, needs in _MARKED
    )


_COLLECTOR = frozenset(["collector", "collectors"])


def collector_clash(a: Record, b: Record) -> bool:
    """A collector's edition and the plain one ("Zelda Tears of the Kingdom Édition
    Collector" / "Zelda Tears of the Kingdom"): 19 training pairs, all two products."""
    return _COLLECTOR.isdisjoint(a.tokset) != _COLLECTOR.isdisjoint(b.tokset)


_CLOCK = frozenset(["horloge", "clock"])


def clock_clash(a: Record, b: Record) -> bool:
    """Amazon's "Echo Dot avec horloge" and the Echo Dot: two products, one word apart."""
    if not ({"echo", "dot"} <= a.tokset and {"echo", "dot"} <= b.tokset):
        return False
    return _CLOCK.isdisjoint(a.tokset) != _CLOCK.isdisjoint(b.tokset)


_POWERED = frozenset("alimentation psu netzteil chargeur charger ladegerat".split())


def wattage_clash(a: Record, b: Record) -> bool:
    """A power supply or a charger of two wattages ("RM850e 850 W" / "RM750e 750W"); read
    only for them (PriceRunner's microwaves name a grill's power beside the oven's)."""
    wa, wb = a.attrs.units.get("w"), b.attrs.units.get("w")
    if not (wa and wb and len(wa) == 1 and len(wb) == 1 and wa != wb):
        return False
    return any(_POWERED & r.tokset or any(t.startswith("80plus") for t in r.toks) for r in (a, b))


_MATERIALS = {
    "titane": "titanium",
    "titanium": "titanium",
    "aluminium": "aluminium",
    "aluminum": "aluminium",
    "acier": "steel",
    "steel": "steel",
    "ceramique": "ceramic",
    "ceramic": "ceramic",
}


def watch_material_clash(a: Record, b: Record) -> bool:
    """A watch in two case materials, priced apart ("Series 10 Boîtier Titane" / "Boîtier
    Aluminium")."""
    ma, mb = _material(a), _material(b)
    return ma is not None and mb is not None and ma != mb


def _material(rec: Record) -> str | None:
    if not any(t.startswith("watch") for t in rec.toks):
        return None
    return _title_material(rec.title)


@lru_cache(maxsize=50_000)
def _title_material(title: str) -> str | None:
    # "Titane" is also a colour, dropped from the tokens: read the title.
    found = {_MATERIALS[w] for w in re.findall(r"[a-z]+", fold(title)) if w in _MATERIALS}
    return found.pop() if len(found) == 1 else None


_INK = frozenset("cartouche cartouches cartridge encre ink toner patrone".split())


def ink_xl_clash(a: Record, b: Record) -> bool:
    """A cartridge and its XL, high-capacity edition ("PG-545" / "PG-545XL")."""
    if _INK.isdisjoint(a.tokset) and _INK.isdisjoint(b.tokset):
        return False
    return _xl_only(a, b) or _xl_only(b, a)


def _xl_only(x: Record, y: Record) -> bool:
    return "xl" not in y.tokset and any(
        c.endswith("xl") and c[:-2] in y.joins and c not in y.joins for c in x.attrs.strong_codes
    )


# "Toner compatible Brother TN-2420" is another maker's copy, priced far under the original;
# "Cartouche HP 305 compatible avec DeskJet 2720" is the original naming the printers it fits.
_CLONE = frozenset(["compatible", "compatibles", "kompatibel", "generique", "generic"])
_FITS_NEXT = frozenset("avec with pour for mit fur imprimante imprimantes printer printers".split())


def ink_clone_clash(a: Record, b: Record) -> bool:
    """A compatible cartridge and the maker's own ("Toner compatible Brother TN-2420" /
    "Brother TN-2420 toner noir")."""
    if _INK.isdisjoint(a.tokset) and _INK.isdisjoint(b.tokset):
        return False
    return _clone(a.title) != _clone(b.title)


@lru_cache(maxsize=50_000)
def _clone(title: str) -> bool:
    toks = tokens(title)  # with its filler: "compatible avec"
    return any(
        t in _CLONE and (i + 1 == len(toks) or toks[i + 1] not in _FITS_NEXT)
        for i, t in enumerate(toks)
    )


def board_wifi_clash(a: Record, b: Record) -> bool:
    """A motherboard with and without Wi-Fi in its name ("MAG B550 TOMAHAWK" / "TOMAHAWK MAX
    WIFI"); a "WiFi 6" far down a long title is a feature of a board named without it."""
    wa, wb = _board_wifi(a.toks), _board_wifi(b.toks)
    return wa is not None and wb is not None and wa != wb


def _board_wifi(toks: list[str]) -> bool | None:
    chipsets = [i for i, t in enumerate(toks) if CHIPSET.match(t)]
    if not chipsets:
        return None
    wifi = [i for i, t in enumerate(toks) if t.startswith("wifi")]
    if not wifi:
        return False
    named = any(0 < w - c <= 4 for w in wifi for c in chipsets)
    return True if named else None


def board_letter_clash(a: Record, b: Record) -> bool:
    """Two motherboards of one chipset told apart by a letter: ASUS's "ROG STRIX B850-E" /
    "B850-F", "PRIME B650M-A" / "B650M-K". A title naming no letter may be either."""
    la, lb = _board_letters(a.title), _board_letters(b.title)
    return any(la[c] != lb[c] for c in la.keys() & lb.keys())


@lru_cache(maxsize=50_000)
def _board_letters(title: str) -> dict[str, str]:
    toks = tokens(title)
    return {
        chipset: letter
        for chipset, letter in itertools.pairwise(toks)
        if len(letter) == 1 and letter.isalpha() and CHIPSET.match(chipset)
    }


_RGB = frozenset(["rgb", "argb"])


def rgb_clash(a: Record, b: Record) -> bool:
    """An RGB part and its one-colour LED edition ("ML140 PRO RGB LED" / "ML140 Pro LED,
    Blue"): two products, though colour is otherwise a variant."""
    return _one_colour_led(a, b) or _one_colour_led(b, a)


def _one_colour_led(x: Record, y: Record) -> bool:
    if _RGB.isdisjoint(x.tokset) or not _RGB.isdisjoint(y.tokset):
        return False
    toks = tokens(y.title)
    return "led" in toks and not COLOURS.isdisjoint(toks)
