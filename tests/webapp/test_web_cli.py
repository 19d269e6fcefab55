"""`comparateur export` on both engines and `comparateur serve` as a real server process."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog.migrate import upgrade
from comparateur.cli import main
from webapp.csvstream import HISTORY_COLUMNS, PRODUCT_COLUMNS


def run(*args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, ["export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output.removeprefix("\ufeff"))))


def test_export_command(db_url, catalogue, now) -> None:
    pid = catalogue.products["h200"].id
    history = run("--db", db_url, "--product", str(pid))
    assert list(history[0]) == HISTORY_COLUMNS and len(history) == 121
    found = run("--db", db_url, "--search", "airpods pro", "--base-url", "https://prix.example")
    assert list(found[0]) == PRODUCT_COLUMNS
    assert [r["name"] for r in found] == ["Apple AirPods Pro 2 (USB-C)"]
    assert (
        found[0]["page_url"]
        == f"https://prix.example/product/{catalogue.products['airpodspro'].id}"
    )
    category = run("--db", db_url, "--category", "smartphone")
    assert len(category) == 3
    day = now.date().isoformat()
    ranged = run("--db", db_url, "--from", day, "--to", day, "--category", "earbuds")
    assert {r["product_name"] for r in ranged} <= {
        "Apple AirPods Pro 2 (USB-C)",
        "Apple AirPods 4",
        "Samsung Galaxy Buds3 Pro écouteurs sans fil",
    }
    bad = CliRunner().invoke(main, ["export", "--db", db_url, "--from", "hier"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    assert CliRunner().invoke(main, ["export", "--db", db_url]).exit_code == 2


def test_serve_runs_gunicorn_on_a_free_port(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    upgrade(url)
    process = subprocess.Popen(
        [sys.executable, "-m", "comparateur", "serve", "--port", "0", "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        port = None
        deadline = time.monotonic() + 60
        assert process.stdout is not None
        while port is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line)
            port = int(match.group(1)) if match else None
        if port is None:
            pytest.fail("gunicorn did not report its port")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/recherche?q=h200") as response:
            assert response.status == 200
            assert "Aucun produit ne correspond" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
