"""Processor part numbers that carry the model inside them.

Intel's retail box part "BX80677I77700" is a Core i7-7700 and AMD's "YD170XBCAEWOF" a Ryzen 7
1700X: a shop that writes only the part number names the model no less than one that writes
"i7 7700". The matcher reads the model out of the part so the other offer's code can hit it.
Epson's consumables work the same way: the part "C13T865140" is the cartridge "T8651".
The packaging is read too: a "BX" part or an AMD part ending in "BOX"/"WOF" is the retail box,
an Intel "CM" part the bare tray chip, sold and priced apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# BX8 + four digits (the platform) + the model: "i77700", "i58600k", "e52640v4", "g4560", "4110".
_INTEL_BOX = re.compile(r"^bx8\d{4}((?:[a-z]\d|[a-z]?\d{3})[a-z0-9]*)$")
# CM + a long number: a tray part whose digits are a spec code, not the model.
_INTEL_TRAY = re.compile(r"^cm80\d{8,}$")
# Family letters + the model digits + a letter code ending in the packaging:
# "fd8350frhkbox", "ad9700agabbox", "sd2650jahmbox", "ps7501beafwof", "ad880kxbjcsbx"
# (three digits and a letter, "ps735pbeafwof" for the EPYC 7351P, are left alone).
_AMD = re.compile(r"^(?:fd|ad|sd|ps|os)(\d{4}|\d{3}k)([a-z][a-z0-9]{4,8})$")
# Ryzen: three digits and an X stand for four digits and an X ("yd170x" is the 1700X);
# four digits then "bb" are a plain model ("yd1700bbaebox").
_RYZEN = re.compile(r"^yd(?:(\d{3})x|(\d{4})bb)[a-z0-9]{5,8}$")
_INTEL_CORE = re.compile(r"^(?:i[3579]|e[357]|w)(\d{4,5}[a-z0-9]*)$")
_BOX_ENDINGS = ("box", "wof", "sbx")
# Epson: C13 + the cartridge ("t8651", "t7023") + a pack and region code ("40", "4010", "00").
_EPSON = re.compile(r"^c13(t\d{4})[a-z0-9]{2,4}$")


class Part(NamedTuple):
    models: frozenset[str]  # how other offers write the model ("i77700", "7700")
    packaging: str | None  # "box", "tray" or None


_NONE = Part(frozenset(), None)


@lru_cache(maxsize=50_000)
def read_part(token: str) -> Part:
    """The model codes and packaging a part number holds; empty for other tokens."""
    if len(token) < 9 or not token[0].isalpha():
        return _NONE
    m = _INTEL_BOX.match(token)
    if m:
        model = m.group(1)
        core = _INTEL_CORE.match(model)
        return Part(frozenset({model, core.group(1)} if core else {model}), "box")
    if _INTEL_TRAY.match(token):
        return Part(frozenset(), "tray")
    m = _AMD.match(token)
    if m:
        return Part(frozenset({m.group(1)}), _amd_packaging(m.group(2)))
    m = _RYZEN.match(token)
    if m:
        model = m.group(1) + "0x" if m.group(1) else m.group(2)
        return Part(frozenset({model}), _amd_packaging(token))
    m = _EPSON.match(token)
    if m:
        return Part(frozenset({m.group(1)}), None)
    return _NONE


def _amd_packaging(tail: str) -> str | None:
    return "box" if tail.endswith(_BOX_ENDINGS) else None
