"""Look-alikes told apart by a specification both titles name (generation, year, memory
speed, drive kind), an accessory naming the device it fits, and the spellings that name one
model: a screen's marketing size, Apple's core counts, Gigabyte's and Sony's part numbers."""

from __future__ import annotations

from lookalikes import both, either, matched_pairs, matched_products, pair
from sqlalchemy.orm import Session

from matching.chips import accelerator_clash, cpu_family_clash
from matching.cluster import cluster_rows
from matching.editions import digital_clash, roman_clash, suffix_word_clash
from matching.features import same_screen
from matching.laptops import line_clash
from matching.memory import ram_speed_clash
from matching.normalise import normalise
from matching.specs import drive_clash, fitted_accessory_clash, generation_clash, year_clash

APART = [
    ("Lenovo ThinkPad X1 Carbon Gen 12", "Lenovo ThinkPad X1 Carbon Gen 11"),
    ("Lenovo Legion Pro 7 Gen 9 RTX 4080", "Lenovo Legion Pro 7 Gen 8 RTX 4080"),
    ("Asus ROG Strix G16 (2024) RTX 4070", "Asus ROG Strix G16 (2023) RTX 4070"),
    ("Kingston FURY Beast 16 Go DDR4 3200 MHz", "Kingston FURY Beast 16 Go DDR4 3600 MHz"),
    ("WD Blue 2 To SSD M.2 SATA", "WD Blue 2 To disque dur 5400 rpm"),
    ("Câble USB-C pour AirPods Pro 2", "Apple AirPods Pro 2"),
    ("NVIDIA RTX 4000 Ada 20 Go", "NVIDIA RTX 4000 SFF Ada 20 Go"),
    ("Sony Cyber-shot RX100 VII", "Sony DSC-RX100M6"),
    ("MacBook Pro 14 M4 Pro 14C CPU 20C GPU 24 Go", "MacBook Pro 14 M4 Pro 12C CPU 16C GPU 24 Go"),
    ("Gigabyte GeForce RTX 4070 WINDFORCE OC 12G", "Gigabyte GV-N407SWF3OC-12GD"),
    ("NVIDIA GH200 Grace Hopper", "NVIDIA H200 NVL"),
    ("NVIDIA GB200", "NVIDIA B200"),
    ("NVIDIA L40S 48 Go", "NVIDIA L40 48 Go"),
    ("AMD Instinct MI300X", "AMD Instinct MI300A"),
    ("Soundcore Liberty 4 NC", "Soundcore Liberty 4"),
    ("Samsung Galaxy Watch6 Classic", "Samsung Galaxy Watch6"),
    ("Sony PlayStation 5 Slim", "Sony PlayStation 5 Slim Digital Edition"),
    ("HP Omen 16 RTX 4060", "HP Victus 16 RTX 4060"),
    ("MSI Katana 15 RTX 4060", "MSI Cyborg 15 RTX 4060"),
]
ONE = [
    ("Lenovo ThinkPad X1 Carbon Gen 12", "Lenovo ThinkPad X1 Carbon (12th Gen) 14 pouces"),
    ("WD My Passport 2 To USB 3.2 Gen 1", "WD My Passport 2 To USB 3.2 Gen 2 Noir"),
    ("MacBook Air 13 pouces M3 8 Go 256 Go", 'Apple MacBook Air 13,6" M3 8GB 256GB SSD'),
    ("MacBook Pro 14 M4 Pro 24 Go 512 Go", 'MacBook Pro 14" M4 Pro 12C CPU 16C GPU 24GB 512GB'),
    ("Gigabyte GeForce RTX 4070 SUPER WINDFORCE OC 12G", "Gigabyte GV-N407SWF3OC-12GD"),
    ("Gigabyte Radeon RX 7900 XTX Gaming OC 24 Go", "Gigabyte GV-R79XTXGAMING OC-24GD"),
    ("Sony Cyber-shot RX100 VII", "Sony DSC-RX100M7"),
    ("Beats Studio Buds + Noir", "Beats Studio Buds Plus Black"),
    ("Panasonic Lumix G X Vario 12-35mm f2.8 II", "Panasonic Lumix GX Vario 12-35mm f/2.8 II"),
    ("NVIDIA H200 NVL 141 Go", "PNY NVIDIA H200 NVL 141GB PCIe"),
    ("Samsung Galaxy Watch6 Classic 47mm", "Samsung Galaxy Watch 6 Classic 47 mm Noir"),
    ("Sony PlayStation 5 Slim Digital Edition", "Console PS5 Slim Édition Numérique"),
    ("Bose QuietComfort Ultra Earbuds Noir", "Bose QC Ultra Earbuds Black"),
    ("Apple AirPods Pro 2", "Apple AirPods Pro (2ème génération)"),
    # A letter O typed for a zero in the maker's code.
    ("Neff W543BX0GB lave-linge intégrable 8 kg", "Neff W543BXOGB 8kg 1400 spin washing machine"),
]


def test_two_generations_or_years_are_two_models() -> None:
    assert both(generation_clash, *APART[0]) and both(generation_clash, *APART[1])
    assert both(year_clash, *APART[2])
    assert not either(generation_clash, *ONE[0])
    # A USB port's generation is not the drive's.
    assert not either(generation_clash, *ONE[1])
    # "7 Gen 9" is the Legion 7 of the ninth generation, not a "7th gen".
    assert normalise("Legion Pro 7 Gen 9") == "legion pro 7 gen9"
    assert normalise("AirPods Pro 2nd Gen") == "airpods pro gen2 2"
    assert normalise("Core i7 9th Generation 8-core") == "core i7 gen9 8-core"
    # A generation written out, against a number after the same name.
    assert both(generation_clash, "Apple iPad 9 64 Go", "Apple iPad (10e génération) 64 Go")
    assert both(generation_clash, "Apple AirPods 4", "Apple AirPods (3e génération)")
    assert not either(generation_clash, "Apple iPad 10 64 Go", "Apple iPad (10e génération)")
    # The generation written out joins the name as a number: "AirPods Pro 2" hits it.
    assert "pro2" in pair("Apple AirPods Pro (2e génération)", "x")[0].joins
    # After "iPad Air" an 11 is the screen: the sixth generation is the 11-inch M2.
    assert not either(generation_clash, "iPad Air 11 M2 128 Go", "iPad Air (6e génération)")


def test_memory_speed_and_drive_kind() -> None:
    assert both(ram_speed_clash, *APART[3])
    assert not either(ram_speed_clash, "Kingston 16 Go DDR4 3200 MHz", "Kingston DDR4 3200MHz 16GB")
    # Clock speeds of two graphics cards are not a memory module's.
    assert not either(ram_speed_clash, "RTX 4070 OC 2550 MHz", "RTX 4070 2475 MHz")
    assert both(drive_clash, *APART[4])
    assert not either(drive_clash, "Samsung 990 PRO SSD 2 To", "Samsung 990 PRO NVMe M.2 2 To")
    assert not either(drive_clash, "Boîtier SSD HDD 2,5 pouces", "Seagate disque dur 2 To")


def test_an_accessory_naming_what_it_fits_is_not_the_device() -> None:
    assert both(fitted_accessory_clash, *APART[5])
    assert both(fitted_accessory_clash, "Coque pour iPhone 16 Pro", "Apple iPhone 16 Pro 128 Go")
    # The device right after the accessory word, as French shops write it.
    assert both(fitted_accessory_clash, "Housse iPad Air 11 M2", "Apple iPad Air 11 M2 128 Go")
    assert both(fitted_accessory_clash, "Etui Galaxy S24 Ultra", "Samsung Galaxy S24 Ultra 256 Go")
    assert both(fitted_accessory_clash, "Coque Galaxy Buds3 Pro", "Samsung Galaxy Buds3 Pro")
    # Two accessories, or a device whose title names what it works with.
    assert not either(fitted_accessory_clash, "Coque pour iPhone 16", "Coque iPhone 16 silicone")
    assert not either(fitted_accessory_clash, "Clé USB 64 Go pour PC", "SanDisk Ultra 64 Go")


def test_spellings_of_one_model() -> None:
    assert same_screen(frozenset({13.0}), frozenset({13.6}))
    assert same_screen(frozenset({15.6}), frozenset({15.0}))
    assert not same_screen(frozenset({6.1}), frozenset({6.7}))
    assert not same_screen(frozenset({13.3}), frozenset({13.6}))
    assert not same_screen(frozenset({14.0}), frozenset({16.0}))
    assert normalise("GV-N407SWF3OC-12GD") == "rtx 4070 super windforce oc 12gb"
    assert normalise("GV-N406TEAGLE OC-8GD") == "rtx 4060 ti eagle oc 8gb"
    assert normalise("GV-N1660S OC-6GD") == "gtx 1660 super oc 6gb"
    assert normalise("GV-R79XTXGAMING OC-24GD") == "rx 7900 xtx gaming oc 24gb"
    assert normalise("Sony DSC-RX100M7") == "sony rx100 vii"
    assert normalise("Sony ILCE-7M4") == "sony ilce-7 iv"
    assert normalise("M4 Pro 12C CPU 16C GPU") == "m4 pro 12 coeurs cpu 16 coeurs gpu"
    assert normalise("Beats Studio Buds +") == "beats studio buds plus"
    # After a number a lone "+" is more often a cut title.
    assert normalise("Catalyst 2960 48 10/100 +") == "catalyst 2960 48 10/100 +"
    assert both(roman_clash, "Sony RX100 VII", "Sony DSC-RX100M6")
    assert not either(roman_clash, *ONE[-1])


def test_two_processor_families() -> None:
    assert both(cpu_family_clash, "AMD FX 8350 Black Edition", "AMD Opteron Quad 8350 2 GHz")
    assert not either(cpu_family_clash, "AMD Ryzen Threadripper 3960X", "AMD Ryzen 3960X")
    # Core i5 and i7 are tiers of one family: `cpu_number_clash` reads their numbers.
    assert not either(cpu_family_clash, "iMac Core i5 3,4 GHz", "iMac Core i7 3,5 GHz")


def test_datacenter_accelerators_and_edition_words() -> None:
    for left, right in APART[-9:-5]:
        assert both(accelerator_clash, left, right)
    assert not either(accelerator_clash, "NVIDIA H100 NVL 94 Go", "NVIDIA Tesla H100 NVL")
    # Without an NVIDIA or Instinct word, "A100" may be anything.
    assert not either(accelerator_clash, "Fujifilm A100", "Fujifilm A101")
    for left, right in APART[-5:-3]:
        assert both(suffix_word_clash, left, right)
    assert both(digital_clash, *APART[-3])
    assert normalise("Console PS5 Slim Édition Numérique") == "console ps5 slim digital edition"
    assert normalise("Bose QC45") == "bose quietcomfort 45"
    assert normalise("Chargeur QC 3.0") == "chargeur qc 3.0"
    # "Classic" outside a watch is a finish: "Smeg FF354LX Classic" is the FF354LX.
    assert not either(suffix_word_clash, "Smeg FF354LX classic freezer", "Smeg FF354LX freezer")


def test_two_laptop_lines() -> None:
    for left, right in APART[-2:]:
        assert both(line_clash, left, right)
    assert not either(line_clash, "HP Omen 16-xf0010nf", "HP OMEN 16 xf0010nf Ryzen 7")
    # Another maker's line in a title is a list of other products, not the laptop's line.
    assert not either(line_clash, "Acer Swift 1 SF113 Asus Zenbook UX303LA", "Acer Aspire Swift")


def test_match_pairs_reads_them() -> None:
    assert matched_pairs(APART + ONE) == [False] * len(APART) + [True] * len(ONE)


SITE = [
    ("Lenovo ThinkPad X1 Carbon Gen 12 14 pouces", "s0"),
    ("Lenovo ThinkPad X1 Carbon Gen 11 14 pouces", "s1"),
    ("Asus ROG Strix G16 (2024) RTX 4070", "s0"),
    ("Asus ROG Strix G16 (2023) RTX 4070", "s1"),
    ("Câble USB-C pour AirPods Pro 2", "s0"),
    ("Apple AirPods Pro 2 USB-C", "s1"),
    ("Housse iPad Air 11 M2", "s0"),
    ("Apple iPad Air 11 M2 128 Go", "s1"),
    ("Apple MacBook Air 13 pouces M3 8 Go 256 Go", "s0"),
    ('Apple MacBook Air 13,6" M3 8 Go 256 Go SSD', "s1"),
]


def test_match_cluster_and_the_service_agree() -> None:
    rows = [{"id": str(i), "title": t, "shop": shop} for i, (t, shop) in enumerate(SITE)]
    labels = cluster_rows(rows)
    assert len(set(labels[:8])) == 8 and labels[8] == labels[9]


def test_the_service_keeps_them_apart(session: Session) -> None:
    products = matched_products(session, SITE)
    assert None not in products[:8] and len(set(products[:8])) == 8
    assert products[8] is not None and products[8] == products[9]
