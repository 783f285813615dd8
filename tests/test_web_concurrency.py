"""Many visitors at once: a read that takes a second database connection while it holds one (an
actor's rows looked up inside a list query) must never leave every request waiting for another."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from dateline.store import open_store
from dateline.web import create_app
from dateline.web.server import BackgroundServer
from desk_records import desk_records


def test_fifty_concurrent_actor_pages_are_all_answered(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "busy.db"))
    store.ingest(desk_records())
    actors = [a["id"] for a in store.actors(limit=20)["items"]]
    server = BackgroundServer(create_app(store=store)).start()
    try:

        async def visit() -> list[int]:
            async with httpx.AsyncClient(base_url=server.url, timeout=20) as client:
                replies = await asyncio.gather(
                    *(client.get(f"/actors/{actors[n % len(actors)]}") for n in range(50)),
                    return_exceptions=True,
                )
            return [r.status_code if isinstance(r, httpx.Response) else 0 for r in replies]

        # Before the pool was sized to the desk's threads, 40 threads each held a connection and
        # waited 30 s for a second one: every request failed.
        assert asyncio.run(visit()) == [200] * 50
    finally:
        server.stop()
        store.close()
