"""Memory modules told apart by a specification both titles name: the DDR generation
("DDR4" / "DDR5", which also tells a motherboard's two versions apart: "B760M-A WIFI DDR4" /
"(DDR5)"), the speed ("DDR4 3200 MHz" / "3600 MHz"), the kit ("2 x 8 Go" / "2 x 16 Go"), the
latency ("CL30" / "CL36"), the form ("SO-DIMM" / "DIMM") or the lighting ("FURY Beast RGB")."""

from __future__ import annotations

import itertools
import re

from matching.record import Record


def memory_spec_clash(a: Record, b: Record) -> bool:
    return (
        ddr_clash(a, b)
        or ram_speed_clash(a, b)
        or latency_clash(a, b)
        or module_clash(a, b)
        or kit_clash(a, b)
        or rgb_clash(a, b)
    )


_DDR_GENERATION = re.compile(r"^(?:lp)?ddr(\d)[lx]?$|^d([45])$")


def ddr_clash(a: Record, b: Record) -> bool:
    """Two DDR generations, each title naming one ("DDR4" / "DDR5"; ASUS writes a board's
    "D4"). Graphics memory (GDDR6 / GDDR6X) is left to the cards' rules."""
    ga, gb = _ddr_generations(a), _ddr_generations(b)
    return len(ga) == 1 and len(gb) == 1 and ga != gb


def _ddr_generations(rec: Record) -> set[str]:
    # "D4" is a board's DDR4 only beside its chipset ("B760-PLUS WIFI D4").
    board = any(map(CHIPSET.match, rec.toks))
    return {
        m.group(1) or m.group(2)
        for t in rec.toks
        if (m := _DDR_GENERATION.match(t)) and (m.group(1) or board)
    }


# A motherboard's chipset ("B760", "X870E", "B650M").
CHIPSET = re.compile(r"^[abhxz]\d{3}[em]?$")


_DDR = re.compile(r"(?:lp)?ddr\d[lx]?|pc\d")


def ram_speed_clash(a: Record, b: Record) -> bool:
    """Memory modules at two speeds ("HyperX Fury DDR3 1866MHz" / "1600MHz"), each title
    naming one: 88 training pairs, none one product. A speed may follow the generation
    without its unit ("DDR5-4800", "DDR5 5600")."""
    ma, mb = _speeds(a), _speeds(b)
    if len(ma) != 1 or len(mb) != 1 or ma == mb:
        return False
    return is_ram(a) and is_ram(b)


def _speeds(rec: Record) -> set[float]:
    out = set(rec.attrs.units.get("mhz", ()))
    for t, u in itertools.pairwise(rec.toks):
        if _DDR.fullmatch(t) and u.isdigit() and 1000 <= int(u) <= 12000:
            out.add(float(u))
    return out


def is_ram(rec: Record) -> bool:
    return any(_DDR.fullmatch(t) for t in rec.toks)


def kit_clash(a: Record, b: Record) -> bool:
    """Two memory kits, each title giving its modules ("2 x 8 Go" / "2 x 16 Go", "2x16GB" /
    "4x8GB")."""
    ka, kb = _kits(a.toks), _kits(b.toks)
    return bool(ka and kb) and ka.isdisjoint(kb)


def _kits(toks: list[str]) -> set[tuple[int, float]]:
    out = set()
    for t, u in itertools.pairwise(toks):
        m = _KIT.match(t + " " + u)
        if m:
            count, size = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            out.add((int(count), float(size)))
    return out


# "2 x 16 Go", and "(2x16)" beside a memory's generation, where the unit goes unsaid.
_KIT = re.compile(r"^([1-8])x (\d+(?:\.\d+)?)gb$|^([1-8])x (4|8|16|24|32|48|64)$")


def latency_clash(a: Record, b: Record) -> bool:
    """Memory kits of two CAS latencies ("6000 MHz CL30" / "CL36"), sold at two prices: 9
    training pairs, none one product."""
    la, lb = _latencies(a), _latencies(b)
    return bool(la and lb) and la.isdisjoint(lb)


def _latencies(rec: Record) -> set[str]:
    return {t for t in rec.tokset if len(t) == 4 and t.startswith("cl") and t[2:].isdigit()}


def module_clash(a: Record, b: Record) -> bool:
    """A laptop's memory module and a desktop's ("DDR3L 4 GB SO-DIMM" / "DDR3L 4GB DIMM"), each
    title naming one: 55 training pairs, 54 two products."""
    fa, fb = _module(a), _module(b)
    return fa is not None and fb is not None and fa != fb


def _module(rec: Record) -> str | None:
    if "sodimm" in rec.joins:  # "SODIMM", "SO-DIMM", "SO DIMM"
        return "sodimm"
    if "dimm" in rec.tokset or "udimm" in rec.tokset:
        return "dimm"
    return None


def rgb_clash(a: Record, b: Record) -> bool:
    """A memory kit with and without lighting ("Kingston FURY Beast RGB DDR5" / "FURY Beast
    DDR5"): two products at two prices. Not a motherboard's, whose RGB is a header."""
    if ("rgb" in a.tokset) == ("rgb" in b.tokset) or not (is_ram(a) and is_ram(b)):
        return False
    if not _ALWAYS_LIT.isdisjoint(a.tokset | b.tokset):
        return False
    return not any(map(CHIPSET.match, itertools.chain(a.toks, b.toks)))


# Lines sold only with lighting, which shops name with or without "RGB": G.Skill's Trident Z
# Neo and Royal, ADATA's Spectrix, TeamGroup's Delta.
_ALWAYS_LIT = frozenset(["neo", "royal", "spectrix", "delta"])
