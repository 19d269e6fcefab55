"""The child side of `spiders.series.crawl_series`: `python -m spiders.series_child JOB FD`.

One Scrapy process (asyncio reactor) for a whole series. Each line on stdin is a round:
`{"now": ISO time, "shops": [slug, ...], "run_ids": {slug: id}}`; the round's crawlers
(one per shop, with COMPARATEUR_NOW set to that time) run concurrently, and when all are done
`{"done": true}` (or `{"error": "..."}`) is written as one line to file descriptor FD, after a
first `{"ready": true}` once Scrapy runs. End of stdin ends the process.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from spiders import collector
from spiders.run_child import base_settings

logger = logging.getLogger(__name__)


async def run_round(process: Any, job: dict[str, Any], command: dict[str, Any]) -> str | None:
    """Crawls the round's shops at its time; returns an error message, or None."""
    from scrapy.crawler import Crawler

    from spiders.spiders.shop import ShopSpider

    shops = {shop.slug: shop for shop in job["shops"]}
    tasks = []
    for slug in command["shops"]:
        crawler = Crawler(ShopSpider, process.settings)  # a copy of its own (deep: ~30 ms)
        crawler.settings.set("COMPARATEUR_NOW", command["now"], priority="cmdline")
        tasks.append(
            process.crawl(crawler, shop=shops[slug], crawl_run_id=command["run_ids"][slug])
        )
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    errors = [repr(o) for o in outcomes if isinstance(o, BaseException)]
    return "; ".join(errors)[:2000] or None


async def serve(process: Any, job: dict[str, Any], answers: Any) -> None:
    """Reads rounds from stdin until it closes, answering each on `answers`."""
    loop = asyncio.get_running_loop()
    answers.write(b'{"ready": true}\n')
    try:
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line.strip():
                break
            try:
                error = await run_round(process, job, json.loads(line))
            except Exception as exc:  # noqa: BLE001 - reported to the parent, the series goes on
                logger.exception("crawl round failed")
                error = repr(exc)[:2000]
            answers.write(json.dumps({"done": error is None, "error": error}).encode() + b"\n")
            answers.flush()
    finally:
        from twisted.internet import reactor

        reactor.callLater(0, reactor.stop)  # type: ignore[attr-defined]


def child_main(job_path: str, fd: int) -> int:
    collector.pause()
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.defer import deferred_from_coro

    job = pickle.loads(Path(job_path).read_bytes())
    process = AsyncCrawlerProcess(base_settings(job))  # installs the asyncio reactor
    from twisted.internet import reactor

    answers = os.fdopen(fd, "wb", buffering=0)
    reactor.callWhenRunning(  # type: ignore[attr-defined]
        lambda: deferred_from_coro(serve(process, job, answers))
    )
    collector.settle()  # the crawlers of each round are built later, but Scrapy is loaded
    process.start(stop_after_crawl=False)
    answers.close()
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1], int(sys.argv[2])))
