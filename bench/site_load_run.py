"""The moving parts of `bench.site_load`: cached databases, the gunicorn site, wrk runs.

Databases are cached under var/bench/: the SQLite file itself, and for PostgreSQL a
`pg_dump -Fc` file restored into a throwaway database (created, then dropped by the caller).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.generate_catalog import GEN_VERSION, generate
from catalog.migrate import upgrade

log = logging.getLogger(__name__)
CACHE = Path("var") / "bench"
PG_ADMIN_URL = os.environ.get(
    "COMPARATEUR_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def cache_name(products: int, offers: int) -> str:
    return f"catalog-{products}-{offers}-v{GEN_VERSION}"


def sqlite_database(products: int, offers: int, fresh: bool) -> str:
    """URL of the cached SQLite catalogue, generated first when missing (or `fresh`)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{cache_name(products, offers)}.db"
    if fresh or not path.exists():
        tmp = path.with_suffix(".tmp.db")
        for old in CACHE.glob(tmp.name + "*"):
            old.unlink()
        print(f"generating {products:,} products / {offers:,} offers into {path} ...", flush=True)
        generate(f"sqlite:///{tmp}", products, offers)
        tmp.replace(path)
    url = f"sqlite:///{path}"
    upgrade(url)  # revisions added since the cache was made (indexes) apply here
    return url


def _pg_url(name: str, admin_url: str) -> str:
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def schema_heads() -> str:
    """A short name for the Alembic heads the code upgrades to (the upgraded dump's key)."""
    from alembic.script import ScriptDirectory

    from catalog.migrate import alembic_config

    heads = sorted(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
    return hashlib.sha1(",".join(heads).encode()).hexdigest()[:8]


def _restore(dump: Path, url: str) -> None:
    print(f"restoring {dump} ...", flush=True)
    subprocess.run(
        ["pg_restore", "--no-owner", "-j", "2", "-d", _libpq(url), str(dump)], check=True
    )
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))  # pg_restore brings no planner statistics
    engine.dispose()


def pg_database(products: int, offers: int, fresh: bool, admin_url: str = PG_ADMIN_URL) -> str:
    """A new database holding the catalogue: restored from the cached dump, or generated.

    The dump upgraded to the current Alembic heads is cached too (`-h<heads>.pgdump`): a
    revision that fills columns for 200,000 products runs once, not at every benchmark.
    """
    name = f"comparateur_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = _pg_url(name, admin_url)
    dump = CACHE / f"{cache_name(products, offers)}.pgdump"
    upgraded = CACHE / f"{cache_name(products, offers)}-h{schema_heads()}.pgdump"
    CACHE.mkdir(parents=True, exist_ok=True)
    if fresh or not dump.exists():
        print(f"generating {products:,} products / {offers:,} offers into {name} ...", flush=True)
        generate(url, products, offers)
        _dump(url, dump)
    elif upgraded.exists() and upgraded.stat().st_mtime >= dump.stat().st_mtime:
        _restore(upgraded, url)
        return url
    else:
        _restore(dump, url)
    upgrade(url)
    _dump(url, upgraded)
    return url


def _dump(url: str, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    subprocess.run(["pg_dump", "-Fc", "-Z", "1", "-f", str(tmp), _libpq(url)], check=True)
    tmp.replace(path)


def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[-1]
    admin = create_engine(_pg_url("postgres", url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


class Site:
    """`comparateur serve` (gunicorn, gthread) on a free port; access log to a file."""

    def __init__(self, db_url: str, workers: int, threads: int, logs: Path) -> None:
        logs.mkdir(parents=True, exist_ok=True)
        self.out = (logs / "serve.out").open("wb")
        self.err_path = logs / "serve.err"
        self.err = self.err_path.open("wb")
        command = [sys.executable, "-m", "comparateur", "serve", "--port", "0", "--db", db_url,
                   "--workers", str(workers), "--threads", str(threads)]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=self.out, stderr=self.err)
        self.port = self._wait_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def _wait_port(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited: {self.err_path.read_text()[-2000:]}")
            found = re.search(r"Listening at: http://[\d.]+:(\d+)", self.err_path.read_text())
            if found:
                return int(found.group(1))
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not report its port within 60 s")

    def get(self, path: str, timeout: float = 60) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def cpu_seconds(self) -> float:
        """User+system CPU of the gunicorn master and its workers so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in _tree(self.process.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def wait_idle(self, limit: float = 300.0) -> float:
        """Wait until the requests queued by the last run are served (CPU under 5 % of a core
        for a second), so that they do not weigh on the next run; returns the seconds waited."""
        started = time.monotonic()
        before = self.cpu_seconds()
        while time.monotonic() - started < limit:
            time.sleep(1.0)
            now = self.cpu_seconds()
            if now - before < 0.05:
                break
            before = now
        return time.monotonic() - started

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.out.close()
        self.err.close()


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for child in children:
        out.extend(_tree(int(child)))
    return out


LUA = """
local paths = {}
local counter = 0
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(tonumber(args[2]) + 7919 * (id or 0))
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
%(delay)s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%%d,"duration_us":%%d,"connect":%%d,"read":%%d,"write":%%d,' ..
    '"status":%%d,"timeout":%%d,"p50":%%d,"p90":%%d,"p95":%%d,"p99":%%d,"max":%%d,' ..
    '"mean":%%.1f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
"""
# Think time of a reader: uniform between half and one and a half times the mean.
DELAY = "delay = function() return math.random(%(lo)d, %(hi)d) end"


@dataclass
class Run:
    """One wrk run against one endpoint; latencies in milliseconds."""

    endpoint: str
    mode: str
    requests: int
    seconds: float
    p50: float
    p90: float
    p95: float
    p99: float
    max: float
    errors: int
    client_cpu: float  # wrk's CPU seconds per wall second (1.0 = one core)
    server_cpu: float  # gunicorn's, same unit
    load: float  # 1-minute load average at the end
    drain: float = 0.0  # seconds the site needed after the run to serve what was queued

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def ensure_wrk() -> str:
    """wrk from Debian's packages, installed when missing (the machine runs as root)."""
    found = shutil.which("wrk")
    if found:
        return found
    print("installing wrk (apt-get install -y wrk) ...", flush=True)
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True)
        subprocess.run(install, check=True, capture_output=True)
    return shutil.which("wrk") or "wrk"


def run_wrk(
    site: Site,
    endpoint: str,
    paths_file: Path,
    mode: str,
    clients: int,
    seconds: int,
    think_ms: int,
    seed: int,
) -> Run:
    script = paths_file.with_suffix(f".{mode}.lua")
    delay = DELAY % {"lo": think_ms // 2, "hi": think_ms * 3 // 2} if think_ms else ""
    script.write_text(LUA % {"delay": delay})
    threads = max(1, min(2, clients))
    command = [ensure_wrk(), f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "60s",
               "-s", str(script), site.base, "--", str(paths_file), str(seed)]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = site.cpu_seconds()
    started = time.monotonic()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = re.search(r"^RESULT (\{.*\})$", output, re.M)
    if not found:
        raise RuntimeError(f"wrk gave no result:\n{output}")
    data: dict[str, Any] = json.loads(found.group(1))
    client = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return Run(
        endpoint=endpoint,
        mode=mode,
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50=data["p50"] / 1000,
        p90=data["p90"] / 1000,
        p95=data["p95"] / 1000,
        p99=data["p99"] / 1000,
        max=data["max"] / 1000,
        errors=errors,
        client_cpu=client / wall,
        server_cpu=(site.cpu_seconds() - server_before) / wall,
        load=os.getloadavg()[0],
    )
