"""Google Merchant XML feeds (RSS 2.0 <item> and Atom <entry>, g: namespace), streamed.

lxml's iterparse hands over one item at a time; each is cleared and dropped from its parent
once read, so memory stays flat whatever the feed's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from spiders.feeds.rows import Rejected, to_offer
from spiders.items import Offer

G = "{http://base.google.com/ns/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _fields(item: etree._Element) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Attributes of one item: g:-prefixed win over plain RSS/Atom ones of the same name."""
    fields: dict[str, str] = {}
    plain: dict[str, str] = {}
    shipping: list[dict[str, str]] = []
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        if name == "shipping":
            shipping.append({_local(c.tag): (c.text or "").strip() for c in child
                             if isinstance(c.tag, str)})  # fmt: skip
            continue
        value = (child.text or "").strip()
        if name == "link" and not value:
            value = (child.get("href") or "").strip()  # Atom <link href="..."/>
        if child.tag.startswith(G):
            fields.setdefault(name, value)
        else:
            plain.setdefault({"summary": "description"}.get(name, name), value)
    for name, value in plain.items():
        if not fields.get(name):
            fields[name] = value
    return fields, shipping


def iter_xml(stream: BinaryIO, *, now: datetime) -> Iterator[Offer | Rejected]:
    parser = etree.iterparse(
        stream,
        events=("end",),
        tag=("item", f"{ATOM}entry", f"{G}item"),
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
        recover=True,
    )
    row = 0
    for _, item in parser:
        row += 1
        fields, shipping = _fields(item)
        yield to_offer(fields, row, shipping, now=now)
        item.clear()
        parent = item.getparent()
        while parent is not None and item.getprevious() is not None:
            del parent[0]
