"""parse_price on the real price strings of price-parser's test data and on French/German forms."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from conftest import shared_data

from spiders.extract.prices import parse_price, to_iso

# An independent reading of the most frequent raw symbols in the data set.
EXPECTED_ISO = {
    "€": "EUR", "EUR": "EUR", "$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP",
    "Kč": "CZK", "руб.": "RUB", "руб": "RUB", "₽": "RUB", "zł": "PLN", "PLN": "PLN",
    "R$": "BRL", "грн.": "UAH", "DKK": "DKK", "lei": "RON", "Ft": "HUF", "TL": "TRY",
    "CHF": "CHF", "₹": "INR", "C$": "CAD", "A$": "AUD", "₺": "TRY", "NOK": "NOK",
}  # fmt: skip


def _rows() -> list[dict[str, str]]:
    path = shared_data("shops", "price_strings", "scrapinghub_price-parser_examples.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_case_price_parser_passes() -> None:
    rows = [r for r in _rows() if "XFAIL" not in r["source_list"]]
    assert len(rows) >= 1000
    failures = []
    for row in rows:
        amount, currency = parse_price(
            row["price_raw"],
            currency_hint=row["currency_hint"] or None,
            decimal_separator=row["decimal_separator_hint"] or None,
        )
        expected = Decimal(row["expected_amount"]) if row["expected_amount"] else None
        if amount != expected:
            failures.append((row["price_raw"], amount, expected))
        symbol = row["expected_currency"]
        if symbol in EXPECTED_ISO and currency != EXPECTED_ISO[symbol]:
            failures.append((row["price_raw"], currency, EXPECTED_ISO[symbol]))
        if currency is not None:
            assert len(currency) == 3 and currency.isupper(), (row, currency)
    assert failures == []


@pytest.mark.parametrize(
    ("text", "locale", "amount", "currency"),
    [
        ("1.299,00 €", "de", "1299.00", "EUR"),
        ("1 299,99 €", "fr", "1299.99", "EUR"),
        ("1\u202f299,99\u00a0€", "fr_FR", "1299.99", "EUR"),
        ("$1,299.99", "en-US", "1299.99", "USD"),
        ("1299,-", "de", "1299", None),
        ("1.299,– €", "de", "1299", "EUR"),
        ("€ 349,00", None, "349.00", "EUR"),
        ("CHF 1'299.00", None, "1299.00", "CHF"),
        ("$ 199 . 00", None, "199.00", "USD"),
        ("15.00 EUR", None, "15.00", "EUR"),
        ("$999", "en-CA", "999", "CAD"),
        ("12 kr", "sv", "12", "SEK"),
        ("KD 1.250", None, "1.250", "KWD"),
    ],
)
def test_french_german_and_other_forms(
    text: str, locale: str | None, amount: str, currency: str | None
) -> None:
    assert parse_price(text, locale=locale) == (Decimal(amount), currency)


def test_no_amount_keeps_the_hinted_currency() -> None:
    assert parse_price("Prix sur demande", currency_hint="EUR") == (None, "EUR")
    assert parse_price("") == (None, None)


def test_amounts_are_decimals_never_floats() -> None:
    amount, _ = parse_price("0,10 €")
    assert isinstance(amount, Decimal) and amount == Decimal("0.10")


def test_to_iso_resolves_ambiguous_symbols() -> None:
    assert to_iso("$", hint="CAD") == "CAD"
    assert to_iso("kr", locale="da_DK") == "DKK"
    assert to_iso("¥", hint="CNY") == "CNY"
    assert to_iso("eur") == "EUR"
    assert to_iso("?!") is None
