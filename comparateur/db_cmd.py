"""`comparateur db ...`: schema migrations."""

from __future__ import annotations

import click

from catalog.db import default_url


@click.group()
def db() -> None:
    """Database schema (Alembic migrations)."""


@db.command()
@click.option("--url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.argument("revision", default="heads")
def upgrade(url: str | None, revision: str) -> None:
    """Bring the schema to REVISION (default: the latest)."""
    from catalog.migrate import upgrade as run_upgrade

    target = url or default_url()
    run_upgrade(target, revision)
    click.echo(f"schema at {revision}: {target.split('@')[-1]}")
