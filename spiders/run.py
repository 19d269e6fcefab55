"""The run API: crawl configured shops into the catalog, as often as you like from one process.

Twisted's reactor cannot be restarted, so each `crawl()` call runs Scrapy in a child process
(`python -m spiders.run_child JOBFILE`), all shops concurrently in that one process. The
CrawlRun rows are created here first and handed to the child: if the child dies, they are marked
failed here, so a crash gives failed runs and never an exception in the caller.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from catalog import persist
from catalog.db import make_engine, make_session_factory
from catalog.models import CrawlRun
from catalog.shopconfig import ShopConfig, load
from catalog.types import utcnow

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class RunSummary:
    """What one shop's crawl did (the CrawlRun row, read back)."""

    shop: str
    crawl_run_id: int
    status: str
    pages: int = 0
    offers: int = 0
    errors: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    message: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


DEMO_CONFIG = ROOT / "demoshops" / "shops.toml"


def default_config_path() -> Path:
    """`shops.toml` in the working directory or at the repo root, else the demo shops' file."""
    for candidate in (Path("shops.toml"), ROOT / "shops.toml"):
        if candidate.exists():
            return candidate
    return DEMO_CONFIG


def config_variables(path: str | Path) -> dict[str, str]:
    """`${NAME}` values for a configuration file: the environment; for the demo shops' file,
    their fixed ports (`comparateur demoshops serve`) unless the environment says otherwise."""
    variables: dict[str, str] = {}
    if Path(path).resolve() == DEMO_CONFIG.resolve():
        from demoshops.server import fixed_ports, shop_variables

        variables.update(shop_variables("127.0.0.1", fixed_ports()))
    variables.update(os.environ)
    return variables


def load_shops(path: str | Path | None = None, slugs: Sequence[str] = ()) -> list[ShopConfig]:
    """Shops from a configuration file, optionally only those of `slugs`."""
    path = path or default_config_path()
    shops = load(path, variables=config_variables(path))
    if slugs:
        unknown = set(slugs) - {shop.slug for shop in shops}
        if unknown:
            raise ValueError(f"unknown shop(s): {', '.join(sorted(unknown))}")
        shops = [shop for shop in shops if shop.slug in slugs]
    return shops


def start_runs(factory: Any, shops: Sequence[ShopConfig], when: datetime) -> dict[str, int]:
    """A CrawlRun per shop (its Shop row upserted), committed: slug -> run id."""
    with factory.begin() as session:
        run_ids = {}
        for shop in shops:
            row = persist.upsert_shop(session, shop)
            run_ids[shop.slug] = persist.start_run(session, row.id, "shop", when).id
    return run_ids


def crawl(
    shops: list[ShopConfig],
    db_url: str,
    *,
    now: datetime | None = None,
    settings: dict[str, Any] | None = None,
    match: bool = False,
    timeout: float | None = None,
    processes: int = 1,
) -> list[RunSummary]:
    """Crawls `shops` into `db_url`, observing prices at `now` (default: the real UTC now).

    `settings` overrides Scrapy settings for this call (highest priority). The shops are
    crawled concurrently in one Scrapy process, or spread over `processes` child processes
    (measured on the demo: on a busy 2-core machine one process was faster, and cheaper in
    CPU, than two). `timeout` kills the crawl after that many seconds. Returns one summary
    per shop; never raises because a crawl failed.
    """
    if not shops:
        return []
    now = now or utcnow()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    try:
        run_ids = start_runs(factory, shops, now)
        started = time.monotonic()
        count = max(1, min(len(shops), processes or 1))
        groups = [shops[i::count] for i in range(count)]
        failures = _run_children(groups, db_url, now, run_ids, settings or {}, timeout)
        # Runs a child could not close (it died, or a crawler failed to open) are failed.
        with factory.begin() as session:
            ended = now + timedelta(seconds=time.monotonic() - started)
            for group, failure in zip(groups, failures, strict=True):
                if failure:
                    logger.error("crawl process failed: %s", failure)
                message = failure or "the crawl ended without closing this run"
                persist.fail_unfinished(session, [run_ids[s.slug] for s in group], ended, message)
        if match:
            _match(factory, list(run_ids.values()))
        return _summaries(factory, run_ids)
    finally:
        engine.dispose()


def _summaries(factory: Any, run_ids: dict[str, int]) -> list[RunSummary]:
    """The CrawlRun rows of `run_ids` (slug -> id), read back as summaries in that order."""
    with factory() as session:
        query = select(CrawlRun).where(CrawlRun.id.in_(list(run_ids.values())))
        runs = {run.id: run for run in session.scalars(query)}
        return [_summary(slug, runs[run_id]) for slug, run_id in run_ids.items()]


def _summary(slug: str, run: CrawlRun) -> RunSummary:
    return RunSummary(shop=slug, crawl_run_id=run.id, status=run.status, pages=run.pages,
                      offers=run.offers, errors=run.errors, dropped=dict(run.dropped or {}),
                      message=run.message, started_at=run.started_at,
                      finished_at=run.finished_at)  # fmt: skip


def _run_children(groups: list[list[ShopConfig]], db_url: str, now: datetime,
                  run_ids: dict[str, int], settings: dict[str, Any],
                  timeout: float | None) -> list[str | None]:  # fmt: skip
    """Runs one child process per group at the same time; returns why each failed, or None."""
    with tempfile.TemporaryDirectory(prefix="comparateur-crawl-") as tmp:
        children: list[subprocess.Popen[bytes] | str] = []
        for index, group in enumerate(groups):
            job = {"shops": group, "db_url": db_url, "now": now.isoformat(), "run_ids": run_ids,
                   "settings": settings}  # fmt: skip
            path = Path(tmp) / f"job{index}.pickle"
            path.write_bytes(pickle.dumps(job))
            try:
                command = [sys.executable, "-m", "spiders.run_child", str(path)]
                children.append(subprocess.Popen(command))
            except OSError as exc:
                children.append(f"crawl process could not start: {exc}")
        deadline = None if timeout is None else time.monotonic() + timeout
        return [_wait(child, deadline) for child in children]


def _wait(child: subprocess.Popen[bytes] | str, deadline: float | None) -> str | None:
    if isinstance(child, str):
        return child
    try:
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        code = child.wait(timeout=left)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        return "crawl process killed: it ran past its time limit"
    return None if code == 0 else f"crawl process exited with code {code}"


def _match(factory: Any, run_ids: list[int]) -> None:
    """Hands the offers just seen to the matcher, when the matching service exists."""
    if importlib.util.find_spec("matching.service") is None:
        logger.info("matching.service not available: offers left unmatched")
        return
    try:
        from matching.service import match_offers

        with factory.begin() as session:
            offer_ids = persist.offer_ids_of_runs(session, run_ids)
            if offer_ids:
                match_offers(session, offer_ids=offer_ids)
    except Exception:  # noqa: BLE001 - matching trouble must not lose the crawl
        logger.exception("matching after the crawl failed")
