"""`comparateur demo`: the whole loop on the embedded default, from nothing to a served site.

Starts the demo shops on 127.0.0.1, crawls them on 13 simulated days spread over more than
60 days (so product pages have a price history), matches offers into products after each
crawl, then serves the site. Running it again reuses the data: a day already crawled is
skipped, so nothing is duplicated.
"""

from __future__ import annotations

import secrets
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import click

# Crawl days sit on a fixed grid so that reruns find the same days (idempotent) and a rerun
# weeks later only adds the days that have passed since.
GRID_START = date(2025, 9, 1)
GRID_STEP = timedelta(days=6)
GRID_DAYS = 12


def crawl_days(today: date, count: int = GRID_DAYS) -> list[datetime]:
    """The last `count` grid days before today, then today: 13 crawls over about 72 days."""
    steps = (today - GRID_START).days // GRID_STEP.days
    if (today - GRID_START).days % GRID_STEP.days == 0:
        steps -= 1  # today is added below; keep the grid days strictly before it
    days = [GRID_START + GRID_STEP * (steps - i) for i in reversed(range(count))]
    return [datetime(d.year, d.month, d.day, 6, 0, tzinfo=UTC) for d in days] + [
        datetime(today.year, today.month, today.day, tzinfo=UTC)
    ]


def _crawled(factory, slugs: set[str], when: datetime) -> set[str]:  # type: ignore[no-untyped-def]
    """The shops that already have a finished crawl at `when`."""
    from sqlalchemy import select

    from catalog.models import CrawlRun, Shop

    with factory() as session:
        rows = session.execute(
            select(Shop.slug)
            .join(CrawlRun, CrawlRun.shop_id == Shop.id)
            .where(CrawlRun.started_at == when, CrawlRun.status == "finished")
        )
        return {slug for (slug,) in rows} & slugs


def _counts(factory) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from catalog.models import Offer, PriceObservation, Product

    with factory() as session:
        return {
            "products": session.scalar(select(func.count(Product.id))) or 0,
            "offers": session.scalar(select(func.count(Offer.id))) or 0,
            "matched": session.scalar(
                select(func.count(Offer.id)).where(Offer.product_id.is_not(None))
            )
            or 0,
            "observations": session.scalar(select(func.count(PriceObservation.id))) or 0,
        }


def _label(index: int, days: list[datetime]) -> str:
    return f"  passage {index + 1:2}/{len(days)} ({days[index]:%Y-%m-%d})"


DEMO_ADMIN = "admin@demo.comparateur.local"
DEMO_ADMIN_FILE = Path("var") / "demo-admin.txt"


def _demo_admin(factory) -> str:  # type: ignore[no-untyped-def]
    """An admin account for the editors' pages, its password kept in a private file."""
    from sqlalchemy import select

    from catalog import accounts
    from catalog.site_models import User

    with factory.begin() as session:
        if session.scalar(select(User.id).where(User.email == DEMO_ADMIN)) is not None:
            where = DEMO_ADMIN_FILE if DEMO_ADMIN_FILE.exists() else "comparateur users"
            return f"{DEMO_ADMIN} (mot de passe : {where})"
        password = secrets.token_urlsafe(12)
        accounts.create_user(session, DEMO_ADMIN, password, role="admin")
    DEMO_ADMIN_FILE.parent.mkdir(parents=True, exist_ok=True)
    DEMO_ADMIN_FILE.write_text(f"{DEMO_ADMIN}\n{password}\n", encoding="utf-8")
    DEMO_ADMIN_FILE.chmod(0o600)
    return f"{DEMO_ADMIN} / {password} (copie dans {DEMO_ADMIN_FILE})"


@click.command()
@click.option("--db", "db_url", default=None, help="Database URL (default: DATABASE_URL or var/).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--shops-base-port", default=8101, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Crawl and match, then stop without serving.")
def demo(db_url: str | None, host: str, port: int, shops_base_port: int, no_serve: bool) -> None:
    """Crawl the local demo shops over 13 simulated days, match, and serve the site."""
    from catalog.db import default_url, make_engine, make_session_factory
    from catalog.migrate import upgrade
    from comparateur.alerts_cmd import run_check
    from demoshops.clock import SimClock
    from demoshops.server import fixed_ports, start
    from spiders.series import crawl_series

    started = time.monotonic()
    url = db_url or default_url()
    click.echo(f"[1/4] Base de données : {url.split('@')[-1]}")
    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)

    days = crawl_days(datetime.now(UTC).date())
    clock = SimClock(days[0])
    try:
        shops = start(clock=clock, host="127.0.0.1", ports=fixed_ports(shops_base_port))
    except OSError as exc:
        raise click.ClickException(
            f"cannot start the demo shops on ports {shops_base_port}+ ({exc}); "
            "is another demo running? Use --shops-base-port."
        ) from exc
    slugs = {shop.slug for shop in shops.shops}
    urls = ", ".join(shops.url(slug) for slug in sorted(slugs))
    click.echo(f"[2/4] Boutiques de démonstration : {urls}")

    first, last = days[0], days[-1]
    click.echo(f"[3/4] Collecte : {len(days)} passages du {first:%d/%m/%Y} au {last:%d/%m/%Y}")
    ticks: dict[int, tuple[float, int]] = {}

    def before_round(index: int, day: datetime) -> list[Any]:
        todo = [shop for shop in shops.shops if shop.slug not in _crawled(factory, slugs, day)]
        if not todo:
            click.echo(f"{_label(index, days)} : déjà collecté")
            return []
        clock.set(day)  # the shops show that day's prices and stock
        ticks[index] = (time.monotonic(), len(todo))
        return todo

    def after_round(index: int, day: datetime, summaries: list[Any]) -> None:
        run_check(url, day, send=False)  # the demo has no mail server: events stay queued
        offers = sum(s.offers for s in summaries)
        failed = [s.shop for s in summaries if s.status != "finished"]
        note = f", ÉCHEC : {', '.join(failed)}" if failed else ""
        tick, count = ticks[index]
        click.echo(f"{_label(index, days)} : {count} boutiques, {offers} offres, "
                   f"{time.monotonic() - tick:.1f} s{note}")  # fmt: skip

    # One crawl process for every day (its start-up paid once); matching after each day.
    crawl_series(shops.shops, url, days, before_round=before_round, after_round=after_round,
                 match=True)  # fmt: skip

    counts = _counts(factory)
    admin = _demo_admin(factory)
    engine.dispose()
    click.echo(
        f"[4/4] Catalogue : {counts['products']} produits, {counts['offers']} offres "
        f"({counts['matched']} rattachées), {counts['observations']} relevés de prix "
        f"— prêt en {time.monotonic() - started:.0f} s"
    )
    if no_serve:
        shops.stop()
        return
    click.echo(f"\nLe site est prêt : http://{host}:{port}/  (Ctrl+C pour arrêter)")
    click.echo(f"Article avec le widget : http://{host}:{port}/article/h200")
    click.echo(f"Administration : http://{host}:{port}/admin  {admin}\n")
    try:
        _serve(host, port, db_url)
    finally:
        shops.stop()


def _serve(host: str, port: int, db_url: str | None) -> None:
    """`comparateur serve` in a process of its own until Ctrl+C or SIGTERM.

    gunicorn forks its workers from the process it runs in; forked from this one (the demo
    shops' threads, the crawl's state) they hung on a lock at exit, and Ctrl+C never ended.
    """
    command = [sys.executable, "-m", "comparateur", "serve", "--host", host,
               "--port", str(port), "--workers", "2", "--threads", "4"]  # fmt: skip
    if db_url:
        command += ["--db", db_url]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `finally` stops the site too
    site = subprocess.Popen(command)
    try:
        site.wait()
    except KeyboardInterrupt:
        pass  # the terminal sent the site the same Ctrl+C
    finally:
        if site.poll() is None:
            site.terminate()
            try:
                site.wait(timeout=40)
            except subprocess.TimeoutExpired:
                site.kill()
