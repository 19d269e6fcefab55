"""Memory kits of other modules, an ASUS card whose part says it is not overclocked, MSI's
"Gaming X Slim" against its "Ventus", Corsair's Vengeance RGB, Logitech's MX Keys S, an
indoor and an outdoor camera: two products each, which the learned score took for one."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs

from matching.chips import asus_oc_clash, board_clash
from matching.editions import line_edition_clash
from matching.memory import kit_clash
from matching.specs import placement_clash

APART = [
    ("Corsair Vengeance LPX 16 Go (2 x 8 Go) DDR4 3200 MHz CL16",
     "Corsair Vengeance LPX 32 Go (2 x 16 Go) DDR4 3200 MHz CL16"),
    ("ASUS TUF Gaming GeForce RTX 4070 Ti SUPER OC Edition 16 Go",
     "ASUS TUF-RTX4070TIS-16G-GAMING"),
    ("Corsair Vengeance DDR5 32 Go (2x16Go) 6000MHz CL30",
     "Corsair Vengeance RGB DDR5 32 Go (2x16 Go) 6000 MHz CL30"),
    ("MSI GeForce RTX 4070 Ti SUPER 16G GAMING X SLIM", "MSI RTX 4070 Ti SUPER 16G VENTUS 3X OC"),
    ("Logitech MX Keys S Graphite AZERTY", "Logitech MX Keys Graphite AZERTY"),
    ("Netatmo Caméra Extérieure Intelligente", "Netatmo Caméra Intérieure Intelligente"),
]  # fmt: skip
ONE = [
    ("Kingston FURY Beast 32 Go (2 x 16 Go) DDR5 6000 MHz", "Kingston Fury Beast 32GB 2x16GB DDR5"),
    ("ASUS TUF Gaming RTX 4070 Ti SUPER OC 16 Go", "ASUS TUF-RTX4070TIS-O16G-GAMING"),
    ("ASUS Dual GeForce RTX 4060 8 Go", "ASUS DUAL-RTX4060-O8G"),
]


def test_the_rules() -> None:
    assert both(kit_clash, *APART[0])
    assert both(kit_clash, "G.Skill 32 Go (2x16 Go) DDR5", "G.Skill 32 Go (4x8 Go) DDR5")
    assert not either(kit_clash, *ONE[0])
    assert not either(kit_clash, "Corsair 32 Go (2x16 Go) DDR5", "Corsair 32 Go DDR5")
    assert both(asus_oc_clash, *APART[1])
    assert both(asus_oc_clash, "ASUS DUAL-RTX4060-O8G", "ASUS DUAL-RTX4060-8G")
    # A title that says nothing of the overclock may be either.
    assert not either(asus_oc_clash, *ONE[2])
    assert not either(asus_oc_clash, "ASUS TUF RTX 4070 OC", "MSI RTX 4070 Ventus")
    assert both(line_edition_clash, *APART[2])
    # Shops leave out "LPX" on DDR4 Vengeance: only "RGB" counts.
    assert not either(line_edition_clash, "Corsair Vengeance LPX 16 Go", "Corsair Vengeance 16 Go")
    assert both(board_clash, *APART[3])
    # "Gaming" on one side only is no other board ("ASUS TUF Gaming" / "ASUS TUF").
    assert not either(board_clash, "ASUS TUF Gaming RTX 4070", "ASUS TUF RTX 4070")
    assert both(line_edition_clash, *APART[4])
    assert both(placement_clash, *APART[5])
    assert not either(placement_clash, "Caméra extérieure Arlo", "Arlo Pro 5 outdoor camera")


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART + ONE) == [False] * len(APART) + [True] * len(ONE)
