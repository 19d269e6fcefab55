"""How the site names a product made from a shop's title: one spelling per brand, no shop
prefixes ("Carte graphique", "Smartphone"), no shouting, units written the French way.

Shops write "APPLE", "Apple" and "apple"; "Smartphone APPLE iPhone 16 Pro Max 1To" and
"GIGABYTE GEFORCE RTX 5060 WINDFORCE OC 8Go". Readers should see "Apple iPhone 16 Pro Max
1 To" and "Gigabyte GeForce RTX 5060 Windforce OC 8 Go" whichever shop listed it first.
"""

from __future__ import annotations

import re

from matching.normalise import fold, tokens

# Brands whose own spelling is neither all capitals nor a plain capitalised word.
DISPLAY_BRANDS = {
    "amd": "AMD",
    "asus": "ASUS",
    "msi": "MSI",
    "hp": "HP",
    "lg": "LG",
    "pny": "PNY",
    "xfx": "XFX",
    "nvidia": "NVIDIA",
    "asrock": "ASRock",
    "powercolor": "PowerColor",
    "oneplus": "OnePlus",
    "jbl": "JBL",
    "evga": "EVGA",
    "inno3d": "INNO3D",
    "western digital": "Western Digital",
    "panzerglass": "PanzerGlass",
    "tomtoc": "tomtoc",
    "zotac": "ZOTAC",
    "gigabyte": "Gigabyte",
}
# Words a shouting title writes in capitals that have a mixed-case spelling of their own.
WORD_CASE = {
    "geforce": "GeForce",
    "iphone": "iPhone",
    "ipad": "iPad",
    "airpods": "AirPods",
    "macbook": "MacBook",
    "magsafe": "MagSafe",
    "thinkpad": "ThinkPad",
    "ideapad": "IdeaPad",
    "zenbook": "Zenbook",
    "vivobook": "Vivobook",
    "oneplus": "OnePlus",
    "ti": "Ti",
}
# Category words shops put before the brand or after a dash ("Carte graphique MSI ...").
LEAD_WORDS = frozenset(
    """
    carte graphique graphics card gpu smartphone telephone mobile portable pc laptop
    ordinateur notebook ecouteurs sans fil wireless earbuds bluetooth intra pour datacenter
    accelerateur acceleratrice accelerator serveur
    """.split()
)
_UNIT = re.compile(r"\b(\d+(?:[.,]\d+)?)\s?(go|gb|to|tb)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}\+?", re.UNICODE)
_TRAIL = re.compile(r"\s+[-–]\s+([^-–]+)$")


def display_brand(brand: str | None, canonical: str | None = None) -> str | None:
    """The brand as the site writes it; `canonical` is the lexicon's key when the shop gave none."""
    raw = " ".join((brand or "").split())
    key = fold(raw) if raw else (canonical or "")
    if not key:
        return None
    if key in DISPLAY_BRANDS:
        return DISPLAY_BRANDS[key]
    if raw and not raw.isupper() and not raw.islower():
        return raw[:100]  # the shop wrote a spelling of its own: "Lian Li", "PowerColor"
    if raw and raw.isupper() and len(key) <= 3:
        return raw  # initials: "EK", "LG"
    return key.title()[:100]


def _is_lead(word: str) -> bool:
    parts = tokens(word)
    return bool(parts) and all(p in LEAD_WORDS for p in parts)


def _strip_category_words(words: list[str]) -> list[str]:
    while len(words) > 2 and _is_lead(words[0]):
        words = words[1:]
    return words


def _shouting(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4 and w.isalpha()]
    return bool(long) and sum(w.isupper() for w in long) * 2 >= len(long)


def _recase(match: re.Match[str]) -> str:
    word = match.group(0)
    if not word.isupper():
        return word
    low = word.lower()
    if low in WORD_CASE:
        return WORD_CASE[low]
    if len(word.rstrip("+")) < 4:
        return word  # RTX, OC, XT, SFF stay as written
    return word.capitalize()


def display_name(title: str, brand: str | None, *, device: bool = True) -> str:
    """A product name from one shop's title (colours already removed by the caller)."""
    words = _strip_category_words(title.split())
    text = " ".join(words)
    trail = _TRAIL.search(text)
    if trail and all(_is_lead(w) for w in trail.group(1).split()):
        text = text[: trail.start()]
    if _shouting(text.split()):
        text = _WORD.sub(_recase, text)
    text = _UNIT.sub(lambda m: f"{m.group(1)} {'To' if m.group(2)[0] in 'tT' else 'Go'}", text)
    if brand:
        pattern = re.compile(r"(?<!\w)" + re.escape(brand) + r"(?!\w)", re.I)
        if pattern.search(text):
            text = pattern.sub(brand, text)
        elif device:
            text = f"{brand} {text}"
    return text.strip() or title
