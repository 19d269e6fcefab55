"""Read schema.org data from an lxml tree: JSON-LD, microdata, RDFa (lite) and OpenGraph.

extruct is the reference for these syntaxes, but running it costs more than parsing the
page (it re-serialises and walks the tree per syntax), so this module reads the already
parsed tree directly, keeping only what product extraction needs. Every syntax yields plain
dicts shaped like JSON-LD ({"@type": "Product", "offers": {...}}) so one interpreter
(`spiders.extract.schema`) serves them all. All values are untrusted strings.
"""

from __future__ import annotations

import json
import logging
import re
from decimal import Decimal
from typing import Any

from lxml import etree

log = logging.getLogger(__name__)

PRODUCT_TYPES = {"Product", "ProductGroup", "IndividualProduct", "ProductModel", "SomeProducts"}
_JSON_COMMENT = re.compile(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_URL_ATTRS = {"a": "href", "area": "href", "link": "href", "img": "src", "audio": "src",
              "embed": "src", "iframe": "src", "source": "src", "track": "src", "video": "src",
              "object": "data"}  # fmt: skip


def type_names(node: dict[str, Any]) -> set[str]:
    """The short schema.org type names of a node ("http://schema.org/Product" -> "Product")."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    names = set()
    for value in values:
        if isinstance(value, str):
            names.add(re.split(r"[/#:]", value.strip())[-1])
    return names


def is_product(node: Any) -> bool:
    return isinstance(node, dict) and bool(type_names(node) & PRODUCT_TYPES)


# --- JSON-LD ---------------------------------------------------------------------------


def _loads(text: str) -> Any:
    text = _JSON_COMMENT.sub("", text.strip())
    try:
        return json.loads(text, parse_float=Decimal, strict=False)
    except ValueError:
        pass
    try:  # trailing commas and stray control characters are common hand-written mistakes
        fixed = _TRAILING_COMMA.sub(r"\1", text)
        return json.loads(fixed, parse_float=Decimal, strict=False)
    except ValueError:
        log.debug("unparseable JSON-LD block skipped")
        return None


LIST_TYPES = {"ItemList", "CollectionPage", "OfferCatalog", "SearchResultsPage"}
IN_LIST = "_in_list"  # marker key: the product sits inside an ItemList (a category page)


def _walk_json(
    value: Any, found: list[dict[str, Any]], depth: int = 0, listed: bool = False
) -> None:
    """Collect product nodes wherever they sit (top level, @graph, mainEntity, itemListElement)."""
    if depth > 12:
        return
    if isinstance(value, list):
        for item in value:
            _walk_json(item, found, depth + 1, listed)
    elif isinstance(value, dict):
        if is_product(value):
            found.append({**value, IN_LIST: True} if listed else value)
            return
        listed = listed or bool(type_names(value) & LIST_TYPES)
        for key, item in value.items():
            if isinstance(item, dict | list) and key != "@context":
                _walk_json(item, found, depth + 1, listed)


def jsonld_products(root: Any) -> list[dict[str, Any]]:
    """Product nodes of the page's JSON-LD blocks, in document order."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        data = _loads(script.text)
        if data is not None:
            _walk_json(data, found)
    return found


# --- microdata and RDFa lite ----------------------------------------------------------------


def _prop_value(el: Any, base_attr: str | None) -> str:
    for attr in ("content", "value"):
        if el.get(attr) is not None:
            return str(el.get(attr))
    if el.tag == "time" and el.get("datetime"):
        return str(el.get("datetime"))
    if base_attr and el.get("resource"):
        return str(el.get("resource"))
    url_attr = _URL_ATTRS.get(el.tag)
    if url_attr and el.get(url_attr):
        return str(el.get(url_attr))
    if el.tag == "link" and el.get("href"):
        return str(el.get("href"))
    return " ".join("".join(el.itertext()).split())


# The elements that may carry properties of an item: libxml2 finds them (a Python walk of a
# product's whole subtree cost more than the rest of the reading).
_PROPERTY_HOLDERS = {
    "itemprop": etree.XPath("descendant::*[@itemprop or @itemscope]"),
    "property": etree.XPath("descendant::*[@property or @typeof]"),
}
# How many of those lie inside a nested item: in document order they are the ones right after
# it, so the nested item reads them from its parent's list and the parent passes over them.
_HOLDERS_INSIDE = {
    "itemprop": etree.XPath("count(descendant::*[@itemprop or @itemscope])"),
    "property": etree.XPath("count(descendant::*[@property or @typeof])"),
}


def _read_item(
    el: Any, scope_attr: str, prop_attr: str, type_attr: str, holders: list[Any] | None = None
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    raw_type = el.get(type_attr) or ""
    if raw_type:
        item["@type"] = raw_type.split()
    if holders is None:
        holders = _PROPERTY_HOLDERS[prop_attr](el)
    i, count = 0, len(holders)
    while i < count:
        child = holders[i]
        i += 1
        props = child.get(prop_attr)
        nested = child.get(scope_attr) is not None
        if nested:  # what lies inside a nested item belongs to it
            inside = int(_HOLDERS_INSIDE[prop_attr](child))
            own, i = holders[i : i + inside], i + inside
        if props:
            value: Any = (
                _read_item(child, scope_attr, prop_attr, type_attr, own)
                if nested
                else _prop_value(child, "rdfa" if prop_attr == "property" else None)
            )
            for name in props.split():
                name = re.split(r"[/#:]", name)[-1]
                if name in item:
                    current = item[name]
                    item[name] = (current if isinstance(current, list) else [current]) + [value]
                else:
                    item[name] = value
    return item


# The elements with the attribute, as its owners: libxml2 selects `descendant::*/@a` in 60%
# of the time of `descendant::*[@a]` (and that of `//*[@a]`); the type test is done here.
_ITEMSCOPE_ATTRS = etree.XPath("descendant::*/@itemscope")
_TYPEOF_ATTRS = etree.XPath("descendant::*/@typeof")


def _owners(attributes: list[Any]) -> list[Any]:
    return [attribute.getparent() for attribute in attributes]


def microdata_products(root: Any) -> list[dict[str, Any]]:
    """Product items written with itemscope/itemprop (outermost products only)."""
    found = []
    for el in _owners(_ITEMSCOPE_ATTRS(root)):
        if "roduct" not in (el.get("itemtype") or ""):
            continue
        if el.get("itemprop") and el.xpath("ancestor::*[@itemscope]"):
            continue  # a nested product (isRelatedTo, hasVariant) belongs to its parent
        item = _read_item(el, "itemscope", "itemprop", "itemtype")
        if is_product(item):
            found.append(item)
    return found


def rdfa_products(root: Any) -> list[dict[str, Any]]:
    """Product resources written with typeof/property (RDFa lite, schema.org or GoodRelations)."""
    found = []
    for el in _owners(_TYPEOF_ATTRS(root)):
        kind = el.get("typeof") or ""
        if "roduct" not in kind and "Offering" not in kind:
            continue
        if el.get("property") and el.xpath("ancestor::*[@typeof]"):
            continue
        item = _read_item(el, "typeof", "property", "typeof")
        if type_names(item) & {"Offering"}:
            item["@type"] = "Product"
        if is_product(item):
            found.append(item)
    return found


# --- OpenGraph ----------------------------------------------------------------------------


def opengraph(root: Any) -> dict[str, str]:
    """The page's og:* and product:* meta values (first value of each name)."""
    values: dict[str, str] = {}
    head = root.find("head")
    scope = head if head is not None else root
    for meta in scope.iter("meta"):
        name = meta.get("property") or meta.get("name") or ""
        content = meta.get("content")
        if content is None:
            continue
        name = name.strip().lower()
        if name.startswith(("og:", "product:")) and name not in values:
            values[name] = content.strip()
    return values


def text_of(el: Any, sep: str = "") -> str:
    """Whitespace-normalised text of an element, scripts, styles and comments excluded."""
    if el is None:
        return ""
    parts: list[str] = []
    _collect_text(el, parts, sep)
    return " ".join("".join(parts).split())


_SKIP_TAGS = {"script", "style", "noscript", "template"}


def _collect_text(el: Any, parts: list[str], sep: str) -> None:
    if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS:
        if el.text:
            parts.append(el.text)
        for child in el:
            _collect_text(child, parts, sep)
            if child.tail:
                parts.append(child.tail)
        if sep:
            parts.append(sep)
