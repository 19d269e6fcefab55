"""A code naming a whole series ("nu7100", sold in five sizes) does not hold products apart."""

from __future__ import annotations

from matching.cluster import Policy, group_records, series_codes
from matching.record import Record, make_record


def offers(*titles: str) -> list[Record]:
    return [make_record(str(i), t, shop=f"shop {i}") for i, t in enumerate(titles)]


def test_a_code_inside_codes_of_several_sizes_is_a_series() -> None:
    records = offers(
        "samsung ue43nu7100 43 4k tv",
        "samsung ue65nu7100 65 4k tv",
        "samsung nu7100 led tv in black",
        "intel bx80677i57600k core i5",
        "intel core i57600k processor",
        "intel core i7 2600 processor",
        "intel core i5 2600 processor",
        "amd 2600 cpu",
    )
    series = series_codes(records)
    assert "nu7100" in series
    assert not series & {"ue43nu7100", "ue65nu7100", "i57600k", "bx80677i57600k"}
    # "2600" sits inside "i72600" and "i52600", but a bare number names a model in its family.
    # (A shop's "Ryzen R5 2600" is read as "Ryzen 5 2600" since stop 26.)
    assert {"i72600", "i52600"} <= {c for r in records for c in r.attrs.strong_codes}
    assert "2600" not in series


def test_an_offer_naming_only_a_series_does_not_block_its_group() -> None:
    records = offers(
        "samsung nu7100 led tv in charcoal black",
        "samsung ue65nu7100 65 4k hdr smart led television",
        "samsung ue65nu7100kxxu 65 smart hdr 4k uhd television",
        "samsung ue43nu7100 43 4k hdr smart led television",
    )
    # The series-only offer's best edge is to the 65-inch offer; the series listing and the
    # 65-inch full code are never scored together.
    scores = {(0, 1): 0.9, (1, 2): 0.8, (0, 3): 0.5}
    labels = group_records(records, scores, "product", Policy())
    assert labels[1] == labels[2]  # the two 65-inch offers are one product
    assert labels[1] != labels[3]
