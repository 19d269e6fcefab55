"""Text normalisation: case, accents, units and tokens, so "128 Go" and "128GB" compare equal."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from matching.lexicon import COLOURS

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
_ROMAN_OF = {"2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi", "7": "vii"}
# Phrases said differently in French and English that name one feature.
# Each with a word it cannot match without: the pattern runs only on a text that has one.
_PHRASES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], tuple[str, ...]]] = [
    (
        re.compile(
            r"\b(?:reduction (?:active )?d[ue]s? bruits?(?: active)?|"
            r"active noise cancell?(?:ation|ing)|noise cancell?(?:ation|ing))\b"
        ),
        " anc ",
        ("bruit", "noise"),
    ),
    # "Sans fil" and "kabellos" are "wireless"; "true wireless" names earbuds, wireless too.
    (
        re.compile(r"\b(?:sans fils?|kabellos|true wireless)\b"),
        " wireless ",
        ("fil", "kab", "true"),
    ),
    (re.compile(r"\bdual[ -]?sim\b"), " dualsim ", ("sim",)),
    # A TV's "Mini LED" panel; a power supply's "80+ Gold" efficiency (no "Plus" model).
    (re.compile(r"\bmini[ -]led\b"), " miniled ", ("led",)),
    (
        re.compile(r"\b80\s*(?:\+|plus)\s*(bronze|silver|gold|platinum|titanium)\b"),
        r" 80plus\1 ",
        ("80",),
    ),
    # HP's "HP+" is a subscription, no "Plus" model.
    (re.compile(r"\bhp plus\b"), " hpplus ", ("plus",)),
    # Sony's lenses: "G Master" is the "GM" of other shops.
    (re.compile(r"\bg master\b"), " gm ", ("master",)),
    (re.compile(r"\bwi[ -]?fi\b"), "wifi", ("fi",)),
    # A phone's memory and storage written "8/128 Go": 8 GB of memory, 128 of storage.
    (re.compile(r"\b(\d{1,2}) ?/ ?(\d{2,4}) ?(go|gb|to|tb)\b"), r" \1gb \2\3 ", ("/",)),
    # Samsung writes "Z Fold6" and "Z Fold 6", "Buds3" and "Buds 3": the model word apart
    # from its generation.
    (re.compile(r"\b(fold|flip|buds)(\d{1,2})\b"), r"\1 \2", ("fold", "flip", "buds")),
    (re.compile(r"\b(\d) ?- ?(?:en|in) ?- ?1\b|\b(\d) (?:en|in) 1\b"), r" \1\2in1 ", ("1",)),
    # Sony's "Alpha 7 IV" / "α7 IV" is the "A7 IV" of other shops.
    (re.compile(r"(?:\balpha ?|α ?)(7[crs]?|9|6\d{3})\b"), r"a\1", ("alpha", "α")),
    # Sony's codes write the generation as "M" and a digit: "DSC-RX100M7" is the RX100 VII.
    (
        re.compile(r"\b(?:dsc-?)?(rx\d{1,3}|a[179][rsc]?|zv-?e10|ilce-?[179][rsc]?)m([2-7])\b"),
        lambda m: f"{m.group(1)} {_ROMAN_OF[m.group(2)]}",
        ("rx", "a1", "a7", "a9", "ilce", "zv"),
    ),
    # Short and long names of one product line.
    (re.compile(r"\bplaystation ?([345])\b"), r"ps\1", ("playstation",)),
    (re.compile(r"\bplaystation portal\b"), "ps5 portal", ("playstation",)),
    # Nothing's "Ear (a)": the letter is the model, not an article to drop ("a" is filler).
    (re.compile(r"\bear \(a\)"), "ear eara", ("(a)",)),
    (re.compile(r"\bedition numerique\b"), "digital edition", ("numerique",)),
    (re.compile(r"\bqc ?(?=ultra\b|earbuds\b|headphones\b|\d{2}\b)"), "quietcomfort ", ("qc",)),
    # LG's region suffix after an OLED model: "OLED55C44LA" is the OLED55C4.
    (re.compile(r"\b(oled\d{2}[a-z]\d)\d[a-z]{2}\b"), r"\1", ("oled",)),
    # Apple's "AirPods (4e génération)" is the "AirPods 4" of other shops, "iPad mini (6e
    # génération)" the "iPad mini 6": the number kept beside the generation.
    (
        re.compile(
            r"\b(airpods|ipad|mini|air|pro|pencil|se) \(?(\d{1,2}) ?"
            r"(?:e|eme|er|ere|nd|rd|st|th) (?:gen|generation)\b\)?"
        ),
        r"\1 gen\2 \2",
        ("gen",),
    ),
    # Apple's names by chip or short number: "Apple Watch S10" is the Series 10, "iPad mini
    # (A17 Pro)" the iPad mini 7 (whose "Pro" is the chip's), "iPad (A16)" the 11th iPad.
    (re.compile(r"(?<!galaxy )(?<!gear )\bwatch s(\d{1,2})\b"), r"watch series \1", ("watch",)),
    (re.compile(r"\bipad mini \(?a17 pro\)?"), "ipad mini gen7 7 ", ("a17",)),
    (re.compile(r"\bipad \(?a16\)?"), "ipad gen11 11 ", ("a16",)),
    # Sony's European part numbers end in a colour letter and ".CE7": "WF1000XM5B.CE7" is
    # the WF-1000XM5 in black.
    (re.compile(r"\b([a-z0-9]*\d[a-z0-9]*?)[a-z]\.ce7\b"), r"\1", (".ce7",)),
    # "Carte graphique professionnelle" says what the card is for: no "Pro" model.
    (
        re.compile(
            r"\b(carte graphique|graphics card|grafikkarte) (?:professionnelle|professionnel"
            r"|professional|pro)\b|\bprofessional (graphics card)\b"
        ),
        r"\1\2",
        ("prof", "pro"),
    ),
    # A router's bands ("Tri-Band") are no watch band; a PCIe link's lanes ("PCIe 4.0 x4 /
    # 5.0 x2") no model numbers; a Philips TV's region ("55OLED809/12") no other TV, nor its
    # Ambilight's sides ("3 côtés") a model number.
    (re.compile(r"\b(dual|tri|quad)[ -]band\b"), r"\1band", ("band",)),
    (
        re.compile(r"\b(pcie|pci-e|pci express) ?(\d\.\d) ?x\d{1,2}(?: ?/ ?\d\.\d ?x\d{1,2})?"),
        r"pcie \2",
        ("pci",),
    ),
    (re.compile(r"\b(\d{2}[a-z]{2,5}\d{3,4})/\d{2}\b"), r"\1", ("/",)),
    (re.compile(r"\bambilight (\d) (?:cotes|sides)\b"), r"ambilight\1", ("ambilight",)),
    # A delivery delay names no model: "Livraison 24h", "Expédié sous 48h".
    (
        re.compile(
            r"\b(livraison|expedie|expediee|livre|livree|envoi)(?: (?:en|sous|le))? \d{1,2} ?"
            r"(?:h|heures|jours|j)\b"
        ),
        r"\1",
        ("livr", "exped", "envoi"),
    ),
    # One part, two words: "dissipateur thermique" is a heatsink; Corsair's "C30" a CL30.
    (re.compile(r"\bdissipateur(?: thermique)?\b"), "heatsink", ("dissipateur",)),
    (re.compile(r"\b(ddr\d.*)\bc(\d{2})\b"), r"\1cl\2", ("ddr",)),
    # Apple's shops write the cores "M4 Pro 12C CPU 16C GPU": counts, not model numbers.
    (re.compile(r"\b(\d{1,2})c ([cg]pu)\b"), r"\1 coeurs \2", ("pu",)),
]
# Graphics cards as makers' part numbers write them ("TUF-RTX4070S-O12G": a 4070 Super, OC,
# 12 GB) and China's cut-down cards ("RTX 5090 D" is one model, "5090D"); read only where a
# GeForce word is, since "S" and "D" glued to a number name other things elsewhere.
_GEFORCE = [
    (re.compile(r"\b((?:rtx|gtx)?\d{4})(ti)?s\b"), r"\1 \2 super"),
    (re.compile(r"\b(\d{4}) d\b"), r"\1d"),
    (re.compile(r"\bo(\d{1,2})g\b"), r"oc \1g"),
    (re.compile(r"\b((?:rtx|gtx) ?\d{4}(?: ?ti)?(?: super)?) fe\b"), r"\1 founders edition"),
]
# AMD cards as makers' part numbers write them: ASUS's "PRIME-RX9070XT-O16G" is an RX 9070 XT,
# OC, 16 GB.
_RADEON = [
    (re.compile(r"\brx(\d{4})(xtx|xt|gre)?\b"), r"rx \1 \2"),
    (re.compile(r"\bo(\d{1,2})g\b"), r"oc \1g"),
]
_GLUED_RX = re.compile(r"\brx\d{4}")
# Gigabyte's part numbers: "GV-N407SWF3OC-12GD" is an RTX 4070 Super Windforce OC 12 GB,
# "GV-R79XTXGAMING OC-24GD" an RX 7900 XTX Gaming OC 24 GB.
_GIGABYTE = re.compile(
    r"\bgv-?([nr])(\d{2,4})(ts|t|s|xtx|xt|gre)?( ?[a-z][a-z0-9 ]*?)?-(\d{1,2})g[dl]\b"
)
_GIGABYTE_SUFFIX = {"s": "super", "t": "ti", "ts": "ti super"}


def _gigabyte(m: re.Match[str]) -> str:
    maker, digits, suffix, line, memory = m.groups()
    if maker == "n":
        number = digits.ljust(4, "0")
        chip = ("gtx " if number < "2000" else "rtx ") + number
        suffix = _GIGABYTE_SUFFIX.get(suffix or "", "")
    else:
        chip = "rx " + (digits + "00" if len(digits) == 2 else digits)
    line = re.sub(r"oc$", " oc", re.sub(r"wf\d", "windforce ", line or ""))
    return f" {chip} {suffix or ''} {line} {memory}gb "


_DIGIT = re.compile(r"\d").search
_MARKS = re.compile(r"[™®©℗]")
_TIMES = re.compile(r"\b(\d{1,2})\s*x\s*(\d)")
_SPLIT = re.compile(r"[^a-z0-9]+")
_PLUS = re.compile(r"([a-z0-9])\+(?![a-z0-9])")
# A "+" typed apart before a capacity or a colour is the model's: "Galaxy S25 + 256 Go",
# "Studio Buds + Noir" (not "PS5 + manette", a bundle).
_SPACED_PLUS = re.compile(
    r"([a-z0-9]) \+ (?=(?:\d+(?:[.,]\d+)? ?(?:go|gb|to|tb)\b|(?:"
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
    if m.lastgroup == _BARE_G and float(m.group(1).replace(",", ".")) < 6:
        return m.group(0)
    return _number(m.group(1)) + _UNIT_NAMES[m.lastgroup or ""] + " "


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
    for pattern, replacement, needs in _PHRASES:
        if any(map(text.__contains__, needs)):
            text = pattern.sub(replacement, text)
    if "gv" in text:
        text = _GIGABYTE.sub(_gigabyte, text)
    if "rtx" in text or "gtx" in text or "geforce" in text:
        for pattern, replacement in _GEFORCE:
            text = pattern.sub(replacement, text)
    if ("rx" in text and "radeon" in text) or _GLUED_RX.search(text):
        for pattern, replacement in _RADEON:
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
