"""`comparateur serve` (the site) and `comparateur export` (CSV files from the command line)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn workers.")
@click.option("--threads", default=4, show_default=True, type=int, help="Threads per worker.")
@click.option("--dev", is_flag=True, help="Use the Werkzeug development server.")
def serve(host: str, port: int, db_url: str | None, workers: int, threads: int, dev: bool) -> None:
    """Serve the site: gunicorn (workers + threads) when available, else Werkzeug."""
    from webapp import create_app

    config: dict[str, Any] = {"DATABASE_URL": db_url} if db_url else {}
    app = create_app(config)
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        dev = True
    if dev or sys.platform == "win32":
        click.echo(f"Comparateur on http://{host}:{port}/ (Werkzeug)")
        app.run(host=host, port=port, threaded=True)
        return

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", "-")

        def load(self) -> Any:
            return app

    click.echo(f"Comparateur on http://{host}:{port}/ (gunicorn, {workers}x{threads})")
    Server().run()


def _day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), time(0), tzinfo=UTC)
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@click.command()
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.option("--product", "product_id", type=int, help="Price history of one product.")
@click.option("--search", "query", help="Products matching a search.")
@click.option("--category", help="Products of a category (or, with --from/--to, its prices).")
@click.option("--from", "start", help="Price observations from this day (YYYY-MM-DD, UTC).")
@click.option("--to", "end", help="...to this day included.")
@click.option("--bom", is_flag=True, help="Start with a UTF-8 BOM (Excel).")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-")
def export(
    db_url: str | None,
    product_id: int | None,
    query: str | None,
    category: str | None,
    start: str | None,
    end: str | None,
    bom: bool,
    base_url: str,
    output: Any,
) -> None:
    """Write a CSV: a product's history, search results, a category, or a date range."""
    from catalog.db import make_engine, make_session_factory
    from catalog.queries import category_summaries, history_rows
    from catalog.search import Filters, search
    from webapp.csvstream import (
        HISTORY_COLUMNS,
        PRODUCT_COLUMNS,
        history_values,
        product_values,
        rows_to_csv,
    )

    engine = make_engine(db_url)
    page = base_url.rstrip("/") + "/product/{}"
    with make_session_factory(engine)() as session:
        if product_id is not None or start or end:
            since, until = _day(start), _day(end)
            rows = history_values(
                history_rows(
                    session,
                    product_id=product_id,
                    since=since,
                    until=until + timedelta(days=1) if until else None,
                    category=category,
                )
            )
            chunks = rows_to_csv(HISTORY_COLUMNS, rows, bom=bom)
        elif query is not None:
            result = search(session, query, Filters(category=category), limit=100_000)
            values = product_values([h.summary for h in result.hits], page.format)
            chunks = rows_to_csv(PRODUCT_COLUMNS, values, bom=bom)
        elif category:
            values = product_values(category_summaries(session, category), page.format)
            chunks = rows_to_csv(PRODUCT_COLUMNS, values, bom=bom)
        else:
            raise click.UsageError("give --product, --search, --category or --from/--to")
        for chunk in chunks:
            output.write(chunk)
    engine.dispose()
