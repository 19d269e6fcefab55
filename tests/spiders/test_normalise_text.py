"""clean_text: tidy texts come back as they are, the others are unescaped and collapsed."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from spiders.pipelines.normalise import CONTROL, SPACES, clean_text


def _reference(value: str) -> str | None:
    text = CONTROL.sub("", html.unescape(value))
    return SPACES.sub(" ", text).strip() or None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_same_as_the_full_cleaning_on_any_text(text: str) -> None:
    assert clean_text(text) == _reference(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "Go",
                " ",
                "  ",
                "\t",
                "\n",
                "\xa0",
                "&amp;",
                "&eacute;",
                "\x07",
                "\x1f",
                "é",
                "İ",
                "RTX 5090",
                "",
            ]
        ),
        max_size=8,
    )
)
def test_same_as_the_full_cleaning_on_tricky_pieces(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert clean_text(text) == _reference(text)


def test_examples() -> None:
    assert clean_text("Apple iPhone 16 128 Go") == "Apple iPhone 16 128 Go"
    assert clean_text(" Coque &amp; verre\u00a0trempé\n") == "Coque & verre trempé"
    assert clean_text(" RTX 5090") == "RTX 5090"
    assert clean_text("RTX 5090 ") == "RTX 5090"
    assert clean_text("RTX  5090") == "RTX 5090"
    assert clean_text("   ") is None
    assert clean_text("") is None
    assert clean_text(None) is None
