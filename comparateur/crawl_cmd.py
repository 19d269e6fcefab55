"""`comparateur crawl`: crawl configured shops into the catalog once, now or at a given time."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import click

logger = logging.getLogger(__name__)


def scrapy_log_level() -> str:
    """The crawl's log level follows `comparateur -v`: warnings by default."""
    level = logging.getLogger().getEffectiveLevel()
    return "DEBUG" if level <= logging.DEBUG else "INFO" if level <= logging.INFO else "WARNING"


def parse_at(value: str | None) -> datetime | None:
    """ISO 8601; a time without an offset is taken as UTC."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 date-time: {value!r}") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def crawl_and_alert(shops, db_url: str, *, now: datetime | None = None, alerts: bool = True,
                    **options):  # type: ignore[no-untyped-def]  # fmt: skip
    """Crawl, then check readers' alerts and webhooks against what the crawl found.

    An alert failure is logged and never loses the crawl; mails that cannot be sent stay queued.
    """
    from catalog.types import utcnow
    from comparateur.alerts_cmd import run_check
    from spiders.run import crawl as run_crawl

    now = now or utcnow()
    summaries = run_crawl(shops, db_url, now=now, **options)
    if alerts and any(summary.status == "finished" for summary in summaries):
        try:
            run_check(db_url, now, send=True)
        except Exception:  # noqa: BLE001 - alerts trouble must not fail the crawl
            logger.exception("alert check after the crawl failed")
    return summaries


def summary_line(summary) -> str:  # type: ignore[no-untyped-def]
    dropped = ", ".join(f"{reason}={count}" for reason, count in sorted(summary.dropped.items()))
    line = (
        f"{summary.shop:24} {summary.status:8} {summary.pages:6} pages {summary.offers:6} offers "
        f"{summary.errors:4} errors"
    )
    if dropped:
        line += f"  dropped: {dropped}"
    if summary.status != "finished" and summary.message:
        line += f"\n{'':24} {summary.message}"
    return line


@click.command()
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    help="Shop file (default: shops.toml, else demoshops/shops.toml).",
)
@click.option("--shop", "slugs", multiple=True, help="Only this shop (repeatable).")
@click.option("--at", "at", default=None, help="Observation time, ISO 8601 (default: now, UTC).")
@click.option(
    "--match/--no-match",
    default=True,
    show_default=True,
    help="Match the offers seen into products afterwards (when matching is installed).",
)
@click.option(
    "--alerts/--no-alerts",
    default=True,
    show_default=True,
    help="Check readers' alerts and webhooks afterwards.",
)
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL or var/).")
def crawl(config: str | None, slugs: tuple[str, ...], at: str | None, match: bool, alerts: bool,
          db_url: str | None) -> None:  # fmt: skip
    """Crawl the configured shops once and print a line per shop."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from catalog.db import default_url
    from catalog.shopconfig import ConfigError
    from spiders.run import default_config_path, load_shops

    path = config or str(default_config_path())
    try:
        shops = load_shops(path, slugs)
    except (ConfigError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    url = db_url or default_url()
    click.echo(f"crawling {len(shops)} shop(s) from {path} into {url.split('@')[-1]}")
    try:
        summaries = crawl_and_alert(shops, url, now=parse_at(at), match=match, alerts=alerts,
                                    settings={"LOG_LEVEL": scrapy_log_level()})  # fmt: skip
    except (OperationalError, ProgrammingError) as exc:
        raise click.ClickException(
            f"database not ready ({exc.orig}); run `comparateur db upgrade` first"
        ) from exc
    for summary in summaries:
        click.echo(summary_line(summary))
    if any(summary.status != "finished" for summary in summaries):
        raise SystemExit(1)
