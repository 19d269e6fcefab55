"""A word one title adds inside or right after the model's name that both titles share: an
edition of the line ("Jabra Elite 4 Active" / "Jabra Elite 4", "NZXT Kraken Elite 360" /
"Kraken 360", "Elgato Facecam MK.2" / "Facecam", "Boombox 3 Wi-Fi" / "Boombox 3").

Words further on describe the device ("Jabra Elite 4 Noir écouteurs sport": "sport" follows a
category word, not the name), and a name is more than its brand ("Sony ULT WEAR" / "Sony
WH-ULT900N"). The service reads every word there; `match-pairs` and clusters only a listed
edition word ("Active", "Elite", "Lite", "MK2"...), for a shop's word after a name is more
often a feature the other leaves out ("MX Master 3S Performance", "Serie 2 Active Water")."""

from __future__ import annotations

import re

from matching.attributes import detect_brand
from matching.lexicon import ACCESSORY_MAKERS
from matching.normalise import tokens
from matching.record import Record
from matching.veto import cover_words, excused, identity_words, name_tokens, said

# Words that name an edition after a line's name; shops put many others there that name
# none ("Garmin Forerunner 965 Whitestone", "DJI Air 3 avec radiocommande", "MX Brio 4K
# Ultra HD").
_EDITIONS = frozenset(["active", "elite", "wireless", "lite", "touch", "ii", "iii", "iv"])
_NUMBERED = re.compile(r"^(?:gen\d{1,2}|mk\d?|[gv]\d)$")  # "NH-D15 G2", "ROAM v2"
# Words a shop puts inside a name: "Switch Modèle OLED", "ZenWiFi AX XT8".
_BETWEEN = frozenset(["modele", "model", "modell", "ax", "ac", "be", "edition"])
# Words a shop puts after a name that name no edition.
_DESCRIBING = frozenset(
    """
    noir blanc black white console edition neuf new officiel official version reconditionne
    avec with mit pour for fr azerty qwerty souris mouse micro microphone
    """.split()
)


def one_sided_edition(a: Record, b: Record, full: bool = True) -> bool:
    """One title names an edition word right after words of the model's name that the other
    title says too, and the other title has no word of its own. The service's `full` reading
    also takes a word between two of the name's words and an edition the other title lacks
    ("Édition Deluxe", "Erdtree Edition"); clusters leave those out, as English appliance and
    processor titles put shop words there ("classic stainless steel", "Black Edition")."""
    # Most pairs name the same edition words, or none: no need to read their names.
    if not full and _edition_words(a.tokset) == _edition_words(b.tokset):
        return False
    return (
        _edition(a, b, full)
        or _edition(b, a, full)
        or (full and (_named_edition(a, b) or _named_edition(b, a)))
        or (full and (_marked_code(a, b) or _marked_code(b, a)))
    )


def _marked_code(x: Record, y: Record) -> bool:
    """`x` writes `y`'s code with a mark number glued after its letters: "SEL70200GM2" is the
    GM II lens, not "SEL70200GM" (rare on the training pairs: one pair in all five sets)."""
    return any(
        len(c) >= 7 and c[-1].isdigit() and c[-2].isalpha() and c[:-1] in y.attrs.strong_codes
        for c in x.attrs.strong_codes
        if c not in y.joins
    )


def _edition_words(tokset: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in tokset if _edition_word(t))


def _edition_word(word: str) -> bool:
    """ "Active", "Elite", "Wireless", "MK2" or "Gen 2" ("gen2"), not "Genesis"."""
    return word in _EDITIONS or bool(_NUMBERED.match(word))


# A game's or a card's edition that is the plain product: "Édition Standard", "OC Edition"
# (a graphics card's part number says OC its own way).
_PLAIN_EDITIONS = frozenset(["standard", "oc", "classique", "classic", "normale", "de", "the"])


def _named_edition(x: Record, y: Record) -> bool:
    """ "Hogwarts Legacy Édition Deluxe PS5" / "Hogwarts Legacy PS5": the word beside
    "edition" names one the other title does not."""
    toks = tokens(x.title)
    if "edition" not in toks:
        return False
    other, mine = set(tokens(y.title)), identity_words(x)
    for i, tok in enumerate(toks):
        if tok != "edition":
            continue
        # French names the edition after the word ("Édition Deluxe"), English before it
        # ("Erdtree Edition PS5").
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if after in _PLAIN_EDITIONS:
            continue
        word = after if after in mine and after.isalpha() else toks[i - 1] if i else ""
        if word in mine and word.isalpha() and word not in _PLAIN_EDITIONS:
            if word not in other and not said(word, x, y):
                return True
    return False


def _edition(x: Record, y: Record, full: bool = True) -> bool:
    # One part number: "Bosch Serie 2 Active Water SMS25AB00G" / "SMS25AB00G" (a chipset
    # such as "X870E" is no part number, nor are digits "Kraken 360 (2023)" joins).
    if any(len(c) >= 8 and not c.isdigit() for c in x.attrs.strong_codes & y.attrs.strong_codes):
        return False
    mine = cover_words(x, y)
    if not all(said(t, y, x) or excused(t, x) for t in cover_words(y, x)):
        return False  # both have words of their own: the veto's case
    toks = name_tokens(x.title)

    def named(t: str | None) -> bool:  # a word of the name both titles say, not the brand
        return (
            t is not None
            and t in mine
            and said(t, x, y)
            and t != x.attrs.brand
            and not detect_brand(t)
        )

    for i in range(1, len(toks)):
        word = toks[i]
        if word not in mine or word in _DESCRIBING or said(word, x, y) or not named(toks[i - 1]):
            continue
        after = toks[i + 1] if i + 1 < len(toks) else None
        # Inside the name: "Suprim Liquid SOC", "DG DN II Art"; not before a remote's "RC"
        # ("DJI Flip vlog 4K avec RC-N3") nor a brand or Wi-Fi standard between.
        if full and word.isalpha() and named(after) and len(after or "") >= 3:
            if word in _BETWEEN:
                continue
            if not detect_brand(word):
                return True
        if word.startswith("gen") and y.attrs.generation and _NUMBERED.match(word):
            continue  # "Watch SE 2e génération" / "Watch SE (2023)": the year says it
        if _edition_word(word) and not any(t.endswith(word) for t in y.tokset):
            return True  # not a series glued in the other's code: "OLED evo G4" / "OLED65G4"
        # A number that ends one title right after the name: "Suunto Race 2" / "Race".
        if full and i == len(toks) - 1 and word.isdigit() and len(word) <= 2:
            return True
    return False


def accessory_maker(a: Record, b: Record) -> bool:
    """Both titles name one maker of accessories, and neither says what it fits: an accessory
    word then names the product ("Chargeur sans fil Belkin BoostCharge Pro" / "Belkin
    BoostCharge Pro")."""
    brand = a.attrs.brand
    return (
        brand in ACCESSORY_MAKERS and brand == b.attrs.brand and not (a.attrs.fits or b.attrs.fits)
    )
