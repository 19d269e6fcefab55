"""Connectivity, where it changes the price: a tablet or a watch in Wi-Fi (or GPS) only or with
a mobile network ("iPad Air Wi-Fi" / "Wi-Fi + Cellular", "Watch GPS" / "GPS + Cellular"), a
phone in 4G or 5G ("Galaxy A15 4G" / "A15 5G").

Many listings name no network at all, so only two named networks can disagree. Wi-Fi alone
means "no mobile network" only on a tablet or a watch: on a laptop, a router or a TV it is a
feature ("TP-Link MR600 4G+ WiFi" and "MR600 WiFi" are one router).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

MOBILE = frozenset(["cellular", "cellulaire", "cellulare", "lte", "4g", "5g"])
# Devices sold both with and without a mobile network.
_BOTH_WAYS = frozenset(
    "ipad tab tablet tablette tablets matepad mediapad watch montre smartwatch".split()
)
_WATCHES = ("watch", "montre", "smartwatch")
# What follows a "+" that names a configuration, not a second item in the box.
NOT_BUNDLED = MOBILE | {"ethernet", "wi", "wifi"}


def read_network(toks: Sequence[str], tokset: Collection[str]) -> str | None:
    """ "5g" or "4g" (a mobile generation), "cellular" (a mobile network, generation unnamed),
    "wifi", "gps" or "bluetooth" (a tablet or a watch without one), or None when the title
    does not say."""
    if "5g" in tokset:
        return "5g"
    if "4g" in tokset or "lte" in tokset:
        return "4g"
    if not MOBILE.isdisjoint(tokset) or _wifi_cell(toks):
        return "cellular"
    # Samsung sells its watches as "Bluetooth" and "LTE".
    watch = any(t.startswith(_WATCHES) for t in toks)  # "Watch7"
    if watch and "gps" not in tokset and ("bluetooth" in tokset or "bt" in tokset):
        return "bluetooth"
    if _BOTH_WAYS.isdisjoint(tokset):
        return None
    if "wifi" in tokset:
        return "wifi"
    if "gps" in tokset:
        return "gps"
    return None


def _wifi_cell(toks: Sequence[str]) -> bool:
    # "Wi-Fi Cell" is short for Wi-Fi + Cellular; alone, "cell" is a battery's ("6-cell").
    return "cell" in toks and any(
        t == "cell" and toks[i - 1] == "wifi" for i, t in enumerate(toks) if i
    )


def mobile(network: str | None) -> bool | None:
    """True with a mobile network, False without one, None when unknown."""
    if network is None:
        return None
    return network not in ("wifi", "gps", "bluetooth")


def network_clash(a: str | None, b: str | None) -> bool:
    """Two configurations: one with a mobile network and one without, or 4G and 5G."""
    if a is None or b is None or a == b:
        return False
    if mobile(a) != mobile(b):
        return True
    return {a, b} == {"4g", "5g"}
