"""Feeds stream in constant memory: peak RSS barely moves when the feed grows tenfold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MEASURE = """
import sys
from spiders.feeds import iter_feed
count = 0
with open(sys.argv[1], "rb") as stream:
    for item in iter_feed(stream, sys.argv[2], source_url="https://s.example/"):
        count += 1
# VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(count, peak.split()[1])
"""


def write_xml_feed(path: Path, items: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n')
        for i in range(items):
            out.write(
                f"<item><g:id>SKU{i}</g:id><g:title>Produit numéro {i} avec un titre assez long"
                f"</g:title><g:link>https://s.example/p/{i}</g:link><g:price>{i % 997}.99 EUR"
                f"</g:price><g:availability>in stock</g:availability><g:brand>Marque</g:brand>"
                f"<g:description>{'Description détaillée. ' * 8}</g:description></item>\n"
            )
        out.write("</channel></rss>\n")


def write_csv_feed(path: Path, items: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("id,title,link,price,availability,description\n")
        for i in range(items):
            out.write(
                f'SKU{i},"Produit {i}, long titre",https://s.example/p/{i},{i % 997}.99 EUR,'
                f"in stock,{'Description détaillée. ' * 8}\n"
            )


def peak_rss_kib(path: Path, fmt: str) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), fmt],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    count, rss = done.stdout.split()
    return int(count), int(rss)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "writer"), [("google-xml", write_xml_feed), ("google-csv", write_csv_feed)]
)
def test_peak_memory_flat_from_3k_to_30k_items(tmp_path: Path, fmt: str, writer) -> None:
    small, big = tmp_path / "small", tmp_path / "big"
    writer(small, 3_000)
    writer(big, 30_000)
    count_small, rss_small = peak_rss_kib(small, fmt)
    count_big, rss_big = peak_rss_kib(big, fmt)
    assert (count_small, count_big) == (3_000, 30_000)
    grown_file_kib = (big.stat().st_size - small.stat().st_size) // 1024
    assert grown_file_kib > 6_000  # the feed grew by more than 6 MB...
    assert rss_big - rss_small < 4_096, (rss_small, rss_big)  # ...the peak by under 4 MB
