"""Ctrl+C ends a served demo: the site, its workers and the demo shops all stop.

gunicorn's workers used to be forked from the demo's own process (the demo shops' threads
running) and hung on a lock at exit, so Ctrl+C never returned the terminal.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("gunicorn")

SCRIPT = textwrap.dedent(
    """
    import sys
    from catalog.migrate import upgrade
    from comparateur.demo_cmd import _serve
    from demoshops.clock import DEMO_START, SimClock
    from demoshops.server import start

    db, port = sys.argv[1], int(sys.argv[2])
    upgrade(db)
    shops = start(clock=SimClock(DEMO_START))  # threads in this process, as in the demo
    try:
        _serve("127.0.0.1", port, db)
    finally:
        shops.stop()
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pgid: int) -> list[str]:
    out = subprocess.run(["ps", "-o", "pid=", "-g", str(pgid)], capture_output=True, text=True)
    return out.stdout.split()


def test_ctrl_c_stops_the_served_demo(tmp_path):
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    demo = subprocess.Popen([sys.executable, "-c", SCRIPT, db, str(port)], cwd=ROOT,
                            start_new_session=True)  # fmt: skip
    try:
        for _ in range(600):  # the site answers once gunicorn's workers are up
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert demo.poll() is None, "the demo ended before serving"
                time.sleep(0.1)
        else:
            pytest.fail("the site never answered")
        os.killpg(demo.pid, signal.SIGINT)  # what Ctrl+C sends: the whole process group
        # Hung workers are killed by gunicorn only after its 30 s graceful timeout: ending
        # well before means they exited by themselves (about 1 s).
        demo.wait(timeout=20)
        for _ in range(100):
            if not _alive(demo.pid):
                break
            time.sleep(0.1)
        assert _alive(demo.pid) == [], "a site worker survived Ctrl+C"
    finally:
        if demo.poll() is None or _alive(demo.pid):
            os.killpg(demo.pid, signal.SIGKILL)
