"""The shops as configuration: RunningShops.shops, demoshops/shops.toml and the CLI."""

from __future__ import annotations

import importlib
from decimal import Decimal
from urllib.parse import urlsplit

from click.testing import CliRunner
from demoshops_fixtures import clock_fixture, fetch_fixture, shops_fixture  # noqa: F401 - pytest fixtures

from catalog.shopconfig import load
from comparateur.cli import main
from demoshops.server import SHOPS_TOML, fixed_ports, shop_variables
from demoshops.shops import BY_SLUG


def test_running_shops_configs_point_at_the_live_servers(shops, fetch):
    configs = {shop.slug: shop for shop in shops.shops}
    assert set(configs) == set(shops.ports)
    for slug, shop in configs.items():
        assert urlsplit(shop.url).netloc == urlsplit(shops.url(slug)).netloc
        for url in (*shop.sitemaps, *shop.categories, *(f.url for f in shop.feeds)):
            assert urlsplit(url).netloc == urlsplit(shops.url(slug)).netloc
            assert fetch(url)[0] == 200, url
        spec = BY_SLUG[slug]
        for price in (Decimal("9.99"), Decimal("120"), Decimal("2000")):
            assert shop.delivery.cost(price) == spec.delivery(price)
    module = configs["micro-bazar"]
    assert module.extraction == "module" and module.module == "micro_bazar"
    assert callable(importlib.import_module(f"spiders.pages.{module.module}").extract)
    formats = {f.format for shop in configs.values() for f in shop.feeds}
    assert formats == {"google-xml", "idealo-csv"}
    assert [s.slug for s in configs.values() if s.schedule.cron] == ["micro-bazar"]
    assert all(s.schedule.interval for s in configs.values() if s.slug != "micro-bazar")
    assert all(s.politeness.obey_robots for s in configs.values())


def test_shops_toml_on_the_fixed_ports():
    ports = fixed_ports(8101)
    assert sorted(ports.values()) == [8101, 8102, 8103, 8104, 8105]
    configs = load(SHOPS_TOML, shop_variables("127.0.0.1", ports))
    for shop in configs:
        assert shop.url == f"http://127.0.0.1:{ports[shop.slug]}/"
        assert "${" not in repr(shop)


def test_serve_command_is_registered_and_checks_its_date():
    runner = CliRunner()
    result = runner.invoke(main, ["demoshops", "serve", "--help"])
    assert result.exit_code == 0 and "--base-port" in result.output and "--at" in result.output
    result = runner.invoke(main, ["demoshops", "serve", "--at", "not-a-date"])
    assert result.exit_code == 2 and "--at" in result.output
