"""Two models that the learned score may take for one: rules read from the titles.

The trees give these cues too little weight: they are rare in the training splits, which
also label many pairs one product across a descriptive "Pro" or "Plus". Read narrowly, they
hold: of the 152,496 training pairs, the number rule reads 2,935 and 98% of them are two
products; the qualifier rule reads 222, 88% two products.
"""

from __future__ import annotations

import itertools
import re

from matching.attributes import FORM_FACTORS, ONE_SIDED
from matching.record import Record


def qualifier_clash(a: Record, b: Record) -> bool:
    """Two models: a qualifier only one title has, typed as a word right after a model word
    both have ("iPhone 16 Pro" / "16 Pro Max", "RTX 4070" / "4070 Super"), or two form factors
    ("H200 NVL" / "H200 SXM").

    The trees weigh a one-sided qualifier lightly, since the training sets label many pairs one
    product across a descriptive "Pro" or "Plus"; right after a shared model word (one with a
    digit, or a shared qualifier) it names the model. "Professional", read as "pro", is an
    adjective, so the word must be typed as it is."""
    fa, fb = a.attrs.qualifiers & FORM_FACTORS, b.attrs.qualifiers & FORM_FACTORS
    if fa and fb and fa.isdisjoint(fb):
        return True
    for x, y in ((a, b), (b, a)):
        for q in (x.attrs.qualifiers - y.attrs.qualifiers) & ONE_SIDED:
            typed = r"\+|(?<![a-z])plus(?![a-z])" if q == "plus" else rf"(?<![a-z]){q}(?![a-z])"
            if not re.search(typed, x.title.lower()):
                continue
            t = x.toks
            for i in range(1, len(t)):
                before = t[i - 1]
                if t[i] == q and before in y.tokset:
                    if before in y.attrs.qualifiers or any(c.isdigit() for c in before):
                        return True
    return False


def number_clash(a: Record, b: Record) -> bool:
    """The same word followed by two different model numbers ("iPhone 15" / "iPhone 16",
    "iPhone 16" / "16e", "Series 9" / "Series 10"), and no model code of one title found in
    the other (a shared code says more than a range number: "Bosch Serie 4 KGN34XL35G" and
    "Serie 8 KGN34XL35G" are one fridge, as listed by two shops)."""
    ma, mb = a.attrs.model_tokens, b.attrs.model_tokens
    if not ma or not mb:
        return False
    if a.attrs.strong_codes & b.joins or b.attrs.strong_codes & a.joins:
        return False
    after: dict[str, set[str]] = {}
    for word, token in itertools.pairwise(b.toks):
        if token in mb and _short(token) and word.isalpha():
            after.setdefault(word, set()).add(token)
    for word, token in itertools.pairwise(a.toks):
        theirs = after.get(word)
        if not theirs or token not in ma or not _short(token):
            continue
        if token not in b.tokset and token not in b.joins:
            if all(t not in a.tokset and t not in a.joins for t in theirs):
                return True
    return False


def _short(token: str) -> bool:
    """A model number: "15", "16e", "4070" (longer codes are compared as codes)."""
    return len(token) <= 4 and token[0].isdigit()
