"""The command-line contract: match-pairs, match-cluster, match and review."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from catalog.db import make_engine, make_session_factory
from catalog.migrate import upgrade
from catalog.models import MatchDecision, Offer, Product, Shop
from comparateur.cli import main


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_match_pairs_scores_every_row_in_order(tmp_path: Path) -> None:
    src = _write(
        tmp_path / "in.csv",
        ["id", "left_title", "right_title", "left_price", "right_price", "extra"],
        [
            ["p1", "Apple iPhone 16 128 Go Noir", "iPhone 16 (128GB) Black", "969", "979", "x"],
            ["p2", "ASUS TUF RTX 5090 32 Go", "ASUS TUF RTX 5080 16 Go", "", "", ""],
            ["p3", "Coque pour iPhone 16", "Apple iPhone 16 128 Go", "19", "969", ""],
            ["p4", "", "", "", "", ""],
        ],
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["match-pairs", str(src), str(out)])
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert [r["id"] for r in rows] == ["p1", "p2", "p3", "p4"]
    assert list(rows[0]) == ["id", "score", "match"]
    assert all(0.0 <= float(r["score"]) <= 1.0 and r["match"] in {"0", "1"} for r in rows)
    assert [r["match"] for r in rows[:3]] == ["1", "0", "0"]


def test_match_pairs_an_empty_title_is_no_match_unless_the_gtins_agree(tmp_path: Path) -> None:
    header = ["id", "left_title", "right_title", "left_gtin", "right_gtin"]
    iphone = "Apple iPhone 16 128 Go Noir"
    src = _write(
        tmp_path / "in.csv",
        header,
        [
            ["both", "", "", "", ""],
            ["one", iphone, "  ", "", ""],
            ["gtin", iphone, "", "0195949821318", "195949821318"],
        ],
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["match-pairs", str(src), str(out)])
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert [r["match"] for r in rows] == ["0", "0", "1"], rows
    assert float(rows[0]["score"]) <= 0.01 and float(rows[1]["score"]) <= 0.01


def test_match_pairs_variant_level_separates_colours(tmp_path: Path) -> None:
    src = _write(
        tmp_path / "in.csv",
        ["id", "left_title", "right_title"],
        [["1", "Apple iPhone 16 128 Go Noir", "Apple iPhone 16 128 Go Rose"]],
    )
    out = tmp_path / "out.csv"
    for level, expected in (("product", "1"), ("variant", "0")):
        result = CliRunner().invoke(main, ["match-pairs", str(src), str(out), "--level", level])
        assert result.exit_code == 0, result.output
        assert _read(out)[0]["match"] == expected


def test_malformed_input_gives_a_clear_error(tmp_path: Path) -> None:
    missing = _write(tmp_path / "m.csv", ["id", "left_title"], [["1", "x"]])
    result = CliRunner().invoke(main, ["match-pairs", str(missing), str(tmp_path / "o.csv")])
    assert result.exit_code != 0 and "right_title" in result.output
    assert "Traceback" not in result.output
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,title\n1,t\xe9l\xe9phone\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["match-cluster", str(latin), str(tmp_path / "o.csv")])
    assert result.exit_code != 0 and "UTF-8" in result.output
    assert "Traceback" not in result.output


def test_match_cluster_groups_products(tmp_path: Path) -> None:
    titles = [
        ("a", "Apple iPhone 16 128 Go Noir", "s1"),
        ("b", "iPhone 16 (128GB) - Black", "s2"),
        ("c", "Smartphone APPLE iPhone 16 128Go Blanc", "s3"),
        ("d", "Apple iPhone 16 256 Go Noir", "s1"),
        ("e", "Coque pour iPhone 16", "s2"),
    ]
    src = _write(tmp_path / "in.csv", ["id", "title", "shop"], [list(t) for t in titles])
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["match-cluster", str(src), str(out)])
    assert result.exit_code == 0, result.output
    product = {r["id"]: r["product"] for r in _read(out)}
    assert product["a"] == product["b"] == product["c"]
    assert len({product["a"], product["d"], product["e"]}) == 3


def test_match_and_review_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        shop = Shop(slug="s", name="S", domain="s.test")
        other = Shop(slug="t", name="T", domain="t.test")
        s.add_all([shop, other])
        s.flush()
        for i, title in enumerate(["Google Pixel 9 128 Go", "Pixel 9 128GB Obsidian"]):
            s.add(
                Offer(
                    shop=[shop, other][i], url=f"https://x/{i}", title=title, price=Decimal("899")
                )
            )
    runner = CliRunner()
    result = runner.invoke(main, ["match", "--db", url])
    assert result.exit_code == 0 and "assigned" in result.output, result.output
    with factory.begin() as s:
        offers = s.scalars(select(Offer).order_by(Offer.id)).all()
        first, second = offers
        s.add(MatchDecision(offer_id=second.id, product_id=first.product_id, status="pending"))
    result = runner.invoke(main, ["review", "list", "--db", url])
    assert result.exit_code == 0 and "Pixel 9 128GB" in result.output
    with factory() as s:
        decision_id = s.scalars(select(MatchDecision.id)).one()
    result = runner.invoke(main, ["review", "reject", str(decision_id), "--db", url])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["review", "reject", str(decision_id), "--db", url])
    assert result.exit_code != 0 and "already rejected" in result.output
    with factory() as s:
        a, b = s.scalars(select(Offer).order_by(Offer.id)).all()
        assert b.match_locked and b.match_method == "human" and a.product_id != b.product_id
        keep, gone = a.product_id, b.product_id
    result = runner.invoke(main, ["review", "merge", str(keep), str(gone), "--db", url])
    assert result.exit_code == 0, result.output
    with factory() as s:
        assert {o.product_id for o in s.scalars(select(Offer))} == {keep}
        assert s.get(Product, gone) is None
    result = runner.invoke(main, ["review", "split", str(b.id), "--db", url])
    assert result.exit_code == 0, result.output
    engine.dispose()
