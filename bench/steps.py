"""Where extraction spends its instructions on the recorded shop pages, step by step.

CPU time on this shared 2-core machine swings by 20% from run to run; instruction counts do
not. Each step runs once over the 23 pages, after a warm-up round, between two calls to
`os.getppid()`, at which callgrind writes a profile part:

    valgrind --tool=callgrind --dump-before='os_getppid*' --callgrind-out-file=/tmp/steps/cg \\
        .venv/bin/python -m bench.steps
    .venv/bin/python -m bench.steps --read /tmp/steps/cg

Without valgrind, `python -m bench.steps` prints each step's CPU time instead (noisy).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

from bench.extraction import load_pages
from spiders.extract import extract_offers
from spiders.extract.decide import decide
from spiders.extract.page import Page
from spiders.extract.parse import _utf8_body, lean_tree

STEPS = (
    "whole extract_offers (response to offers, tree freed)",
    "response and UTF-8 check",
    "lean_tree (UTF-8 check again, parse)",
    "Page (parse again, OpenGraph, h1)",
    "visible walk",
    "positions",
    "structured data (JSON-LD, else microdata, else RDFa)",
    "buy button",
    "decide (the rest)",
    "freeing the trees",
)


def run_steps(mark: Callable[[], Any]) -> None:
    pages = [(p.url, p.body) for p in load_pages()]
    for url, body in pages:
        extract_offers(HtmlResponse(url=url, body=body))  # warm-up
    mark()
    [extract_offers(HtmlResponse(url=url, body=body)) for url, body in pages]
    mark()
    responses = [HtmlResponse(url=url, body=body) for url, body in pages]
    [_utf8_body(response) for response in responses]
    mark()
    roots = [lean_tree(response) for response in responses]
    mark()
    parsed = [Page(response) for response in responses]
    mark()
    [page.elements for page in parsed]
    mark()
    [page.position(None) for page in parsed]
    mark()
    [page.structured_products() for page in parsed]
    mark()
    [page.buy_position() for page in parsed]
    mark()
    [decide(page) for page in parsed]
    mark()
    del parsed, roots, responses
    mark()


def read(prefix: str, count: int) -> None:
    """Instructions a page of each step, from callgrind's parts `prefix.2` ... `prefix.N`."""
    for number, name in enumerate(STEPS, start=2):
        text = Path(f"{prefix}.{number}").read_text(encoding="utf-8", errors="replace")
        found = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        total = int(found.group(1)) if found else 0
        print(f"  {name:<56}{total / count / 1e6:8.1f} M instructions a page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--read", metavar="PREFIX", help="callgrind output file prefix")
    args = parser.parse_args()
    count = len(load_pages())
    if args.read:
        read(args.read, count)
        return
    stamps: list[float] = []

    def stamp() -> None:
        os.getppid()
        stamps.append(time.process_time())

    run_steps(stamp)
    for name, start, end in zip(STEPS, stamps, stamps[1:], strict=False):
        print(f"  {name:<56}{(end - start) / count * 1000:8.2f} ms a page (CPU)")


if __name__ == "__main__":
    main()
