"""Editions of one model line that only a feature word tells apart, sold at two prices: Apple's
AirPods 4 with and without active noise cancelling, AirPods with a USB-C or a Lightning case;
generations written as a roman numeral after the model number ("RX100 II" / "RX100 III");
earbuds and headphones of one line ("QuietComfort Ultra Earbuds" / "Headphones"); a word
after the model number that names the edition ("Liberty 4 NC", "Galaxy Watch6 Classic").

Read narrowly: elsewhere such a word is a feature that one listing names and another leaves
out ("Sony WH-1000XM5 à réduction de bruit" / "WH-1000XM5 noir", "AirPods Pro 2 avec
réduction de bruit" / "AirPods Pro 2" are one product each)."""

from __future__ import annotations

import itertools

from matching.normalise import normalise
from matching.products import product_edition_clash
from matching.record import Record

# Model lines sold with and without noise cancelling ("anc" is how `normalise` writes "active
# noise cancellation" and "réduction active du bruit"): the word after the line, the number.
ANC_LINES = frozenset({("airpods", "4")})


# "v" is left out: it is volts or "version" as often as five.
_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7}
_ROMAN_WORDS = frozenset(p + n for n in _ROMAN for p in ("", "mk", "mark"))
_NUMERALS = {value: word for word, value in _ROMAN.items()}


def edition_clash(a: Record, b: Record) -> bool:
    return (
        anc_clash(a, b)
        or connector_clash(a, b)
        or roman_clash(a, b)
        or form_clash(a, b)
        or suffix_word_clash(a, b)
        or digital_clash(a, b)
        or line_edition_clash(a, b)
        or x100_clash(a, b)
        or product_edition_clash(a, b)
    )


def x100_clash(a: Record, b: Record) -> bool:
    """Fujifilm's X100, X100S, X100T, X100F, X100V and X100VI: six generations, their letters
    glued to the number, which other codes use for a region or a colour."""
    xa, xb = _x100(a), _x100(b)
    return bool(xa and xb) and xa.isdisjoint(xb)


def _x100(rec: Record) -> set[str]:
    return {t for t in rec.tokset if t.startswith("x100") and len(t) <= 6 and t[4:].isalpha()}


# Product lines whose editions a word right after the line's name tells apart, and the words
# one of which a title must hold for the line's name to be that line ("Xbox Series X", "Sonos
# Arc Ultra"; "Acer Nitro V", where "Nitro" alone is also a Sapphire graphics card).
_LINE_EDITIONS = {
    "switch": ("lite oled 2", "nintendo"),
    "series": ("x s", "xbox"),
    "arc": ("ultra", "sonos"),
    "quietcomfort": ("ultra", None),
    "kindle": ("paperwhite oasis scribe colorsoft", None),
    "evo": ("plus select", None),
    "z5": ("neo royal", None),
    "superlight": ("2", None),
    "tune": ("beam buds flex", "jbl"),
    "vivobook": ("s go", None),
    "nitro": ("v", "acer"),
    "slim": ("3 5 7 7i 7x", "ideapad yoga"),
    "omnibook": ("x 3 5 7 ultra flip", None),
    "ally": ("x", "rog"),
    "go": ("s 2", "legion"),
    "rc": ("2 n1 n2 n3 pro", "dji"),
    "earbuds": ("ii", "quietcomfort"),
    "ear": ("eara 2 3 open stick", "nothing"),
    "vengeance": ("rgb", "corsair"),
    "keys": ("s mini", "mx"),
    "ironwolf": ("pro", None),
    "extreme": ("pro", "sandisk"),
    "magic": ("mouse trackpad keyboard", "apple"),
    "roam": ("2", "sonos"),
    "paperwhite": ("kids signature", None),
    "dualsense": ("edge", None),
}
LINE_EDITIONS = {
    line: (frozenset(words.split()), frozenset(needs.split()) if needs else None)
    for line, (words, needs) in _LINE_EDITIONS.items()
}


def line_edition_clash(a: Record, b: Record) -> bool:
    """ "Nintendo Switch OLED" / "Switch Lite" / "Switch 2", "Kindle Paperwhite" / "Kindle",
    "Samsung 990 EVO Plus" / "990 EVO": the word after a line's name, in one title only, or
    another edition word in the other. Read only for the lines listed, where such a word is
    always another product; in general a word after a name is as often a description left out
    by the other shop (54% of such training pairs are one product)."""
    for line in a.tokset & b.tokset & LINE_EDITIONS.keys():
        editions, needs = LINE_EDITIONS[line]
        if needs is not None and needs.isdisjoint(a.tokset) and needs.isdisjoint(b.tokset):
            continue
        ea, eb = _editions_after(a.toks, line, editions), _editions_after(b.toks, line, editions)
        if ea and eb:
            if ea.isdisjoint(eb):
                return True
        elif (ea and ea.isdisjoint(b.tokset)) or (eb and eb.isdisjoint(a.tokset)):
            return True
    return False


def _editions_after(toks: list[str], line: str, editions: frozenset[str]) -> set[str]:
    pairs = itertools.pairwise(toks)
    return {word for before, word in pairs if before == line and word in editions}


def digital_clash(a: Record, b: Record) -> bool:
    """ "PlayStation 5 Slim" / "PS5 Slim Digital Edition" ("Édition Numérique"): the console
    without a disc drive, sold cheaper. No training pair has one."""
    if "digital" not in a.tokset and "digital" not in b.tokset:
        return False
    return _digital(a) != _digital(b) and not ("digital" in a.tokset and "digital" in b.tokset)


def _digital(rec: Record) -> bool:
    return "digital edition" in normalise(rec.title)  # "edition" is a filler word


# Words that name an edition right after a model number, and the word the title must hold
# for it to ("Soundcore Liberty 4 NC"; "Galaxy Watch6 Classic", where elsewhere "classic" is
# a fridge's finish: 7 of 11 such training pairs are PriceRunner appliances of one model).
_SUFFIX_WORDS = {"nc": None, "classic": "watch"}


def suffix_word_clash(a: Record, b: Record) -> bool:
    """ "Liberty 4 NC" / "Liberty 4", "Galaxy Watch6 Classic" / "Galaxy Watch6": the word right
    after a model number both titles have, in one title only. No training pair has one."""
    if _SUFFIX_WORDS.keys().isdisjoint(a.tokset) and _SUFFIX_WORDS.keys().isdisjoint(b.tokset):
        return False
    return _suffix_word(a, b) or _suffix_word(b, a)


def _suffix_word(x: Record, y: Record) -> bool:
    for before, word in itertools.pairwise(x.toks):
        if word not in _SUFFIX_WORDS or word in y.tokset or before not in y.tokset:
            continue
        needs = _SUFFIX_WORDS[word]
        if any(c.isdigit() for c in before) and (needs is None or needs in x.title.lower()):
            return True
    return False


# Words that say earbuds, and words that say headphones; a title with both ("ear bud
# headphones", as Abt-Buy writes earbuds) says neither.
_EARBUDS = frozenset("earbuds earbud ecouteurs ecouteur intra bud buds".split())
_HEADPHONES = frozenset("headphones headphone casque".split())
_EARBUDS_PAIRS = frozenset({("in", "ear")})
_HEADPHONES_PAIRS = frozenset({("over", "ear"), ("on", "ear")})
_FORM_WORDS = _EARBUDS | _HEADPHONES | {"ear"}


def form_clash(a: Record, b: Record) -> bool:
    """ "Bose QuietComfort Ultra Earbuds" / "Headphones", "Sony WF-1000XM5 écouteurs" /
    "WH-1000XM5 casque": earbuds are not headphones. No training pair has one title of each."""
    if _FORM_WORDS.isdisjoint(a.tokset) or _FORM_WORDS.isdisjoint(b.tokset):
        return False
    fa, fb = _form(a), _form(b)
    return fa is not None and fb is not None and fa != fb


def _form(rec: Record) -> str | None:
    pairs = set(itertools.pairwise(rec.toks))
    earbuds = not (_EARBUDS.isdisjoint(rec.tokset) and _EARBUDS_PAIRS.isdisjoint(pairs))
    headphones = not (_HEADPHONES.isdisjoint(rec.tokset) and _HEADPHONES_PAIRS.isdisjoint(pairs))
    if earbuds == headphones:
        return None
    return "earbuds" if earbuds else "headphones"


def roman_clash(a: Record, b: Record) -> bool:
    """ "Cyber-shot RX100 II" / "RX100 III" / "RX100", "Speedlite 270EX II" / "270EX": a
    roman numeral after a model number (or after "Mark") names a generation, and the other
    title has the same number with another numeral or none. Of the training pairs it reads
    32, 30 of them two products (the other two: lenses labelled one with and without their
    "II")."""
    if _ROMAN_WORDS.isdisjoint(a.tokset) and _ROMAN_WORDS.isdisjoint(b.tokset):
        return False
    ra, rb = _romans(a.toks), _romans(b.toks)
    if not ra and not rb:
        return False
    return _other_numeral(ra, rb, b) or _other_numeral(rb, ra, a)


def _other_numeral(mine: dict[str, int], theirs: dict[str, int], other: Record) -> bool:
    """Whether `other` has a model number of `mine` with another numeral, or with none and
    the numeral nowhere else ("Lumix 12-35mm f2.8 G X Vario II" / "GX Vario 12-35mm f/2.8 II"
    puts it after the lens's name)."""
    for number, numeral in mine.items():
        if number not in other.tokset or theirs.get(number) == numeral:
            continue
        if number in theirs or _NUMERALS[numeral] not in other.tokset:
            return True
    return False


def _romans(toks: list[str]) -> dict[str, int]:
    found = {}
    for i, tok in enumerate(toks):
        numeral = tok.removeprefix("mark").removeprefix("mk")  # "9000F MKII"
        if numeral not in _ROMAN or i == 0:
            continue
        j = i - 2 if toks[i - 1] in ("mark", "mk") else i - 1
        if j >= 0 and any(c.isdigit() for c in toks[j]):
            found[toks[j]] = _ROMAN[numeral]
    return found


def anc_clash(a: Record, b: Record) -> bool:
    """ "AirPods 4" / "AirPods 4 avec réduction active du bruit": two products."""
    if ("anc" in a.tokset) == ("anc" in b.tokset):
        return False
    pa, pb = set(itertools.pairwise(a.toks)), set(itertools.pairwise(b.toks))
    return not ANC_LINES.isdisjoint(pa & pb)


def connector_clash(a: Record, b: Record) -> bool:
    """AirPods with a USB-C case and with a Lightning one: two generations ("AirPods Max USB-C"
    / "AirPods Max Lightning"), when each title names one connector."""
    if "airpods" not in a.tokset or "airpods" not in b.tokset:
        return False
    ca, cb = _connectors(a), _connectors(b)
    return len(ca) == 1 and len(cb) == 1 and ca != cb


def _connectors(rec: Record) -> set[str]:
    found = set()
    if "lightning" in rec.tokset:
        found.add("lightning")
    if "usbc" in rec.tokset or {("usb", "c"), ("type", "c")} & set(itertools.pairwise(rec.toks)):
        found.add("usb-c")
    return found
