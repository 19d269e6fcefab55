"""Serve every demo shop over real HTTP, each on its own 127.0.0.1 port, in background threads.

with start(clock=SimClock(...)) as running:
    running.url("micro-bazar"); running.shops; running.hits["micro-bazar"]["/panier"]
"""

from __future__ import annotations

import logging
import socket
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from catalog.shopconfig import ShopConfig, load
from demoshops.clock import real_clock
from demoshops.pricing import DEFAULT_SEED
from demoshops.shops import SHOPS
from demoshops.site import Site

log = logging.getLogger(__name__)
SHOPS_TOML = Path(__file__).with_name("shops.toml")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DemoShop/1.0"
    wbufsize = 1 << 16
    # Keep-alive with small writes: without this, Nagle + delayed ACK adds 40 ms per response.
    disable_nagle_algorithm = True
    server: ShopServer
    # Idle keep-alive connections are closed after this many seconds.
    timeout = 30

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        try:
            response = self.server.site.get(self.path)
        except Exception:
            log.exception("%s: failed to render %s", self.server.site.spec.slug, self.path)
            self.send_error(500)
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header follows the injected clock, never the system time.
        return format_datetime(self.server.site.clock(), usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s %s", self.server.site.spec.slug, format % args)


class ShopServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], site: Site) -> None:
        self.site = site
        self.open_sockets: set[socket.socket] = set()
        self._sockets_lock = threading.Lock()
        super().__init__(address, Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._sockets_lock:
            self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Cut keep-alive connections still open (a crawler may hold some after a stop)."""
        with self._sockets_lock:
            sockets = list(self.open_sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class RunningShops:
    """The shops started by `start`: their configurations, URLs and hit counters."""

    def __init__(self, servers: dict[str, ShopServer], host: str) -> None:
        self._servers = servers
        self._threads: list[threading.Thread] = []
        self.host = host
        self.ports = {slug: server.server_address[1] for slug, server in servers.items()}
        self.shops: list[ShopConfig] = load(SHOPS_TOML, self.variables())

    def variables(self) -> dict[str, str]:
        return shop_variables(self.host, self.ports)

    def url(self, slug: str) -> str:
        return f"http://{self.host}:{self.ports[slug]}"

    def site(self, slug: str) -> Site:
        return self._servers[slug].site

    @property
    def hits(self) -> dict[str, Counter[str]]:
        """slug -> Counter of request paths (query strings dropped)."""
        return {slug: server.site.hits for slug, server in self._servers.items()}

    def _serve(self) -> None:
        for slug, server in self._servers.items():
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},  # a quick stop()
                name=f"demoshop-{slug}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
            server.close_connections()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> RunningShops:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def shop_variables(host: str, ports: dict[str, int]) -> dict[str, str]:
    """Placeholders of shops.toml: HOST and PORT_<SLUG> (dashes as underscores)."""
    values = {"HOST": host}
    for slug, port in ports.items():
        values["PORT_" + slug.upper().replace("-", "_")] = str(port)
    return values


def fixed_ports(base_port: int = 8101) -> dict[str, int]:
    return {spec.slug: base_port + index for index, spec in enumerate(SHOPS)}


def start(
    clock: Callable[[], datetime] | None = None,
    host: str = "127.0.0.1",
    ports: dict[str, int] | None = None,
    seed: int = DEFAULT_SEED,
) -> RunningShops:
    """Start every shop in background threads; ports=None binds a free port for each."""
    clock = clock or real_clock
    servers: dict[str, ShopServer] = {}
    try:
        for spec in SHOPS:
            port = (ports or {}).get(spec.slug, 0)
            server = ShopServer((host, port), Site(spec.slug, clock, seed))
            server.site.base = f"http://{host}:{server.server_address[1]}"
            servers[spec.slug] = server
    except OSError:
        for server in servers.values():
            server.server_close()
        raise
    running = RunningShops(servers, host)
    running._serve()
    log.info("demo shops on %s", ", ".join(f"{s}={running.url(s)}" for s in servers))
    return running
