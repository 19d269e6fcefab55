"""Phrases that shops write several ways, and graphics cards' part numbers, rewritten to one
spelling before a title is split into tokens (`normalise.normalise`). Folded text in, folded
text out."""

from __future__ import annotations

import re
from collections.abc import Callable

_ROMAN_OF = {"2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi", "7": "vii"}
# Phrases said differently in French and English that name one feature.
# Each with a word it cannot match without: the pattern runs only on a text that has one.
PHRASES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], tuple[str, ...]]] = [
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
    # A laptop shop's "R7-7735HS" is the Ryzen 7 7735HS (not a year: "EOS R5 2024").
    (
        re.compile(r"\br([3579])[- ]?((?!20\d\d)[1-9]\d{3}(?:[a-z]{1,3}\d?)?)\b"),
        r"ryzen \1 \2",
        ("r",),
    ),
    # Sony's cameras: the "Alpha 1 II" is the "A1 II" of other shops, the "Alpha 6700" the
    # "A6700".
    (re.compile(r"\bsony alpha ?(\d{1,4}[a-z]{0,2})\b"), r"sony a\1", ("alpha",)),
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
    (re.compile(r"\bedition fondateurs?\b"), "founders edition", ("fondateur",)),
    (re.compile(r"\b(ddr\d.*)\bc(\d{2})\b"), r"\1cl\2", ("ddr",)),
    # Apple's shops write the cores "M4 Pro 12C CPU 16C GPU": counts, not model numbers.
    (re.compile(r"\b(\d{1,2})c ([cg]pu)\b"), r"\1 coeurs \2", ("pu",)),
]
# Graphics cards as makers' part numbers write them ("TUF-RTX4070S-O12G": a 4070 Super, OC,
# 12 GB) and China's cut-down cards ("RTX 5090 D" is one model, "5090D"); read only where a
# GeForce word is, since "S" and "D" glued to a number name other things elsewhere.
GEFORCE = [
    (re.compile(r"\b((?:rtx|gtx)?\d{4})(ti)?s\b"), r"\1 \2 super"),
    (re.compile(r"\b(\d{4}) d\b"), r"\1d"),
    (re.compile(r"\bo(\d{1,2})g\b"), r"oc \1g"),
    (re.compile(r"\b((?:rtx|gtx) ?\d{4}(?: ?ti)?(?: super)?) fe\b"), r"\1 founders edition"),
]
# AMD cards as makers' part numbers write them: ASUS's "PRIME-RX9070XT-O16G" is an RX 9070 XT,
# OC, 16 GB.
RADEON = [
    (re.compile(r"\brx(\d{4})(xtx|xt|gre)?\b"), r"rx \1 \2"),
    (re.compile(r"\bo(\d{1,2})g\b"), r"oc \1g"),
]
GLUED_RX = re.compile(r"\brx\d{4}")
# Gigabyte's part numbers: "GV-N407SWF3OC-12GD" is an RTX 4070 Super Windforce OC 12 GB,
# "GV-R79XTXGAMING OC-24GD" an RX 7900 XTX Gaming OC 24 GB.
GIGABYTE = re.compile(
    r"\bgv-?([nr])(\d{2,4})(ts|t|s|xtx|xt|gre)?( ?[a-z][a-z0-9 ]*?)?-(\d{1,2})g[dl]\b"
)
_GIGABYTE_SUFFIX = {"s": "super", "t": "ti", "ts": "ti super"}


def gigabyte(m: re.Match[str]) -> str:
    maker, digits, suffix, line, memory = m.groups()
    if maker == "n":
        number = digits.ljust(4, "0")
        chip = ("gtx " if number < "2000" else "rtx ") + number
        suffix = _GIGABYTE_SUFFIX.get(suffix or "", "")
    else:
        chip = "rx " + (digits + "00" if len(digits) == 2 else digits)
    line = re.sub(r"oc$", " oc", re.sub(r"wf\d", "windforce ", line or ""))
    return f" {chip} {suffix or ''} {line} {memory}gb "
