"""A lens, told apart by what its title says of it: the camera system it is made for (a
mount, or a lens maker's lens named with the camera's brand), its aperture and its focal
range. Read by `products.product_edition_clash`."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.normalise import fold
from matching.record import Record

# "Mount" alone is as often a wall mount: only "monture" and "Bajonett" name a lens's.
_MOUNT = re.compile(
    r"\b(?:monture|bajonett)\s+(?:(?:sony|canon|nikon|fujifilm|fuji|leica|panasonic)\s+)?"
    r"([a-z0-9-]+)"
)


def mount_clash(a: Record, b: Record) -> bool:
    """A lens for two mounts ("Sigma 24-70mm Art monture Sony E" / "monture L")."""
    ma, mb = _mount(a.title), _mount(b.title)
    return ma is not None and mb is not None and ma != mb


@lru_cache(maxsize=50_000)
def _mount(title: str) -> str | None:
    m = _MOUNT.search(fold(title))
    return m.group(1) if m else None


# A lens maker's lens is sold once per camera system, the system named as a brand, a line or
# a mount ("Art Lens Nikon", "EOS Mount", "Sony E", "L-Mount", "FE").
_LENS_MAKER = re.compile(r"\b(?:sigma|tamron|samyang|tokina|viltrox|laowa|irix|rokinon|meike)\b")
_SYSTEMS = {
    "canon": re.compile(r"\b(?:canon|eos|ef|rf)\b"),
    "nikon": re.compile(r"\bnikon\b|\bz[- ]?mount\b"),
    "sony": re.compile(r"\bsony\b|\be[- ]?mount\b|\bfe\b"),
    "fujifilm": re.compile(r"\bfuji(?:film)?\b|\bx[- ]?mount\b"),
    "l": re.compile(r"\bl[- ]?mount\b|\bleica\b|\bpanasonic\b|\bmonture l\b"),
    "m43": re.compile(r"\bmicro (?:four|4) thirds\b|\bmft\b|\bolympus\b"),
    "pentax": re.compile(r"\bpentax\b"),
}


def system_clash(a: Record, b: Record) -> bool:
    """A lens maker's lens for two camera systems ("Sigma 35mm F1.4 DG HSM Art Nikon" /
    "Sigma 35mm F1.4 DG HSM Art EOS Mount")."""
    sa, sb = _systems(a.title), _systems(b.title)
    return sa is not None and sb is not None and bool(sa and sb) and sa.isdisjoint(sb)


@lru_cache(maxsize=50_000)
def _systems(title: str) -> frozenset[str] | None:
    folded = fold(title)
    if not _LENS_MAKER.search(folded):
        return None
    return frozenset(name for name, pattern in _SYSTEMS.items() if pattern.search(folded))


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


@lru_cache(maxsize=50_000)
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


# A zoom's focal range, with its unit or its aperture after it: "18-200mm", "18-135/3.5-5.6",
# "18-135 mm"; not a cassette's "11-28T".
_ZOOM = re.compile(r"\b(\d{1,3})\s*-\s*(\d{1,3})\s*(?:mm\b|/\s*f?\s*\d|f\s*/?\s*\d)")


def zoom_clash(a: Record, b: Record) -> bool:
    """Two zooms, or two kits' lenses ("EF-S 18-200mm" / "EF-S 18-135", a camera with one
    lens / with two): each title names its focal ranges and they differ."""
    za, zb = _zooms(a.title), _zooms(b.title)
    return bool(za and zb) and za != zb


@lru_cache(maxsize=50_000)
def _zooms(title: str) -> frozenset[tuple[int, int]]:
    pairs = ((int(m.group(1)), int(m.group(2))) for m in _ZOOM.finditer(fold(title)))
    return frozenset((lo, hi) for lo, hi in pairs if lo < hi)
