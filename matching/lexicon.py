"""Word lists the normaliser and the attribute extractor rely on (French, English, German).

All entries are already folded: lower case, no accents.
"""

from __future__ import annotations

# Canonical brand -> aliases (folded). A product line name implies its brand ("iphone" -> apple).
BRANDS: dict[str, tuple[str, ...]] = {
    "apple": ("apple", "iphone", "ipad", "airpods", "macbook", "imac", "apple watch"),
    "samsung": ("samsung", "galaxy"),
    "google": ("google", "pixel"),
    "nvidia": ("nvidia", "geforce", "quadro", "tesla"),
    "amd": ("amd", "radeon", "ryzen", "epyc", "threadripper"),
    "intel": ("intel", "xeon", "core i3", "core i5", "core i7", "core i9", "pentium", "celeron"),
    "asus": ("asus", "rog strix", "zenbook", "vivobook", "asustek"),
    "msi": ("msi", "micro-star"),
    "gigabyte": ("gigabyte", "aorus"),
    "zotac": ("zotac",),
    "pny": ("pny",),
    "sapphire": ("sapphire",),
    "powercolor": ("powercolor", "power color"),
    "xfx": ("xfx",),
    "asrock": ("asrock",),
    "palit": ("palit",),
    "gainward": ("gainward",),
    "inno3d": ("inno3d",),
    "evga": ("evga",),
    "sony": ("sony", "playstation", "dualsense", "ps5", "ps4"),
    "lenovo": ("lenovo", "thinkpad", "ideapad", "legion", "yoga"),
    "dell": ("dell", "alienware", "xps", "latitude", "inspiron"),
    "hp": ("hp", "hewlett packard", "hewlett-packard", "hpe", "omen", "elitebook", "probook"),
    "microsoft": ("microsoft", "xbox"),
    "xiaomi": ("xiaomi", "redmi", "poco"),
    "huawei": ("huawei",),
    "honor": ("honor",),
    "oneplus": ("oneplus",),
    "oppo": ("oppo",),
    "motorola": ("motorola",),
    "nokia": ("nokia",),
    "lg": ("lg",),
    "bose": ("bose",),
    "jbl": ("jbl",),
    "sennheiser": ("sennheiser",),
    "beats": ("beats",),
    "nothing": ("nothing phone", "nothing ear"),
    "acer": ("acer", "predator"),
    "canon": ("canon",),
    "nikon": ("nikon",),
    "panasonic": ("panasonic", "lumix"),
    "philips": ("philips",),
    "bosch": ("bosch",),
    "siemens": ("siemens",),
    "whirlpool": ("whirlpool",),
    "corsair": ("corsair",),
    "kingston": ("kingston",),
    "sandisk": ("sandisk",),
    "western digital": ("western digital", "wd"),
    "seagate": ("seagate",),
    "crucial": ("crucial",),
    "logitech": ("logitech",),
    "netgear": ("netgear",),
    "linksys": ("linksys",),
    "belkin": ("belkin",),
    "cisco": ("cisco",),
    "toshiba": ("toshiba",),
    "garmin": ("garmin",),
    "dji": ("dji",),
    "meta": ("meta quest", "oculus"),
    "roborock": ("roborock",),
    "avm": ("avm", "fritz"),
    "irobot": ("irobot", "roomba"),
    "ecovacs": ("ecovacs", "deebot"),
    # Tokens are joined by spaces when a brand is read: "TP-Link" is "tp link" there.
    "tp-link": ("tp-link", "tp link", "tplink"),
    "amazon": ("amazon", "kindle", "echo dot", "echo pop", "echo show", "fire tv"),
    # Makers of the site's other categories (peripherals, e-readers, NAS, cooling, audio).
    "razer": ("razer",),
    "steelseries": ("steelseries",),
    "hyperx": ("hyperx",),
    "fujifilm": ("fujifilm",),
    "hisense": ("hisense",),
    "tcl": ("tcl",),
    "nintendo": ("nintendo",),
    "synology": ("synology",),
    "qnap": ("qnap",),
    "htc": ("htc",),
    "jabra": ("jabra",),
    "be quiet": ("be quiet",),
    "g.skill": ("g.skill", "g skill", "gskill"),
    "ugreen": ("ugreen",),
    "anker": ("anker",),
    "valve": ("steam deck", "valve index"),
    "pocketbook": ("pocketbook",),
    "kobo": ("rakuten kobo", "kobo"),
    "epson": ("epson",),
    "lian li": ("lian li",),
    "fairphone": ("fairphone",),
    "sonos": ("sonos",),
    "marshall": ("marshall",),
    "aoc": ("aoc",),
    "teamgroup": ("teamgroup", "team group"),
    "thermalright": ("thermalright",),
    "noctua": ("noctua",),
    "nzxt": ("nzxt",),
    "withings": ("withings",),
    "elgato": ("elgato",),
    "netatmo": ("netatmo",),
    "insta360": ("insta360",),
    "xgimi": ("xgimi",),
    "iiyama": ("iiyama",),
    "cooler master": ("cooler master", "coolermaster"),
    "fractal design": ("fractal design",),
    "ultimate ears": ("ultimate ears", "ue boom", "ue wonderboom", "ue megaboom", "ue everboom"),
    "onyx": ("onyx boox", "boox"),
    "segway": ("segway", "ninebot"),
    "tado": ("tado",),
}

# Words that never identify a product: shop filler, marketing and generic nouns.
FILLER = frozenset(
    """
    le la les un une des de du d l et ou avec pour en a au aux sur par neuf nouveau nouvelle
    the a an and or with for of in on by new brand original genuine official
    der die das ein eine und mit fur von im
    livraison gratuite offert offerte promo promotion prix stock dispo disponible
    free shipping delivery sale deal best price buy online uk eu fr de version
    edition
    """.split()
)

# Colour words (a colour is a variant, never a different product).
COLOURS = frozenset(
    """
    noir black schwarz blanc white weiss weiß gris grey gray grau argent silver silber
    or gold rose pink bleu blue blau vert green grun rouge red rot jaune yellow violet purple
    lila orange beige marron brown graphite titane titanium naturel natural sable desert
    minuit midnight lumiere stellaire starlight sideral space bleute teal ultramarine
    creme cream lavande lavender menthe mint ivoire ivory anthracite bordeaux corail coral
    obsidian obsidienne porcelain porcelaine hazel sauge sage jade onyx phantom cobalt
    icyblue navy champagne bronze cuivre copper inox stainless chrome mat matte sarcelle outremer
    ciel sky glacier marine quartz brume mist givre frost ardoise slate nuit night ocean aurore
    aurora sidereal cosmic cosmique rosegold turquoise kaki khaki fuchsia magenta cyan intense
    deep profond profonde jais jet jetblack fonce clair dark platine platinum citronnelle
    lemongrass indigo pivoine peony glace ice vanille vanilla laiton brass galet pebble chalk
    craie azur azure neige carbone carbon charbon charcoal pacifique pacific pale blush doux
    fluo framboise raspberry blanche
    """.split()
)

# Words that mean "this is not the device itself", and the same words in Spanish, Portuguese,
# Italian and German shops' titles (not German's "Akku" and "Ladegerät": a cordless tool's
# name and what its kit holds).
ACCESSORY = frozenset(
    """
    coque etui housse case cover sleeve bumper folio protection protecteur protector film verre
    tempered cable cordon chargeur charger adaptateur adapter adaptor dock support
    bracket holder riser bracelet strap band embout eartips tips ecouteur-embout
    skin sticker autocollant batterie battery powerbank remplacement replacement spare piece
    pieces part parts kit-de cle hub dongle sacoche bag pochette pouch backplate waterblock
    stylet stylus clavier-etui lanyard embouts pont bridge
    block sacoches coques housses cables chargeurs coussinets coussinet earpads accessoires
    grip
    cargador carregador caricabatterie funda estuche maletin custodia tasche
    bateria batteria empunadura impugnatura soporte supporto halterung cavo kabel
    adaptador adattatore
    """.split()
)

# Makers whose products are chargers, cables and memory cards: an accessory word in one
# title names the product itself ("Chargeur sans fil Belkin BoostCharge Pro" / "Belkin
# BoostCharge Pro", "Clé USB Kingston DT Exodia" / "Kingston DataTraveler Exodia").
ACCESSORY_MAKERS = frozenset(["belkin", "anker", "ugreen", "kingston", "sandisk"])

# Cues that the title lists the thing it fits, not itself ("for iPhone 16", "pour AirPods").
FITS_CUES = frozenset(["pour", "for", "fur", "compatible", "compatibles", "kompatibel", "fits"])

# Words of a bundle: several devices sold as one listing.
BUNDLE = frozenset(["pack", "bundle", "lot", "coffret", "set", "combo"])

REFURBISHED = frozenset(
    """
    reconditionne reconditionnee refurbished renewed occasion used gebraucht generaluberholt
    remanufactured refurb reconditioned seconde-main
    """.split()
)
