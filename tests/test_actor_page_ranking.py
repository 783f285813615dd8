"""The actor page's partners and co-mentioned actors on a busy store, SQLite and PostgreSQL alike:
the database groups the shared items per actor, and the result is the ranking of every shared
(actor, item) pair: most items first, ties by key, 15 actors, each with its 50 first item ids."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Subquery, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import ingest_growth  # noqa: E402
from conftest import store_url  # noqa: E402
from dateline.store import Store, actor_reads, open_store  # noqa: E402
from make_synthetic_quotes import SEED, World  # noqa: E402

BUSY = "gpe-united-states"  # named in most of the articles, beside a few busy people


@pytest.fixture(params=["sqlite", "postgresql"])
def busy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store = open_store(store_url(request, tmp_path))
    store.ingest(ingest_growth.busy_records(0, 120, World(SEED)))
    yield store
    store.close()


def ranked(pairs: list[Any], ids_key: str, top: int) -> list[dict[str, Any]]:
    """The ranking spelt out over every (key, name, item) row."""
    items: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for key, name, item in pairs:
        items[(key, name)].append(item)
    order = sorted(items.items(), key=lambda kv: (-len(kv[1]), kv[0][0]))[:top]
    return [{"actor": k, "name": n, "count": len(v), ids_key: sorted(v)[:50]} for (k, n), v in order]


def test_partners_and_co_mentioned_rank_every_shared_item(
    busy: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, list[Any]]] = []
    real = actor_reads.top_sharing

    def spy(conn: Any, shared: Subquery, ids_key: str, top: int) -> list[dict[str, Any]]:
        seen.append((ids_key, ranked(conn.execute(select(shared)).all(), ids_key, top)))
        return real(conn, shared, ids_key, top)

    monkeypatch.setattr(actor_reads, "top_sharing", spy)
    page = busy.actor(BUSY)
    assert page is not None
    expected = dict(seen)
    assert page["co_mentioned"] == expected["article_ids"]
    assert page["partners"] == expected["event_ids"]
    # Someone shares more than 50 articles with the busy actor, and more than 15 actors share some.
    assert max(len(c["article_ids"]) for c in page["co_mentioned"]) == 50
    assert page["co_mentioned"][0]["count"] > 50
    assert len(page["co_mentioned"]) == 15
