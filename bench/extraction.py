"""Extraction quality and speed on the labelled real pages; feed memory on generated feeds.

Run: .venv/bin/python -m bench.extraction [--rounds N] [--feed-items 10000,100000]

Quality: per-field precision/recall/F1 of `extract_offers` on ../shared/data/shops (labels.csv)
next to a baseline measured in the same run: extruct's first schema.org Product offer
(JSON-LD, microdata, RDFa), the plain structured-data extractor. Speed: pages/second on one
core (CPU time of this process) and the ratio to lxml alone parsing the same pages, measured
in interleaved rounds; our own parse alone is printed too (the ceiling). Feeds: peak RSS of a
child process streaming a generated 10k- and 100k-item Google feed.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import extruct
import lxml.html
from rapidfuzz import fuzz
from scrapy.http import HtmlResponse

from spiders.extract import extract_offers
from spiders.extract.gtin import normalise_gtin
from spiders.extract.parse import lean_tree

SHOPS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "shops"
FIELDS = ("price", "currency", "availability", "title", "gtin", "brand")


@dataclass
class Page:
    file: str
    url: str
    body: bytes
    expected: dict[str, Any]
    listing: bool


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, predicted: Any, expected: Any, correct: bool, name: str) -> None:
        if predicted is not None and correct:
            self.tp += 1
            return
        if predicted is not None:
            self.fp += 1
        if expected is not None:
            self.fn += 1
        if predicted is not None or expected is not None:
            self.misses.append(name)

    def figures(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def load_pages() -> list[Page]:
    pages = []
    with (SHOPS / "labels.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            prices = {Decimal(p) for p in row["expected_price"].split("|") if p}
            availability = row["availability"]
            pages.append(
                Page(
                    file=row["file"],
                    url=row["page_url"] or f"https://www.{row['shop']}/product",
                    body=(SHOPS / row["file"]).read_bytes(),
                    expected={
                        "price": prices or None,
                        "currency": row["expected_currency"],
                        "availability": availability
                        if availability in ("InStock", "OutOfStock")
                        else None,
                        "title": row["expected_title"],
                        "gtin": row["gtin_if_any"] or None,
                        "brand": row["expected_brand"] or None,
                    },
                    listing=row["expected_title"].startswith("(listing page)"),
                )
            )
    return pages


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def baseline(page: Page) -> dict[str, Any]:
    """extruct's first Product and its first offer, as a plain structured-data extractor."""
    data = extruct.extract(
        page.body.decode("utf-8", errors="replace") if b"charset=windows" not in page.body[:3000]
        else page.body.decode("cp1252", errors="replace"),
        base_url=page.url,
        syntaxes=["json-ld", "microdata", "rdfa"],
        uniform=True,
        errors="ignore",
    )  # fmt: skip
    for syntax in ("json-ld", "microdata", "rdfa"):
        for item in data.get(syntax, []):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if not any(isinstance(t, str) and t.endswith("Product") for t in types):
                continue
            offer = _first(item.get("offers")) or {}
            offer = offer if isinstance(offer, dict) else {}
            raw = _first(offer.get("price")) or _first(offer.get("lowPrice"))
            try:
                price = Decimal(str(raw)) if raw not in (None, "", {}) else None
            except InvalidOperation:
                price = None
            brand = _first(item.get("brand"))
            brand = brand.get("name") if isinstance(brand, dict) else brand
            availability = _first(offer.get("availability"))
            gtin = next((item.get(k) for k in ("gtin13", "gtin12", "gtin14", "gtin8", "gtin")
                         if item.get(k)), None)  # fmt: skip
            return {
                "price": price,
                "currency": _first(offer.get("priceCurrency")),
                "availability": str(availability).rsplit("/", 1)[-1] if availability else None,
                "title": _first(item.get("name")),
                "gtin": normalise_gtin(_first(gtin)),
                "brand": _first(brand) if isinstance(_first(brand), str) else None,
            }
    return {}


def ours(page: Page) -> dict[str, Any]:
    offers = extract_offers(HtmlResponse(url=page.url, body=page.body))
    if not offers:
        return {}
    offer = offers[0]
    return {name: getattr(offer, name) for name in FIELDS}


def score(pages: list[Page], extractor: Any) -> dict[str, Score]:
    scores = {name: Score() for name in FIELDS}
    for page in pages:
        if page.listing:
            continue
        got = extractor(page)
        for name in FIELDS:
            expected, predicted = page.expected[name], got.get(name)
            if name == "title":
                correct = bool(predicted) and (
                    fuzz.token_set_ratio(str(predicted).lower(), expected.lower()) >= 80
                )
            elif name == "price":
                correct = expected is not None and predicted in expected
            elif name == "brand":
                correct = expected is not None and str(predicted).lower() == expected.lower()
                if expected is None:
                    continue  # brands are labelled on a few pages only
            elif name in ("availability", "gtin") and expected is None:
                continue  # labelled where known only
            else:
                correct = predicted == expected
            scores[name].add(predicted, expected, correct, Path(page.file).stem)
    return scores


def _cpu_per_round(jobs: dict[str, Any], rounds: int) -> dict[str, float]:
    """Median CPU seconds of this process per round for each job, the jobs interleaved in
    every round so that a busy moment of the machine weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            start = time.process_time()
            job()
            times[name].append(time.process_time() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def speed(pages: list[Page], rounds: int) -> dict[str, float]:
    """CPU seconds per round: lxml.html's parse alone (the reference), our one parse alone
    (`lean_tree`), and extract_offers (its own parse included)."""
    responses = [(page.url, page.body) for page in pages]
    return _cpu_per_round(
        {
            "lxml": lambda: [
                lxml.html.document_fromstring(HtmlResponse(url=u, body=b).text)
                for u, b in responses
            ],
            "parse": lambda: [lean_tree(HtmlResponse(url=u, body=b)) for u, b in responses],
            "ours": lambda: [extract_offers(HtmlResponse(url=u, body=b)) for u, b in responses],
        },
        rounds,
    )


def small_page_speed(rounds: int) -> float:
    """Pages/second on the hand-written product pages of the tests (ordinary small pages)."""
    folder = Path(__file__).resolve().parents[1] / "tests" / "spiders" / "fixtures" / "extract"
    bodies = [p.read_bytes() for p in sorted(folder.glob("*.html"))]
    start = time.perf_counter()
    for _ in range(rounds * 20):
        for body in bodies:
            extract_offers(HtmlResponse(url="https://shop.example.fr/p/1", body=body))
    return rounds * 20 * len(bodies) / (time.perf_counter() - start)


def demo_shops(rounds: int) -> None:
    """Accuracy against the demo shops' ground truth and speed on their ordinary pages."""
    try:
        from demoshops import truth
        from demoshops.clock import DEMO_START, day_of
        from demoshops.site import Site
    except ImportError:
        print("demo shops absent; skipped\n")
        return
    pages = []
    for slug in truth.shops():
        site = Site(slug, lambda: DEMO_START)
        for path in site.product_paths(day_of(DEMO_START)):
            found = site.get(path)
            if found.status == 200:
                pages.append((slug, path, found.body, found.content_type))
    print(f"demo shop product pages ({len(pages)}, 5 shops, checked against demoshops.truth):")
    for label, with_modules in (("generic alone", False), ("with shop modules", True)):
        right = {"price": 0, "regular_price": 0, "availability": 0}
        for slug, path, body, kind in pages:
            headers = {"Content-Type": kind}
            response = HtmlResponse(f"http://127.0.0.1{path}", body=body, headers=headers)
            # Micro Bazar, the shop without markup, has a module (spiders/pages/micro_bazar.py)
            module = "micro_bazar" if with_modules and slug == "micro-bazar" else None
            offers = extract_offers(response, module=module)
            expected = truth.expected(slug, path, DEMO_START)
            for name in right:
                right[name] += any(getattr(o, name) == getattr(expected, name) for o in offers)
        print(f"  {label}: " + ", ".join(f"{k} {v}/{len(pages)}" for k, v in right.items()))
    responses = [(f"http://127.0.0.1{p}", b) for _, p, b, _ in pages]
    cpu = _cpu_per_round(
        {
            "lxml": lambda: [
                lxml.html.document_fromstring(HtmlResponse(url=u, body=b).text)
                for u, b in responses
            ],
            "ours": lambda: [extract_offers(HtmlResponse(url=u, body=b)) for u, b in responses],
        },
        rounds,
    )
    print(f"  extract_offers {len(pages) / cpu['ours']:.0f} pages/s on one core (generic rules);")
    print(f"  lxml alone {len(pages) / cpu['lxml']:.0f} pages/s; "
          f"ratio {cpu['ours'] / cpu['lxml']:.2f}x\n")  # fmt: skip


MEASURE = """
import sys, time
from spiders.feeds import iter_feed
start = time.perf_counter()
count = sum(1 for _ in iter_feed(open(sys.argv[1], "rb"), "google-xml", source_url="https://s/"))
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(count, peak.split()[1], time.perf_counter() - start)
"""


def feed_memory(sizes: list[int]) -> list[tuple[int, int, int, float]]:
    """(items, file KiB, peak RSS KiB, seconds) of a child process streaming each feed."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"feed-{size}.xml"
            with path.open("w", encoding="utf-8") as out:
                out.write('<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n')
                for i in range(size):
                    out.write(
                        f"<item><g:id>S{i}</g:id><g:title>Produit {i} titre long</g:title>"
                        f"<g:link>https://s/p/{i}</g:link><g:price>{i % 997}.99 EUR</g:price>"
                        f"<g:availability>in stock</g:availability>"
                        f"<g:description>{'Texte. ' * 20}</g:description></item>\n"
                    )
                out.write("</channel></rss>\n")
            done = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path)], check=True, capture_output=True,
                text=True, cwd=Path(__file__).resolve().parents[1],
            )  # fmt: skip
            count, rss, seconds = done.stdout.split()
            results.append((int(count), path.stat().st_size // 1024, int(rss), float(seconds)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--feed-items", default="10000,100000")
    args = parser.parse_args()
    if not SHOPS.exists():
        print(f"shared data absent ({SHOPS}); nothing to measure")
        return
    pages = load_pages()
    print(f"{len(pages)} labelled pages ({sum(p.listing for p in pages)} listing)\n")
    ours_scores, base_scores = score(pages, ours), score(pages, baseline)
    print(f"{'field':<13}{'ours P / R / F1':>24}{'baseline P / R / F1':>26}{'F1 ratio':>10}")
    for name in FIELDS:
        p, r, f = ours_scores[name].figures()
        bp, br, bf = base_scores[name].figures()
        ratio = f"{f / bf:.2f}x" if bf else "inf"
        ours_text = f"{p:.2f} / {r:.2f} / {f:.2f}"
        base_text = f"{bp:.2f} / {br:.2f} / {bf:.2f}"
        print(f"{name:<13}{ours_text:>24}{base_text:>26}{ratio:>10}")
    for name in FIELDS:
        if ours_scores[name].misses:
            print(f"  ours, {name} wrong or missing on: {', '.join(ours_scores[name].misses)}")
    print("  (with shop modules: none of these shops needs one, so the figures are the same)\n")

    cpu = speed(pages, args.rounds)
    size_mb = sum(len(p.body) for p in pages) / 1e6
    count = len(pages)
    print(f"speed on the {count} recorded pages ({size_mb:.1f} MB; CPU time of this process, "
          f"median of {args.rounds} interleaved rounds):")  # fmt: skip
    print(f"  extract_offers: {count / cpu['ours']:.1f} pages/s on one core "
          f"({cpu['ours'] / count * 1000:.1f} ms/page, its own parse included)")  # fmt: skip
    print(f"  lxml.html parse alone (the reference): {count / cpu['lxml']:.1f} pages/s; "
          f"extraction/lxml time ratio {cpu['ours'] / cpu['lxml']:.2f}x")  # fmt: skip
    print(f"  our one parse alone (lean_tree): {count / cpu['parse']:.1f} pages/s, "
          f"{cpu['parse'] / cpu['ours']:.0%} of extraction: the ceiling of any extractor "
          f"that parses these pages")  # fmt: skip
    print(f"  small product pages (test fixtures): {small_page_speed(args.rounds):.0f} pages/s\n")

    demo_shops(args.rounds)

    sizes = [int(s) for s in args.feed_items.split(",")]
    results = feed_memory(sizes)
    print("feed streaming (google-xml, child process):")
    for count, kib, rss, secs in results:
        print(f"  {count:>7} items, file {kib / 1024:6.1f} MiB: peak RSS {rss / 1024:6.1f} MiB, "
              f"{count / secs:,.0f} items/s")  # fmt: skip
    if len(results) >= 2:
        (c0, k0, r0, _), (c1, k1, r1, _) = results[0], results[-1]
        print(f"  {c1 / c0:.0f}x the items, {k1 / k0:.1f}x the file, {r1 / r0:.2f}x the peak RSS")


if __name__ == "__main__":
    main()
