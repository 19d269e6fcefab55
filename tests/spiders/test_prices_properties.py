"""Property tests: any amount written the French, German or English way reads back exactly."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from spiders.extract.gtin import check_digit_ok, normalise_gtin
from spiders.extract.prices import parse_price

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2)


def _group(integer: int, sep: str) -> str:
    return f"{integer:,}".replace(",", sep)


@given(amounts)
def test_french_forms(amount: Decimal) -> None:
    integer, cents = divmod(int(amount * 100), 100)
    for text in (
        f"{_group(integer, ' ')},{cents:02d} €",
        f"{_group(integer, chr(0x202F))},{cents:02d}\u00a0€",
        f"{_group(integer, ' ')}€{cents:02d}",
        f"{integer},{cents:02d} EUR",
    ):
        assert parse_price(text, locale="fr_FR") == (amount, "EUR"), text


@given(amounts)
def test_german_and_english_forms(amount: Decimal) -> None:
    integer, cents = divmod(int(amount * 100), 100)
    assert parse_price(f"{_group(integer, '.')},{cents:02d} €", locale="de") == (amount, "EUR")
    assert parse_price(f"${_group(integer, ',')}.{cents:02d}", locale="en-US") == (amount, "USD")
    assert parse_price(f"£{integer}.{cents:02d}") == (amount, "GBP")


@given(st.integers(min_value=1, max_value=999_999))
def test_whole_euros_with_dash(integer: int) -> None:
    assert parse_price(f"{_group(integer, '.')},- €", locale="de") == (Decimal(integer), "EUR")


@given(st.text(alphabet="0123456789", min_size=11, max_size=13).filter(lambda s: s.strip("0")))
def test_gtin_check_digit_round_trip(body: str) -> None:
    check = next(d for d in "0123456789" if check_digit_ok(body + d))
    assert normalise_gtin(body + check) == body + check
    wrong = str((int(check) + 1) % 10)
    assert normalise_gtin(body + wrong) is None
