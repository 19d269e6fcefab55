"""Consumer graphics cards: GeForce RTX 50 and Radeon RX 9000 from several board partners."""

from __future__ import annotations

from typing import Any

from demoshops.catalogue.model import Model, family

NVIDIA = "GDDR7"


def board(
    brand: str,
    series: str,
    chip: str,
    memory_gb: int,
    price: str,
    code: str,
    colours: tuple[str, ...] = ("noir",),
    white_code: str | None = None,
    memory_type: str = NVIDIA,
) -> list[Model]:
    """One board-partner card; a white edition is a colour variant with its own code."""

    def mpn(model_id: str, attrs: dict[str, Any], colour: str) -> str:
        return white_code if colour == "blanc" and white_code else code

    name = f"{series} {chip}".strip()
    return family(
        brand,
        name,
        "gpu",
        colours,
        [({"memory_gb": memory_gb}, price)],
        mpn,
        chip=chip,
        series=series,
        memory_type=memory_type,
    )


def _rtx(
    brand: str, series: str, chip: str, mem: int, price: str, code: str, **kw: Any
) -> list[Model]:
    return board(brand, series, f"GeForce {chip}", mem, price, code, **kw)


def _rx(
    brand: str, series: str, chip: str, mem: int, price: str, code: str, **kw: Any
) -> list[Model]:
    return board(brand, series, f"Radeon {chip}", mem, price, code, memory_type="GDDR6", **kw)


MODELS: list[Model] = [
    # GeForce RTX 5090 32 Go
    *_rtx("NVIDIA", "Founders Edition", "RTX 5090", 32, "2199", "900-1G144-2530-000"),
    *_rtx("ASUS", "ROG Astral", "RTX 5090 OC", 32, "3299", "ROG-ASTRAL-RTX5090-O32G-GAMING"),
    *_rtx("ASUS", "TUF Gaming", "RTX 5090 OC", 32, "2799", "TUF-RTX5090-O32G-GAMING"),
    *_rtx("MSI", "Suprim Liquid SOC", "RTX 5090", 32, "3199", "RTX 5090 32G SUPRIM LIQUID SOC"),
    *_rtx("MSI", "Gaming Trio OC", "RTX 5090", 32, "2699", "RTX 5090 32G GAMING TRIO OC"),
    *_rtx("Gigabyte", "Aorus Master", "RTX 5090", 32, "3099", "GV-N5090AORUS M-32GD"),
    *_rtx("Gigabyte", "Gaming OC", "RTX 5090", 32, "2649", "GV-N5090GAMING OC-32GD"),
    *_rtx("Zotac", "Gaming Solid OC", "RTX 5090", 32, "2499", "ZT-B50900J-10P"),
    *_rtx("PNY", "OC Triple Fan", "RTX 5090", 32, "2449", "VCG509032TFXPB1-O"),
    # GeForce RTX 5080 16 Go
    *_rtx("NVIDIA", "Founders Edition", "RTX 5080", 16, "1179", "900-1G144-2540-000"),
    *_rtx("ASUS", "Prime OC", "RTX 5080", 16, "1349", "PRIME-RTX5080-O16G"),
    *_rtx("ASUS", "TUF Gaming OC", "RTX 5080", 16, "1499", "TUF-RTX5080-O16G-GAMING"),
    *_rtx("MSI", "Ventus 3X OC", "RTX 5080", 16, "1249", "RTX 5080 16G VENTUS 3X OC"),
    *_rtx(
        "MSI",
        "Gaming Trio OC",
        "RTX 5080",
        16,
        "1399",
        "RTX 5080 16G GAMING TRIO OC",
        colours=("noir", "blanc"),
        white_code="RTX 5080 16G GAMING TRIO OC WHITE",
    ),
    *_rtx("Gigabyte", "Windforce OC SFF", "RTX 5080", 16, "1229", "GV-N5080WF3OC-16GD"),
    *_rtx(
        "Gigabyte", "Aero OC", "RTX 5080", 16, "1399", "GV-N5080AERO OC-16GD", colours=("blanc",)
    ),
    *_rtx("Zotac", "Gaming Solid", "RTX 5080", 16, "1199", "ZT-B50800D-10P"),
    *_rtx("PNY", "OC Triple Fan", "RTX 5080", 16, "1219", "VCG508016TFXPB1-O"),
    # GeForce RTX 5070 Ti 16 Go (no Founders Edition)
    *_rtx("ASUS", "Prime OC", "RTX 5070 Ti", 16, "899", "PRIME-RTX5070TI-O16G"),
    *_rtx("ASUS", "TUF Gaming OC", "RTX 5070 Ti", 16, "999", "TUF-RTX5070TI-O16G-GAMING"),
    *_rtx("MSI", "Ventus 3X OC", "RTX 5070 Ti", 16, "849", "RTX 5070 Ti 16G VENTUS 3X OC"),
    *_rtx("MSI", "Gaming Trio OC", "RTX 5070 Ti", 16, "949", "RTX 5070 Ti 16G GAMING TRIO OC"),
    *_rtx(
        "Gigabyte",
        "Eagle OC",
        "RTX 5070 Ti",
        16,
        "869",
        "GV-N507TEAGLE OC-16GD",
        colours=("noir", "blanc"),
        white_code="GV-N507TEAGLEOC ICE-16GD",
    ),
    *_rtx("Gigabyte", "Aorus Master", "RTX 5070 Ti", 16, "1099", "GV-N507TAORUS M-16GD"),
    *_rtx("Zotac", "Gaming Solid SFF", "RTX 5070 Ti", 16, "839", "ZT-B50710J-10P"),
    *_rtx("PNY", "ARGB Epic-X OC", "RTX 5070 Ti", 16, "879", "VCG5070T16TFXXPB1-O"),
    # GeForce RTX 5070 12 Go
    *_rtx("NVIDIA", "Founders Edition", "RTX 5070", 12, "649", "900-1G145-2560-000"),
    *_rtx("ASUS", "Prime OC", "RTX 5070", 12, "679", "PRIME-RTX5070-O12G"),
    *_rtx("ASUS", "Dual OC", "RTX 5070", 12, "649", "DUAL-RTX5070-O12G"),
    *_rtx("MSI", "Ventus 2X OC", "RTX 5070", 12, "629", "RTX 5070 12G VENTUS 2X OC"),
    *_rtx("MSI", "Gaming Trio OC", "RTX 5070", 12, "699", "RTX 5070 12G GAMING TRIO OC"),
    *_rtx("Gigabyte", "Windforce OC SFF", "RTX 5070", 12, "619", "GV-N5070WF3OC-12GD"),
    *_rtx(
        "Gigabyte",
        "Eagle OC",
        "RTX 5070",
        12,
        "659",
        "GV-N5070EAGLE OC-12GD",
        colours=("noir", "blanc"),
        white_code="GV-N5070EAGLEOC ICE-12GD",
    ),
    *_rtx("Zotac", "Twin Edge OC", "RTX 5070", 12, "619", "ZT-B50700H-10M"),
    *_rtx("PNY", "Dual Fan OC", "RTX 5070", 12, "609", "VCG507012DFXPB1-O"),
    # GeForce RTX 5060 Ti 16 Go and 8 Go
    *_rtx("ASUS", "Prime OC", "RTX 5060 Ti", 16, "489", "PRIME-RTX5060TI-O16G"),
    *_rtx("ASUS", "Dual OC", "RTX 5060 Ti", 16, "469", "DUAL-RTX5060TI-O16G"),
    *_rtx("MSI", "Ventus 2X OC", "RTX 5060 Ti", 16, "449", "RTX 5060 Ti 16G VENTUS 2X OC"),
    *_rtx("MSI", "Gaming Trio OC", "RTX 5060 Ti", 16, "519", "RTX 5060 Ti 16G GAMING TRIO OC"),
    *_rtx("Gigabyte", "Windforce OC", "RTX 5060 Ti", 16, "449", "GV-N506TWF2OC-16GD"),
    *_rtx(
        "Gigabyte", "Aero OC", "RTX 5060 Ti", 16, "509", "GV-N506TAERO OC-16GD", colours=("blanc",)
    ),
    *_rtx("Zotac", "Twin Edge", "RTX 5060 Ti", 16, "439", "ZT-B50620E-10M"),
    *_rtx("PNY", "Dual Fan", "RTX 5060 Ti", 16, "439", "VCG5060T16DFXPB1"),
    *_rtx("ASUS", "Dual OC", "RTX 5060 Ti", 8, "399", "DUAL-RTX5060TI-O8G"),
    *_rtx("MSI", "Ventus 2X OC", "RTX 5060 Ti", 8, "379", "RTX 5060 Ti 8G VENTUS 2X OC"),
    *_rtx("Gigabyte", "Windforce OC", "RTX 5060 Ti", 8, "379", "GV-N506TWF2OC-8GD"),
    *_rtx("Zotac", "Twin Edge", "RTX 5060 Ti", 8, "369", "ZT-B50610E-10M"),
    *_rtx("PNY", "Dual Fan", "RTX 5060 Ti", 8, "369", "VCG5060T8DFXPB1"),
    # GeForce RTX 5060 8 Go
    *_rtx("ASUS", "Dual OC", "RTX 5060", 8, "319", "DUAL-RTX5060-O8G"),
    *_rtx("MSI", "Ventus 2X OC", "RTX 5060", 8, "309", "RTX 5060 8G VENTUS 2X OC"),
    *_rtx("Gigabyte", "Windforce OC", "RTX 5060", 8, "299", "GV-N5060WF2OC-8GD"),
    *_rtx(
        "Gigabyte",
        "Eagle OC",
        "RTX 5060",
        8,
        "319",
        "GV-N5060EAGLE OC-8GD",
        colours=("noir", "blanc"),
        white_code="GV-N5060EAGLEOC ICE-8GD",
    ),
    *_rtx("Zotac", "Twin Edge", "RTX 5060", 8, "299", "ZT-B50600H-10M"),
    *_rtx("PNY", "Dual Fan", "RTX 5060", 8, "299", "VCG50608DFXPB1"),
    # Radeon RX 9070 XT 16 Go
    *_rx("Sapphire", "Pulse", "RX 9070 XT", 16, "699", "11348-03-20G"),
    *_rx("Sapphire", "Nitro+", "RX 9070 XT", 16, "799", "11348-01-20G"),
    *_rx(
        "PowerColor",
        "Hellhound",
        "RX 9070 XT",
        16,
        "719",
        "RX9070XT 16G-L/OC",
        colours=("noir", "blanc"),
        white_code="RX9070XT 16G-L/OC/WHITE",
    ),
    *_rx("PowerColor", "Red Devil", "RX 9070 XT", 16, "789", "RX9070XT 16G-E/OC"),
    *_rx("XFX", "Swift OC", "RX 9070 XT", 16, "709", "RX-97TSWF3B9"),
    *_rx("XFX", "Mercury OC", "RX 9070 XT", 16, "779", "RX-97TMERCB9"),
    *_rx("ASRock", "Steel Legend", "RX 9070 XT", 16, "729", "RX9070XT SL 16G", colours=("blanc",)),
    *_rx("ASRock", "Taichi OC", "RX 9070 XT", 16, "799", "RX9070XT TC 16GO"),
    *_rx("Gigabyte", "Gaming OC", "RX 9070 XT", 16, "749", "GV-R9070XTGAMING OC-16GD"),
    # Radeon RX 9070 16 Go
    *_rx("Sapphire", "Pulse", "RX 9070", 16, "629", "11349-03-20G"),
    *_rx("Sapphire", "Nitro+", "RX 9070", 16, "679", "11349-01-20G"),
    *_rx("PowerColor", "Hellhound", "RX 9070", 16, "619", "RX9070 16G-L/OC"),
    *_rx("XFX", "Swift OC", "RX 9070", 16, "619", "RX-97NSWF3W9"),
    *_rx("ASRock", "Challenger", "RX 9070", 16, "599", "RX9070 CL 16G"),
    *_rx("Gigabyte", "Gaming OC", "RX 9070", 16, "649", "GV-R9070GAMING OC-16GD"),
    # Radeon RX 9060 XT 16 Go and 8 Go
    *_rx("Sapphire", "Pulse", "RX 9060 XT", 16, "389", "11350-03-20G"),
    *_rx("PowerColor", "Reaper", "RX 9060 XT", 16, "369", "RX9060XT 16G-A"),
    *_rx("XFX", "Swift OC", "RX 9060 XT", 16, "379", "RX-96TS316BA"),
    *_rx("ASRock", "Challenger OC", "RX 9060 XT", 16, "369", "RX9060XT CL 16GO"),
    *_rx("Gigabyte", "Gaming OC", "RX 9060 XT", 16, "399", "GV-R9060XTGAMING OC-16GD"),
    *_rx("Sapphire", "Pulse", "RX 9060 XT", 8, "319", "11350-04-20G"),
    *_rx("PowerColor", "Reaper", "RX 9060 XT", 8, "299", "RX9060XT 8G-A"),
    *_rx("XFX", "Swift OC", "RX 9060 XT", 8, "309", "RX-96TS38BA"),
    *_rx("ASRock", "Challenger OC", "RX 9060 XT", 8, "299", "RX9060XT CL 8GO"),
]
