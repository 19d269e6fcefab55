"""Processor listings as PriceRunner's shops write them: part numbers, sockets, cache sizes and
frequencies that misled the matcher (CPUs were its weakest category)."""

from __future__ import annotations

import pytest

from matching.cluster import code_clash
from matching.features import code_hits
from matching.groups import profile
from matching.normalise import normalise
from matching.partnumbers import read_part
from matching.record import make_record


@pytest.mark.parametrize(
    ("part", "models", "packaging"),
    [
        ("bx80677i77700", {"i77700", "7700"}, "box"),  # Core i7-7700, retail box
        ("bx80684i58600k", {"i58600k", "8600k"}, "box"),
        ("bx80660e52640v4", {"e52640v4", "2640v4"}, "box"),  # Xeon E5-2640 v4
        ("bx806734110", {"4110"}, "box"),  # Xeon Silver 4110
        ("cm8066201934913", set(), "tray"),  # a tray part: its digits are a spec code
        ("fd8350frhkbox", {"8350"}, "box"),  # FX-8350
        ("ad880kxbjcsbx", {"880k"}, "box"),  # Athlon X4 880K
        ("yd170xbcaewof", {"1700x"}, "box"),  # Ryzen 7 1700X
        ("yd1700bbaebox", {"1700"}, "box"),  # Ryzen 7 1700
        ("yd2200c5fbbox", set(), None),  # Ryzen 3 2200G: the G is not in the part, leave it
        ("ps735pbeafwof", set(), None),  # EPYC 7351P: three digits and a letter, leave it
        ("ue49nu7100", set(), None),  # a TV, not a processor part
        ("bx80", set(), None),
        ("c13t865140", {"t8651"}, None),  # Epson's part for the T8651 cartridge
        ("c13t70234010", {"t7023"}, None),
        ("c13t00p140", set(), None),  # not four digits: leave it
    ],
)
def test_part_numbers_name_their_model(part: str, models: set[str], packaging: str | None) -> None:
    assert read_part(part) == (models, packaging)


def test_a_part_number_meets_the_model_another_shop_writes() -> None:
    plain = make_record("1", "intel core i7 7700 3.60ghz socket 1151 8mb retail boxed processor")
    part = make_record("2", "intel core i7 cpu prozessor 3 6 ghz skt 1151 65 w bx80677i77700")
    exact, near, _, missed = code_hits(plain.attrs.strong_codes, part.joins)
    assert exact == len(plain.attrs.strong_codes) and not missed
    # The sibling with a K stays apart: "i7-7700K" shares no code with the plain 7700.
    k = make_record("3", "intel core i7 7700k processor bx80677i77700k")
    assert code_clash(make_record("4", "amd ryzen 7 1700 yd1700bbaebox"), k)
    assert "7700" not in k.joins


def test_an_epson_part_meets_the_cartridge_another_shop_writes() -> None:
    part = make_record("1", "Genuine Epson C13T865140 Black Extra High Capacity Ink Cartridge")
    plain = make_record("2", "Epson Original Tinte T8651 schwarz")
    exact, _, _, missed = code_hits(plain.attrs.strong_codes, part.joins)
    assert exact == 1 and not missed
    other = make_record("3", "Epson T8661 cartouche noire")
    assert code_hits(other.attrs.strong_codes, part.joins)[0] == 0


def test_part_numbers_and_words_give_the_packaging() -> None:
    assert (
        profile(make_record("1", "intel bx80684i78700 core i7 8700"), "product")["packaging"]
        == "box"
    )
    tray = make_record("2", "intel xeon e3 1245 3.5 ghz cm8066201934913")
    assert profile(tray, "product")["packaging"] == "tray"
    # Both named: no packaging can be told, so none constrains the group.
    both = make_record("3", "intel core i5 6400 oem or retail box")
    assert "packaging" not in profile(both, "product")


def test_sockets_and_process_nodes_are_not_model_codes() -> None:
    for title in (
        "intel core i7 7700 lga 1151",
        "intel core i7 7700 socket 1151",
        "intel core i7 7700 s1151 14nm",
        "intel core i7 7700 skt 1151",
        "intel core i7 7700 fclga2011",
    ):
        attrs = make_record("1", title).attrs
        assert attrs.strong_codes == {"7700", "i77700", "corei7"}, title
        assert attrs.model_tokens == {"i7", "7700"}, title
    # "8 core" counts cores; it is no model token to clash with another listing's.
    assert make_record("3", "amd ryzen 7 1700x 8 core am4").attrs.model_tokens == {"7", "1700x"}
    ryzen = make_record("2", "amd ryzen 5 2600 am4").attrs
    assert "2600" in ryzen.strong_codes
    assert not any("am4" in c for c in ryzen.codes | ryzen.model_tokens)


def test_cache_and_frequency_spellings_agree() -> None:
    # Intel writes "8M cache"; German shops lose the comma of "3,6 GHz".
    assert normalise("i7 7700 processor 8m cache") == "i7 7700 processor 8mb cache"
    assert normalise("cpu prozessor 3 6 ghz skt 1151") == "cpu prozessor 3.6ghz skt 1151"
    assert normalise("8 x 3 6 ghz") == "8x 3.6ghz"
    assert normalise("4 x 3.6 ghz") == "4x 3.6ghz"
    # "Up to 4.2 GHz" is the top frequency, which another shop does not give.
    turbo = make_record("1", "intel core i7 7700 processor 8m cache up to 4.20 ghz")
    assert turbo.attrs.units == {"mb": frozenset({8.0})}
    base = make_record("2", "intel core i7 7700 3.60ghz 8mb cache")
    assert base.attrs.units["ghz"] == frozenset({3.6})


def test_intel_generation_names_are_not_accessories() -> None:
    cpu = make_record("1", "intel core i5 3570k 3.4ghz socket 1155 ivy bridge 6mb cache retail")
    assert not cpu.attrs.accessory
    assert make_record("2", "nvidia sli bridge 2 way").attrs.accessory
