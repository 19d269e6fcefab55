"""Crawl series: several crawl rounds, one after the other, in one Scrapy child process.

`crawl()` starts a child per call: Python, Scrapy and SQLAlchemy imports and Scrapy's set-up
cost a second or more each time. `crawl_series()` keeps one child for all rounds. The parent
drives it with a line protocol: one JSON line per round on the child's stdin (observation
time, shops, CrawlRun ids), one JSON line back on a pipe when the round's crawlers are done.
Between rounds the parent does what must see the round whole: the caller's `before_round`
(set a simulated clock, choose the shops), matching, and `after_round` (alerts, progress).

As with `crawl()`, the CrawlRun rows are created by the parent before each round; a round
whose child dies or runs past `timeout` leaves its runs failed with a message, the child is
replaced for the next round, and no crawl failure raises in the caller.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from catalog import persist
from catalog.db import make_engine, make_session_factory
from catalog.shopconfig import ShopConfig
from spiders.run import RunSummary, _match, _summaries, start_runs

logger = logging.getLogger(__name__)

STARTUP_LIMIT = 180.0  # seconds for a child to import and set up Scrapy (a loaded machine)
BeforeRound = Callable[[int, datetime], Sequence[ShopConfig] | None]
AfterRound = Callable[[int, datetime, list[RunSummary]], None]


class _Child:
    """One crawl process of the series: commands on its stdin, answers on a pipe."""

    def __init__(self, job: Path) -> None:
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "spiders.series_child", str(job), str(write_end)],
                stdin=subprocess.PIPE,
                pass_fds=(write_end,),
            )
        finally:
            os.close(write_end)
        self.answers = os.fdopen(read_end, "rb", buffering=0)
        self.pending = b""
        self.ready = False  # the child says so once Scrapy runs

    def run_round(self, command: dict[str, Any], timeout: float | None) -> str | None:
        """Sends one round and waits for its end; returns why it failed, or None.

        `timeout` counts from the moment the child is ready: its start-up (imports, Scrapy's
        set-up) has a limit of its own, STARTUP_LIMIT."""
        if not self.ready:
            late = f"crawl process killed: it did not start within {STARTUP_LIMIT:.0f} s"
            answer, failure = self._answer(time.monotonic() + STARTUP_LIMIT, late)
            if failure:
                return failure
            self.ready = True
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(command).encode() + b"\n")
            self.process.stdin.flush()
        except OSError as exc:
            return f"crawl process unreachable: {exc}"
        deadline = None if timeout is None else time.monotonic() + timeout
        late = "crawl process killed: it ran past its time limit"
        answer, failure = self._answer(deadline, late)
        return failure or answer.get("error")

    def _answer(self, deadline: float | None, late: str) -> tuple[dict[str, Any], str | None]:
        """The child's next line, or why there is none: it died, or was late (killed)."""
        while b"\n" not in self.pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.answers], [], [], left)
            if not ready:
                self.stop(kill=True)
                return {}, late
            chunk = self.answers.read(4096)
            if not chunk:  # the child closed the pipe: it died
                return {}, f"crawl process exited with code {self.process.wait()}"
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return json.loads(line), None

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()  # end of the series: the child stops its reactor
            except OSError:
                pass
        try:
            self.process.wait(timeout=None if kill else 60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.answers.close()


def crawl_series(
    shops: Sequence[ShopConfig],
    db_url: str,
    times: Sequence[datetime],
    *,
    before_round: BeforeRound | None = None,
    after_round: AfterRound | None = None,
    match: bool = False,
    settings: dict[str, Any] | None = None,
    timeout: float | None = None,
) -> list[list[RunSummary]]:
    """Crawls `shops` once at each of `times` (aware datetimes), in one child process.

    `before_round(index, when)` runs first in each round and may return the shops to crawl
    then (None: all of them; empty: the round is skipped). `after_round(index, when,
    summaries)` runs after the round's matching. `timeout` bounds each round. Returns the
    summaries of every round, in order ([] for a skipped round).
    """
    if any(when.tzinfo is None for when in times):
        raise ValueError("times must be timezone-aware")
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    results: list[list[RunSummary]] = []
    child: _Child | None = None
    with tempfile.TemporaryDirectory(prefix="comparateur-series-") as tmp:
        job = Path(tmp) / "job.pickle"
        job.write_bytes(pickle.dumps({"shops": list(shops), "db_url": db_url,
                                      "settings": dict(settings or {})}))  # fmt: skip
        try:
            for index, when in enumerate(times):
                chosen = before_round(index, when) if before_round else None
                todo = list(shops if chosen is None else chosen)
                if not todo:
                    results.append([])
                    continue
                if child is None or not child.alive():
                    child = _Child(job)
                summaries = _round(child, factory, todo, when, match, timeout)
                if not child.alive():
                    child.stop(kill=True)
                    child = None  # replaced at the next round
                results.append(summaries)
                if after_round:
                    after_round(index, when, summaries)
        finally:
            if child is not None:
                child.stop()
            engine.dispose()
    return results


def _round(child: _Child, factory: Any, shops: list[ShopConfig], when: datetime, match: bool,
           timeout: float | None) -> list[RunSummary]:  # fmt: skip
    """One round: CrawlRun rows, the crawl in the child, failed runs closed, matching."""
    run_ids = start_runs(factory, shops, when)
    started = time.monotonic()
    command = {"now": when.isoformat(), "shops": [s.slug for s in shops], "run_ids": run_ids}
    failure = child.run_round(command, timeout)
    if failure:
        logger.error("crawl round at %s failed: %s", when.isoformat(), failure)
    with factory.begin() as session:
        ended = when + timedelta(seconds=time.monotonic() - started)
        message = failure or "the crawl ended without closing this run"
        persist.fail_unfinished(session, list(run_ids.values()), ended, message)
    crawled = time.monotonic()
    if match:
        _match(factory, list(run_ids.values()))
    logger.info("round at %s: crawl %.1f s, matching %.1f s", when.isoformat(),
                crawled - started, time.monotonic() - crawled)  # fmt: skip
    return _summaries(factory, run_ids)
