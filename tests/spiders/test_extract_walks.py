"""The fast tree walks of extraction give what the plain walks they replace give."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_data
from extract_labels import read_labels
from lxml import etree
from scrapy.http import HtmlResponse

from spiders.extract import structured
from spiders.extract.parse import lean_tree
from spiders.extract.visible import _NON_CONTENT, visible_elements

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

TRICKY = b"""<html><body>
<div class="a"><!-- c --><p hidden>x<b>y</b></p><!-- d --><?pi x?><span>1</span></div>
<div style="display:none"><div><i>deep</i></div></div><!-- after a hidden block -->
<ul aria-hidden="true"><li>a</li></ul><ul aria-hidden="false"><li>b</li></ul>
<div class="d-none x"><p>n</p></div><div class="nonesuch"><p>kept</p></div>
<div class="col-hidden x">h</div><div class="hidden-xs">xs</div>
<div class="hide-on-mobile">kept</div>
<nav><a>menu</a></nav><select><option>1</option></select><svg><g/></svg>
<section><div><p style="visibility: hidden">last<b>x</b></p></div></section>
<footer><p>end</p></footer></body></html>"""


OLD_STYLE = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
OLD_CLASS = re.compile(r"(^|[\s_-])(hidden|hide|d-none|ng-hide|aok-hidden|sr-only-none)($|\s)")


def _old_visible(body: Any) -> list[Any]:
    """The walk as it was: every element visited, a hidden subtree counted then skipped."""

    def hidden(el: Any) -> bool:
        attrib = el.attrib
        if not attrib:
            return False
        style, cls = attrib.get("style"), attrib.get("class")
        return (
            "hidden" in attrib
            or attrib.get("aria-hidden") == "true"
            or bool(style and OLD_STYLE.search(style))
            or bool(cls and OLD_CLASS.search(cls))
        )

    if not isinstance(body.tag, str) or body.tag in _NON_CONTENT or hidden(body):
        return []
    out, walk = [], body.iter()
    for el in walk:
        if not isinstance(el.tag, str):
            continue
        if el.tag in _NON_CONTENT or hidden(el):
            for _ in range(sum(1 for _ in el.iterdescendants())):
                next(walk)
            continue
        out.append(el)
    return out


def _bodies() -> list[Any]:
    bodies = [etree.fromstring(TRICKY, etree.HTMLParser()).find("body")]
    for path in sorted(FIXTURES.glob("*.html")):
        response = HtmlResponse(url="https://shop.example.fr/p/1", body=path.read_bytes())
        bodies.append(lean_tree(response).find("body"))
    return [b for b in bodies if b is not None]


def test_visible_walk_same_as_the_plain_walk_on_fixtures() -> None:
    for body in _bodies():
        assert visible_elements(body) == _old_visible(body)


def test_visible_walk_tricky_page() -> None:
    body = etree.fromstring(TRICKY, etree.HTMLParser()).find("body")
    texts = [(el.tag, (el.text or "").strip()) for el in visible_elements(body)]
    assert {("p", "kept"), ("div", "kept"), ("li", "b"), ("div", "xs")} <= set(texts)
    assert not {"x", "deep", "a", "n", "h", "menu", "end", "last"} & {t for _, t in texts}


def test_visible_walk_same_as_the_plain_walk_on_real_pages() -> None:
    folder = shared_data("shops")
    for label in read_labels(folder):
        response = HtmlResponse(url=label.url, body=(folder / label.file).read_bytes())
        body = lean_tree(response).find("body")
        assert visible_elements(body) == _old_visible(body), label.file


NESTED = b"""<html><body><div itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">Drill</h1>
<div itemprop="brand" itemscope itemtype="https://schema.org/Brand">
 <span itemprop="name">Bosch</span>
 <div itemscope itemtype="https://schema.org/Thing"><span itemprop="name">inner</span></div></div>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
 <meta itemprop="price" content="99.90"><meta itemprop="priceCurrency" content="EUR">
 <div itemprop="seller" itemscope itemtype="https://schema.org/Organization">
 <b itemprop="name">S</b>
 </div><link itemprop="availability" href="https://schema.org/InStock"></div>
<span itemprop="sku">K1</span><div itemscope><span itemprop="name">stray</span></div>
<span itemprop="gtin13">4006381333931</span></div></body></html>"""


@pytest.mark.parametrize("body", [NESTED])
def test_nested_microdata_items_keep_their_own_properties(body: bytes) -> None:
    root = lean_tree(HtmlResponse(url="https://shop.example.fr/p/1", body=body))
    (product,) = structured.microdata_products(root)
    assert product["name"] == "Drill" and product["sku"] == "K1"
    assert product["gtin13"] == "4006381333931"
    assert product["brand"] == {"@type": ["https://schema.org/Brand"], "name": "Bosch"}
    assert product["offers"]["price"] == "99.90"
    assert product["offers"]["seller"] == {
        "@type": ["https://schema.org/Organization"],
        "name": "S",
    }
    assert product["offers"]["availability"] == "https://schema.org/InStock"
