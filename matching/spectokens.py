"""Numbers and codes of a title that are specs, not model names: an interface's version
("PCIe 4.0", "USB 3.2", "M.2 2280"), a memory module's speed and latency ("DDR5-6000",
"CL40"), a Wi-Fi speed class ("AX5400"), AMD's part number ("100-100001084WOF"), a stream
count ("6-Stream"), "3D NAND", Windows' version, a power supply's "80+ Gold". A shop that
writes them names no other model than one that leaves them out."""

from __future__ import annotations

import re

# An interface's version ("PCIe 4.0", "USB 3.2", "M.2") is no model number: a shop that
# writes it does not name another model than one that leaves it out.
_INTERFACE_WORDS = frozenset(
    ["pcie", "usb", "hdmi", "sata", "displayport", "wifi", "dlss", "bluetooth", "docsis"]
)
# Units and counts the normaliser leaves apart from their number: "300 ohms", "145 bar",
# "1600 VA", "7200 tpm", "25 km/h", "2 ventilateurs", "2 tiroirs", "4 baies".
_UNIT_WORDS = frozenset(
    """ohm ohms bar va wh tpm km ventilateurs ventilateur fans tiroirs tiroir fentes baies bays
    broches pins""".split()
)
_WIFI_CLASS = re.compile(r"^(?:ax|be|ac)\d{4,5}$")  # "BE800" is a router's name
_WINDOWS = re.compile(r"^w(?:in)?1[01]$")
_AMD_OPN = re.compile(r"^[01]00\d{6}(?:wof|box|mpk)?$")
_M2_LENGTHS = frozenset(["2230", "2242", "2260", "2280", "22110"])
_DDR = re.compile(r"^l?p?ddr\d$")
_LATENCY = re.compile(r"^cl\d{2}$")
_VERSION = re.compile(r"^\d{1,2}(?:\.\d)?x?$")


def spec_positions(toks: list[str]) -> set[int]:
    """Positions of numbers and codes that are specs, not models: interface versions, a
    memory module's speed and latency, a Wi-Fi speed class ("AX5400"), AMD's part number
    ("100-100001084WOF"), a stream count ("6-Stream"), "3D NAND", Windows' version."""
    out: set[int] = set()
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if tok.isdigit() and nxt in _UNIT_WORDS:
            out.add(i)
        if _WIFI_CLASS.match(tok) or (tok.isdigit() and nxt in ("stream", "streams")):
            out.add(i)
        if (tok == "3d" and nxt == "nand") or _WINDOWS.match(tok) or tok.startswith("80plus"):
            out.add(i)
        if tok in ("windows", "win") and nxt.isdigit():
            out.add(i + 1)
        if tok == "100" and _AMD_OPN.match(nxt):
            out.update((i, i + 1))
        if tok == "m" and toks[i + 1 : i + 2] == ["2"]:
            out.add(i + 1)
            if toks[i + 2 : i + 3] and toks[i + 2] in _M2_LENGTHS:
                out.add(i + 2)
        # A memory module's speed ("DDR5-6000") and latency ("CL40") are specs, compared
        # by their own rules.
        if _DDR.match(tok) and toks[i + 1 : i + 2] and toks[i + 1].isdigit():
            out.add(i + 1)
        if _LATENCY.match(tok):
            out.add(i)
        if tok not in _INTERFACE_WORDS:
            continue
        j = i + 1
        while j < len(toks) and toks[j] in ("c", "gen", "type"):
            j += 1
        for k in range(j, min(j + 2, len(toks))):
            if not _VERSION.match(toks[k]):
                break
            out.add(k)
    return out
