"""The parse and the visible walk on lxml (what extraction uses) and on Lexbor (selectolax).

Run: .venv/bin/python -m bench.parsers [--rounds 5]   (selectolax: the `dev` extra)

Lexbor parses the 23 recorded shop pages in far less time than libxml2, but every later step
of extraction visits the page's elements from Python, and selectolax hands out a new wrapper
object at each access (lxml keeps one proxy per element). This prints, per page, the CPU time
of each parser alone, of the parse plus the visible walk (the same elements: hidden and
non-content subtrees passed over), and of the parse, walk, position map, digit holders and buy
button together: the part of extraction a port to Lexbor would have to redo on its tree. Both
sides build the Scrapy response and check the body is UTF-8 as `lean_tree` does.
"""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.http import HtmlResponse

from bench.extraction import _cpu_per_round, load_pages
from spiders.extract.cues import _BUY, _BUY_HINT, _BUY_TAGS, _HIDDEN_CLASS, _HIDDEN_STYLE
from spiders.extract.parse import _utf8_body, lean_tree
from spiders.extract.visible import _DIGIT, _NON_CONTENT, buy_anchor, digit_holders
from spiders.extract.visible import visible_elements as lxml_visible


def lexbor_visible(body: Any) -> list[Any]:
    """The visible walk of `spiders.extract.visible` on a Lexbor tree (same tests)."""
    out: list[Any] = []
    resume = None  # inside a hidden subtree: the memory id of the element after it
    for el in body.traverse():
        if resume is not None:
            if el.mem_id != resume:
                continue
            resume = None
        tag = el.tag
        if tag is None or tag.startswith("-"):
            continue  # comment, doctype
        attrs = el.attributes  # one dict: cheaper than four lookups
        cls, style = attrs.get("class"), attrs.get("style")
        if (
            tag in _NON_CONTENT
            or (cls and ("hid" in cls or "none" in cls) and _HIDDEN_CLASS.search(cls))
            or "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
            or (style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style))
        ):
            following = _following(el, body.mem_id)
            if following is None:
                break
            resume = following
            continue
        out.append(el)
    return out


def _following(el: Any, top: int) -> int | None:
    node = el
    while node is not None and node.mem_id != top:
        sibling = node.next
        while sibling is not None:
            if sibling.is_element_node:
                return int(sibling.mem_id)
            sibling = sibling.next
        node = node.parent
    return None


def lexbor_rest(elements: list[Any]) -> None:
    """Position map, digit holders and buy button, as extraction computes them on lxml."""
    positions = {el.mem_id: i for i, el in enumerate(elements)}
    holders = {el.mem_id for el in elements if _DIGIT.search(el.text(deep=False))}
    assert len(holders) <= len(positions)
    for el in elements:
        tag = el.tag
        if tag not in _BUY_TAGS:
            continue
        attrs = el.attributes
        if tag in ("div", "span") and not (attrs.get("class") and _BUY_HINT.names(attrs["class"])):
            continue
        names = ("class", "id", "itemprop", "value", "name", "title")
        if _BUY.search(" ".join(filter(None, (attrs.get(n) for n in names)))):
            break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        print("selectolax absent (pip install selectolax); nothing to compare")
        return
    pages = [(p.url, p.body) for p in load_pages()]

    def lxml_job(walk: bool, rest: bool) -> Any:
        def run() -> None:
            for url, body in pages:
                root = lean_tree(HtmlResponse(url=url, body=body))
                if walk:
                    elements = lxml_visible(root.find("body"))
                    if rest:
                        dict(zip(elements, range(len(elements)), strict=True))
                        digit_holders(elements)
                        buy_anchor(elements)

        return run

    def lexbor_job(walk: bool, rest: bool) -> Any:
        def run() -> None:
            for url, body in pages:
                # the same response and UTF-8 check as lean_tree (a port would keep them)
                response = HtmlResponse(url=url, body=body)
                data = _utf8_body(response) or response.text.encode("utf-8")
                tree = LexborHTMLParser(data)
                if walk:
                    elements = lexbor_visible(tree.body)
                    if rest:
                        lexbor_rest(elements)

        return run

    jobs = {
        f"{name} {label}": job(walk, rest)
        for name, job in (("lxml", lxml_job), ("lexbor", lexbor_job))
        for label, walk, rest in (
            ("parse", False, False),
            ("parse + walk", True, False),
            ("parse + walk + positions, digits, buy", True, True),
        )
    }
    cpu = _cpu_per_round(jobs, args.rounds)
    print(f"{len(pages)} pages; CPU ms a page, median of {args.rounds} interleaved rounds:")
    for name, seconds in cpu.items():
        print(f"  {name:<46}{seconds / len(pages) * 1000:6.2f}")


if __name__ == "__main__":
    main()
