"""`comparateur demo` on a crawl series: progress per day, one run per shop and day, reruns
skip the days already crawled."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from test_crawl_run import runs

pytest.importorskip("demoshops.server", reason="the demo shops are not there yet")
from comparateur import demo_cmd  # noqa: E402

DAYS = [datetime(2026, 10, 1, 6, 0, tzinfo=UTC), datetime(2026, 10, 7, 6, 0, tzinfo=UTC)]


@pytest.mark.slow
def test_the_demo_crawls_each_day_once_and_reruns_skip_them(db_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the demo writes var/demo-admin.txt
    monkeypatch.setattr(demo_cmd, "crawl_days", lambda today: DAYS)
    monkeypatch.setattr("demoshops.server.fixed_ports", lambda base: {})  # free ports
    runner = CliRunner()

    first = runner.invoke(demo_cmd.demo, ["--db", db_url, "--no-serve"])
    assert first.exit_code == 0, first.output
    lines = [line for line in first.output.splitlines() if line.lstrip().startswith("passage ")]
    assert len(lines) == 2 and all("5 boutiques" in line for line in lines), first.output
    assert "ÉCHEC" not in first.output
    crawled = runs(db_url)
    assert len(crawled) == 10
    assert {(r.status, r.started_at) for r in crawled} == {("finished", d) for d in DAYS}

    again = runner.invoke(demo_cmd.demo, ["--db", db_url, "--no-serve"])
    assert again.exit_code == 0, again.output
    assert again.output.count("déjà collecté") == 2, again.output
    assert len(runs(db_url)) == 10
