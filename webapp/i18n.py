"""Languages: French first, English available; prices and dates formatted per locale.

The locale comes from `?lang=`, then the `lang` cookie, then Accept-Language, then French.
Texts are written in French in the templates and translated here with `_()`: a small
dictionary is enough for two languages and needs no compiled catalogues.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlencode

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal
from flask import Flask, Response, g, request

from webapp.i18n_en import EN

LANGUAGES = ("fr", "en")
# Babel locales: en_GB writes "29 Nov 2026" and "€1,299.99".
BABEL_LOCALE = {"fr": "fr_FR", "en": "en_GB"}
COOKIE = "lang"


def init_app(app: Flask) -> None:
    app.before_request(_choose_locale)
    app.after_request(_remember_locale)
    app.jinja_env.globals.update(_=gettext, current_lang=current_lang, lang_url=lang_url)
    app.jinja_env.filters.update(money=money, day=day, ago=ago, number=number, stamp=stamp)


def _choose_locale() -> None:
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        g.lang = asked
        g.lang_changed = request.cookies.get(COOKIE) != asked
        return
    cookie = request.cookies.get(COOKIE, "")
    if cookie in LANGUAGES:
        g.lang = cookie
        return
    g.lang = request.accept_languages.best_match(LANGUAGES, default="fr") or "fr"


def _remember_locale(response: Response) -> Response:
    if g.get("lang_changed"):
        response.set_cookie(
            COOKIE,
            g.lang,
            max_age=365 * 86400,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure,
        )
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


def current_lang() -> str:
    return str(g.get("lang", "fr"))


def lang_url(lang: str) -> str:
    """This page in another language (the switcher's links)."""
    args = request.args.to_dict()
    args["lang"] = lang
    return f"{request.path}?{urlencode(args)}"


def gettext(text: str, **values: object) -> str:
    translated = EN.get(text, text) if current_lang() == "en" else text
    return translated % values if values else translated


def money(amount: Decimal | None, currency: str = "EUR") -> str:
    """'1 299,99 €' (narrow no-break space) in French, '€1,299.99' in English."""
    if amount is None:
        return "—"
    return _money(amount, currency, BABEL_LOCALE[current_lang()])


@lru_cache(maxsize=16384)
def _money(amount: Decimal, currency: str, locale: str) -> str:
    # Babel takes about 0.25 ms a price and a product page shows about 200 (history table):
    # prices repeat across days and pages. Equal Decimals ("5" and "5.00") format the same.
    return format_currency(amount, currency, locale=locale)


def number(value: Decimal | int | float, digits: int = 2) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=BABEL_LOCALE[current_lang()])


def day(value: datetime | date | None) -> str:
    """'29 nov. 2026' / '29 Nov 2026'."""
    if value is None:
        return "—"
    # Cached per day: a product page's history table shows about 90 (Babel: ~0.1 ms each).
    return _day(
        value.date() if isinstance(value, datetime) else value, BABEL_LOCALE[current_lang()]
    )


@lru_cache(maxsize=4096)
def _day(value: date, locale: str) -> str:
    return format_date(value, "medium", locale=locale)


def stamp(value: datetime | None) -> str:
    """Date and time in Paris time for readers ('29 nov. 2026, 13:00')."""
    if value is None:
        return "—"
    return format_datetime(
        value, "medium", tzinfo="Europe/Paris", locale=BABEL_LOCALE[current_lang()]
    )


def ago(value: datetime | None, now: datetime | None = None) -> str:
    """'il y a 2 h' / '2 h ago': how long since an offer was seen."""
    if value is None:
        return "—"
    seconds = max(0, int(((now or datetime.now(UTC)) - value).total_seconds()))
    if seconds < 3600:
        amount, unit = max(1, seconds // 60), "min"
    elif seconds < 86400:
        amount, unit = seconds // 3600, "h"
    else:
        amount, unit = seconds // 86400, "j"
    if current_lang() == "en":
        unit = {"min": "min", "h": "h", "j": "d"}[unit]
        return f"{amount}\u00a0{unit} ago"
    return f"il y a {amount}\u00a0{unit}"
