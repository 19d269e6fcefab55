"""Editions of the site's product lines that one word tells apart: a game for two consoles,
a collector's edition, Amazon's Echo Dot with its clock, a line's marked edition (Garmin's
"Music", Apple's keyboard "avec pavé numérique"), a lens for two mounts or two apertures."""

from __future__ import annotations

import itertools
import re

from matching.normalise import fold
from matching.record import Record


def product_edition_clash(a: Record, b: Record) -> bool:
    return (
        platform_clash(a, b)
        or clock_clash(a, b)
        or collector_clash(a, b)
        or marked_edition_clash(a, b)
        or mount_clash(a, b)
        or aperture_clash(a, b)
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
# "CAPELLIX" coolers, Thermalright's "ARGB".
_MARKED = (
    ("music", "garmin"),
    ("numerique", "keyboard"),
    ("numerique", "clavier"),
    ("kids", "kindle"),
    ("xl", "fractal"),
    ("xl", "lian"),
    ("ultra", "soundbar"),
    ("lcd", "icue"),
    ("capellix", "icue"),
    ("argb", "assassin"),
)


def marked_edition_clash(a: Record, b: Record) -> bool:
    """One title names the edition and the other, of the same line, does not."""
    return any(
        needs in a.tokset and needs in b.tokset and (word in a.tokset) != (word in b.tokset)
        for word, needs in _MARKED
    )


# "Mount" alone is as often a wall mount: only "monture" and "Bajonett" name a lens's.
_MOUNT = re.compile(
    r"\b(?:monture|bajonett)\s+(?:(?:sony|canon|nikon|fujifilm|fuji|leica|panasonic)\s+)?"
    r"([a-z0-9-]+)"
)


def mount_clash(a: Record, b: Record) -> bool:
    """A lens for two mounts ("Sigma 24-70mm Art monture Sony E" / "monture L")."""
    ma, mb = _MOUNT.search(fold(a.title)), _MOUNT.search(fold(b.title))
    return ma is not None and mb is not None and ma.group(1) != mb.group(1)


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


# A lens's focal length and aperture: "24-105mm F4L", "24-105mm F4-7.1", "50mm f/1.8".
_LENS = re.compile(
    r"\b(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*mm\b.{0,12}?"
    r"\bf\s*/?\s*(\d{1,2}(?:[.,]\d)?)(?:\s*-\s*(\d{1,2}(?:[.,]\d)?))?"
)


def aperture_clash(a: Record, b: Record) -> bool:
    """Two lenses of one focal length and two apertures ("RF 24-105mm F4L" / "RF 24-105mm
    F4-7.1", "50mm F1.4" / "50mm f/1.8"): 9 training pairs, all two products."""
    la, lb = _lens(a.title), _lens(b.title)
    return la is not None and lb is not None and la[:2] == lb[:2] and la[2:] != lb[2:]


def _lens(title: str) -> tuple[str | None, ...] | None:
    m = _LENS.search(fold(title))
    if m is None:
        return None
    return m.group(1), m.group(2), _aperture(m.group(3)), _aperture(m.group(4))


def _aperture(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace(",", ".")
    return value.rstrip("0").rstrip(".") if "." in value else value
