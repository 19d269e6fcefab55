"""A PostgreSQL server of the benchmark's own, with production memory settings.

The machine's server keeps Debian's defaults, among them `shared_buffers = 128MB`: the
search tables of the 200,000-product catalogue take about 840 MB with their indexes, so a
load run mostly copies pages in from the OS cache (a search reading its matches through
the GIN index took 155 ms with its pages out of PostgreSQL's buffers, 25 ms with them in).
A production server is given a quarter of its memory or the size of the hot data; so is
this one: initialised once under var/bench/pgserver, started on a free port for the run
with SETTINGS, stopped afterwards. The same binaries and extensions as the machine's.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

CACHE = Path("var") / "bench"
DATA = CACHE / "pgserver" / "data"
SETTINGS = {
    "shared_buffers": "4GB",  # the whole catalogue (2.5 GB with indexes): a sixth of 24 GB
    "effective_cache_size": "12GB",  # half of this 24 GB machine: what the OS caches
    "max_connections": "100",
}


def bindir() -> Path:
    """Where initdb and pg_ctl are: beside pg_config's answer, else Debian's layout."""
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True)
        path = Path(out.stdout.strip())
        if (path / "pg_ctl").exists():
            return path
    for path in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (path / "pg_ctl").exists():
            return path
    raise RuntimeError("no PostgreSQL server binaries (pg_ctl) on this machine")


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run as the `postgres` account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_owner(command), capture_output=True, text=True, cwd="/")
    if done.returncode:
        raise RuntimeError(f"{' '.join(command[:2])} failed: {done.stderr.strip()[-2000:]}")


def _init(bin_: Path) -> None:
    if (DATA / "PG_VERSION").exists():
        return
    DATA.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(DATA.parent, "postgres")
    _run([str(bin_ / "initdb"), "-D", str(DATA.resolve()), "-A", "trust", "-U", "postgres",
          "-E", "UTF8", "--locale=C.UTF-8"])  # fmt: skip


@contextmanager
def server() -> Iterator[str]:
    """Start the benchmark's server; yields its admin URL (database `postgres`)."""
    bin_ = bindir()
    _init(bin_)
    port = _free_port()
    options = " ".join(
        [f"-p {port}", "-c listen_addresses=127.0.0.1", "-k /tmp"]
        + [f"-c {name}={value}" for name, value in SETTINGS.items()]
    )
    log = (DATA.parent / "server.log").resolve()
    ctl = [str(bin_ / "pg_ctl"), "-D", str(DATA.resolve()), "-w"]
    _run([*ctl, "-l", str(log), "-o", options, "start"])
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_owner([*ctl, "-m", "fast", "stop"]), capture_output=True, cwd="/")


def prewarm(url: str) -> None:
    """Load the catalogue's tables and indexes into the server's buffers (pg_prewarm).

    A production server has served these pages for hours; a freshly restored one has not,
    and a run of 35 seconds would measure mostly its first reads.
    """
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_prewarm"))
        conn.execute(
            text(
                "SELECT pg_prewarm(c.oid) FROM pg_class c "
                "WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relkind IN ('r', 'i', 'm')"
            )
        )
    engine.dispose()
