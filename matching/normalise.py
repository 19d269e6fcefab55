"""Text normalisation: case, accents, units and tokens, so "128 Go" and "128GB" compare equal."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from matching.lexicon import COLOURS
from matching.phrases import GEFORCE, GIGABYTE, GLUED_RX, PHRASES, RADEON, gigabyte

# Language markers left by web extraction ("..."@en-US), HTML entities and similar noise.
_LANG_TAG = re.compile(r'"@[a-z]{2}(?:-[a-z]{2})?\b', re.I)
_ENTITY = re.compile(r"&(?:#\d+|[a-z]+);", re.I)
_NULL = re.compile(r"\bnull\b", re.I)

# Units: number followed by a unit word, in French, English and German spellings.
_UNITS: list[tuple[str, str]] = [
    (r"(?:to|tb|tib|tera(?:octets?|bytes?)?)", "tb"),
    (r"(?:go|gb|gib|gig(?:a(?:octets?|bytes?)?)?|g(?=\s+(?:ram|ssd|gddr|hbm|lpddr|ddr)))", "gb"),
    # "8M cache" is how Intel writes a processor's 8 MB cache.
    (r"(?:mo|mb|mib|mega(?:octets?|bytes?)?|m(?=\s+(?:cache|smart|l[23]\b)))", "mb"),
    (r'(?:pouces?|inch(?:es)?|zoll|in\b|"|\'\'|”)', "in"),
    (r"(?:ghz)", "ghz"),
    # A memory module's rate: "6000 MT/s" is the "6000 MHz" of other shops.
    (r"(?:mhz|mt/s)", "mhz"),
    (r"(?:mah)", "mah"),
    (r"(?:mp|mpx|megapixels?)", "mp"),
    (r"(?:litres?|liters?|ltrs?|ltr|l)", "l"),
    (r"(?:kg|kilos?)", "kg"),
    (r"(?:watts?|w)", "w"),
    (r"(?:cm)", "cm"),
    (r"(?:mm)", "mm"),
    (r"(?:hz)", "hz"),
    # Spin speeds are specifications, not model codes ("1400rpm", "1400 u/min").
    (r"(?:rpm|u/min|tr/min)", "rpm"),
    # A bare "G" after a number: "RTX 4060 Ti 16G" is 16 GB, but "4G" and "5G" are networks.
    (r"g", "gb"),
]
_BARE_G = f"u{len(_UNITS) - 1}"
# One pass for every unit: the named group that matched says which unit it was.
_UNIT_RE = re.compile(
    r"(?<![a-wyz0-9.])(\d+(?:[.,]\d+)?)\s*-?\s*(?:"
    + "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(_UNITS))
    + r")(?![a-z0-9])"
)
_UNIT_NAMES = {f"u{i}": unit for i, (_, unit) in enumerate(_UNITS)}
# "3,6 GHz" with its comma lost ("3 6 ghz"), as German listings often come.
_SPACED_GHZ = re.compile(r"(?<![\d.,])\b(\d) (\d{1,2}) ?ghz\b")
_DECIMAL_UNIT = re.compile(r"\d+\.\d+[a-z]+")
# A bare number before "Gen" is the generation unless another follows: "Legion Pro 7 Gen 9" is
# the ninth, "9th Generation 8-core" the ninth too.
_GEN_WORDS = re.compile(
    r"\b(\d{1,2})(?:\s*(?:e|eme|er|ere|re|nd|rd|st|th|te)\s*|\s*(?![a-zé]+\s+\d{1,2}\b))"
    r"(?:gen|generation|generations|gene|génération)\b"
)
_GEN_AFTER = re.compile(r"\b(?:gen|generation)\s*(\d{1,2})\b")
_DIGIT = re.compile(r"\d").search
_MARKS = re.compile(r"[™®©℗]")
_TIMES = re.compile(r"\b(\d{1,2})\s*x\s*(\d)")
_SPLIT = re.compile(r"[^a-z0-9]+")
_PLUS = re.compile(r"([a-z0-9])\+(?![a-z0-9])")
# A "+" typed apart before a capacity, a colour or what the device is (a dash, "True
# Wireless earbuds") is the model's: "Galaxy S25 + 256 Go", "Studio Buds + Noir", "Studio Buds
# + True Wireless earbuds" (not "PS5 + manette", a bundle).
_SPACED_PLUS = re.compile(
    r"([a-z0-9]) \+ (?=(?:\d+(?:[.,]\d+)? ?(?:go|gb|to|tb)\b|- |(?:true wireless|wireless"
    r"|sans fil|ecouteurs|earbuds|bluetooth|"
    + "|".join(sorted(COLOURS, key=len, reverse=True))
    + r")\b))"
)


# A "+" typed apart after a word at the very end: "Beats Studio Buds +" (after a number it
# is more often a cut title: "Catalyst 2960 48 10/100 +").
_TRAILING_PLUS = re.compile(r"\b([a-z]{3,}) \+\s*$")


def model_plus(folded: str) -> str:
    """Folded text with each "+" that belongs to the model written "plus" ("S25+", "Studio
    Buds + Noir", "Studio Buds +"); a "+" between two items stays."""
    folded = _TRAILING_PLUS.sub(r"\1 plus", folded)
    return _SPACED_PLUS.sub(r"\1 plus ", _PLUS.sub(r"\1 plus ", folded))


def _number(raw: str) -> str:
    """ "3,20" -> "3.2", "128" -> "128": one spelling per value."""
    raw = raw.replace(",", ".")
    if "." in raw:
        raw = raw.rstrip("0").rstrip(".")
    return raw


def _unit(m: re.Match[str]) -> str:
    if m.lastgroup == _BARE_G and (float(m.group(1).replace(",", ".")) < 6 or _model_g(m.group(1))):
        return m.group(0)
    return _number(m.group(1)) + _UNIT_NAMES[m.lastgroup or ""] + " "


def _model_g(digits: str) -> bool:
    """A four-digit number that is no size in gigabytes ("1000G", "2048G" are): a model's
    letter, as AMD's APUs have it ("Ryzen 5 2400G", "8700G")."""
    return (
        len(digits) == 4
        and digits.isdigit()
        and int(digits) % 1000 != 0
        and (digits not in ("1024", "2048", "4096"))
    )


class _DropCombining(dict[int, int | None]):
    """A `str.translate` table deleting combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = self[code] = None if unicodedata.combining(chr(code)) else code
        return value


_NO_MARKS = _DropCombining()


def fold(text: str) -> str:
    """Lower case without accents; ß becomes ss, œ oe, ø o ("RØDE"), æ ae."""
    if text.isascii():
        return text.lower()
    text = text.replace("ß", "ss").replace("œ", "oe").replace("Œ", "oe")
    text = text.replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae")
    return unicodedata.normalize("NFKD", text).translate(_NO_MARKS).lower()


@lru_cache(maxsize=100_000)
def normalise(text: str) -> str:
    """Folded text with units joined to their number ("128 go" -> "128gb", "1,5 to" -> "1.5tb")."""
    if "@" in text:
        text = _LANG_TAG.sub(" ", text)
    if "&" in text:
        text = _ENTITY.sub(" ", text)
    # Each pattern runs only on text holding a word it needs (the same text, fewer passes).
    if not text.isascii() or "null" in text.lower():
        text = _NULL.sub(" ", text)
    if not text.isascii():
        text = _MARKS.sub(" ", text)
    text = fold(text)
    text = text.replace("’", "'").replace("×", "x")
    if "+" in text:
        text = model_plus(text)
    for pattern, replacement, needs in PHRASES:
        if any(map(text.__contains__, needs)):
            text = pattern.sub(replacement, text)
    if "gv" in text:
        text = GIGABYTE.sub(gigabyte, text)
    if "rtx" in text or "gtx" in text or "geforce" in text:
        for pattern, replacement in GEFORCE:
            text = pattern.sub(replacement, text)
    if ("rx" in text and "radeon" in text) or GLUED_RX.search(text):
        for pattern, replacement in RADEON:
            text = pattern.sub(replacement, text)
    if _DIGIT(text):
        if "ghz" in text:
            text = _SPACED_GHZ.sub(r"\1.\2ghz", text)
        text = _UNIT_RE.sub(_unit, text)
        if "x" in text:
            text = _TIMES.sub(r"\1x \2", text)
        if "gen" in text or "gén" in text:
            text = _GEN_WORDS.sub(lambda m: f" gen{m.group(1)} ", text)
    if "gen" in text:
        text = _GEN_AFTER.sub(lambda m: f" gen{m.group(1)} ", text)
    return " ".join(text.split())


# One spelling for words shops abbreviate or translate ("flash pro" = "flash professional",
# "prem" = "premium"); a qualifier spelt two ways otherwise reads as two models.
ABBREVIATIONS = {
    "professional": "pro",
    "professionnel": "pro",
    "professionnelle": "pro",
    "prof": "pro",
    "prem": "premium",
    "dlx": "deluxe",
    "upg": "upgrade",
    "upgr": "upgrade",
    "upgrad": "upgrade",
    "plat": "platinum",
    "std": "standard",
    "stnd": "standard",
    "acad": "academic",
    "licence": "license",
    "lic": "license",
    "svr": "server",
    "bkup": "backup",
    "edn": "edition",
    "speciale": "special",
    "macintosh": "mac",
}


def tokens(text: str) -> list[str]:
    """Normalised tokens; punctuation splits tokens, except a decimal point inside a number+unit."""
    out: list[str] = []
    for raw in normalise(text).split():
        if raw.isalnum():
            out.append(ABBREVIATIONS.get(raw, raw))
            continue
        # "(4.7ghz": the bracket is no part of the number.
        bare = raw.strip("()[]{},;:")
        if _DECIMAL_UNIT.fullmatch(bare):
            out.append(bare)
            continue
        out.extend(ABBREVIATIONS.get(t, t) for t in _SPLIT.split(raw) if t)
    return out


def compact(text: str) -> str:
    """Letters and digits only: codes split by spaces or dashes still meet ("rb 6093 aw")."""
    return re.sub(r"[^a-z0-9]", "", normalise(text))
