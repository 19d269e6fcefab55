"""A listing prepared for comparison: normalised text, tokens, codes and attributes, built once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from matching.attributes import Attributes, extract
from matching.lexicon import COLOURS, FILLER
from matching.normalise import fold, normalise, tokens
from matching.partnumbers import read_part
from matching.strings import char_grams, code_grams

LEVELS = ("product", "variant")
_GTIN = re.compile(r"^\d{8,14}$")
# A reference written in dotted or dashed groups ("T091.420.46.051.01"): one shop writes it
# whole ("T0914204605101"), and the n-gram joins stop at three pieces.
_GROUPED = re.compile(r"[a-z0-9]+(?:[.\-/][a-z0-9]+){3,}")
# Rough rates to compare prices across currencies (a feature, never a displayed amount).
EUR_PER_UNIT = {
    "EUR": Decimal("1"),
    "USD": Decimal("0.92"),
    "GBP": Decimal("1.17"),
    "CHF": Decimal("1.05"),
    "CAD": Decimal("0.68"),
    "AUD": Decimal("0.61"),
    "PLN": Decimal("0.23"),
    "SEK": Decimal("0.088"),
    "DKK": Decimal("0.134"),
    "NOK": Decimal("0.087"),
    "JPY": Decimal("0.0062"),
    "HKD": Decimal("0.118"),
    "CZK": Decimal("0.04"),
    "HUF": Decimal("0.0025"),
    "INR": Decimal("0.011"),
}


@dataclass(slots=True)
class Record:
    """One offer as the matcher sees it. `key` is the caller's identifier."""

    key: str
    title: str
    norm: str
    toks: list[str]
    tokset: frozenset[str]
    joins: frozenset[str]
    attrs: Attributes
    desc_joins: frozenset[str]
    price_eur: Decimal | None
    shop: str | None
    gtin: str | None
    mpn: str | None
    category: str | None
    grams: frozenset[str]  # character 3-grams of the compared text
    code_grams: frozenset[str]  # 6-grams holding a digit, punctuation and spaces removed


def clean_gtin(raw: str | None) -> str | None:
    """Digits of a GTIN padded to 14, or None when it is not a plausible GTIN."""
    if not raw:
        return None
    digits = re.sub(r"\D", "", str(raw))
    if not _GTIN.match(digits) or set(digits) == {"0"}:
        return None
    return digits.zfill(14)


def clean_mpn(raw: str | None) -> str | None:
    """An MPN compared without case, spaces or punctuation; None when too short to mean much."""
    if not raw:
        return None
    code = re.sub(r"[^a-z0-9]", "", fold(str(raw)))
    if len(code) < 4 or code in {"none", "null", "nan"} or not any(c.isdigit() for c in code):
        return None
    return code


def parse_price(raw: object, currency: str | None) -> Decimal | None:
    """A price in euros for comparison; None when absent, unparsable or in an unknown currency."""
    if raw is None or raw == "":
        return None
    try:
        amount = raw if isinstance(raw, Decimal) else Decimal(str(raw).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount <= 0:
        return None
    rate = EUR_PER_UNIT.get((currency or "EUR").strip().upper() or "EUR")
    return None if rate is None else amount * rate


def ngram_joins(toks: list[str], size: int = 3) -> frozenset[str]:
    """Every token and every concatenation of up to `size` consecutive tokens."""
    if size == 3:  # the usual case, without a Python loop per token
        pairs = list(map(str.__add__, toks, toks[1:]))
        return frozenset([*toks, *pairs, *map(str.__add__, pairs, toks[2:])])
    out: set[str] = set()
    n = len(toks)
    for i in range(n):
        text = ""
        for j in range(i, min(i + size, n)):
            text += toks[j]
            out.add(text)
    return frozenset(out)


def grouped_codes(text: str) -> frozenset[str]:
    """References written in four or more groups in a folded title, compacted
    ("232.30.46.51.01.002")."""
    if not any(c in text for c in ".-/"):
        return frozenset()
    codes = (re.sub(r"[.\-/]", "", m) for m in _GROUPED.findall(text))
    return frozenset(c for c in codes if len(c) >= 8)


def _zeros(codes: frozenset[str]) -> frozenset[str]:
    """Codes with a letter O typed for a zero, as the maker writes them ("W543BXOGB" is
    Neff's W543BX0GB): 4 training pairs, all one product."""
    return frozenset(
        c.replace("o", "0") for c in codes if "o" in c and sum(map(str.isdigit, c)) >= 3
    )


_TV_CODE = re.compile(r"^(?:oled|qe|ue|gq|gu|tq|qn|un)(\d{2}[a-z]\w*)$")


def _tv_codes(codes: frozenset[str]) -> frozenset[str]:
    """A TV's code without its maker's prefix: shops write "TV OLED LG 65C4" for the
    OLED65C4 and "Samsung OLED 65S90D" for the QE65S90D. Two prefixes still name two
    regional products ("GQ65S90D" / "QE65S90D"): only the bare code meets them."""
    return frozenset(m.group(1) for c in codes if (m := _TV_CODE.match(c)))


_SCREEN_INCHES = re.compile(r"^(\d{2,3})in$")
_SERIES = re.compile(r"^[a-z]+\d+[a-z0-9]*$")


def _sized_codes(toks: list[str]) -> frozenset[str]:
    """A TV's size and series written apart ("TV LG OLED evo C4 55 pouces", "Philips OLED809
    55 pouces") meet the code that glues them ("OLED55C4", whose bare code is "55C4";
    "55OLED809")."""
    sizes = [m.group(1) for t in toks if (m := _SCREEN_INCHES.match(t)) and 32 <= int(m.group(1))]
    if not sizes:
        return frozenset()
    return frozenset(size + t for size in sizes for t in toks if _SERIES.match(t) and len(t) <= 10)


def _generation_joins(toks: list[str]) -> frozenset[str]:
    """A generation written out after the model's name joins the name as a number: Apple's
    "AirPods Pro (2e génération)" is the "AirPods Pro 2" of other shops (`pro2`)."""
    return frozenset(
        w + t[3:]
        for w, t in zip(toks, toks[1:], strict=False)
        if t.startswith("gen") and t[3:].isdigit() and w.isalpha() and w != "usb"
    )


def make_record(
    key: str,
    title: str,
    *,
    level: str = "product",
    brand: str | None = None,
    description: str | None = None,
    price: object = None,
    currency: str | None = None,
    mpn: str | None = None,
    gtin: str | None = None,
    category: str | None = None,
    shop: str | None = None,
) -> Record:
    """Build a record; at the product level colour words are dropped from the compared text."""
    title = (title or "").strip()
    toks = tokens(title)
    folded = fold(title)
    attrs = extract(toks, folded, brand)
    compared = [t for t in toks if t not in FILLER]
    if level == "product":
        compared = [t for t in compared if t not in COLOURS]
    mpn_code = clean_mpn(mpn)
    # The start of a description carries the codes; the rest costs time for little evidence.
    desc_toks = tokens(description[:500]) if description else []
    norm = " ".join(compared) or normalise(title)
    return Record(
        key=key,
        title=title,
        norm=norm,
        toks=compared,
        tokset=frozenset(compared),
        joins=ngram_joins(toks)
        | grouped_codes(folded)
        | attrs.part_models
        | _zeros(attrs.strong_codes)
        | _tv_codes(attrs.strong_codes)
        | _sized_codes(toks)
        | _generation_joins(toks)
        | ({mpn_code, *read_part(mpn_code).models} if mpn_code else frozenset()),
        attrs=attrs,
        desc_joins=ngram_joins(desc_toks),
        price_eur=parse_price(price, currency),
        shop=(shop or None),
        gtin=clean_gtin(gtin),
        mpn=mpn_code,
        category=(category or None),
        grams=char_grams(norm),
        code_grams=code_grams("".join(toks)),
    )
