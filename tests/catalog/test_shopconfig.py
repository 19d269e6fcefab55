"""Shop configuration: valid files load, invalid ones are refused naming the shop and field."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from catalog.shopconfig import ConfigError, Delivery, load, parse, parse_interval

BASE = {"slug": "s1", "url": "https://shop.example/"}


def _one(**fields):
    return parse({"shop": [{**BASE, **fields}]})[0]


def test_minimal_shop_gets_the_defaults():
    shop = _one()
    assert (shop.name, shop.domain, shop.country, shop.currency) == (
        "s1", "shop.example", "FR", "EUR"
    )  # fmt: skip
    assert shop.extraction == "auto" and not shop.browser
    assert shop.schedule.interval == timedelta(hours=6) and shop.schedule.cron is None
    assert shop.politeness.obey_robots and shop.politeness.autothrottle
    assert shop.robots_sitemaps and shop.feeds == ()


def test_full_shop_reads_every_table(tmp_path):
    path = tmp_path / "shops.toml"
    path.write_text(
        """
[[shop]]
slug = "demo"
name = "Démo"
url = "http://127.0.0.1:${PORT}/"
country = "fr"
currency = "EUR"
extraction = "module"
module = "spiders.pages.demo"
[shop.discovery]
sitemaps = ["http://127.0.0.1:${PORT}/sitemap.xml"]
categories = "http://127.0.0.1:${PORT}/gpu"
feeds = [{ url = "http://127.0.0.1:${PORT}/feed.csv", format = "idealo-csv" }]
robots_sitemaps = false
[shop.delivery]
flat = "4.99"
free_over = "50"
[shop.schedule]
cron = "0 */8 * * *"
[shop.politeness]
concurrency = 16
delay = 0
autothrottle = false
obey_robots = true
""",
        encoding="utf-8",
    )
    (shop,) = load(path, {"PORT": "8101"})
    assert shop.url == "http://127.0.0.1:8101/" and shop.domain == "127.0.0.1:8101"
    assert shop.country == "FR" and shop.module == "spiders.pages.demo"
    assert shop.categories == ("http://127.0.0.1:8101/gpu",)
    assert shop.feeds[0].format == "idealo-csv" and not shop.robots_sitemaps
    assert shop.delivery.cost(Decimal("49.99")) == Decimal("4.99")
    assert shop.delivery.cost(Decimal("50")) == Decimal("0.00")
    assert shop.schedule.cron == "0 */8 * * *" and shop.schedule.interval is None
    assert (shop.politeness.concurrency, shop.politeness.delay) == (16, 0.0)


@pytest.mark.parametrize(
    ("fields", "field", "why"),
    [
        ({"url": None}, "url", "required"),
        ({"url": "ftp://shop.example/"}, "url", "not an http(s) URL"),
        ({"slug": "bad slug!"}, "slug", "letters, digits"),
        ({"slug": "x" * 65}, "slug", "64 characters"),
        ({"currency": "euro"}, "currency", "ISO 4217"),
        ({"country": "FRA"}, "country", "ISO 3166"),
        ({"extraction": "magic"}, "extraction", "one of auto"),
        ({"extraction": "module"}, "module", "required when"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"name": 3}, "name", "expected text"),
        ({"delivery": {"flat": 4.99}}, "delivery.flat", "as strings"),
        ({"delivery": {"flat": "abc"}}, "delivery.flat", "not an amount"),
        ({"delivery": {"flat": "NaN"}}, "delivery.flat", "not a valid amount"),
        ({"delivery": {"flat": "-1"}}, "delivery.flat", "not a valid amount"),
        ({"delivery": {"cost": "1"}}, "delivery.cost", "unknown field"),
        ({"schedule": {"interval": "6 hours"}}, "schedule.interval", "not an interval"),
        ({"schedule": {"cron": "every day"}}, "schedule.cron", "not a cron"),
        ({"schedule": {"cron": "* * * * *", "interval": "1h"}}, "schedule", "not both"),
        ({"politeness": {"concurrency": 0}}, "politeness.concurrency", "1 to 64"),
        ({"politeness": {"delay": -1}}, "politeness.delay", "0 or more"),
        ({"politeness": {"obey_robots": "yes"}}, "politeness.obey_robots", "true or false"),
        ({"politeness": {"speed": 1}}, "politeness.speed", "unknown field"),
        ({"discovery": {"sitemap": []}}, "discovery.sitemap", "unknown field"),
        ({"discovery": {"sitemaps": ["not a url"]}}, "discovery.sitemaps", "not a URL"),
        ({"discovery": {"feeds": [{"url": "https://s/f", "format": "rss"}]}},
         "discovery.feeds[0].format", "one of"),
        ({"discovery": {"feeds": [{"url": "https://s/f", "fromat": "x"}]}},
         "discovery.feeds[0].fromat", "unknown field"),
        ({"discovery": {"feeds": [{"format": "google-xml"}]}}, "discovery.feeds[0]", "'url'"),
        ({"discovery": {"robots_sitemaps": 1}}, "discovery.robots_sitemaps", "true or false"),
    ],
)  # fmt: skip
def test_invalid_field_names_shop_and_field(fields, field, why):
    with pytest.raises(ConfigError) as error:
        _one(**fields)
    message = str(error.value)
    assert f"field '{field}'" in message
    assert why in message
    assert "shop '" in message


def test_shop_is_named_by_slug_or_position():
    with pytest.raises(ConfigError, match=r"shop '#2': field 'slug': required"):
        parse({"shop": [BASE, {"url": "https://b.example/"}]})


def test_duplicate_slug_and_empty_file_are_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"shop 's1': field 'slug': used twice"):
        parse({"shop": [BASE, BASE]})
    with pytest.raises(ConfigError, match="no \\[\\[shop\\]\\] entries"):
        parse({})
    bad = tmp_path / "bad.toml"
    bad.write_text("[[shop]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(bad)


def test_intervals_and_delivery_rule():
    assert parse_interval("90s") == timedelta(seconds=90)
    assert parse_interval("1d") == timedelta(days=1)
    for text in ("0h", "h", "1w", "-1h"):
        with pytest.raises(ValueError):
            parse_interval(text)
    assert Delivery(flat=Decimal("5.90")).cost(Decimal("1000")) == Decimal("5.90")


def test_the_example_file_loads_and_shows_every_field():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "shops.toml.example"
    (shop,) = load(example)
    assert shop.slug == "exemple-hitech" and shop.domain == "exemple-hitech.fr"
    assert shop.sitemaps and shop.categories and shop.feeds and shop.robots_sitemaps
    assert shop.delivery.free_over == Decimal("50") and shop.schedule.interval == timedelta(hours=6)
    text = example.read_text(encoding="utf-8")
    for name in (
        "slug",
        "name",
        "url",
        "domain",
        "country",
        "currency",
        "extraction",
        "module",
        "sitemaps",
        "categories",
        "feeds",
        "robots_sitemaps",
        "flat",
        "free_over",
        "interval",
        "cron",
        "concurrency",
        "delay",
        "autothrottle",
        "obey_robots",
    ):
        assert f"{name} =" in text, name
