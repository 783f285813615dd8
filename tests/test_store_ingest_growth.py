"""A batch's cost does not grow with the store (issue 14): no statement an ingest runs reads a whole
table (each finds its rows through an index, the dirty summary rows through partial indexes that
hold only them), and a store from before those indexes gets them when it is opened, on SQLite and
PostgreSQL, with every read as before."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, inspect, text

from conftest import store_url
from dateline.model import Record
from dateline.store import Store, open_store
from dateline.store.core import make_engine
from dateline.store.schema import metadata
from dateline.store.summaries import rebuild
from desk_records import desk_records, summit_records
from map_records import geneva_round
from store_records import corpus, edited
from test_store_summaries import crowded, summary_rows

# The indexes added for issue 14, by table, and those they replace (or repeated one kept).
ADDED = {
    "mentions": "ix_mentions_entity",
    "quote_places": "ix_quote_places_article_key",
    "place_stats": "ix_place_stats_dirty",
    "actor_edges": "ix_actor_edges_dirty",
}
REPLACED = [
    ("quote_places", "ix_quote_places_article", "(article_pk)"),
    ("places", "ix_places_key", "(key)"),  # the start of ix_places_key_article
    ("quotes", "ix_quotes_timeline", "(day, source_type)"),  # the timeline reads the daily counts
]


def first_records() -> list[Record]:
    return [*corpus(), *desk_records(), geneva_round(), *summit_records(), crowded(1)]


def replacements() -> list[Record]:
    """New versions of articles with entities, mentions, quotes, places and events on both sides:
    replacing them deletes rows of every kind and dirties place keys and network edges."""
    port = desk_records()[0]
    return [
        edited(port, port.text + "\nCorrection appended.\n"),
        crowded(2),
        edited(corpus()[0], corpus()[0].text + " "),
    ]


def explained(store: Store, records: list[Record]) -> list[tuple[str, list[str]]]:
    """Ingest ``records`` in one batch: each statement it ran that reads rows, with its SQLite query
    plan (the detail of each step)."""
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        statements.append((statement, parameters[0] if many else parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        store.ingest(records, batch_size=len(records))
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    found = []
    raw = store.engine.raw_connection()
    try:
        for statement, parameters in statements:
            if not re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE)", statement, re.IGNORECASE):
                continue
            if re.match(r"\s*INSERT\b.*\bVALUES\b", statement, re.IGNORECASE | re.DOTALL):
                continue  # rows given in full: nothing is looked up but parents, by their keys
            plan = raw.cursor().execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            found.append((statement, [row[3] for row in plan]))
    finally:
        raw.close()
    return found


def plans(store: Store, records: list[Record]) -> tuple[list[str], dict[str, str]]:
    """Ingest ``records`` in one batch; the statements it ran, and each table scan their SQLite query
    plans hold (one read of every row of a table), with a statement that does it."""
    stored = set(metadata.tables)
    statements = explained(store, records)
    scans: dict[str, str] = {}
    for statement, plan in statements:
        for detail in plan:
            scanned = re.match(r"SCAN (\w+)", detail)
            # A partial index holds only the rows asked for (the dirty ones): reading it is no scan.
            if scanned and scanned.group(1) in stored and not re.search(r"INDEX ix_\w+_dirty$", detail):
                scans.setdefault(detail, " ".join(statement.split())[:200])
    return [s for s, _p in statements], scans


def test_no_statement_of_a_batch_scans_a_table(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store.db"))
    try:
        store.ingest(first_records())
        ran, scans = plans(store, replacements())
        # The batch took every path a table scan could hide in: the deletes of a replaced article
        # (entities, whose mentions the foreign key's cascade looks up), the settling of its place
        # keys and network edges, the new articles' summaries.
        for part in ("DELETE FROM entities", "DELETE FROM actor_edges", "DELETE FROM place_stats",
                     "INSERT INTO actor_edges", "INSERT INTO place_stats"):  # fmt: skip
            assert any(part in statement for statement in ran), part
        assert scans == {}
    finally:
        store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield store_url(request, tmp_path)


def indexes(store: Store) -> dict[str, set[str]]:
    with store.engine.connect() as conn:
        inspector = inspect(conn)
        tables = {*ADDED, *(table for table, _n, _c in REPLACED)}
        return {table: {i["name"] for i in inspector.get_indexes(table)} for table in tables}


def reads(store: Store) -> dict[str, Any]:
    return {"counts": store.counts(), "actors": store.actors(limit=500), "quotes": store.quotes(limit=500),
            "events": store.events(limit=500), "network": store.network(), "places": store.places(limit=500),
            "article": store.article("crowded-hall"), "summaries": summary_rows(store)}  # fmt: skip


def test_an_older_store_gets_the_indexes_when_opened(url: str) -> None:
    store = open_store(url)
    store.ingest(first_records())
    with store.engine.begin() as conn:  # as a store from before them
        for name in ADDED.values():
            conn.execute(text(f"DROP INDEX {name}"))
        for table, name, columns in REPLACED:
            conn.execute(text(f"CREATE INDEX {name} ON {table} {columns}"))
    expected = reads(store)
    store.close()
    reopened = open_store(url)
    try:
        found = indexes(reopened)
        assert all(name in found[table] for table, name in ADDED.items()), found
        assert not [name for table, name, _c in REPLACED if name in found[table]]
        assert reads(reopened) == expected
        reopened.ingest(replacements())  # and the batches after, replacing articles, keep the summaries
        kept = summary_rows(reopened)
        with reopened.engine.begin() as conn:
            rebuild(conn)
        assert summary_rows(reopened) == kept
    finally:
        reopened.close()


def test_a_new_store_has_the_indexes_and_opening_it_again_creates_nothing(url: str) -> None:
    store = open_store(url)
    found = indexes(store)
    store.close()
    assert all(name in found[table] for table, name in ADDED.items()), found
    assert not [name for table, name, _c in REPLACED if name in found[table]]
    engine = make_engine(url)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    Store(engine).close()  # what a reader opening the store does: looks, and indexes nothing
    assert not [s for s in statements if re.match(r"\s*(CREATE|DROP)\s+INDEX\b", s, re.IGNORECASE)]


def quote_link_lookups(store: Store, records: list[Record]) -> set[str]:
    """How the summaries' upsert of new articles' places counts each one's located quote links."""
    return {
        detail
        for statement, plan in explained(store, records)
        if statement.lstrip().startswith("INSERT INTO place_stats") and "ON CONFLICT" in statement
        for detail in plan
        if "quote_places" in detail
    }


def test_a_new_article_counts_its_own_quote_links_only(tmp_path: Path) -> None:
    """Not every link of its places: with its article alone to go by, SQLite took the place key's
    index and read every quote of a busy place for each new article (at 1,000,000 articles, most of
    a batch's time). In a new store and in an older one, whichever order its indexes were made in."""
    path = str(tmp_path / "store.db")
    store = open_store(path)
    try:
        store.ingest([r for r in first_records() if r.id not in {"crowded-hall", geneva_round().id}])
        lookups = quote_link_lookups(store, [geneva_round()])
        assert lookups and all("COVERING INDEX ix_quote_places_article_key (article_pk=? AND key=? AND located=?)" in d
                               for d in lookups), lookups  # fmt: skip
        with store.engine.begin() as conn:  # an older store, its indexes made in the order of before
            for name in ("ix_quote_places_article_key", "ix_quote_places_key"):
                conn.execute(text(f"DROP INDEX {name}"))
            conn.execute(text("CREATE INDEX ix_quote_places_article ON quote_places (article_pk)"))
            conn.execute(text("CREATE INDEX ix_quote_places_key ON quote_places (key, located, quote_pk)"))
        lookups = quote_link_lookups(store, [crowded(1)])
        assert lookups and all("ix_quote_places_key" in d for d in lookups), lookups  # as before
    finally:
        store.close()
    reopened = open_store(path)
    try:
        lookups = quote_link_lookups(reopened, [dataclasses.replace(crowded(1), id="crowded-hall-again")])
        assert lookups and all("ix_quote_places_article_key" in d for d in lookups), lookups
    finally:
        reopened.close()
