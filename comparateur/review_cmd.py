"""`comparateur review`: the matching review queue (list, accept, reject, split, merge)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlalchemy.orm import Session

DB = click.option("--db", "url", default=None, help="Database URL (default: DATABASE_URL or var/).")
WHO = click.option(
    "--by", "who", default="cli", show_default=True, help="Who decides (kept in the record)."
)


@contextmanager
def _session(url: str | None) -> Iterator[Session]:
    from catalog.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        with make_session_factory(engine).begin() as session:
            yield session
    finally:
        engine.dispose()


def _run(url: str | None, action: Callable[[Session], Any]) -> Any:
    from matching.review import ReviewError

    try:
        with _session(url) as session:
            return action(session)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
def review() -> None:
    """Uncertain matches waiting for a human, and the human corrections."""


@review.command("list")
@DB
@click.option("--limit", default=50, show_default=True)
def list_cmd(url: str | None, limit: int) -> None:
    """Pending decisions, most uncertain first."""
    from matching.review import list_pending

    def show(session: Session) -> None:
        pending = list_pending(session, limit)
        if not pending:
            click.echo("no pending decision")
        for d in pending:
            product = d.product.name if d.product else "-"
            click.echo(f"#{d.id} score {d.score or 0:.2f}  offer {d.offer_id}: {d.offer.title}")
            click.echo(f"      -> product {d.product_id}: {product}")
            conflicts = (d.evidence or {}).get("conflicts")
            if conflicts:
                click.echo(f"      conflicts: {', '.join(conflicts)}")

    _run(url, show)


@review.command()
@click.argument("decision_id", type=int)
@DB
@WHO
def accept(decision_id: int, url: str | None, who: str) -> None:
    """The offer is the proposed product."""
    from matching.review import accept as do

    offer = _run(url, lambda s: do(s, decision_id, who))
    click.echo(f"offer {offer.id} -> product {offer.product_id} (locked)")


@review.command()
@click.argument("decision_id", type=int)
@DB
@WHO
def reject(decision_id: int, url: str | None, who: str) -> None:
    """The offer is not the proposed product: it gets its own."""
    from matching.review import reject as do

    offer = _run(url, lambda s: do(s, decision_id, who))
    click.echo(f"offer {offer.id} -> new product {offer.product_id} (locked)")


@review.command()
@click.argument("offer_id", type=int)
@DB
@WHO
def split(offer_id: int, url: str | None, who: str) -> None:
    """Take OFFER_ID out of its product into a product of its own."""
    from matching.review import split as do

    product = _run(url, lambda s: do(s, offer_id, who))
    click.echo(f"offer {offer_id} -> new product {product.id} (locked)")


@review.command()
@click.argument("keep_id", type=int)
@click.argument("other_id", type=int)
@DB
@WHO
def merge(keep_id: int, other_id: int, url: str | None, who: str) -> None:
    """Move every offer of product OTHER_ID into KEEP_ID and delete OTHER_ID."""
    from matching.review import merge as do

    _run(url, lambda s: do(s, keep_id, other_id, who))
    click.echo(f"product {other_id} merged into {keep_id}")
