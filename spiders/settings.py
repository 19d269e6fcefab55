"""Scrapy settings for `scrapy crawl` (via scrapy.cfg) and for the run API (`spiders.run`).

Polite by default: an honest user agent with a contact, robots.txt obeyed, AutoThrottle on,
few requests per domain. Each shop's `[politeness]` table overrides the per-domain part (see
`spiders.spiders.shop.politeness_settings`); loopback demo shops ask to be crawled fast.
"""

from __future__ import annotations

import os

BOT_NAME = "comparateur"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

USER_AGENT = (
    "ComparateurBot/0.1 (+https://github.com/comparateur/comparateur; "
    "price comparison for a French tech news site; contact: crawler@comparateur.example)"
)
ROBOTSTXT_OBEY = True

# Politeness: AutoThrottle adapts the delay to the shop's response times.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 32
# Scrapy starts this many tasks per callback output; our callbacks yield a few items each.
CONCURRENT_ITEMS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30

# Huge pages are cut: product pages are small; feeds ask for more with meta download_maxsize.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COMPARATEUR_FEED_MAXSIZE = 256 * 1024 * 1024

# Redirect loops are cut after a few hops.
REDIRECT_MAX_TIMES = 5
METAREFRESH_MAXDELAY = 5

# Retries with backoff; 429 and 503 honour Retry-After (spiders.middlewares.RetryAfterMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 120.0
# The spider's errback logs (and counts) a request that failed for good; once is enough.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.RetryAfterMiddleware": 550,
    # Cookies are off (COOKIES_ENABLED); without this its module (and tldextract) is imported.
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
}

# Validate -> normalise -> persist (persist only when the spider stores) -> contract export.
ITEM_PIPELINES = {
    "spiders.pipelines.validate.ValidatePipeline": 100,
    "spiders.pipelines.normalise.NormalisePipeline": 200,
    "spiders.pipelines.persist.PersistPipeline": 300,
    "spiders.pipelines.export.ContractPipeline": 900,
}
# Scrapy reads the source of every generator callback of every new spider (inspect + ast)
# to warn about `return value` in generators; ours return nothing, and a series creates
# spiders every round.
WARN_ON_GENERATOR_RETURN_VALUE = False
# No control server listening on a port from a crawler; no telnet console either.
REMOTE_CONTROL_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    # Off anyway; listed so that its module (which imports aiohttp) is not even loaded.
    "scrapy.extensions.remote_control.RemoteControl": None,
    "spiders.middlewares.StatsFileExtension": 500,
}

# Development only: replay pages from disk instead of hitting shops again.
HTTPCACHE_ENABLED = os.environ.get("COMPARATEUR_HTTPCACHE", "") == "1"
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 6 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = os.environ.get("COMPARATEUR_LOG_LEVEL", "INFO")
COOKIES_ENABLED = False

# Comparateur's own settings.
# Observation time of the crawl (ISO 8601 with offset); empty = the real UTC now at start.
COMPARATEUR_NOW = os.environ.get("COMPARATEUR_NOW", "")
# Database the persist pipeline writes to; empty = catalog.db.default_url() (DATABASE_URL).
COMPARATEUR_DB_URL = os.environ.get("DATABASE_URL", "")
COMPARATEUR_BATCH_SIZE = 200
# Distributed crawls (scrapy-redis): processes given the same shop and COMPARATEUR_NOW share a
# request queue and a dupefilter in this Redis. Empty = every process schedules on its own.
COMPARATEUR_REDIS_URL = os.environ.get("COMPARATEUR_REDIS_URL", "")
# When set, the final crawl stats are written there as JSON (run API, benchmarks, tests).
COMPARATEUR_STATS_FILE = ""

# Headless Chromium for shops with extraction = "browser" (only their requests use it).
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": os.environ.get("COMPARATEUR_CHROMIUM", "/usr/bin/chromium"),
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ],
}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
PLAYWRIGHT_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}
