"""A listing's capacities (storage and memory, in GB) from its units: the gigabytes a title
states that are not the product's own storage or memory are left out.

- A laptop's graphics memory, after its chip ("RTX 4050 6 Go"), when two others are named
  (a graphics card's own title names one capacity, after its chip).
- A part number's last piece ("11350-04-20G", Sapphire's) beside a capacity the title states;
  alone, it may be the capacity ("SDSDXV5-128G").
- A drive's binary size is its decimal one: "2048G" is 2 TB."""

from __future__ import annotations

import re
from collections.abc import Sequence

_BINARY = {1024.0: 1000.0, 2048.0: 2000.0, 4096.0: 4000.0, 8192.0: 8000.0}
_GB = re.compile(r"^(\d+(?:\.\d+)?)gb$")
_GPU_CHIP = re.compile(r"^(?:rtx|gtx|rx)?\d{4}(?:ti|xt|s)?$")
_PART_GB = re.compile(r"\d-(\d{1,4})g\b")


def own_gigabytes(units: dict[str, set[float]], toks: Sequence[str], folded: str) -> None:
    """Drop from `units["gb"]` the gigabytes that are not the product's own."""
    gb = units.get("gb")
    if not gb:
        return
    graphics = {
        float(m.group(1)) for i, t in enumerate(toks) if (m := _GB.match(t)) and _after_gpu(toks, i)
    }
    if graphics and len(gb - graphics) + len(units.get("tb", ())) >= 2:
        gb = gb - graphics
    if "-" in folded and (pieces := _part_gb(folded, toks) & gb) and gb - pieces:
        gb = gb - pieces
    units["gb"] = gb


def capacities(units: dict[str, set[float]]) -> frozenset[float]:
    gb = {_BINARY.get(v, v) for v in units.get("gb", ())}
    gb.update(v * 1000 for v in units.get("tb", ()))
    return frozenset(gb)


def _part_gb(folded: str, toks: Sequence[str]) -> set[float]:
    """Capacities read only from a part number's last piece ("-20G"), said once."""
    return {float(v) for v in _PART_GB.findall(folded) if list(toks).count(v + "gb") == 1}


def _after_gpu(toks: Sequence[str], i: int) -> bool:
    """Whether the capacity at `i` follows a graphics chip: "RTX 4050 6 Go", "RTX4050 6Go"."""
    before = toks[i - 1] if i else ""
    if not _GPU_CHIP.match(before):
        return False
    return not before[0].isdigit() or (i >= 2 and toks[i - 2] in ("rtx", "gtx", "rx"))
