"""`comparateur demoshops serve`: the simulated shops in the foreground."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import click


@click.group()
def demoshops() -> None:
    """The local demo shops (simulated, over real HTTP on 127.0.0.1)."""


def _parse_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@demoshops.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--base-port", default=8101, show_default=True, help="First port; one per shop.")
@click.option("--at", "at", default=None, help="Serve the prices of this ISO date-time (UTC).")
def serve(host: str, base_port: int, at: str | None) -> None:
    """Serve every demo shop until interrupted (Ctrl-C)."""
    from demoshops.clock import SimClock
    from demoshops.server import fixed_ports, start

    try:
        when = _parse_at(at)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--at") from exc
    clock = SimClock(when) if when else None
    running = start(clock=clock, host=host, ports=fixed_ports(base_port))
    for shop in running.shops:
        feeds = ", ".join(f"{f.format} {f.url}" for f in shop.feeds)
        click.echo(f"{shop.slug:20} {shop.url}  {shop.extraction}{'  ' + feeds if feeds else ''}")
    click.echo("serving prices of " + (when.isoformat() if when else "today (real clock)"))
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
