"""`scrapy crawl shop -a shop=SLUG [-a config=shops.toml]`: the catalogue crawl of one shop.

Discovery: the shop's sitemaps (indexes and gzip), `Sitemap:` lines of its robots.txt, its
category pages with their pagination, and its feeds. Only links in the shop's domain are
followed; product-page detection keeps listing pages from giving offers. Every page or feed row
that gives nothing is counted under a drop reason, never stops the crawl.
"""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, Self
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from catalog.shopconfig import ShopConfig
from spiders.items import Offer
from spiders.pipelines.persist import observation_time
from spiders.spiders.base import BaseSpider
from spiders.spiders.links import listing_links

logger = logging.getLogger(__name__)

# Listing pages reached from a category (sub-categories) are explored this deep.
LISTING_DEPTH = 2
MAX_PAGINATION = 500
FALSE = ("0", "false", "no", "off")


def politeness_settings(shop: ShopConfig, settings: BaseSettings) -> dict[str, Any]:
    """The crawler settings a shop's `[politeness]` table and extraction mode ask for."""
    polite = shop.politeness
    values: dict[str, Any] = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": polite.concurrency,
        "CONCURRENT_REQUESTS": max(settings.getint("CONCURRENT_REQUESTS"), polite.concurrency),
        "DOWNLOAD_DELAY": polite.delay,
        "AUTOTHROTTLE_ENABLED": polite.autothrottle,
        "ROBOTSTXT_OBEY": polite.obey_robots,
    }
    if polite.delay == 0:
        values["DOWNLOAD_DELAY_JITTER"] = 0
    if polite.autothrottle:
        values["AUTOTHROTTLE_START_DELAY"] = max(polite.delay, 0.1)
    if shop.browser:
        values["DOWNLOAD_HANDLERS"] = settings.getdict("PLAYWRIGHT_HANDLERS")
    return values


def distributed_settings(shop: ShopConfig, settings: BaseSettings) -> dict[str, Any]:
    """scrapy-redis scheduling when COMPARATEUR_REDIS_URL is set: crawl processes (on one or
    several machines) given the same shop and the same COMPARATEUR_NOW share one request queue
    and one dupefilter, so each URL is fetched once whichever process takes it."""
    redis_url = settings.get("COMPARATEUR_REDIS_URL")
    if not redis_url:
        return {}
    crawl = settings.get("COMPARATEUR_NOW") or observation_time("").isoformat()
    prefix = f"comparateur:{shop.slug}:{crawl}"
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        # Kept when one process finishes (the others still need it); expires later instead.
        "SCHEDULER_PERSIST": True,
    }


def load_shop(slug: str, config: str | None = None) -> ShopConfig:
    """A shop by slug from a configuration file (`${NAME}` placeholders from the environment)."""
    from spiders.run import load_shops

    return load_shops(config, [slug])[0]


class ShopSpider(BaseSpider):
    name = "shop"
    store = True

    def __init__(self, shop: ShopConfig | str | None = None, config: str | None = None,
                 crawl_run_id: int | str | None = None, store: str | bool = True,
                 **kwargs: Any):  # fmt: skip
        super().__init__(**kwargs)
        if shop is None:
            raise ValueError("give -a shop=SLUG (and -a config=shops.toml if not the default)")
        self.shop = shop if isinstance(shop, ShopConfig) else load_shop(shop, config)
        self.crawl_run_id = int(crawl_run_id) if crawl_run_id not in (None, "") else None
        self.store = str(store).lower() not in FALSE
        self.module = self.shop.module if self.shop.extraction == "module" else None
        self.netloc = urlsplit(self.shop.url).netloc
        self.domain = self.shop.domain.lower()
        # Pages already asked for: a product is listed by its category and by the sitemap;
        # its second request is dropped here, before Scrapy builds it and runs it through the
        # middlewares to its dupefilter (which stays, for other spellings of one URL).
        self.asked: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Settings are still open here: the shop's politeness applies to this crawler only.
        crawler.settings.update(politeness_settings(spider.shop, crawler.settings), "spider")
        crawler.settings.update(distributed_settings(spider.shop, crawler.settings), "spider")
        return spider

    def closed(self, reason: str) -> None:
        if self.settings.get("SCHEDULER_QUEUE_KEY", "").startswith("comparateur:"):
            expire_shared_keys(self.settings)

    # -- discovery -----------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        shop = self.shop
        for feed in shop.feeds:
            yield self.request(feed.url, self.parse_feed, big=True, cb_kwargs={"fmt": feed.format})
        for sitemap in shop.sitemaps:
            yield self.request(sitemap, self.parse_sitemap, big=True)
        for category in shop.categories:
            yield self.request(category, self.parse_listing, meta={"depth_listing": 0})
        if shop.robots_sitemaps:
            robots = self.request(urljoin(shop.url, "/robots.txt"), self.parse_robots)
            yield robots.replace(errback=self.robots_failed)
        elif not (shop.feeds or shop.sitemaps or shop.categories):
            yield self.request(shop.url, self.parse_listing, meta={"depth_listing": 0})

    def request(self, url: str, callback: Any, *, big: bool = False, page: bool = False,
                **kwargs: Any) -> Request:  # fmt: skip
        meta = kwargs.pop("meta", {})
        if big:
            meta["download_maxsize"] = self.settings.getint("COMPARATEUR_FEED_MAXSIZE")
            meta["download_warnsize"] = 0
        if page and self.shop.browser:
            meta["playwright"] = True
        return Request(url, callback=callback, errback=self.on_error, meta=meta, **kwargs)

    def first_ask(self, url: str) -> bool:
        """True the first time a page URL is asked for in this crawl (counted otherwise)."""
        if url in self.asked:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("comparateur/duplicate_links")
            return False
        self.asked.add(url)
        return True

    def in_shop(self, url: str) -> bool:
        netloc = urlsplit(url).netloc.lower()
        host = netloc.rsplit("@", 1)[-1]
        return host in (self.netloc.lower(), self.domain) or host.endswith("." + self.domain)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        found = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        known = set(self.shop.sitemaps)
        for url in found:
            if url not in known and self.in_shop(url):
                yield self.request(url, self.parse_sitemap, big=True)
        if not found:
            yield from self.home_if_nothing_else()

    def robots_failed(self, failure: Failure) -> Iterator[Request]:
        """No robots.txt (or none reachable): the home page may still lead to the products."""
        self.on_error(failure)
        yield from self.home_if_nothing_else()

    def home_if_nothing_else(self) -> Iterator[Request]:
        """A shop configured with its URL only is explored from its home page."""
        if not (self.shop.sitemaps or self.shop.categories or self.shop.feeds):
            yield self.request(self.shop.url, self.parse_listing, meta={"depth_listing": 0})

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if gzip_magic_number(response):
            try:
                body = gunzip(body, max_size=self.settings.getint("COMPARATEUR_FEED_MAXSIZE"))
            except Exception:  # noqa: BLE001 - a broken archive is one dropped sitemap
                self.drop("bad_sitemap")
                return
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - not XML at all
            self.drop("bad_sitemap")
            return
        locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
        if sitemap.type == "sitemapindex":
            for loc in locs:
                if self.in_shop(loc):
                    yield self.request(loc, self.parse_sitemap, big=True)
        elif sitemap.type == "urlset":
            for loc in locs:
                if not self.in_shop(loc):
                    self.drop("offsite_link")
                elif self.first_ask(loc):
                    yield self.request(loc, self.parse_page, page=True)
        else:
            self.drop("bad_sitemap")

    def parse_listing(self, response: Response) -> Iterator[Request | Offer]:
        """A category or pagination page: follow its pages and its product links."""
        if not isinstance(response, TextResponse):
            self.drop("not_html")
            return
        depth = int(response.meta.get("depth_listing", 0))
        page_number = int(response.meta.get("pagination", 0))
        pages, products = listing_links(response, self.in_shop)
        if page_number < MAX_PAGINATION:
            for url in pages:
                if self.first_ask(url):
                    meta = {"depth_listing": depth, "pagination": page_number + 1}
                    yield self.request(url, self.parse_listing, page=True, meta=meta)
        for url in products:
            if self.first_ask(url):
                meta = {"depth_listing": depth + 1}
                yield self.request(url, self.parse_page, page=True, meta=meta)

    def parse_page(self, response: Response) -> Iterator[Request | Offer]:
        """A candidate product page (from a sitemap or a listing).

        Extraction gives no offer for pages that are not product pages (listings, home, help),
        so it also serves as the product-page detection, without reading the page twice.
        """
        offers = self.extract(response, module=self.module)
        if offers is None:
            return
        if offers:
            yield from self.offers_of(response, offers)
            return
        depth = response.meta.get("depth_listing")
        if depth is not None and depth < LISTING_DEPTH:
            yield from self.parse_listing(response)  # a sub-category: explore it
        else:
            self.drop("not_product_page")

    def offers_of(self, response: Response, offers: list[Offer]) -> Iterator[Offer]:
        for offer in offers:
            offer.url = urldefrag(offer.url or response.url)[0]
            yield self.stamp(offer)

    def stamp(self, offer: Offer) -> Offer:
        offer.shop_slug = self.shop.slug
        offer.shop = offer.shop or self.netloc
        return offer

    # -- feeds -----------------------------------------------------------------------------

    def parse_feed(self, response: Response, fmt: str) -> Iterator[Offer]:
        from spiders.feeds import iter_feed

        rows = 0
        now = observation_time(self.settings.get("COMPARATEUR_NOW"))  # sale windows open then
        try:
            for row in iter_feed(io.BytesIO(response.body), fmt, source_url=response.url, now=now):
                rows += 1
                if isinstance(row, Offer):
                    yield self.stamp(row)
                else:
                    self.drop(f"feed_row_rejected:{getattr(row, 'reason', 'unknown')}")
        except Exception as exc:  # noqa: BLE001 - a broken feed is dropped, the crawl goes on
            self.drop("bad_feed")
            logger.error("feed %s unreadable after %d rows: %r", response.url, rows, exc)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("comparateur/feed_rows", rows)


def expire_shared_keys(settings: BaseSettings, seconds: int = 86400) -> None:
    """The shared queue and dupefilter of a distributed crawl go away a day after its end."""
    import redis

    client = redis.Redis.from_url(settings.get("REDIS_URL"))
    try:
        for key in ("SCHEDULER_QUEUE_KEY", "SCHEDULER_DUPEFILTER_KEY"):
            client.expire(settings.get(key), seconds)
    except redis.RedisError as exc:
        logger.warning("could not set the expiry of the shared crawl keys: %s", exc)
    finally:
        client.close()
