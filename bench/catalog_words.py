"""The words of the generated catalogue: product families, configurations, shops, queries.

Kept apart from `bench.generate_catalog` so the generator reads as code, not as a list.
Prices are base prices in euros (strings, turned into Decimal by the generator).
"""

from __future__ import annotations

# Consumer GPUs: (brand, chip, memory Go, base price); board partners give the variety.
GPU_CHIPS = [
    ("NVIDIA", "GeForce RTX 5090", 32, "2399"),
    ("NVIDIA", "GeForce RTX 5080", 16, "1199"),
    ("NVIDIA", "GeForce RTX 5070 Ti", 16, "879"),
    ("NVIDIA", "GeForce RTX 5070", 12, "649"),
    ("NVIDIA", "GeForce RTX 5060 Ti", 16, "459"),
    ("NVIDIA", "GeForce RTX 5060", 8, "329"),
    ("NVIDIA", "GeForce RTX 4090", 24, "1999"),
    ("NVIDIA", "GeForce RTX 4070 Super", 12, "629"),
    ("NVIDIA", "GeForce RTX 4060", 8, "299"),
    ("AMD", "Radeon RX 9070 XT", 16, "729"),
    ("AMD", "Radeon RX 9070", 16, "629"),
    ("AMD", "Radeon RX 7900 XTX", 24, "899"),
    ("AMD", "Radeon RX 7800 XT", 16, "499"),
    ("AMD", "Radeon RX 7600", 8, "269"),
    ("Intel", "Arc B580", 12, "289"),
]
GPU_PARTNERS = {
    "NVIDIA": [
        "ASUS ROG Strix",
        "ASUS TUF Gaming",
        "ASUS Prime",
        "MSI Suprim",
        "MSI Gaming Trio",
        "MSI Ventus 3X",
        "Gigabyte Aorus Master",
        "Gigabyte Gaming OC",
        "Gigabyte Windforce",
        "Zotac AMP Extreme",
        "Zotac Twin Edge",
        "PNY XLR8",
        "Palit GameRock",
        "Inno3D iChill X3",
        "Founders Edition",
    ],
    "AMD": [
        "Sapphire Nitro+",
        "Sapphire Pulse",
        "PowerColor Red Devil",
        "PowerColor Hellhound",
        "XFX Merc 310",
        "XFX Swift",
        "ASUS TUF Gaming",
        "Gigabyte Gaming OC",
        "ASRock Taichi",
    ],
    "Intel": ["Intel Limited Edition", "ASRock Steel Legend", "Sparkle Titan", "Acer Nitro"],
}
GPU_SUFFIXES = ["", " OC", " OC White", " Edition", " LHR", " SFF"]

# Datacenter GPUs: (brand, model, memory Go, base price, tflops), sold by integrators.
DATACENTER = [
    ("NVIDIA", "H200 NVL", 141, "31999", 1671),
    ("NVIDIA", "H200 SXM", 141, "35999", 1979),
    ("NVIDIA", "H100 PCIe", 80, "27999", 756),
    ("NVIDIA", "H100 SXM", 80, "29999", 989),
    ("NVIDIA", "H20", 96, "12999", 148),
    ("NVIDIA", "B200", 192, "42999", 2250),
    ("NVIDIA", "L40S", 48, "8999", 362),
    ("NVIDIA", "A100 PCIe", 80, "15999", 312),
    ("NVIDIA", "L4", 24, "2499", 121),
    ("AMD", "Instinct MI300X", 192, "19999", 1307),
    ("AMD", "Instinct MI325X", 256, "24999", 1307),
]
DATACENTER_SELLERS = ["PNY", "Supermicro", "Dell", "HPE", "Lenovo", "Gigabyte", "ASUS", "Bulk"]

# Smartphones: (brand, model, base price of the smallest storage, storages Go).
PHONES = [
    ("Apple", "iPhone 16", "969", [128, 256, 512]),
    ("Apple", "iPhone 16 Plus", "1119", [128, 256, 512]),
    ("Apple", "iPhone 16 Pro", "1229", [128, 256, 512, 1024]),
    ("Apple", "iPhone 16 Pro Max", "1479", [256, 512, 1024]),
    ("Apple", "iPhone 16e", "719", [128, 256, 512]),
    ("Apple", "iPhone 15", "819", [128, 256, 512]),
    ("Apple", "iPhone 13", "499", [128, 256]),
    ("Samsung", "Galaxy S25", "909", [128, 256, 512]),
    ("Samsung", "Galaxy S25+", "1159", [256, 512]),
    ("Samsung", "Galaxy S25 Ultra", "1469", [256, 512, 1024]),
    ("Samsung", "Galaxy S24 FE", "649", [128, 256]),
    ("Samsung", "Galaxy A56", "499", [128, 256]),
    ("Samsung", "Galaxy A16", "199", [64, 128]),
    ("Samsung", "Galaxy Z Flip7", "1219", [256, 512]),
    ("Samsung", "Galaxy Z Fold7", "2099", [256, 512, 1024]),
    ("Google", "Pixel 9", "899", [128, 256]),
    ("Google", "Pixel 9 Pro", "1099", [128, 256, 512]),
    ("Google", "Pixel 9a", "549", [128, 256]),
    ("Xiaomi", "15 Ultra", "1499", [512, 1024]),
    ("Xiaomi", "Redmi Note 14 Pro", "349", [256, 512]),
    ("OnePlus", "13", "1049", [256, 512]),
    ("OnePlus", "Nord 4", "449", [128, 256]),
    ("Fairphone", "5", "699", [256]),
    ("Nothing", "Phone (3a)", "379", [128, 256]),
    ("Motorola", "Edge 50 Pro", "599", [256, 512]),
]
PHONE_CONDITIONS = [
    "",
    " Reconditionné Très bon état",
    " Reconditionné Bon état",
    " Reconditionné Parfait état",
    " Double SIM",
    " Version européenne",
]
PHONE_COLOURS = ["Noir", "Blanc", "Bleu", "Vert", "Rose", "Titane naturel", "Gris", "Violet"]

# Earbuds and headphones: (brand, model, category, base price).
AUDIO = [
    ("Apple", "AirPods 4", "earbuds", "149"),
    ("Apple", "AirPods 4 réduction active du bruit", "earbuds", "199"),
    ("Apple", "AirPods Pro 2 (USB-C)", "earbuds", "279"),
    ("Apple", "AirPods Max", "headphones", "579"),
    ("Samsung", "Galaxy Buds3 Pro", "earbuds", "249"),
    ("Samsung", "Galaxy Buds3", "earbuds", "179"),
    ("Samsung", "Galaxy Buds FE", "earbuds", "99"),
    ("Sony", "WF-1000XM5", "earbuds", "299"),
    ("Sony", "WH-1000XM5", "headphones", "379"),
    ("Sony", "WH-1000XM6", "headphones", "449"),
    ("Sony", "WF-C700N", "earbuds", "119"),
    ("Bose", "QuietComfort Ultra Earbuds", "earbuds", "299"),
    ("Bose", "QuietComfort Ultra Headphones", "headphones", "449"),
    ("JBL", "Tune 520BT", "headphones", "59"),
    ("JBL", "Live Beam 3", "earbuds", "199"),
    ("Jabra", "Elite 10", "earbuds", "249"),
    ("Sennheiser", "Momentum 4 Wireless", "headphones", "349"),
    ("Beats", "Studio Pro", "headphones", "399"),
    ("Beats", "Fit Pro", "earbuds", "229"),
    ("Nothing", "Ear (a)", "earbuds", "99"),
]
AUDIO_EDITIONS = ["", " Édition limitée", " Reconditionné", " avec boîtier MagSafe", " Pack"]
AUDIO_COLOURS = ["Noir", "Blanc", "Argent", "Bleu minuit", "Sable"]

# Laptops: (brand, line, screen sizes, base price); CPU, RAM, SSD and GPU make the variety.
LAPTOPS = [
    ("Apple", "MacBook Air 13", ['13,6"'], "1199"),
    ("Apple", "MacBook Air 15", ['15,3"'], "1499"),
    ("Apple", "MacBook Pro 14", ['14,2"'], "1899"),
    ("Lenovo", "ThinkPad X1 Carbon Gen 13", ['14"'], "1999"),
    ("Lenovo", "ThinkPad T14 Gen 5", ['14"'], "1399"),
    ("Lenovo", "IdeaPad Slim 5", ['14"', '16"'], "799"),
    ("Lenovo", "Legion 5 Pro", ['16"'], "1499"),
    ("Lenovo", "Yoga Slim 7", ['14"'], "1099"),
    ("HP", "EliteBook 840 G11", ['14"'], "1499"),
    ("HP", "Pavilion 15", ['15,6"'], "699"),
    ("HP", "Victus 16", ['16,1"'], "999"),
    ("HP", "Omen 16", ['16,1"'], "1599"),
    ("Dell", "XPS 14", ['14,5"'], "1799"),
    ("Dell", "Inspiron 15", ['15,6"'], "649"),
    ("Dell", "Latitude 5450", ['14"'], "1199"),
    ("Dell", "Alienware m16 R2", ['16"'], "1999"),
    ("ASUS", "Zenbook 14 OLED", ['14"'], "1099"),
    ("ASUS", "Vivobook 15", ['15,6"'], "549"),
    ("ASUS", "ROG Zephyrus G14", ['14"'], "1899"),
    ("ASUS", "TUF Gaming A15", ['15,6"'], "999"),
    ("Acer", "Swift Go 14", ['14"'], "899"),
    ("Acer", "Aspire 5", ['15,6"'], "599"),
    ("Acer", "Nitro V 15", ['15,6"'], "849"),
    ("Acer", "Predator Helios Neo 16", ['16"'], "1499"),
    ("MSI", "Katana 15", ['15,6"'], "1099"),
    ("MSI", "Stealth 16", ['16"'], "2199"),
    ("MSI", "Prestige 14", ['14"'], "1199"),
]
APPLE_CHIPS = ["Apple M4", "Apple M4 Pro", "Apple M4 Max", "Apple M3"]
PC_CPUS = [
    "Intel Core Ultra 5 125H",
    "Intel Core Ultra 7 155H",
    "Intel Core Ultra 7 258V",
    "Intel Core Ultra 9 185H",
    "Intel Core i5-13420H",
    "Intel Core i7-13620H",
    "AMD Ryzen 5 7535HS",
    "AMD Ryzen 7 8845HS",
    "AMD Ryzen AI 9 HX 370",
]
LAPTOP_RAM = [8, 16, 32, 64]
LAPTOP_SSD = [256, 512, 1024, 2048]
LAPTOP_GPUS = [
    "",
    "",
    "GeForce RTX 4050",
    "GeForce RTX 4060",
    "GeForce RTX 5060",
    "GeForce RTX 5070",
    "GeForce RTX 5080",
]

# Tablets, SSDs and monitors: (brand, model, base price, capacities Go or sizes).
TABLETS = [
    ("Apple", "iPad Air 11 M3", "699", [128, 256, 512, 1024]),
    ("Apple", "iPad Pro 13 M4", "1549", [256, 512, 1024, 2048]),
    ("Apple", "iPad mini A17 Pro", "599", [128, 256, 512]),
    ("Samsung", "Galaxy Tab S10 Ultra", "1299", [256, 512, 1024]),
    ("Samsung", "Galaxy Tab S10 FE", "529", [128, 256]),
    ("Lenovo", "Tab P12", "349", [128, 256]),
    ("Xiaomi", "Pad 7", "399", [128, 256]),
]
TABLET_VARIANTS = ["Wi-Fi", "Wi-Fi + Cellular", "5G", "Wi-Fi Reconditionné"]
SSDS = [
    ("Samsung", "990 Pro", "0.09"),
    ("Samsung", "990 EVO Plus", "0.07"),
    ("WD", "Black SN850X", "0.08"),
    ("WD", "Blue SN580", "0.06"),
    ("Crucial", "T705", "0.12"),
    ("Crucial", "P3 Plus", "0.05"),
    ("Kingston", "Fury Renegade", "0.08"),
    ("Kingston", "NV3", "0.05"),
    ("Seagate", "FireCuda 530R", "0.09"),
    ("Lexar", "NM790", "0.06"),
]
SSD_SIZES = [500, 1000, 2000, 4000, 8000]
SSD_FORMS = ["M.2 NVMe PCIe 4.0", "M.2 NVMe PCIe 5.0", "avec dissipateur", "M.2 2280"]
MONITORS = [
    ("Samsung", "Odyssey G7"),
    ("Samsung", "Odyssey OLED G8"),
    ("LG", "UltraGear 27GR95QE"),
    ("LG", "UltraFine 32UN880"),
    ("Dell", "UltraSharp U2724D"),
    ("Dell", "Alienware AW3225QF"),
    ("ASUS", "ROG Swift PG27AQDM"),
    ("ASUS", "ProArt PA279CRV"),
    ("MSI", "MAG 271QPX"),
    ("AOC", "Q27G3XMN"),
    ("BenQ", "Mobiuz EX2710Q"),
    ("Gigabyte", "M27Q"),
]
MONITOR_SIZES = [('24"', "189"), ('27"', "329"), ('32"', "549"), ('34"', "699")]
MONITOR_SPECS = ["QHD 165 Hz", "4K UHD 144 Hz", "OLED 240 Hz", "IPS 100 Hz", "Full HD 180 Hz"]

# Share of the catalogue per category (sums to 1).
# Families with few combinations (phones, tablets, audio, datacenter) are capped at what
# exists; the rest goes to the families with makers' references.
CATEGORY_SHARE = {
    "laptop": 0.26,
    "gpu": 0.14,
    "smartphone": 0.12,
    "monitor": 0.10,
    "ssd": 0.08,
    "accessory": 0.18,
    "tablet": 0.05,
    "earbuds": 0.05,
    "datacenter-gpu": 0.02,
}
ACCESSORY_KINDS = [
    ("Coque", "19"),
    ("Protection écran verre trempé", "14"),
    ("Étui folio", "29"),
    ("Chargeur USB-C 20 W", "25"),
    ("Câble USB-C tressé 2 m", "15"),
    ("Support voiture MagSafe", "35"),
]
ACCESSORY_BRANDS = [
    "Spigen",
    "Belkin",
    "Anker",
    "PanzerGlass",
    "Otterbox",
    "Mobilis",
    "Force Case",
    "Apple",
    "Samsung",
    "Bigben",
]

# 40 shops: (slug, name); the domain is "<slug>.example".
SHOPS = [
    ("ldlc", "LDLC"),
    ("materiel", "Materiel.net"),
    ("fnac", "Fnac"),
    ("darty", "Darty"),
    ("boulanger", "Boulanger"),
    ("amazon", "Amazon.fr"),
    ("cdiscount", "Cdiscount"),
    ("rueducommerce", "Rue du Commerce"),
    ("topachat", "Top Achat"),
    ("grosbill", "Grosbill"),
    ("backmarket", "Back Market"),
    ("rakuten", "Rakuten"),
    ("auchan", "Auchan"),
    ("carrefour", "Carrefour"),
    ("leclerc", "E.Leclerc"),
    ("cybertek", "Cybertek"),
    ("alternate", "Alternate"),
    ("infomax", "Infomax"),
    ("proshop", "Proshop"),
    ("bechtle", "Bechtle"),
    ("wstore", "Inmac wstore"),
    ("dell", "Dell France"),
    ("apple", "Apple Store"),
    ("samsung", "Samsung Shop"),
    ("orange", "Orange"),
    ("sfr", "SFR"),
    ("bouygues", "Bouygues Telecom"),
    ("free", "Free"),
    ("electrodepot", "Electro Dépôt"),
    ("conforama", "Conforama"),
    ("sonvideo", "Son-Vidéo.com"),
    ("ubaldi", "Ubaldi"),
    ("pixmania", "Pixmania"),
    ("hardware", "Hardware.fr Shop"),
    ("ldlcpro", "LDLC Pro"),
    ("senetic", "Senetic"),
    ("serverdirect", "Server Direct"),
    ("gpuhub", "GPU Hub Europe"),
    ("idealo", "Dépôt Hi-Tech"),
    ("welcome", "Welcome Office"),
]
AVAILABILITY = [
    ("InStock", 70),
    ("OutOfStock", 15),
    ("PreOrder", 4),
    ("BackOrder", 5),
    ("LimitedAvailability", 6),
]
EXTRACTION = ["json-ld", "json-ld", "json-ld", "microdata", "feed", "feed", "shop-module", "rdfa"]
DELIVERY = [None, "0", "0", "0", "4.99", "5.99", "9.99", "14.90"]
