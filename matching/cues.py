"""What a title's words say the listing is: an accessory ("coque", "câble", "bracelet"), or a
bundle of several items ("PS5 + manette", "pack"), and the wordings that only look like one
("with water dispenser", "(8GB+256GB)", "Aluminium Case", "Titane Bracelet Océan")."""

from __future__ import annotations

import re

from matching.connectivity import NOT_BUNDLED
from matching.lexicon import ACCESSORY, BUNDLE
from matching.normalise import model_plus

# A "+" between two items ("PS5 + manette", "PS5+manette"); not one glued to the word before
# it only ("Galaxy S25+", "Disney+", "A++"), which names a model or a class.
_PLUS_ITEM = re.compile(r"(?:^|\s)\+\s*([a-z0-9]+)|[a-z0-9]\+([a-z0-9]+)")
# A camera sold with a lens: "Nikon Z fc + 16-50 mm" and "Z fc Kit avec NIKKOR 16-50mm" are
# one kit, and neither is the lens alone; the lens's line may be glued on ("Kit XC15-45mm").
_LENS_KIT = re.compile(
    r"\bkit\b.*\b(?:(?:xc|xf|ef|rf|dt|dc|af)?\d{1,3}(?:[.,]\d)?\s*-\s*\d{1,3}\s*mm"
    r"|\d{2,3}-\d{2,3}\s+(?:is|stm|usm|vr|oss|wr|f/?\d))"
)
# "2 USB-C + 1 USB-A": a charger's ports, not two items.
_PLUS_PORTS = re.compile(r"\+\s*\d\s*x?\s*(?:usb|hdmi|displayport|dp|rj45|ethernet|thunderbolt)")
_CAPACITY = re.compile(r"\d+(?:gb|go|tb|to)$")
# A card's outputs ("DVI+HDMI+DP") are ports, not items.
_PORTS = frozenset("hdmi dp dvi vga displayport usb rj45 thunderbolt".split())
# Words after which an accessory word describes the device ("fridge with water dispenser") or
# is not in the box ("Ryzen 7 7800X3D sans ventirad").
_FEATURE_CUES = frozenset(
    ["with", "avec", "mit", "around", "integrated", "built", "sans", "without", "ohne"]
)


def lens_kit(folded: str) -> bool:
    return "kit" in folded and bool(_LENS_KIT.search(folded))


def plus_items(folded: str) -> bool:
    # "Wi-Fi + Cellular" and "GPS + Cellular" name a configuration, not two items.
    if "+" not in folded:
        return False
    # Nor does a capacity after the memory: "(8GB+256GB)", nor a port count.
    folded = _PLUS_PORTS.sub(" ", model_plus(folded))
    items = ((m.group(1) or m.group(2)) for m in _PLUS_ITEM.finditer(folded))
    # A microSD card comes with its SD adapter ("microSDXC 128 Go + adaptateur SD").
    own = _CARD_ADAPTER if "microsd" in folded else frozenset()
    return any(
        item not in NOT_BUNDLED
        and item not in _PORTS
        and item not in own
        and not _CAPACITY.match(item)
        for item in items
    )


_CARD_ADAPTER = frozenset(["sd", "adapter", "adaptateur", "adaptador", "adattatore"])


def bundle_words(toks: list[str]) -> bool:
    # "box set" is how some German shops say retail box, "13 place set" a dishwasher's
    # capacity, "retail pack" a boxed part and "single pack" one item: none is a bundle of
    # several devices.
    return any(
        t in BUNDLE
        and not (t == "set" and i > 0 and toks[i - 1] in {"box", "place", "p"})
        and not (t == "pack" and i > 0 and toks[i - 1] in {"retail", "single"})
        for i, t in enumerate(toks)
    )


_BUILT_IN = frozenset(["integre", "integree", "integres", "builtin"])
_CASE_MATERIALS = frozenset(
    "aluminium aluminum titanium titane steel acier ceramic ceramique resin".split()
)


_TRACKER = frozenset(["activite", "connecte", "fitness"])
_PC_CASE = frozenset(["boitier", "atx", "tour", "tower"])
_PC_WORDS = frozenset(["atx", "itx", "tower", "computer", "pc", "chassis"])
_BANDS = frozenset(["bracelet", "band", "strap"])
_CASE_SIZE = re.compile(r"^\d{2}mm$")


def accessory_words(toks: list[str]) -> bool:
    # A device's warranty ("5 year parts and labour") and its features ("with water
    # dispenser and all around cooling") name accessory words without being one.
    for i, t in enumerate(toks):
        if t not in ACCESSORY:
            continue
        if t in {"part", "parts"} and toks[i + 1 : i + 2] in (["and"], ["labour"], ["warranty"]):
            continue
        if any(w in _FEATURE_CUES for w in toks[max(0, i - 4) : i]):
            continue
        if t == "bridge" and i and toks[i - 1] in {"ivy", "sandy"}:  # Intel generations
            continue
        if t == "batterie" and toks[i + 1 : i + 2] == ["externe"]:
            continue  # a power bank
        # A cable built in ("câble USB-C intégré"), a device running on its battery ("sur
        # batterie"): features.
        if toks[i + 1 : i + 4] and not _BUILT_IN.isdisjoint(toks[i + 1 : i + 4]):
            continue
        if i and toks[i - 1] == "sur" and t in {"batterie", "battery"}:
            continue
        if t in ("verre", "tempered") and not _PC_CASE.isdisjoint(toks):
            continue  # a PC case's tempered-glass panel
        if t == "bracelet" and not {"activite", "connecte", "fitness"}.isdisjoint(
            toks[i + 1 : i + 3]
        ):
            continue  # a fitness band ("bracelet d'activité") is the device
        if t == "case" and i and toks[i - 1] in _CASE_MATERIALS:  # a watch's "Aluminium Case"
            continue
        # A computer's case is the product ("Mid-Tower Case", "ATX Case", "Case Fan").
        if t == "case" and (
            not _PC_WORDS.isdisjoint(toks[max(0, i - 3) : i]) or toks[i + 1 : i + 2] == ["fan"]
        ):
            continue
        # A watch's band after its case ("49 mm Titane Bracelet Océan"); a band sold alone
        # names itself first ("Bracelet Sport pour Apple Watch 45 mm").
        if t in _BANDS and any(w in _CASE_MATERIALS or _CASE_SIZE.match(w) for w in toks[:i]):
            continue
        return True
    return False
