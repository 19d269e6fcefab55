"""The shop configuration file (TOML): which shops to crawl, how, and how often.

Invalid configuration is refused at load time with a message naming the shop and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

EXTRACTIONS = ("auto", "module", "browser")
FEED_FORMATS = ("google-xml", "google-csv", "google-tsv", "idealo-csv")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """The configuration is wrong; the message says which shop and which field."""


@dataclass(frozen=True)
class Feed:
    url: str
    format: str = "google-xml"


@dataclass(frozen=True)
class Delivery:
    """Delivery cost rule when the page or feed does not state it."""

    flat: Decimal = Decimal("0")
    free_over: Decimal | None = None

    def cost(self, price: Decimal) -> Decimal:
        if self.free_over is not None and price >= self.free_over:
            return Decimal("0.00")
        return self.flat


@dataclass(frozen=True)
class Schedule:
    interval: timedelta | None = None
    cron: str | None = None


@dataclass(frozen=True)
class Politeness:
    concurrency: int = 4
    delay: float = 0.5
    autothrottle: bool = True
    obey_robots: bool = True


@dataclass(frozen=True)
class ShopConfig:
    slug: str
    name: str
    url: str
    domain: str
    country: str = "FR"
    currency: str = "EUR"
    extraction: str = "auto"
    module: str | None = None
    sitemaps: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    feeds: tuple[Feed, ...] = ()
    robots_sitemaps: bool = True
    delivery: Delivery = field(default_factory=Delivery)
    schedule: Schedule = field(default_factory=lambda: Schedule(interval=timedelta(hours=6)))
    politeness: Politeness = field(default_factory=Politeness)

    @property
    def browser(self) -> bool:
        return self.extraction == "browser"


def load(path: str | Path, variables: dict[str, str] | None = None) -> list[ShopConfig]:
    """Read and validate a shop file; `${NAME}` placeholders are filled from `variables`."""
    text = Path(path).read_text(encoding="utf-8")
    if variables:
        text = Template(text).safe_substitute(variables)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return parse(data, source=str(path))


def parse(data: dict[str, Any], source: str = "configuration") -> list[ShopConfig]:
    shops = data.get("shop")
    if not isinstance(shops, list) or not shops:
        raise ConfigError(f"{source}: no [[shop]] entries")
    result = [_shop(entry, index, source) for index, entry in enumerate(shops)]
    seen: set[str] = set()
    for shop in result:
        if shop.slug in seen:
            raise ConfigError(f"{source}: shop '{shop.slug}': field 'slug': used twice")
        seen.add(shop.slug)
    return result


def _shop(entry: Any, index: int, source: str) -> ShopConfig:
    if not isinstance(entry, dict):
        raise ConfigError(f"{source}: shop #{index + 1}: not a table")
    label = str(entry.get("slug") or f"#{index + 1}")

    def fail(name: str, why: str) -> ConfigError:
        return ConfigError(f"{source}: shop '{label}': field '{name}': {why}")

    known = {
        "slug", "name", "url", "domain", "country", "currency", "extraction", "module",
        "discovery", "delivery", "schedule", "politeness",
    }  # fmt: skip
    for key in entry:
        if key not in known:
            raise fail(key, "unknown field")
    slug = _text(entry, "slug", fail, required=True)
    if not slug.replace("-", "").replace("_", "").isalnum():
        raise fail("slug", "letters, digits, '-' and '_' only")
    if len(slug) > 64:  # the width of shop.slug
        raise fail("slug", "64 characters at most")
    url = _text(entry, "url", fail, required=True)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise fail("url", f"not an http(s) URL: {url!r}")
    currency = _text(entry, "currency", fail) or "EUR"
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise fail("currency", f"not an ISO 4217 code: {currency!r}")
    country = _text(entry, "country", fail) or "FR"
    if len(country) != 2 or not country.isalpha():
        raise fail("country", f"not an ISO 3166 code: {country!r}")
    extraction = _text(entry, "extraction", fail) or "auto"
    if extraction not in EXTRACTIONS:
        raise fail("extraction", f"one of {', '.join(EXTRACTIONS)}, not {extraction!r}")
    module = _text(entry, "module", fail) or None
    if extraction == "module" and not module:
        raise fail("module", "required when extraction = 'module'")
    return ShopConfig(
        slug=slug,
        name=_text(entry, "name", fail) or slug,
        url=url,
        domain=_text(entry, "domain", fail) or parts.netloc,
        country=country.upper(),
        currency=currency,
        extraction=extraction,
        module=module,
        **_discovery(entry.get("discovery", {}), fail),
        delivery=_delivery(entry.get("delivery", {}), fail),
        schedule=_schedule(entry.get("schedule", {}), fail),
        politeness=_politeness(entry.get("politeness", {}), fail),
    )


def _text(entry: dict[str, Any], name: str, fail: Any, required: bool = False) -> str:
    value = entry.get(name)
    if value is None or value == "":
        if required:
            raise fail(name, "required")
        return ""
    if not isinstance(value, str):
        raise fail(name, f"expected text, got {type(value).__name__}")
    return value.strip()


def _urls(value: Any, name: str, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(name, "expected a URL or a list of URLs")
    for url in value:
        if urlsplit(url).scheme not in ("http", "https", "file"):
            raise fail(name, f"not a URL: {url!r}")
    return tuple(value)


def _discovery(value: Any, fail: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail("discovery", "expected a table")
    for key in value:
        if key not in ("sitemaps", "categories", "feeds", "robots_sitemaps"):
            raise fail(f"discovery.{key}", "unknown field")
    feeds = []
    for i, feed in enumerate(value.get("feeds", [])):
        if isinstance(feed, str):
            feed = {"url": feed}
        if not isinstance(feed, dict) or "url" not in feed:
            raise fail(f"discovery.feeds[{i}]", "expected a table with 'url' and 'format'")
        for key in feed:
            if key not in ("url", "format"):
                raise fail(f"discovery.feeds[{i}].{key}", "unknown field")
        fmt = feed.get("format", "google-xml")
        if fmt not in FEED_FORMATS:
            raise fail(f"discovery.feeds[{i}].format", f"one of {', '.join(FEED_FORMATS)}")
        feeds.append(Feed(url=_urls(feed["url"], f"discovery.feeds[{i}].url", fail)[0], format=fmt))
    robots = value.get("robots_sitemaps", True)
    if not isinstance(robots, bool):
        raise fail("discovery.robots_sitemaps", "expected true or false")
    return {
        "sitemaps": _urls(value.get("sitemaps", []), "discovery.sitemaps", fail),
        "categories": _urls(value.get("categories", []), "discovery.categories", fail),
        "feeds": tuple(feeds),
        "robots_sitemaps": robots,
    }


def _money(value: Any, name: str, fail: Any) -> Decimal:
    if isinstance(value, float) or not isinstance(value, str | int):
        raise fail(name, 'write amounts as strings, e.g. "4.99"')
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise fail(name, f"not an amount: {value!r}") from exc
    if not amount.is_finite() or amount < 0:  # NaN first: comparing it raises
        raise fail(name, f"not a valid amount: {value!r}")
    return amount


def _delivery(value: Any, fail: Any) -> Delivery:
    if not isinstance(value, dict):
        raise fail("delivery", "expected a table")
    for key in value:
        if key not in ("flat", "free_over"):
            raise fail(f"delivery.{key}", "unknown field")
    flat = _money(value.get("flat", "0"), "delivery.flat", fail)
    free_over = value.get("free_over")
    return Delivery(
        flat=flat,
        free_over=None if free_over is None else _money(free_over, "delivery.free_over", fail),
    )


def parse_interval(text: str) -> timedelta:
    """'90s', '15m', '6h', '1d' -> timedelta."""
    text = text.strip().lower()
    if len(text) < 2 or text[-1] not in UNITS or not text[:-1].isdigit() or int(text[:-1]) <= 0:
        raise ValueError(f"not an interval like '6h': {text!r}")
    return timedelta(seconds=int(text[:-1]) * UNITS[text[-1]])


def _schedule(value: Any, fail: Any) -> Schedule:
    if not isinstance(value, dict):
        raise fail("schedule", "expected a table")
    for key in value:
        if key not in ("interval", "cron"):
            raise fail(f"schedule.{key}", "unknown field")
    if "interval" in value and "cron" in value:
        raise fail("schedule", "give either 'interval' or 'cron', not both")
    if "cron" in value:
        cron = value["cron"]
        from croniter import croniter  # type: ignore[import-untyped]

        if not isinstance(cron, str) or not croniter.is_valid(cron):
            raise fail("schedule.cron", f"not a cron expression: {cron!r}")
        return Schedule(cron=cron)
    try:
        return Schedule(interval=parse_interval(str(value.get("interval", "6h"))))
    except ValueError as exc:
        raise fail("schedule.interval", str(exc)) from exc


def _politeness(value: Any, fail: Any) -> Politeness:
    if not isinstance(value, dict):
        raise fail("politeness", "expected a table")
    defaults = Politeness()
    for key in value:
        if key not in ("concurrency", "delay", "autothrottle", "obey_robots"):
            raise fail(f"politeness.{key}", "unknown field")
    concurrency = value.get("concurrency", defaults.concurrency)
    whole = isinstance(concurrency, int) and not isinstance(concurrency, bool)
    if not whole or not 1 <= concurrency <= 64:
        raise fail("politeness.concurrency", "an integer from 1 to 64")
    delay = value.get("delay", defaults.delay)
    if not isinstance(delay, int | float) or isinstance(delay, bool) or delay < 0:
        raise fail("politeness.delay", "a number of seconds, 0 or more")
    flags = {}
    for key in ("autothrottle", "obey_robots"):
        flag = value.get(key, getattr(defaults, key))
        if not isinstance(flag, bool):
            raise fail(f"politeness.{key}", "expected true or false")
        flags[key] = flag
    return Politeness(concurrency=concurrency, delay=float(delay), **flags)
