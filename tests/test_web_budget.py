"""No request may burn the server: each database statement of the desk has a time budget; over it, a
400 that says how to narrow the request, never a 500 or a hung worker."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from conftest import store_url
from dateline.store import Store, budget, open_store
from dateline.web import create_app
from desk_records import desk_records


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    opened = open_store(store_url(request, tmp_path))
    opened.ingest(desk_records())
    return opened


def test_a_request_within_the_budget_is_answered(store: Store) -> None:
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    assert client.get("/api/search", params={"q": "road"}).status_code == 200
    store.close()


def test_a_statement_over_the_budget_is_a_400_that_says_how_to_narrow_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.dialect != "sqlite":
        pytest.skip("a 1 ms PostgreSQL timeout cannot be made to strike a tiny store's queries every time")
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    monkeypatch.setattr(budget, "PROGRESS_STEPS", 1)  # SQLite: look at the clock at every instruction
    budget.limit_statement_time(store.engine, 1e-6)  # a budget nothing fits in
    response = client.get("/api/search", params={"q": "road"})
    assert response.status_code == 400
    assert "narrow it" in response.json()["detail"]
    page = client.get("/quotes")
    assert page.status_code == 400 and "narrow it" in page.text
    store.close()


def test_a_slow_statement_is_stopped_and_known_for_it(store: Store) -> None:
    budget.limit_statement_time(store.engine, 0.05)
    slow = (
        "SELECT pg_sleep(1)"
        if store.dialect == "postgresql"
        else "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM (SELECT x FROM r LIMIT 100000000)"
    )
    with pytest.raises(DBAPIError) as stopped, store.engine.connect() as conn:
        conn.execute(text(slow)).all()
    assert budget.over_budget(stopped.value)
    with store.engine.connect() as conn:  # the connection serves the next statement as usual
        assert conn.execute(text("SELECT 1")).scalar() == 1
    assert not budget.over_budget(ValueError("interrupted"))
    store.close()


def test_waiting_is_not_burning_sqlite_budgets_cpu_time_not_the_clock(tmp_path: Path) -> None:
    # On a busy server a statement waits for other threads (or for an ingest's write lock): that wait
    # must not turn a cheap request into a 400. Here each 20,000th row waits 50 ms: 1 s on the clock,
    # a small fraction of it on the CPU, against a budget of 0.5 s.
    store = open_store(str(tmp_path / "wait.db"))
    budget.limit_statement_time(store.engine, 0.5)
    waits = (
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 400000) "
        "SELECT sum(nap(x)) FROM r"
    )
    with store.engine.connect() as conn:
        conn.connection.dbapi_connection.create_function(  # type: ignore[union-attr]
            "nap", 1, lambda x: time.sleep(0.05) or 0 if x % 20_000 == 0 else 0
        )
        started = time.monotonic()
        assert conn.execute(text(waits)).scalar() == 0
        assert time.monotonic() - started >= 1.0
    store.close()


def test_a_statement_stopped_while_sqlite_first_opens_the_search_index_is_over_budget_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A connection opens the full-text index on its first search; stopped inside that opening, SQLite
    # says "vtable constructor failed", not "interrupted": still a 400 that says how to narrow it.
    store = open_store(str(tmp_path / "fresh.db"))
    store.ingest(desk_records())
    store.close()  # every connection that has opened the index goes
    store = open_store(str(tmp_path / "fresh.db"))
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    monkeypatch.setattr(budget, "PROGRESS_STEPS", 1)
    budget.limit_statement_time(store.engine, 1e-6)
    response = client.get("/api/search", params={"q": "road"})
    assert response.status_code == 400, response.text
    assert "narrow it" in response.json()["detail"]
    store.close()
