"""`comparateur crawl` and `comparateur schedule --once` end to end on the demo shops."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.db import make_engine
from catalog.models import CrawlRun, Offer
from comparateur.cli import main

demoshops = pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
from demoshops.clock import DEMO_START, SimClock  # noqa: E402


@pytest.fixture(scope="module")
def demo_env() -> Iterator[dict[str, str]]:
    running = demoshops.start(clock=SimClock())
    try:
        yield running.variables()
    finally:
        running.stop()


def test_crawl_command_prints_a_line_per_shop(db_url, demo_env):
    result = CliRunner().invoke(
        main,
        ["crawl", "--db", db_url, "--shop", "depot-hitech", "--shop", "micro-bazar",
         "--at", DEMO_START.isoformat(), "--no-match"],
        env=demo_env,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.output.splitlines()[1:]]
    assert [(line[0], line[1]) for line in lines] == [
        ("micro-bazar", "finished"), ("depot-hitech", "finished")
    ]  # fmt: skip
    engine = make_engine(db_url)
    with Session(engine) as session:
        offers = session.scalar(select(func.count(Offer.id)))
        runs = session.scalars(select(CrawlRun)).all()
    engine.dispose()
    assert offers == sum(int(line[4]) for line in lines) > 0
    assert {run.started_at for run in runs} == {DEMO_START}


def test_crawl_command_exits_1_when_a_shop_fails_and_explains_config_errors(db_url, tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    config = tmp_path / "shops.toml"
    config.write_text(
        f'[[shop]]\nslug = "down"\nurl = "{dead}"\n'
        "politeness = { delay = 0, autothrottle = false }\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["crawl", "--config", str(config), "--db", db_url])
    assert result.exit_code == 1
    assert "down" in result.output and "failed" in result.output
    config.write_text('[[shop]]\nslug = "x"\nurl = "https://x.example/"\ncurrency = "euro"\n')
    result = CliRunner().invoke(main, ["crawl", "--config", str(config), "--db", db_url])
    assert result.exit_code == 1
    assert "shop 'x': field 'currency'" in result.output


def test_schedule_once_crawls_the_due_shops(db_url, demo_env, tmp_path):
    # The two feed shops of the demo file (two requests each), to keep the test short.
    from spiders.run import DEMO_CONFIG

    blocks = DEMO_CONFIG.read_text(encoding="utf-8").split("[[shop]]")
    config = tmp_path / "feeds.toml"
    config.write_text("".join("[[shop]]" + b for b in blocks[1:] if "discovery.feeds" in b))
    args = ["schedule", "--once", "--no-match", "--db", db_url, "--config", str(config)]
    result = CliRunner().invoke(main, args, env=demo_env)
    assert result.exit_code == 0, result.output
    statuses = {line.split()[0]: line.split()[1] for line in result.output.splitlines()[1:]}
    assert statuses == {"flux-informatique": "finished", "depot-hitech": "finished"}
    # Run again at once: nothing is due (4 h and 1 d intervals), nothing is crawled.
    again = CliRunner().invoke(main, args, env=demo_env)
    assert again.exit_code == 0, again.output
    engine = make_engine(db_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count(CrawlRun.id))) == 2
    engine.dispose()
