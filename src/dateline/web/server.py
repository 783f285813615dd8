"""Running the desk under uvicorn: what ``dateline serve`` does, and what the browser tests start."""

from __future__ import annotations

import gc
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence

import uvicorn
from fastapi import FastAPI

from dateline.web.app import create_app
from dateline.web.maps import countries


def address(host: str, port: int) -> str:
    """The URL a person types: IPv6 hosts in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


# How `dateline serve --workers N` tells each worker process which store to open and which host names
# to answer: uvicorn starts the workers afresh, and they build their app from these.
STORE_ENV, HOSTS_ENV = "DATELINE_DESK_STORE", "DATELINE_DESK_HOSTS"


def serve(
    store_url: str | None,
    host: str,
    port: int,
    echo: Callable[[str], None] = print,
    hosts: Sequence[str] = (),
    workers: int = 1,
) -> None:
    """Open the store, say where the desk is, and serve until interrupted; ``hosts`` are the names
    beyond loopback the desk answers to. With ``workers`` > 1, that many processes serve it (every
    core: each has its own store connections and threads)."""
    app = create_app(store_url, hosts=hosts)  # also checks the store opens before any worker starts
    if not app.state.store.articles(limit=1)["items"]:
        echo("note: the store has no articles yet; add some with 'dateline ingest INPUT... --db ...'")
    echo(f"dateline desk: {address(host, port)}  (API docs: {address(host, port)}docs; Ctrl+C stops)")
    if workers <= 1:
        uvicorn.run(ready_to_serve(app), host=host, port=port, log_level="warning")
        return
    app.state.store.close()
    os.environ[STORE_ENV] = store_url or ""
    os.environ[HOSTS_ENV] = json.dumps(list(hosts))
    target = f"{__name__}:app_from_environment"
    uvicorn.run(target, factory=True, host=host, port=port, workers=workers, log_level="warning")


def app_from_environment() -> FastAPI:
    """The desk of one worker process of ``serve(workers=N)``, from what ``serve`` put in the environment."""
    app = create_app(os.environ.get(STORE_ENV) or None, hosts=json.loads(os.environ.get(HOSTS_ENV, "[]")))
    return ready_to_serve(app)


def ready_to_serve(app: FastAPI) -> FastAPI:
    """``app`` with what every server process keeps for its lifetime loaded and set aside from the
    garbage collector: the modules, templates and the world's outlines are some 170,000 objects,
    which each full collection walked (80 ms, a request's whole budget, at random moments). Frozen
    (``gc.freeze``), a collection walks only what requests create."""
    countries()  # the map's outlines, else read on the first map and walked by every collection after
    gc.collect()
    gc.freeze()
    return app


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
