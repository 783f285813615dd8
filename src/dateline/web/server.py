"""Running the desk under uvicorn: what ``dateline serve`` does, and what the browser tests start."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence

import uvicorn
from fastapi import FastAPI

from dateline.web.app import create_app


def address(host: str, port: int) -> str:
    """The URL a person types: IPv6 hosts in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    store_url: str | None,
    host: str,
    port: int,
    echo: Callable[[str], None] = print,
    hosts: Sequence[str] = (),
) -> None:
    """Open the store, say where the desk is, and serve until interrupted; ``hosts`` are the names
    beyond loopback the desk answers to."""
    app = create_app(store_url, hosts=hosts)
    if not app.state.store.articles(limit=1)["items"]:
        echo("note: the store has no articles yet; add some with 'dateline ingest INPUT... --db ...'")
    echo(f"dateline desk: {address(host, port)}  (API docs: {address(host, port)}docs; Ctrl+C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (the OS picks it), for test servers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BackgroundServer:
    """uvicorn in a thread of this process, on loopback: started and stopped by the tests."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="dateline-desk", daemon=True)

    @property
    def url(self) -> str:
        return address(self.host, self.port).rstrip("/")

    def start(self, timeout: float = 15.0) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the desk did not start on {self.url}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
