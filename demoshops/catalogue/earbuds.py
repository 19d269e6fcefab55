"""True wireless earbuds."""

from __future__ import annotations

from demoshops.catalogue.model import Model, apple_mpn, family, google_mpn, samsung_mpn

BUDS = "earbuds"


def buds(
    brand: str, name: str, colours: tuple[str, ...], price: str, mpn: object, **attrs: object
) -> list[Model]:
    return family(brand, name, BUDS, colours, [({}, price)], mpn, **attrs)  # type: ignore[arg-type]


MODELS: list[Model] = [
    *buds("Apple", "AirPods 4", ("blanc",), "149", apple_mpn, anc=False, chip="H2"),
    *buds(
        "Apple",
        "AirPods 4 avec réduction active du bruit",
        ("blanc",),
        "199",
        apple_mpn,
        anc=True,
        chip="H2",
    ),
    *buds(
        "Apple", "AirPods Pro 2", ("blanc",), "279", apple_mpn, anc=True, chip="H2", case="USB-C"
    ),
    *buds("Apple", "AirPods Pro 3", ("blanc",), "249", apple_mpn, anc=True, chip="H2"),
    *buds("Samsung", "Galaxy Buds3", ("argent", "blanc"), "179", samsung_mpn("SM-R530N"), anc=True),
    *buds(
        "Samsung", "Galaxy Buds3 Pro", ("argent", "blanc"), "249", samsung_mpn("SM-R630N"), anc=True
    ),
    *buds("Samsung", "Galaxy Buds3 FE", ("noir", "gris"), "149", samsung_mpn("SM-R420N"), anc=True),
    *buds(
        "Google",
        "Pixel Buds Pro 2",
        ("obsidienne", "porcelaine", "vert-sauge", "pivoine"),
        "249",
        google_mpn,
        anc=True,
        chip="Tensor A1",
    ),
    *buds("Google", "Pixel Buds 2a", ("obsidienne", "menthe"), "149", google_mpn, anc=True),
    *buds("Sony", "WF-1000XM5", ("noir", "argent"), "299", "WF1000XM5{colour}.CE7", anc=True),
    *buds(
        "Sony",
        "WF-C710N",
        ("noir", "blanc", "bleu", "rose"),
        "119",
        "WFC710N{colour}.CE7",
        anc=True,
    ),
    *buds(
        "Bose",
        "QuietComfort Ultra Earbuds (2e génération)",
        ("noir", "beige"),
        "299",
        "888507-01{colour}",
        anc=True,
    ),
    *buds("Nothing", "Ear", ("noir", "blanc"), "179", "A10600{colour}", anc=True),
    *buds(
        "Beats",
        "Powerbeats Pro 2",
        ("noir", "orange", "violet", "beige"),
        "299",
        apple_mpn,
        anc=True,
    ),
    *buds("Beats", "Studio Buds +", ("noir", "blanc", "beige"), "199", apple_mpn, anc=True),
    *buds("JBL", "Tour Pro 3", ("noir", "beige"), "299", "JBLTOURPRO3{colour}", anc=True),
    *buds(
        "Sennheiser",
        "Momentum True Wireless 4",
        ("noir", "argent"),
        "299",
        "700366-{colour}",
        anc=True,
    ),
]
