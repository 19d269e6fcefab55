"""`comparateur schedule`: crawl each shop on its own interval or cron expression."""

from __future__ import annotations

from datetime import timedelta

import click

from comparateur.crawl_cmd import crawl_and_alert, scrapy_log_level


@click.command()
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    help="Shop file (default: shops.toml, else demoshops/shops.toml).",
)
@click.option("--once", is_flag=True, help="Crawl the shops due now, wait for them, and stop.")
@click.option(
    "--match/--no-match",
    default=True,
    show_default=True,
    help="Match the offers seen into products after each crawl.",
)
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.option(
    "--lock-timeout",
    default=120,
    show_default=True,
    type=click.IntRange(1),
    help="Minutes after which a crawl still marked running is taken as dead.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Shops crawled at the same time (each in its own process).",
)
def schedule(config: str | None, once: bool, match: bool, db_url: str | None,
             lock_timeout: int, workers: int) -> None:  # fmt: skip
    """Run the crawl scheduler (Ctrl-C stops it after the crawls under way)."""
    from catalog.db import default_url
    from catalog.shopconfig import ConfigError
    from spiders.run import default_config_path, load_shops
    from spiders.schedule import Scheduler

    path = config or str(default_config_path())
    try:
        shops = load_shops(path)
    except (ConfigError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    url = db_url or default_url()
    options = {"match": match, "settings": {"LOG_LEVEL": scrapy_log_level()}}
    scheduler = Scheduler(shops, url, crawl=crawl_and_alert, crawl_options=options,
                          workers=workers,
                          lock_timeout=timedelta(minutes=lock_timeout))  # fmt: skip
    click.echo(f"scheduling {len(shops)} shop(s) from {path} into {url.split('@')[-1]}")
    try:
        scheduler.run(once=once)
        if once:
            for slug, last in sorted(scheduler.last_runs().items()):
                click.echo(f"{slug:24} {last.status:8} last crawl {last.started_at:%Y-%m-%d %H:%M}")
    except KeyboardInterrupt:
        click.echo("stopping after the crawls under way")
    finally:
        scheduler.close()
