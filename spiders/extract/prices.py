"""Price strings to (Decimal amount, ISO 4217 currency).

price-parser does the hard work (separators, symbols anywhere in the string); this module
adds what a comparator needs on top: ISO codes instead of raw symbols, the page locale for
ambiguous separators ("1.299" is 1299 in Germany), and the "1299,-" / "1 299,99 €" forms.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from price_parser import Price

# Raw symbols and words (lower-cased) -> ISO 4217. Ambiguous ones ($, kr, ¥) are resolved
# with the hint or the locale in `to_iso`.
_SYMBOLS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "€uro": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "us $": "USD",
    "dollar": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "nzd": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "nt$": "TWD",
    "r$": "BRL",
    "mx$": "MXN",
    "rd$": "DOP",
    "j$": "JMD",
    "tt$": "TTD",
    "bz$": "BZD",
    "£": "GBP",
    "gbp": "GBP",
    "₤": "GBP",
    "¥": "JPY",
    "円": "JPY",
    "jpy": "JPY",
    "元": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "₨": "INR",
    "руб": "RUB",
    "руб.": "RUB",
    "р.": "RUB",
    "₽": "RUB",
    "р": "RUB",
    "rub": "RUB",
    "zł": "PLN",
    "zl": "PLN",
    "pln": "PLN",
    "kč": "CZK",
    "czk": "CZK",
    "ft": "HUF",
    "huf": "HUF",
    "lei": "RON",
    "ron": "RON",
    "kn": "HRK",
    "₺": "TRY",
    "tl": "TRY",
    "try": "TRY",
    "₴": "UAH",
    "грн": "UAH",
    "грн.": "UAH",
    "uah": "UAH",
    "₩": "KRW",
    "원": "KRW",
    "krw": "KRW",
    "฿": "THB",
    "thb": "THB",
    "₪": "ILS",
    "ils": "ILS",
    "₫": "VND",
    "đ": "VND",
    "vnd": "VND",
    "лв": "BGN",
    "лв.": "BGN",
    "bgn": "BGN",
    "chf": "CHF",
    "fr.": "CHF",
    "sfr.": "CHF",
    "₱": "PHP",
    "rm": "MYR",
    "myr": "MYR",
    "rp": "IDR",
    "idr": "IDR",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "isk": "ISK",
    "aed": "AED",
    "درهم": "AED",
    "kd": "KWD",
    "omr": "OMR",
    "br": "BYN",
    "тенге": "KZT",
    "₸": "KZT",
    "₼": "AZN",
    "֏": "AMD",
    "gel": "GEL",
    "₾": "GEL",
    "₦": "NGN",
    "zar": "ZAR",
    "mxn": "MXN",
    "brl": "BRL",
    "tomans": "IRR",
}
_DOLLAR_BY_LOCALE = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
_KRONE_BY_LANGUAGE = {"sv": "SEK", "da": "DKK", "nb": "NOK", "nn": "NOK", "no": "NOK", "is": "ISK"}
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_DASH_CENTS = re.compile(r"(\d)\s*[.,]\s*[-\u2013\u2014]+")  # 1299,- and 1.299,–
_SPACED_DECIMAL = re.compile(r"(\d)\s+([.,])\s*(\d{1,2})(?!\d)")  # "199 . 00"
_AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$")
_THREE_DECIMALS = {"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"}


def _language(locale: str | None) -> tuple[str, str]:
    if not locale:
        return "", ""
    parts = re.split(r"[-_]", locale.strip())
    lang = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    return lang, region


def to_iso(raw: str | None, hint: str | None = None, locale: str | None = None) -> str | None:
    """Map a raw currency symbol or word to ISO 4217, using the hint and locale for $/kr."""
    hint_iso = _hint_iso(hint)
    if not raw:
        return hint_iso
    key = _SPACES.sub(" ", raw).strip().lower()
    lang, region = _language(locale)
    if key == "$" and hint_iso and hint_iso.endswith("D"):
        return hint_iso  # "$" on a Canadian page with hint CAD
    if key == "$" and region in _DOLLAR_BY_LOCALE:
        return _DOLLAR_BY_LOCALE[region]
    if key in ("kr", "kr.", ":-"):
        return hint_iso or _KRONE_BY_LANGUAGE.get(lang)
    if key in ("¥", "yen") and hint_iso == "CNY":
        return "CNY"
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if re.fullmatch(r"[a-z]{3}", key):
        return key.upper()
    return hint_iso


def _hint_iso(hint: str | None) -> str | None:
    if not hint:
        return None
    key = hint.strip()
    if re.fullmatch(r"[A-Za-z]{3}", key):
        return key.upper()
    return _SYMBOLS.get(key.lower())


def _decimal_separator(amount_text: str, currency: str | None) -> str | None:
    """ "1.299" and "1,299" are read as thousands (retail prices have 0 or 2 decimals),
    except in currencies with three-decimal minor units (KWD, BHD, OMR, JOD, TND)."""
    if _AMBIGUOUS.match(amount_text) and currency in _THREE_DECIMALS:
        return amount_text[-4]
    return None


def clean_price_text(text: str) -> str:
    """Normalise spaces and the "1299,-" and "199 . 00" forms before parsing."""
    text = _SPACES.sub(" ", text).strip()
    text = _DASH_CENTS.sub(r"\1", text)
    return _SPACED_DECIMAL.sub(r"\1\2\3", text)


def parse_price(
    text: str,
    currency_hint: str | None = None,
    locale: str | None = None,
    *,
    decimal_separator: str | None = None,
) -> tuple[Decimal | None, str | None]:
    """Parse a price string into (amount, ISO currency); (None, currency) when no amount.

    `currency_hint` is text near the price or an ISO code; `locale` (e.g. "fr_FR", "de",
    "en-CA") resolves ambiguous symbols ("$", "kr"). Separators follow price-parser:
    "1.299,00" and "1,299.00" both read 1299.00; a lone "1.299" or "1,299" is 1299.
    """
    if not text:
        return None, _hint_iso(currency_hint)
    return _parse(text, currency_hint, locale, decimal_separator)


# A shop's pages repeat the same price texts (delivery, instalments, the price shown twice):
# each is parsed once per process. The answer is immutable (a Decimal and a str).
@lru_cache(maxsize=8192)
def _parse(
    text: str, currency_hint: str | None, locale: str | None, decimal_separator: str | None
) -> tuple[Decimal | None, str | None]:
    cleaned = clean_price_text(text)
    hint = currency_hint if currency_hint and not _hint_iso(currency_hint) else None
    price = Price.fromstring(cleaned, currency_hint=hint, decimal_separator=decimal_separator)
    currency = to_iso(price.currency, currency_hint, locale)
    if price.amount is not None and decimal_separator is None and price.amount_text:
        sep = _decimal_separator(price.amount_text.strip(), currency)
        if sep is not None:
            price = Price.fromstring(cleaned, currency_hint=hint, decimal_separator=sep)
    return price.amount, currency
