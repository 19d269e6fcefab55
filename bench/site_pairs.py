"""The site's look-alike pairs (2,892 in 20 sets) by match-pairs, match-cluster and the service.

    .venv/bin/python -m bench.site_pairs [--list] [--sets a,b,...]

Each line of `bench/site_pairs/<set>.txt` is two shop titles and a label, "one" product or
"two", by the comparator's rule (docs/matching.md). The pairs are scored three ways: all of a
set in one `match-pairs` file; each pair alone as two offers from two shops in
`match-cluster`; each pair as two shops' offers in an empty catalog, through the service (an
offer sent to the review queue counts as a split). Baseline in the same run: one fuzzy score,
rapidfuzz's token_set_ratio at 90 or more. Printed: wrong decisions, false matches / false
splits. Sets B to E were written after the rules of the set before them and measured before
they were read; set F was only measured (docs/matching.md, stop 24); set G was measured with
stop 24's code before it was read, and set H was only measured (stop 25); set I was measured
with stop 25's code before it was read, and set J was only measured; sets K and L were scored
with stop 25's code and stop 26's of that moment, then K was read and L only measured (stop 26).
Sets M to Q (stop 27) were scored with stop 26's code and stop 27's of that moment; M (home
appliances and tools) and N (computer parts) were then read, O (laptops, screens, cameras),
P (games, peripherals, networks, home) and Q (phones, tablets, watches, earbuds) only measured.
Sets R, S and T (stop 28, written blind by helpers) were scored with stop 27's code and have
never been read; stop 30 printed the wrong pairs of all sets A to Q once by mistake, so only
R, S and T are still unread: measure them, never `--list` them. Their counts (never their
pairs) have been printed a few times since, in stops 30 and 31, to check changes: a check,
no longer a blind one.
"""

from __future__ import annotations

import argparse
import tempfile
from decimal import Decimal
from pathlib import Path

from rapidfuzz import fuzz

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import Offer, Shop
from matching.cluster import cluster_rows
from matching.pairs import pair_threshold, score_pairs
from matching.service import match_offers

HERE = Path(__file__).parent / "site_pairs"
Pair = tuple[str, str, bool]


def load(path: Path) -> list[Pair]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            titles, label = line.rsplit(" || ", 1)
            left, right = titles.split(" | ")
            out.append((left.strip(), right.strip(), label.strip() == "one"))
    return out


def by_baseline(pairs: list[Pair]) -> list[bool]:
    return [fuzz.token_set_ratio(a.lower(), b.lower()) >= 90 for a, b, _ in pairs]


def by_pairs(pairs: list[Pair]) -> list[bool]:
    rows = [{"id": str(i), "left_title": a, "right_title": b} for i, (a, b, _) in enumerate(pairs)]
    return [s >= pair_threshold() for s in score_pairs(rows, "product")]


def by_cluster(pairs: list[Pair]) -> list[bool]:
    out = []
    for a, b, _ in pairs:
        rows = [{"id": "1", "title": a, "shop": "s1"}, {"id": "2", "title": b, "shop": "s2"}]
        labels = cluster_rows(rows)
        out.append(labels[0] == labels[1])
    return out


def by_service(pairs: list[Pair]) -> list[bool]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/catalog.db"
        upgrade(url)
        engine = make_engine(url)
        out = []
        for a, b, _ in pairs:
            with engine.connect() as conn:
                outer = conn.begin()
                factory = make_session_factory(conn)  # type: ignore[arg-type]
                factory.configure(join_transaction_mode="create_savepoint")
                with factory() as session:
                    out.append(_same_product(session, a, b))
                outer.rollback()
        engine.dispose()
    return out


def _same_product(session, left: str, right: str) -> bool:  # type: ignore[no-untyped-def]
    shops = [Shop(slug=f"s{i}", name=f"Shop {i}", domain=f"s{i}.test") for i in (1, 2)]
    offers = [
        Offer(shop=shop, url=f"https://s.test/{i}", title=title, price=Decimal(999))
        for i, (shop, title) in enumerate(zip(shops, (left, right), strict=True))
    ]
    session.add_all([*shops, *offers])
    session.flush()
    match_offers(session)
    return offers[0].product_id is not None and offers[0].product_id == offers[1].product_id


WAYS = {"baseline": by_baseline, "pairs": by_pairs, "cluster": by_cluster, "service": by_service}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the wrong pairs")
    parser.add_argument("--sets", default="a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t")
    args = parser.parse_args()
    print(f"{'set':4s} {'pairs':>5s}" + "".join(f" {w:>16s}" for w in WAYS))
    totals = dict.fromkeys(WAYS, (0, 0))
    wrong_lists: list[str] = []
    count = 0
    for name in args.sets.split(","):
        pairs = load(HERE / f"{name}.txt")
        count += len(pairs)
        cells = []
        for way, decide in WAYS.items():
            said = decide(pairs)
            fm = sum(1 for s, (_, _, one) in zip(said, pairs, strict=True) if s and not one)
            fs = sum(1 for s, (_, _, one) in zip(said, pairs, strict=True) if not s and one)
            cells.append(f"{fm + fs:4d} ({fm:3d} /{fs:3d})")
            totals[way] = (totals[way][0] + fm, totals[way][1] + fs)
            for s, (a, b, one) in zip(said, pairs, strict=True):
                if s != one and way != "baseline":
                    wrong_lists.append(f"  {name} {way:7s} {'FM' if s else 'FS'} {a} | {b}")
        print(f"{name:4s} {len(pairs):5d}" + "".join(f" {c:>16s}" for c in cells))
    cells = [f"{fm + fs:4d} ({fm:3d} /{fs:3d})" for fm, fs in totals.values()]
    print(f"{'all':4s} {count:5d}" + "".join(f" {c:>16s}" for c in cells))
    base = sum(totals["baseline"])
    print("wrong / baseline's: " + ", ".join(f"{w} {sum(totals[w]) / base:.2f}" for w in WAYS))
    if args.list:
        print("\n".join(wrong_lists))


if __name__ == "__main__":
    main()
