"""Admin pages for editors: the dashboard, crawl runs per shop, starting a crawl, shops."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select

from catalog import shopconfig
from catalog.models import CrawlRun, MatchDecision, Offer, Shop
from catalog.site_models import Alert, WebhookDelivery
from webapp.admin import bp
from webapp.admin.auth import record
from webapp.admin.context import now
from webapp.db import get_session

log = logging.getLogger(__name__)

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
RUNNING_TIMEOUT = timedelta(hours=2)
# Crawls started from this process, by shop slug: polled so that finished children are reaped.
_CHILDREN: dict[str, subprocess.Popen[bytes]] = {}


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    db = get_session()
    pending = db.scalar(select(func.count()).where(MatchDecision.status == "pending"))
    rows = db.execute(select(Alert.status, func.count()).group_by(Alert.status))
    alert_counts = {status: count for status, count in rows}
    failed_hooks = db.scalar(select(func.count()).where(WebhookDelivery.status == "failed"))
    runs = db.scalars(select(CrawlRun).order_by(CrawlRun.started_at.desc()).limit(10)).all()
    return render_template(
        "admin/dashboard.html",
        pending=pending or 0,
        alert_counts=alert_counts,
        failed_hooks=failed_hooks or 0,
        runs=runs,
    )


@bp.get("/crawls")
def crawls() -> ResponseReturnValue:
    db = get_session()
    _reap()
    slug = request.args.get("shop") or None
    shops = db.scalars(select(Shop).order_by(Shop.slug)).all()
    query = select(CrawlRun).join(Shop).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
    if slug:
        query = query.where(Shop.slug == slug)
    runs = db.scalars(query.limit(100)).all()
    last: dict[int, CrawlRun] = {}
    for run in db.scalars(select(CrawlRun).order_by(CrawlRun.started_at)):
        last[run.shop_id] = run
    configured = [s.slug for s in _configured_shops()[0]]
    startable = sorted(set(configured) | {s.slug for s in shops})
    return render_template(
        "admin/crawls.html",
        shops=shops,
        runs=runs,
        last=last,
        slug=slug,
        startable=startable,
        running={s for s, p in _CHILDREN.items() if p.poll() is None},
    )


@bp.get("/crawls/<int:run_id>")
def crawl_run(run_id: int) -> ResponseReturnValue:
    run = get_session().get(CrawlRun, run_id)
    if run is None:
        abort(404)
    return render_template("admin/crawl_run.html", run=run)


@bp.post("/crawls/start")
def start_crawl() -> ResponseReturnValue:
    slug = (request.form.get("shop") or "").strip()
    configured = {s.slug for s in _configured_shops()[0]}
    known = configured | set(get_session().scalars(select(Shop.slug)))
    if not SLUG.match(slug) or slug not in known:
        abort(400, description="Boutique inconnue.")
    _reap()
    if slug in _CHILDREN or _running_in_db(slug):
        flash(f"Un crawl de {slug} est déjà en cours.", "error")
        return redirect(url_for("admin.crawls", shop=slug))
    command = [*current_app.config.get("CRAWL_COMMAND", _default_command()), "--shop", slug]
    if current_app.config.get("SHOPS_CONFIG"):
        command += ["--config", str(current_app.config["SHOPS_CONFIG"])]
    database = current_app.config.get("DATABASE_URL")
    if database and current_app.config.get("CRAWL_PASS_DB", True):
        command += ["--db", database]
    logs = Path(current_app.config.get("CRAWL_LOG_DIR", "var/crawl-logs"))
    logs.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%dT%H%M%S")
    with open(logs / f"{slug}-{stamp}.log", "ab") as out:
        # A child process of its own: Scrapy's reactor never runs inside the web worker.
        _CHILDREN[slug] = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env=os.environ.copy(),
        )
    # Not the command line itself: it holds the database URL (and maybe its password).
    record("crawl.start", target_type="shop", target_id=slug, after={"pid": _CHILDREN[slug].pid})
    get_session().commit()
    flash(f"Crawl de {slug} lancé en arrière-plan.", "info")
    return redirect(url_for("admin.crawls", shop=slug))


@bp.get("/shops")
def shops() -> ResponseReturnValue:
    configs, error, path = _configured_shops()
    db = get_session()
    rows = db.execute(select(Shop.slug, func.count(Offer.id)).join(Offer).group_by(Shop.slug))
    offers = {slug: count for slug, count in rows}
    return render_template(
        "admin/shops.html", configs=configs, error=error, path=path, offers=offers
    )


def _default_command() -> list[str]:
    return [sys.executable, "-m", "comparateur", "crawl"]


def _reap() -> None:
    for slug, child in list(_CHILDREN.items()):
        if child.poll() is not None:
            del _CHILDREN[slug]


def _running_in_db(slug: str) -> bool:
    query = (
        select(func.count())
        .select_from(CrawlRun)
        .join(Shop)
        .where(
            Shop.slug == slug,
            CrawlRun.status == "running",
            CrawlRun.started_at > now() - RUNNING_TIMEOUT,
        )
    )
    return bool(get_session().scalar(query))


def shops_config_path() -> Path | None:
    configured = current_app.config.get("SHOPS_CONFIG")
    if configured:
        return Path(configured)
    root = Path(current_app.root_path).parent
    for candidate in (root / "shops.toml", root / "demoshops" / "shops.toml"):
        if candidate.exists():
            return candidate
    return None


def _configured_shops() -> tuple[list[shopconfig.ShopConfig], str | None, Path | None]:
    """The shop configuration file read with `catalog.shopconfig.load`, or the error it gave."""
    path = shops_config_path()
    if path is None:
        return [], None, None
    variables: dict[str, Any] = {"HOST": "127.0.0.1"}
    if path.parent.name == "demoshops":
        # The demo file's ports: the fixed ones `comparateur demo` serves them on.
        from demoshops.server import fixed_ports, shop_variables

        variables.update(shop_variables("127.0.0.1", fixed_ports()))
    variables.update(current_app.config.get("SHOPS_VARIABLES") or {})
    variables.update(os.environ)
    try:
        return shopconfig.load(path, {k: str(v) for k, v in variables.items()}), None, path
    except (shopconfig.ConfigError, OSError) as exc:
        return [], str(exc), path
