"""Each shop's way of writing a product title: word order, language, units, colour names, codes."""

from __future__ import annotations

from collections.abc import Callable

from demoshops.catalogue.colours import english, french
from demoshops.catalogue.model import Model

ENGLISH_NAMES = {
    "avec réduction active du bruit": "with Active Noise Cancellation",
    "(2e génération)": "(2nd Gen)",
    "13,8 pouces": '13.8"',
    "2-en-1": "2-in-1",
}

CATEGORY_WORD_FR = {
    "gpu": "Carte graphique",
    "gpu-datacenter": "GPU pour datacenter",
    "smartphone": "Smartphone",
    "earbuds": "Écouteurs sans fil",
    "laptop": "Ordinateur portable",
}


def size(gb: int, unit: str = "Go", space: bool = True) -> str:
    sep = " " if space else ""
    if gb >= 1024 and gb % 1024 == 0:
        return f"{gb // 1024}{sep}{'To' if unit == 'Go' else 'TB'}"
    return f"{gb}{sep}{unit}"


def english_name(name: str) -> str:
    for fr, en in ENGLISH_NAMES.items():
        name = name.replace(fr, en)
    return name


def mpn_of(model: Model, colour: str | None) -> str | None:
    """The model code of the colour sold (a white card has its own code)."""
    for variant in model.variants:
        if variant.colour == colour:
            return variant.mpn
    return model.variants[0].mpn


def gpu_name(model: Model, chip_first: bool = False) -> str:
    series, chip = model.attributes["series"], model.attributes["chip"]
    if series == "Founders Edition":
        return f"{chip} Founders Edition"
    return f"{chip} {series}" if chip_first else f"{series} {chip}"


def electron_libre(model: Model, colour: str | None) -> str:
    """French, brand first, 'Go', category word for cards; colour given per variant."""
    a = model.attributes
    if model.category == "gpu":
        memory = f"{a['memory_gb']} Go {a['memory_type']}"
        return f"Carte graphique {model.brand} {gpu_name(model)} {memory}"
    if model.category == "gpu-datacenter":
        memory = f"{a['memory_gb']} Go {a['memory_type']}"
        return f"{model.brand} {model.name} {memory} - GPU pour datacenter"
    if model.category == "laptop":
        return f"{model.brand} {model.name} ({size(a['ram_gb'])} / {size(a['storage_gb'])} SSD)"
    if model.category == "smartphone":
        return f"{model.brand} {model.name} {size(a['storage_gb'])}"
    return f"Écouteurs sans fil {model.brand} {model.name}"


def comptoir_numerique(model: Model, colour: str | None) -> str:
    """English words, 'GB' glued to the number, English colours, model codes on graphics cards."""
    a = model.attributes
    tail = f" {english(colour)}" if colour else ""
    code = mpn_of(model, colour)
    if model.category == "gpu":
        return (
            f"{model.brand} {gpu_name(model, chip_first=True)} {a['memory_gb']}GB "
            f"{a['memory_type']} Graphics card ({code})"
        )
    if model.category == "gpu-datacenter":
        return f"{model.brand} {model.name} Tensor Core GPU {a['memory_gb']}GB {a['form_factor']}"
    if model.category == "laptop":
        return (
            f"{model.brand} {english_name(model.name)} {size(a['ram_gb'], 'GB', False)} RAM "
            f"{size(a['storage_gb'], 'GB', False)} SSD{tail}"
        )
    if model.category == "smartphone":
        return f"{model.brand} {model.name} ({size(a['storage_gb'], 'GB', False)}){tail}"
    return f"{model.brand} {english_name(model.name)} True Wireless earbuds{tail}"


def micro_bazar(model: Model, colour: str | None) -> str:
    """Brand in capitals, 'Go' glued, French colours, category word in front."""
    a = model.attributes
    brand = model.brand.upper()
    tail = f" {french(colour)}" if colour else ""
    if model.category == "gpu":
        return f"{brand} {gpu_name(model, chip_first=True).upper()} {a['memory_gb']}Go"
    if model.category == "gpu-datacenter":
        return f"Carte accélératrice {brand} {model.name} {a['memory_gb']} Go {a['form_factor']}"
    if model.category == "laptop":
        return (
            f"PC portable {brand} {model.name} {size(a['ram_gb'], space=False)}/"
            f"{size(a['storage_gb'], space=False)}{tail}"
        )
    if model.category == "smartphone":
        return f"Smartphone {brand} {model.name} {size(a['storage_gb'], space=False)}{tail}"
    return f"{brand} {model.name} -{tail or ' Blanc'}"


def flux_informatique(model: Model, colour: str | None) -> str:
    """Dashes between parts, 'Gb' on cards (a common shop typo), French colours."""
    a = model.attributes
    tail = f" - {french(colour)}" if colour else ""
    if model.category == "gpu":
        name = gpu_name(model, chip_first=True)
        return f"Carte Graphique {model.brand} {name} {a['memory_gb']}Gb{tail}"
    if model.category == "gpu-datacenter":
        return (
            f"NVIDIA {model.name} {a['memory_gb']}Gb"
            if model.brand == "NVIDIA"
            else (f"{model.brand} {model.name} {a['memory_gb']}Gb")
        )
    if model.category == "laptop":
        return (
            f"{model.brand} {model.name} - {size(a['ram_gb'], space=False)} - "
            f"{size(a['storage_gb'], space=False)}{tail}"
        )
    if model.category == "smartphone":
        return f"{model.brand} {model.name} - {size(a['storage_gb'])}{tail}"
    return f"{model.brand} {model.name}{tail}"


def depot_hitech(model: Model, colour: str | None) -> str:
    """Comma-separated spec lists, lowercase colours, model code in brackets."""
    a = model.attributes
    tail = f" {french(colour).lower()}" if colour else ""
    code = mpn_of(model, colour)
    if model.category == "gpu":
        return f"{model.brand} {gpu_name(model)}, {a['memory_gb']}GB {a['memory_type']} ({code})"
    if model.category == "gpu-datacenter":
        return f"{model.brand} {model.name}, {a['memory_gb']}GB {a['memory_type']} ({code})"
    if model.category == "laptop":
        ssd = size(a["storage_gb"], "GB")
        return f"{model.brand} {model.name}, {a['ram_gb']}GB RAM, {ssd} SSD{tail}"
    if model.category == "smartphone":
        return f"{model.brand} {model.name} {size(a['storage_gb'], 'GB', False)}{tail}"
    return f"{model.brand} {model.name}{tail}"


STYLES: dict[str, Callable[[Model, str | None], str]] = {
    "electron-libre": electron_libre,
    "comptoir-numerique": comptoir_numerique,
    "micro-bazar": micro_bazar,
    "flux-informatique": flux_informatique,
    "depot-hitech": depot_hitech,
}
