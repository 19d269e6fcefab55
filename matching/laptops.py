"""Laptop makers' product lines and the series after a line's name: "HP Omen 16" / "Victus
16", "Lenovo Yoga 9i" / "Yoga Slim 7x"."""

from __future__ import annotations

from matching.record import Record
from matching.veto import identity_words, name_tokens, said

# Laptop makers' product lines: one maker's "Omen 16" and "Victus 16" are two laptops. Words
# that are common elsewhere ("modern", "spin", "titan", "precision") are left out.
_LINES_OF = {
    "hp": "omen victus pavilion envy spectre elitebook probook zbook",
    "lenovo": "legion ideapad thinkpad thinkbook yoga loq",
    "asus": "zenbook vivobook proart zephyrus",
    "acer": "predator aspire",
    "msi": "katana cyborg",
    "dell": "xps inspiron latitude alienware vostro",
}
LAPTOP_LINES = {line: brand for brand, lines in _LINES_OF.items() for line in lines.split()}


def line_clash(a: Record, b: Record) -> bool:
    """Two laptop lines ("HP Omen 16" / "HP Victus 16", "MSI Katana 15" / "Cyborg 15"), each
    title naming its own: 112 training pairs, 5 labelled one product (a bag or a charger
    whose titles list the laptops they fit). A line of another maker than the title's is a
    title listing other products ("Acer Swift 1 ... Asus Zenbook UX303LA")."""
    la, lb = _lines(a), _lines(b)
    return bool(la and lb) and la.isdisjoint(lb)


def _lines(rec: Record) -> set[str]:
    brand = rec.attrs.brand
    return {t for t in rec.tokset if t in LAPTOP_LINES and brand in (None, LAPTOP_LINES[t])}


def series_after_line_clash(a: Record, b: Record) -> bool:
    """One laptop line, two series right after its name, each said by its title alone: "Lenovo
    Yoga 9i 2-en-1 Gen 9" / "Lenovo Yoga Slim 7x" (10 training pairs, 2 one product: sleeves
    listing the laptops they fit). A series the other title says elsewhere is no second one
    ("Inspiron 14 5440" / "Inspiron 5440 14 pouces")."""
    shared = _lines(a) & _lines(b)
    if not shared:
        return False
    for line in shared:
        na, nb = _after(line, a), _after(line, b)
        if na and nb and na != nb and not said(na, a, b) and not said(nb, b, a):
            return True
    return False


def _after(line: str, rec: Record) -> str | None:
    toks = name_tokens(rec.title)
    words = identity_words(rec)
    for i, t in enumerate(toks[:-1]):
        if t == line:
            nxt = toks[i + 1]
            return nxt if nxt in words else None
    return None
