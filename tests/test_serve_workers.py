"""`dateline serve --workers N`: N processes serve the same desk, each answering what one would (the
same store, the same host allow-list), and the whole stops cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from dateline.store import open_store
from dateline.web.server import free_port
from desk_records import desk_records

DATELINE = Path(sys.executable).parent / "dateline"


def worker_pids(pid: int) -> list[int]:
    """The processes ``pid`` started to serve (multiprocessing's resource tracker left out)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(c) for c in (task / "children").read_text().split()]
    return [c for c in found if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def test_two_server_processes_serve_the_same_desk(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    store = open_store(str(db))
    store.ingest(desk_records())
    expected = store.count_quotes()
    store.close()
    port = free_port()
    server = subprocess.Popen(
        [str(DATELINE), "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"{base}/api/quotes", params={"limit": 200}, timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.3)
        assert answer.status_code == 200 and len(answer.json()["items"]) == expected
        assert len(worker_pids(server.pid)) == 2, "two server processes"
        pages = [httpx.get(f"{base}/quotes", timeout=10) for _ in range(6)]
        assert all(p.status_code == 200 for p in pages)
        stranger = httpx.get(f"{base}/api/quotes", headers={"Host": "rebind.example"}, timeout=5)
        assert stranger.status_code == 400, "every worker keeps the host allow-list"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
