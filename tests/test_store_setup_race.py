"""Several ingests started together on a store that does not exist yet: every one opens it (the
schema is created once, whoever wins the race), SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

PROCESSES = 4
ROUNDS = 3


def _open(url: str, barrier: Any, results: Any) -> None:
    from dateline.store import open_store

    barrier.wait()
    try:
        open_store(url).close()
        results.put("ok")
    except Exception as exc:  # reported to the test, which fails on it
        results.put(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")


def _race(url: str) -> list[str]:
    context = mp.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_open, args=(url, barrier, results)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    outcomes = []
    for _ in workers:
        try:
            outcomes.append(results.get(timeout=5))
        except Empty:
            outcomes.append("no answer")
    return outcomes


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_stores_opened_together_for_the_first_time_all_open(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    for round_ in range(ROUNDS):
        url = str(tmp_path / f"round{round_}" / "store.db") if backend == "sqlite" else _fresh_pg(request)
        assert _race(url) == ["ok"] * PROCESSES


def _fresh_pg(request: pytest.FixtureRequest) -> str:
    from dateline.store.pgcluster import reset_database

    url: str = request.getfixturevalue("postgres_url")
    reset_database(url)
    return url
