"""`comparateur match`, `match-pairs`, `match-cluster`, `match-eval`: the matcher from the shell."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

LEVEL = click.option(
    "--level",
    type=click.Choice(["product", "variant"]),
    default="product",
    show_default=True,
    help="product: colour is a variant of one product; variant: colour and pack size count too.",
)
PAIR_COLUMNS = ("id", "left_title", "right_title")
CLUSTER_COLUMNS = ("id", "title")
CROSS = click.option(
    "--cross",
    is_flag=True,
    help="Blend in the fine-tuned cross-encoder: better on some sets, 20-65 pairs/s "
    "(`make cross` installs what it needs).",
)


def _check_cross(cross: bool) -> None:
    if cross:
        from matching.cross import unavailable

        reason = unavailable()
        if reason:
            raise click.ClickException(f"--cross: {reason}")


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal, nothing when the output is redirected."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


def _read(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    from matching.io import InputError, read_rows

    try:
        return read_rows(path, required)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("match-pairs")
@click.argument("input_csv", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("output_csv", type=click.Path(path_type=Path, dir_okay=False))
@LEVEL
@CROSS
def match_pairs(input_csv: Path, output_csv: Path, level: str, cross: bool) -> None:
    """Score the pairs of INPUT_CSV (id, left_title, right_title, ...) into OUTPUT_CSV.

    OUTPUT_CSV has one row per input row, same order: id,score,match.
    """
    from matching.io import write_rows
    from matching.model import load_model
    from matching.pairs import pair_threshold, score_pairs

    _check_cross(cross)
    rows = _read(input_csv, PAIR_COLUMNS)
    model = load_model()
    threshold = pair_threshold(model, cross=cross)
    start = time.perf_counter()
    with _progress(len(rows) * (2 if cross else 1), "scoring pairs") as update:
        scores = score_pairs(rows, level, model, update, cross=cross)
    write_rows(
        output_csv,
        ("id", "score", "match"),
        ((r["id"], f"{s:.4f}", int(s >= threshold)) for r, s in zip(rows, scores, strict=True)),
    )
    took = time.perf_counter() - start
    click.echo(
        f"{len(rows)} pairs scored in {took:.1f}s, {sum(s >= threshold for s in scores)} matches",
        err=True,
    )


@click.command("match-cluster")
@click.argument("input_csv", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("output_csv", type=click.Path(path_type=Path, dir_okay=False))
@LEVEL
def match_cluster(input_csv: Path, output_csv: Path, level: str) -> None:
    """Group the offers of INPUT_CSV (id, title, ...) into products: OUTPUT_CSV is id,product."""
    from matching.cluster import cluster_rows
    from matching.io import write_rows

    rows = _read(input_csv, CLUSTER_COLUMNS)
    start = time.perf_counter()
    with _progress(len(rows) * 6, "clustering offers") as update:
        labels = cluster_rows(rows, level, progress=update)
    write_rows(
        output_csv, ("id", "product"), ((r["id"], p) for r, p in zip(rows, labels, strict=True))
    )
    took = time.perf_counter() - start
    click.echo(f"{len(rows)} offers -> {len(set(labels))} products in {took:.1f}s", err=True)


@click.command("match-eval")
@click.option("--only", default="", help="Only the sets whose name contains this text.")
@CROSS
def match_eval(only: str, cross: bool) -> None:
    """Precision, recall and F1 on every development set in ../shared/data/matching."""
    from matching.evaluate import run_all

    _check_cross(cross)
    for line in run_all(only, cross):
        click.echo(line)


@click.command("match")
@click.option("--db", "url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.option("--offer", "offer_ids", type=int, multiple=True, help="Only these offer ids.")
def match(url: str | None, offer_ids: tuple[int, ...]) -> None:
    """Give every offer without a product (or the listed ones) its product."""
    from catalog.db import make_engine, make_session_factory
    from matching.service import match_offers

    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        report = match_offers(session, offer_ids=offer_ids or None)
    engine.dispose()
    click.echo(
        f"assigned {report.assigned}, new products {report.created}, "
        f"for review {report.review}, untouched {report.untouched}"
    )
