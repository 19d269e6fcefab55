"""The child side of `spiders.run.crawl`: `python -m spiders.run_child JOBFILE`.

One Scrapy process, one crawler per shop. Its imports come after the collector is paused
(`spiders.collector`), which is why this is its own module and not `spiders.run`'s main.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

from spiders import collector


def base_settings(job: dict[str, Any], now: str | None = None) -> Any:
    """The project settings with the caller's overrides (also the series child's)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    # The caller's log is the place for summaries; Scrapy's own lines only when asked.
    settings.set("LOG_LEVEL", os.environ.get("COMPARATEUR_LOG_LEVEL", "WARNING"), "project")
    settings.set("COMPARATEUR_DB_URL", job["db_url"], priority="cmdline")
    if now is not None:
        settings.set("COMPARATEUR_NOW", now, priority="cmdline")
    settings.setdict(job["settings"], priority="cmdline")
    return settings


def child_main(job_path: str) -> int:
    collector.pause()
    from scrapy.crawler import CrawlerProcess

    from spiders.spiders.shop import ShopSpider

    job = pickle.loads(Path(job_path).read_bytes())
    process = CrawlerProcess(base_settings(job, job["now"]))
    for shop in job["shops"]:
        process.crawl(ShopSpider, shop=shop, crawl_run_id=job["run_ids"][shop.slug])
    collector.settle()
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1]))
