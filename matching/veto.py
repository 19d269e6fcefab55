"""The service's veto on words: each title names the model with a word the other lacks
("Prime" / "Dual", "16" / "Air"), so they are two models of one line.

A shop's title carries words that name no model: the category in another language
("Grafikkarte", "Alimentation"), an interface's version ("PCIe 4.0", "SATA III", "M.2 2280"), a
part number's prefix ("MZ-77E1T0B", "910-006559"), the chip maker a board implies ("GeForce"
beside "RTX 4090"), a brand written another way ("WD" / "Western Digital"). None of them may
veto."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.attributes import PACKAGING, TECH, UNIT_RE, detect_brand, named_brands
from matching.describe import GENERIC
from matching.lexicon import ACCESSORY, COLOURS, FITS_CUES, REFURBISHED
from matching.normalise import tokens
from matching.qualifiers import QUALIFIERS
from matching.record import Record, make_record

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Interface versions ("PCIe 4.0", "USB 3.2", "M.2 2280", "SATA III"), feature versions
# ("DLSS 3"), a TV's system ("Google TV") and a response time ("0,03 ms") name no model.
_NOT_MODEL_TEXT = re.compile(
    r"\b(?:pcie|pci-e|pci express|usb|bluetooth|hdmi|dlss)\s*(?:gen\s*)?\d(?:\.\d)?\b"
    r"|\bm\.2(?:\s*22[348]0)?\b|\bsata\s*(?:iii|ii|3|6\s*gb/s)?\b|\b(?:google|android)\s+tv\b"
    r"|\b\d+(?:[.,]\d+)?\s*ms\b|\bmini[- ]?led\b|\b\d(?:[.,]\d)?k\b|\bcl\d{2}\b"
    # An operating system ("Windows 11 Pro", "W11"), a DisplayPort version, a percentage.
    r"|\bwindows\s*1[01](?:\s*(?:pro|home|famille))?\b|\bw(?:in)?1[01](?:\s*pro)?\b"
    r"|\bdp\s*\d\.\d[a-z]?\b|\b\d+\s*%"
    # A lens's aperture ("F3.5-6.3"), a frame rate ("30 ips"), ports ("3 ports", "2 USB-C"),
    # a power supply's efficiency ("80+ Gold").
    r"|\bf/?\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\b|\b\d+\s*(?:ips|fps)\b"
    r"|\b\d\s*(?:ports?|usb(?:-[ac])?)\b"
    r"|\b80\s*(?:\+|plus)\s*(?:bronze|silver|gold|platinum|titanium)?"
    # A cable modem's DOCSIS version, a scooter's speed and range, a delivery delay.
    r"|\bdocsis\s*\d(?:\.\d)?\b|\b\d+\s*km(?:/h)?\b|\b\d{2}h\b",
    re.I,
)
# A maker's part number: pieces joined by hyphens, one of them a long code or number
# ("MZ-77E1T0B/EU", "100-100000910WOF", "910-006559", "KF560C40BBK2-32").
_PART = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+(?:/[a-z]{2,3})?\b", re.I)
_LONG_PIECE = re.compile(r"^(?=.*\d)[a-z0-9]{4,}$", re.I)
# Words of a shop's category or marketing, in the languages of the site's shops and of
# European shops' listings (Spanish, Italian, Dutch, Portuguese, Slovak: a cap, a watch).
_NOT_MODEL_WORDS = frozenset(
    """grafikkarte router routeur wlan qhd uhd fhd gaming kit boite bravia
    generation ecc udimm dimm led qled cam camera action enceinte speaker lautsprecher
    liseuse ereader imprimante printer drucker clavier keyboard tastatur objectif manette
    controller mainboard carte mere gehause display connecte connectee connected alexa
    wqhd ips srgb laser monochrome recto verso etanche waterproof gan power bank externe
    multipack cartouche cartouches couleurs webcam micro stereo full hd alimentation modulaire
    nas baies smartwatch memory laptop sodimm dpi lightspeed encre authentique grande capacite
    rapide tour moyen vr tout plein format hybride appareil jeu game standard anc bk haut
    parleurs integres tres bon etat parfait operateur operateurs filaire high performance
    ergonomique ergonomic verticale vertical intelligent intelligente chaudiere individuelle
    diskstation trottinette scooter electrique electric autonomie livraison vollformat
    systemkamera body boitier nu prise mesure consommation pack lot montre lunette lecteur
    connexion ventirad double pwm gamer photo retroeclaire secteur serveur passif accelerator
    workstation systeme canal dimmable multicolore couleur entierement amelioree vdsl mesh
    incurve rakuten konsole doorbell sonnette passiv gekuhlt aspirateur laveur vacuum
    autovidage pliable sockel atx headset auriculares kopfhorer cuffie hoofdtelefoon pendrive
    chiavetta speicherkarte tarjeta scheda teclado tastiera impresora stampante portatil
    portatile fernseher televisor bildschirm kamera camara fotocamera objetivo obiettivo
    objektiv relogio reloj orologio casquette gorra cappello siltovka silterica""".split()
)
# One word in two languages: "souris" / "mouse" (kept as model words: a Magic Mouse is no
# Magic Trackpad).
_SAME_WORD = (
    frozenset(["souris", "mouse", "maus"]),
    frozenset(["microphone", "micro", "mikrofon"]),
)
# Lines imply their maker: "GeForce" / "NVIDIA" beside "RTX 4090", "AMD" beside "Radeon",
# "Sony" beside "PS5".
_MAKER_WORDS = {
    "sony": ("ps5", "ps4", "playstation", "bravia", "xperia"),
    "nvidia": ("rtx", "gtx", "geforce", "quadro"),
    "geforce": ("rtx", "gtx", "nvidia"),
    "amd": ("radeon", "ryzen", "rx", "epyc", "threadripper"),
    "radeon": ("rx", "amd"),
    "intel": ("core", "xeon", "arc", "pentium", "celeron"),
}


def _strip_parts(title: str) -> str:
    def repl(m: re.Match[str]) -> str:
        pieces = re.split(r"[-/]", m.group(0))
        return " " if any(_LONG_PIECE.match(p) for p in pieces) else m.group(0)

    return _PART.sub(repl, title)


def outside_text(title: str) -> str:
    """The title without brackets, specs and part numbers: brackets hold part numbers and
    specs ("(935-24287-0001-000)"), compared by the codes."""
    return _NOT_MODEL_TEXT.sub(" ", _strip_parts(_BRACKETS.sub(" ", title)))


@lru_cache(maxsize=50_000)
def name_tokens(title: str) -> tuple[str, ...]:
    """The compared words of `outside_text`, in title order: where a model's name is read."""
    return tuple(make_record("", outside_text(title)).toks)


@lru_cache(maxsize=50_000)
def _outside_brackets(title: str, level: str = "product") -> frozenset[str]:
    return make_record("", outside_text(title), level=level).tokset


def identity_words(rec: Record) -> frozenset[str]:
    """Words and short numbers that name the model, outside brackets: no filler, colour,
    category word, unit, technology name, cue or part number."""
    return _identity_words(rec.title)


@lru_cache(maxsize=50_000)
def _identity_words(title: str) -> frozenset[str]:
    named = _colour_names(title)
    return frozenset(
        t
        for t in _outside_brackets(title)
        if len(t) >= 2 or t.isdigit()
        if t not in GENERIC and t not in ACCESSORY and t not in FITS_CUES and t not in PACKAGING
        if t not in _NOT_MODEL_WORDS and t not in REFURBISHED and t not in named
        if not UNIT_RE.match(t) and (not TECH.match(t) or _model_x(t, title))
        if t.isalpha() or len(t) <= 4
    )


# "x4" is a PCIe link's width beside a bus, and a model's name elsewhere ("Insta360 X4" /
# "X5": a camera title has no bus to be wide).
_WIDTH = re.compile(r"x(?:1|2|4|8|16)")
_BUS = re.compile(r"\b(?:pcie?|pci-e|pci express|nvme|m\.2|lanes?|thunderbolt|oculink)\b", re.I)


def _model_x(word: str, title: str) -> bool:
    return bool(_WIDTH.fullmatch(word)) and not _BUS.search(title)


def _colour_names(title: str) -> frozenset[str]:
    """The words of a maker's colour name at the end of a title, beside a colour: "Forest
    Green", "Argent poli", "Gris froid", "Noir de jais". A model's word there is no colour
    ("iPhone 16 Pro Max Black": "Max" is a qualifier)."""
    toks = tokens(title)
    out = set()
    for i in range(max(0, len(toks) - 3), len(toks)):
        if toks[i] not in COLOURS:
            continue
        # French names the shade after the colour ("Gris froid"), English before it, when
        # the colour ends the title ("Forest Green").
        word = toks[i + 1] if i + 1 < len(toks) else toks[i - 1] if i else ""
        if toks[i + 2 : i + 3] in (["edition"], ["version"]):
            continue  # "HERO12 Black Creator Edition" names an edition, not a shade
        if len(word) >= 3 and word.isalpha() and word not in COLOURS:
            if word not in QUALIFIERS and not detect_brand(word):
                out.add(word)
    return frozenset(out)


def words_clash(a: Record, b: Record) -> bool:
    """Each side names the model with one word or number the other lacks: at the product
    level, two different models of one line."""
    only_a = [t for t in identity_words(a) if not _shared(t, b)]
    only_b = [t for t in identity_words(b) if not _shared(t, a)]
    if not (only_a and only_b):
        return False
    # A word glued to its neighbour on the other side ("lga 1700" / "lga1700") is shared.
    only_a = [t for t in only_a if not _glued(t, a, b)]
    only_b = [t for t in only_b if not _glued(t, b, a)]
    # One word each, in a shared name ("Prime" / "Dual", "16" / "Air"). Titles that each
    # carry more words of their own are two shops' descriptions, the learned score's to weigh:
    # on third-party pairs (`bench/service_pairs.py`) such a veto split 85% true matches.
    return len(only_a) == 1 and len(only_b) == 1


_SIZE_UNITS = ("in", "mhz", "mm", "w")


def _shared(word: str, other: Record) -> bool:
    """Whether `other` says `word` too: in its text, as a brand it names or implies ("Apple"
    for "MacBook Air", "WD" for "Western Digital", "GeForce" for "RTX 4090"), as a size with
    its unit ("13" / "13 pouces", "6000" / "6000 MHz"), or inside a longer code ("65C4" /
    "OLED65C4")."""
    if word in other.joins or word in other.desc_joins or word == other.attrs.brand:
        return True
    if word.isdigit():
        return any(word + unit in other.tokset for unit in _SIZE_UNITS)
    brands = _brands(other.title)
    if detect_brand(word) in brands or any(word in b.split() for b in brands):
        return True
    makers = _MAKER_WORDS.get(word, ())
    if any(t.startswith(m) for t in other.tokset for m in makers):  # "rtx5070"
        return True
    if any(word in same and not same.isdisjoint(other.tokset) for same in _SAME_WORD):
        return True
    return len(word) >= 4 and not word.isalpha() and any(word in t for t in other.tokset)


@lru_cache(maxsize=50_000)
def _brands(title: str) -> frozenset[str]:
    return named_brands(" ".join(make_record("", title).toks))


def _glued(word: str, rec: Record, other: Record) -> bool:
    return any(word in j and j in other.tokset for j in rec.joins if len(j) > len(word))


def said(word: str, rec: Record, other: Record) -> bool:
    """Whether `other` says a word of `rec`, as it is or glued to its neighbour."""
    return _shared(word, other) or _glued(word, rec, other)


# Words the veto lets pass (a network, a connection) that still tell two editions apart
# when only one title has them: "Apex Pro TKL" / "Apex Pro TKL Wireless", "Boombox 3 Wi-Fi".
_EDITION_WORDS = frozenset(["wireless", "wifi", "cellular", "5g", "4g", "lte", "bluetooth"])
_AUDIO = frozenset(
    "ecouteurs earbuds casque headphones headset buds airpods enceinte speaker lautsprecher".split()
)
# Makers name an edition in English ("Xbox Wireless Controller"); a shop's "sans fil" or
# "kabellos" describes the device.
_MAKERS_WIRELESS = re.compile(r"\bwireless\b", re.I)
# A device's own category word on one side ("Souris gaming Logitech G Pro X Superlight 2")
# and a keyboard's layout, which a French shop's "FR" says too.
_CATEGORY_WORDS = frozenset(["souris", "mouse", "maus", "micro", "microphone", "mikrofon"])
_LAYOUTS = (
    frozenset(["azerty", "fr"]),
    frozenset(["qwerty", "us", "uk"]),
    frozenset(["qwertz", "de"]),
)
_LAYOUT_WORDS = frozenset().union(*_LAYOUTS)


def words_cover(a: Record, b: Record) -> bool:
    """Each title's model words are all said by the other: they differ only in words that
    name no model (a category, a colour, a unit, a part number), so they are one product. A
    one-letter word ("Signature M650 L"), an edition word ("Wireless") or a generation or
    year on one side only stops it, as do two values of one unit and a brand either title
    lacks."""
    if not (a.attrs.brand and a.attrs.brand == b.attrs.brand):
        return False
    if a.attrs.generation != b.attrs.generation or a.attrs.model_tokens != b.attrs.model_tokens:
        return False
    ua, ub = a.attrs.units, b.attrs.units  # "10000 mAh" / "20000 mAh", "38 mm" / "42 mm"
    if any(ua[u].isdisjoint(ub[u]) for u in ua.keys() & ub.keys()):
        return False
    if _loose_letters(a, b) - _letters(b.title) or _loose_letters(b, a) - _letters(a.title):
        return False
    wa, wb = cover_words(a, b), cover_words(b, a)
    return all(said(t, a, b) or excused(t, b) for t in wa) and all(
        said(t, b, a) or excused(t, a) for t in wb
    )


def cover_words(rec: Record, other: Record) -> frozenset[str]:
    """The words of `rec` that `words_cover` wants the other title to say."""
    # Earbuds, headphones and speakers are wireless and Bluetooth whether a shop says so or not.
    audio = not _AUDIO.isdisjoint(rec.tokset | other.tokset)
    editions = _EDITION_WORDS - {"wireless", "bluetooth"} if audio else _EDITION_WORDS
    if not _MAKERS_WIRELESS.search(rec.title):
        editions -= {"wireless"}
    words = identity_words(rec)
    if audio:
        words -= {"wireless", "bluetooth"}
    return words | (editions & rec.tokset)


def excused(word: str, other: Record) -> bool:
    """A word one title has that names no other model: the device's category, or a layout
    the other title names too ("AZERTY" / "FR") or, for AZERTY, leaves unsaid."""
    if word in _CATEGORY_WORDS:
        return True
    for layout in _LAYOUTS:
        if word in layout:
            named = _LAYOUT_WORDS.intersection(tokens(other.title))  # "fr" is filler
            # A French shop's keyboard is AZERTY unless it says otherwise.
            return not named.isdisjoint(layout) or (not named and "azerty" in layout)
    return False


def _loose_letters(x: Record, y: Record) -> frozenset[str]:
    """The one-letter words of `x` but those the other title glues to their neighbour ("Nikon
    Z f" / "Zf") and a spec's letter ("M.2")."""
    toks = tokens(x.title)
    out = set()
    for i, t in enumerate(toks):
        if t not in _letters(x.title):
            continue
        before, after = toks[i - 1] if i else "", toks[i + 1] if i + 1 < len(toks) else ""
        if before + t in y.tokset or t + after in y.tokset or after[:1].isdigit():
            continue
        out.add(t)
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _letters(title: str) -> frozenset[str]:
    # From the title's own tokens: a letter may be filler to the compared ones ("l", "a").
    return frozenset(t for t in tokens(title) if len(t) == 1 and t.isalpha())


def letter_clash(a: Record, b: Record) -> bool:
    """A one-letter edition at the end of a name in one title only: "Razer Kiyo X" / "Kiyo",
    "HyperX QuadCast S" / "QuadCast", "Signature M650 L" / "M650". A letter inside a name the
    other title writes without it ("Logitech G Pro X" / "Logitech Pro X", "Galaxy Z Fold6" /
    "Galaxy Fold6") or glued to the next word ("Nikon Z 8" / "Z8") is no edition."""
    return _one_letter(a, b) or _one_letter(b, a)


def _one_letter(x: Record, y: Record) -> bool:
    tx, ty = _letter_toks(x.title), _letter_toks(y.title)
    follows = {w: ty[i + 1] if i + 1 < len(ty) else None for i, w in enumerate(ty)}
    for i in range(1, len(tx)):
        letter, before = tx[i], tx[i - 1]
        if len(letter) != 1 or not letter.isalpha() or letter in ty or before not in follows:
            continue
        after = tx[i + 1] if i + 1 < len(tx) else None
        if after is not None and (follows[before] == after or letter + after in y.tokset):
            continue
        if before + letter in ty:
            continue  # glued to the word before in the other: "f/4 L" / "f/4L"
        # A spec ("M.2", "f/2.8") or a part number's suffix ("27GR95QE-B", black) names no
        # edition.
        if (after is not None and after[0].isdigit()) or (len(before) >= 6 and _DIGIT(before)):
            continue
        if letter in "ld" and after is not None and after[0] in "aeiouyh":
            continue  # "l'appareil", "d'origine"
        if _SIZES.get(letter, "") in ty:
            continue  # a size written out: "Intuos Pro M" / "Intuos Pro Medium"
        if after in _MOUNTS or before in _PORT_TYPES:
            continue  # a lens's mount ("E-Mount"), a port's type ("USB-C", "Type C")
        return True
    return False


_DIGIT = re.compile(r"\d").search
_SIZES = {"s": "small", "m": "medium", "l": "large"}
_MOUNTS = frozenset(["mount", "monture", "bajonett"])
_PORT_TYPES = frozenset(["usb", "type"])


@lru_cache(maxsize=50_000)
def _letter_toks(title: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(title) if t not in COLOURS and t != "a")
