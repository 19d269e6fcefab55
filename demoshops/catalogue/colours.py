"""Colour names: key -> (French, English). Shops write one or the other."""

from __future__ import annotations

COLOURS: dict[str, tuple[str, str]] = {
    "noir": ("Noir", "Black"),
    "blanc": ("Blanc", "White"),
    "bleu": ("Bleu", "Blue"),
    "rose": ("Rose", "Pink"),
    "vert": ("Vert", "Green"),
    "jaune": ("Jaune", "Yellow"),
    "violet": ("Violet", "Purple"),
    "gris": ("Gris", "Grey"),
    "argent": ("Argent", "Silver"),
    "or": ("Or", "Gold"),
    "orange": ("Orange", "Orange"),
    "sarcelle": ("Sarcelle", "Teal"),
    "outremer": ("Outremer", "Ultramarine"),
    "titane-naturel": ("Titane naturel", "Natural Titanium"),
    "titane-noir": ("Titane noir", "Black Titanium"),
    "titane-blanc": ("Titane blanc", "White Titanium"),
    "titane-desert": ("Titane sable", "Desert Titanium"),
    "orange-cosmique": ("Orange cosmique", "Cosmic Orange"),
    "bleu-intense": ("Bleu intense", "Deep Blue"),
    "bleu-brume": ("Bleu brume", "Mist Blue"),
    "lavande": ("Lavande", "Lavender"),
    "sauge": ("Sauge", "Sage"),
    "bleu-ciel": ("Bleu ciel", "Sky Blue"),
    "noir-sideral": ("Noir sidéral", "Space Black"),
    "gris-sideral": ("Gris sidéral", "Space Grey"),
    "minuit": ("Minuit", "Midnight"),
    "lumiere-stellaire": ("Lumière stellaire", "Starlight"),
    "noir-de-jais": ("Noir de jais", "Jetblack"),
    "bleu-marine": ("Bleu marine", "Navy"),
    "bleu-glacier": ("Bleu glacier", "Icyblue"),
    "menthe": ("Menthe", "Mint"),
    "graphite": ("Graphite", "Graphite"),
    "porcelaine": ("Porcelaine", "Porcelain"),
    "obsidienne": ("Obsidienne", "Obsidian"),
    "rose-quartz": ("Rose quartz", "Rose Quartz"),
    "vert-sauge": ("Vert sauge", "Wintergreen"),
    "pivoine": ("Pivoine", "Peony"),
    "citronnelle": ("Citronnelle", "Lemongrass"),
    "indigo": ("Indigo", "Indigo"),
    "brume": ("Brume", "Moonstone"),
    "platine": ("Platine", "Platinum Silver"),
    "corail": ("Corail", "Coral"),
    "titane-gris": ("Titane gris", "Titanium Gray"),
    "titane-bleu": ("Titane bleu argent", "Titanium Silverblue"),
    "titane-jet": ("Titane noir de jais", "Titanium Jetblack"),
    "givre": ("Givre", "Frost"),
    "jade": ("Jade", "Jade"),
    "beige": ("Beige", "Sandstone"),
}


def french(key: str) -> str:
    return COLOURS[key][0]


def english(key: str) -> str:
    return COLOURS[key][1]
