"""Two products told apart by a specification both titles name: the generation ("ThinkPad X1
Carbon Gen 12" / "Gen 11"), a "G" number ("EliteBook 840 G10" / "G9") or the model year ("ROG
Strix G16 (2024)" / "(2023)"), a memory module's speed ("DDR4 3200 MHz" / "3600 MHz"), latency
("CL30" / "CL36") or form ("SO-DIMM" / "DIMM"), a drive's kind (SSD / hard disk), an SSD's
heatsink or an interface's version ("HDMI 2.1" / "2.0"); and an accessory that names the
device it fits ("Câble USB-C pour AirPods Pro 2" / "AirPods Pro 2").

The trees see these as one conflict feature among many, and the training splits have few of
them; read narrowly, each holds on the 152,496 training pairs (docstrings give the counts)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from matching.attributes import names_device
from matching.lexicon import ACCESSORY
from matching.memory import is_ram, memory_spec_clash
from matching.record import Record


def spec_clash(a: Record, b: Record) -> bool:
    return (
        generation_clash(a, b)
        or g_number_clash(a, b)
        or year_clash(a, b)
        or memory_spec_clash(a, b)
        or drive_clash(a, b)
        or heatsink_clash(a, b)
        or interface_clash(a, b)
        or placement_clash(a, b)
        or without_clash(a, b)
        or fitted_accessory_clash(a, b)
        or cable_clash(a, b)
        or m2_length_clash(a, b)
        or bus_clash(a, b)
    )


def generation_clash(a: Record, b: Record) -> bool:
    """ "Gen 12" / "Gen 11", "2nd Gen" / "3rd Gen": 27 training pairs, 26 two products (the
    other: "6th Generation" Core i5 / its "Gen9" graphics). A USB port's generation ("USB 3.2
    Gen 1") is not the product's. Also a generation written out against one written as a
    number after the same name ("iPad (10e génération)" / "iPad 9", "AirPods (3e génération)"
    / "AirPods 4"; no training pair has one)."""
    if not (a.attrs.generation or b.attrs.generation):
        return False
    ga, gb = _generations(a.toks), _generations(b.toks)
    if ga and gb:
        return ga.isdisjoint(gb)
    return _written_apart(a, b) or _written_apart(b, a)


def _written_apart(x: Record, y: Record) -> bool:
    """`x` writes "<name> gen<n>" and `y` "<name> <m>", m another number up to 10 (above, the
    number after "iPad Air" or "MacBook Pro" is a screen size)."""
    for name, gen in itertools.pairwise(x.toks):
        if not (gen.startswith("gen") and gen[3:].isdigit() and name.isalpha()):
            continue
        for word, number in itertools.pairwise(y.toks):
            if word == name and number.isdigit() and int(number) <= 10 and number != gen[3:]:
                if number in y.attrs.model_tokens:
                    return True
    return False


def _generations(toks: list[str]) -> set[str]:
    return {
        t
        for i, t in enumerate(toks)
        if t.startswith("gen") and t[3:].isdigit() and "usb" not in toks[max(0, i - 3) : i]
    }


_G_NUMBER = re.compile(r"g\d{1,2}")


def g_number_clash(a: Record, b: Record) -> bool:
    """Two "G" numbers: a generation of HP's business lines ("EliteBook 840 G10" / "G9",
    "ProLiant DL380 G7" / "G6") or a model of a line ("Moto G84" / "G54", "Odyssey G5" /
    "G7"), each title naming one: 213 training pairs, 204 of them two products."""
    ga, gb = _g_numbers(a), _g_numbers(b)
    return bool(ga and gb) and ga.isdisjoint(gb)


def _g_numbers(rec: Record) -> set[str]:
    return {t for t in rec.tokset if t[0] == "g" and _G_NUMBER.fullmatch(t)}


def year_clash(a: Record, b: Record) -> bool:
    """Two model years ("(2024)" / "(2023)", "TurboTax 2007" / "2008"): 682 training pairs, 2
    of them one product (an iMac "Mid 2007" / "Late 2009" labelled one in LSPM)."""
    ya = {g for g in a.attrs.generation if not g.startswith("gen")}
    yb = {g for g in b.attrs.generation if not g.startswith("gen")}
    return bool(ya and yb and ya.isdisjoint(yb))


# HDMI 2.1 / 2.0, PCIe 5.0 / 4.0; USB is left out: shops write "USB 3.0" and "USB 3.2 Gen 1"
# for one port.
_INTERFACE = re.compile(r"\b(hdmi|pcie|pci-e|displayport)\s*(?:gen\s*)?(\d)(?:\.(\d))?\b")


def interface_clash(a: Record, b: Record) -> bool:
    """Two versions of one interface, each title naming one ("Câble HDMI 2.1" / "HDMI 2.0",
    "SSD PCIe 5.0" / "PCIe 4.0")."""
    va, vb = _interfaces(a.title), _interfaces(b.title)
    return any(va[k].isdisjoint(vb[k]) for k in va.keys() & vb.keys())


@lru_cache(maxsize=50_000)
def _interfaces(title: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, major, minor in _INTERFACE.findall(title.lower()):
        key = "pcie" if name == "pci-e" else name
        out.setdefault(key, set()).add(major + (minor if minor and minor != "0" else ""))
    return out


_INDOOR = frozenset("interieur interieure indoor innen".split())
_OUTDOOR = frozenset("exterieur exterieure outdoor aussen aussenbereich".split())


def placement_clash(a: Record, b: Record) -> bool:
    """An indoor and an outdoor model of one line ("Caméra Intérieure" / "Extérieure")."""
    pa, pb = _placement(a), _placement(b)
    return pa is not None and pb is not None and pa != pb


def _placement(rec: Record) -> str | None:
    indoor, outdoor = not _INDOOR.isdisjoint(rec.tokset), not _OUTDOOR.isdisjoint(rec.tokset)
    return None if indoor == outdoor else "indoor" if indoor else "outdoor"


_WITHOUT = frozenset(["sans", "without", "ohne", "w/o"])


def without_clash(a: Record, b: Record) -> bool:
    """One title says what it comes without ("sans RGB", "sans Wi-Fi"), the other has it:
    "FURY Renegade DDR5 ... sans RGB" / "FURY Renegade RGB DDR5"."""
    return _lacks(a, b) or _lacks(b, a)


def _lacks(x: Record, y: Record) -> bool:
    missing = {w for before, w in itertools.pairwise(x.toks) if before in _WITHOUT}
    has = {w for i, w in enumerate(y.toks) if not (i and y.toks[i - 1] in _WITHOUT)}
    return bool(missing & has)


_SSD = frozenset({"ssd", "nvme", "m2", "msata"})
_HDD = frozenset({"hdd", "rpm", "7200rpm", "5400rpm", "intellipower"})


def drive_clash(a: Record, b: Record) -> bool:
    """A solid-state drive and a hard disk ("WD Blue 2TB SSD M.2" / "WD Blue 2TB 5400 rpm"),
    when each title names one kind: 34 training pairs, none one product."""
    ka, kb = _drive(a), _drive(b)
    return ka is not None and kb is not None and ka != kb


def _drive(rec: Record) -> str | None:
    ssd = not _SSD.isdisjoint(rec.tokset)
    hdd = not _HDD.isdisjoint(rec.tokset) or {"hard", "drive"} <= rec.tokset
    if ssd == hdd:
        return None
    return "ssd" if ssd else "hdd"


def bus_clash(a: Record, b: Record) -> bool:
    """A drive's two buses, each title naming one: "Exos X24 SATA" / "Exos X24 SAS"."""
    ba, bb = _BUSES & a.tokset, _BUSES & b.tokset
    return len(ba) == 1 and len(bb) == 1 and ba != bb


_BUSES = frozenset({"sata", "sas"})


_HEATSINK = frozenset({"heatsink"})  # "dissipateur" is read as "heatsink" (`normalise`)


def heatsink_clash(a: Record, b: Record) -> bool:
    """An SSD with its heatsink and without ("990 PRO 2 To avec dissipateur" / "990 PRO 2 To"):
    two references at two prices. No training pair has one."""
    if _HEATSINK.isdisjoint(a.tokset) == _HEATSINK.isdisjoint(b.tokset):
        return False
    # Elsewhere "dissipateur" is a processor's cooler, which has no capacity, and a memory
    # module's heatsink a detail ("ValueRAM 4GB No Heatsink"); "M.2" is two tokens, joined in
    # `joins`.
    if is_ram(a) or is_ram(b):
        return False
    if a.attrs.capacities_gb and b.attrs.capacities_gb:
        return True
    return not (_SSD.isdisjoint(a.joins) and _SSD.isdisjoint(b.joins))


# A title that starts with one of these and says what it fits is the accessory ("Câble
# USB-C pour AirPods Pro 2"); "clé" is a USB stick and a battery is often the device's.
_LEADING = ACCESSORY - {"cle", "battery", "batterie"}


def fitted_accessory_clash(a: Record, b: Record) -> bool:
    """ "Câble USB-C pour AirPods Pro 2" / "AirPods Pro 2", "Housse iPad Air 11 M2" / "iPad
    Air 11 M2 128 Go": an accessory never joins the device it fits. The trees weigh the cue
    lightly (the benchmarks label 13% of pairs with one accessory side one product: cues in
    descriptions, "Placa Rede" read as a part); a title that starts with the accessory and
    names what it fits, after "pour" or right after it, is unambiguous. No training pair has
    one ("Housse iPad Air" scored 0.615, "Etui Galaxy S24 Ultra" 0.427)."""
    if not (a.attrs.accessory or b.attrs.accessory):
        return False
    return _fitted(a, b) or _fitted(b, a)


def _fitted(x: Record, y: Record) -> bool:
    if not x.attrs.accessory or y.attrs.accessory or y.attrs.fits:
        return False
    # "Kit d'accessoires pour Roborock Q7": the kit is what the accessory word says.
    words = [t for t in x.toks if t != x.attrs.brand and t != "kit"]
    if not words or words[0] not in ACCESSORY:
        return False
    # A battery or a key ("clé USB") names a product of its own, unless it says what it fits
    # and comes alone ("battery and bag bundle for panasonic camcorders" is a starter kit).
    if words[0] not in _LEADING:
        return x.attrs.fits and not x.attrs.bundle
    # "Câble USB-C pour AirPods", or the device right after the accessory: "Housse iPad Air",
    # "Protection écran verre trempé Galaxy S24".
    rest = [t for t in words[1:5] if t not in _ACCESSORY_WORDS]
    return x.attrs.fits or bool(rest and names_device(rest[0]))


# Words an accessory's name is made of ("protection écran verre trempé").
_ACCESSORY_WORDS = ACCESSORY | {"ecran", "screen", "trempe", "glass", "tempered", "verre"}


_WIRED = frozenset(["filaire", "wired", "kabelgebunden"])
_UNWIRED = frozenset(["wireless", "batterie", "battery", "akku"])


def cable_clash(a: Record, b: Record) -> bool:
    """A wired and a wireless or battery edition of one line ("Arctis Nova Pro Wireless" /
    "Arctis Nova Pro filaire", "Hue Secure caméra filaire" / "sur batterie"), when each
    title names one side only."""
    ka, kb = _cable(a), _cable(b)
    return ka is not None and kb is not None and ka != kb


def _cable(rec: Record) -> str | None:
    wired = not _WIRED.isdisjoint(rec.tokset)
    unwired = not _UNWIRED.isdisjoint(rec.tokset)
    if wired == unwired:
        return None
    return "wired" if wired else "unwired"


_M2_LENGTHS = frozenset(["2230", "2242", "2260", "2280", "22110"])


def m2_length_clash(a: Record, b: Record) -> bool:
    """An M.2 drive's length ("P310 1 To M.2 2230" / "M.2 2280"): two references."""
    la, lb = _M2_LENGTHS & a.tokset, _M2_LENGTHS & b.tokset
    return bool(la and lb) and la.isdisjoint(lb)
