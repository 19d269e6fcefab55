"""GTIN normalisation: valid check digits only, placeholders refused."""

from __future__ import annotations

import pytest

from spiders.extract.gtin import normalise_gtin


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4006381333931", "4006381333931"),  # EAN-13
        (4006381333931, "4006381333931"),
        ("0032884187614", "0032884187614"),  # zero-padded UPC as GTIN-13
        ("036000291452", "036000291452"),  # UPC-A
        ("96385074", "96385074"),  # EAN-8
        ("00012345600012", "00012345600012"),  # GTIN-14
        ("4006-3813-3393-1", "4006381333931"),
        (" ean:4006381333931 ", "4006381333931"),
    ],
)
def test_valid_codes_are_normalised(value: object, expected: str) -> None:
    assert normalise_gtin(value) == expected


@pytest.mark.parametrize(
    "value",
    ["4006381333932", "00000000000000", "0000000000000", "12345", "ABC4006381333", "",
     None, True, 4.0, "40063813339311234"],
)  # fmt: skip
def test_invalid_codes_are_refused(value: object) -> None:
    assert normalise_gtin(value) is None
