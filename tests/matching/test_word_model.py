"""The word model reads a code as one word however a shop splits it, and a shared code as
evidence even when training never saw that code."""

from __future__ import annotations

from matching.features import word_sets
from matching.pairs import pair_threshold, score_pairs
from matching.record import make_record
from matching.strings import load_words, word_keys


def test_a_code_written_in_pieces_is_one_shared_word() -> None:
    whole = make_record("a", "Panasonic telephone system KXTS208W")
    pieces = make_record("b", "Panasonic KX-TS208W corded phone")
    sa, sb = word_sets(whole, pieces)
    assert "kxts208w" in sa & sb
    assert not {"kx", "ts208w"} & (sa | sb)
    assert word_sets(pieces, whole) == (sb, sa)


def test_a_piece_the_other_side_also_has_alone_stays() -> None:
    a = make_record("a", "Sony DVP-FX820/R portable DVD player DVPFX820/R")
    b = make_record("b", "Sony DVP-FX820 portable DVD player DVPFX820R")
    sa, sb = word_sets(a, b)
    assert {"dvpfx820r", "dvp", "fx820"} <= sa & sb


def test_only_codes_and_long_numbers_get_a_shared_shape_key() -> None:
    keys = word_keys(["ue55nu8000", "2700", "3", "samsung"], ["ue55nu8000", "2700", "3", "samsung"])
    shared_shapes = sorted(k for k in keys if k.startswith("t|"))
    assert shared_shapes == ["t|code", "t|num"]


def test_codes_split_differently_match_and_their_siblings_do_not() -> None:
    rows = [
        ("Panasonic 2-line telephone system KXTS208W", "Panasonic KX-TS208W corded phone"),
        ("Sony DVP-FX820 red 8in portable DVD player DVPFX820R", "Sony DVP-FX820/R DVD player"),
        ("Toshiba DVD recorder 1080p upconversion DR410", "Toshiba D-R410 DVD recorder"),
        ("Panasonic 2-line telephone system KXTS208W", "Panasonic KX-TS108W corded phone"),
        ("Sony DVP-FX820 red 8in portable DVD player DVPFX820R", "Sony DVP-FX720/R DVD player"),
    ]
    table = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b) in enumerate(rows)]
    scores = score_pairs(table, "product", context=False)
    threshold = pair_threshold(context=False)
    assert [s >= threshold for s in scores] == [True, True, True, False, False], scores


def test_a_shared_size_or_speed_is_not_model_evidence() -> None:
    keys = word_keys(["37gb", "3300mhz", "2.5in"], ["37gb", "3300mhz", "2.5in"])
    assert not [k for k in keys if k.startswith("t|")]
    assert sorted(word_keys(["37gb"], ["38gb"])) == ["o|37gb", "o|38gb", "s|unit", "s|unit"]
    words = load_words()
    if words is not None:  # sizes and speeds never seen in training weigh less than a code
        shared_size = words.score(frozenset({"37gb"}), frozenset({"37gb"}))
        assert shared_size < words.score(frozenset({"zq3717x"}), frozenset({"zq3717x"}))
