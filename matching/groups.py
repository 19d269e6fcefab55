"""Groups of offers for the clustering: a union-find whose groups keep their members, shops and
attribute profile (the values two offers of one product can never disagree on)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matching.clash import watch_case
from matching.connectivity import mobile
from matching.features import same_screen
from matching.qualifiers import FORM_FACTORS, ONE_SIDED
from matching.record import Record


def profile(rec: Record, level: str) -> dict[str, object]:
    """The attribute values two offers of one product can never disagree on."""
    a = rec.attrs
    out: dict[str, object] = {
        "accessory": a.accessory or a.fits,
        "bundle": a.bundle,
        "refurbished": a.refurbished,
        "pack": a.pack,
    }
    caps = a.capacities_gb
    if caps:
        out["capacity"] = max(caps)
    if len(caps) > 1:
        # Memory and storage both named ("M4 16 Go 512 Go"): both must agree.
        out["capacities"] = caps
    if a.packaging:
        out["packaging"] = a.packaging
    screens = a.units.get("in")
    if screens:
        out["screen"] = Screen(frozenset(screens))
    if a.generation:
        out["generation"] = a.generation
    # "Pro" and "Pro Max", "4070" and "4070 Super" are two models, as the service's veto says;
    # a form factor (SXM, NVL) counts only when named.
    out["qualifiers"] = a.qualifiers & ONE_SIDED
    if forms := a.qualifiers & FORM_FACTORS:
        out["form"] = forms
    # Wi-Fi only / with a mobile network, and 4G / 5G, when named (`connectivity.py`).
    if (has_mobile := mobile(a.network)) is not None:
        out["mobile"] = has_mobile
    if a.network in ("4g", "5g"):
        out["network"] = a.network
    # A watch's case size is its screen: "Watch Series 10 42 mm" / "46 mm".
    if (case := watch_case(rec)) is not None:
        out["case_mm"] = case
    if level == "variant" and a.colours:
        out["colour"] = a.colours
    return out


@dataclass(frozen=True, eq=False)
class Screen:
    """A profile's screen sizes; "13" and "13.6" inches are one screen (`same_screen`)."""

    sizes: frozenset[float]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Screen) and same_screen(self.sizes, other.sizes)

    def __hash__(self) -> int:
        return 0


class Groups:
    """Union-find over offers with each group's members, shops and attribute profile."""

    def __init__(self, records: Sequence[Record], level: str) -> None:
        n = len(records)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.shops: dict[int, set[str]] = {
            i: ({r.shop} if r.shop else set()) for i, r in enumerate(records)
        }
        self.profiles: dict[int, dict[str, object]] = {
            i: profile(r, level) for i, r in enumerate(records)
        }

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        pa, pb = self.profiles[a], self.profiles[b]
        return all(pa[key] == pb[key] for key in pa.keys() & pb.keys())

    def union(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        self.shops[a] |= self.shops.pop(b)
        merged = dict(self.profiles.pop(b))
        merged.update(self.profiles[a])
        self.profiles[a] = merged
