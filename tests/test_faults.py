"""Faults in the middle of an ingest: a store another process holds locked, a full disk, a PostgreSQL
connection dropped. Each is one line and exit code 3, never a traceback; the batches committed before
it stay whole and nothing of the failing batch is left; the same command run again completes the job
and the store then holds what an uninterrupted ingest gives, nothing twice. An ingest into PostgreSQL
killed with SIGKILL is here too (SQLite's is tests/test_determinism.py's).

Records files are ingested (no spaCy), four stories in batches of two: the fault strikes once the
first batch is committed."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import select
from typer.testing import CliRunner, Result

from conftest import says
from dateline.cli import app
from dateline.cli_options import EXIT_CANNOT_RUN
from dateline.model import Record
from dateline.store import Store, open_store
from dateline.store import core as store_core
from dateline.store.schema import TABLES
from desk_records import desk_records, hostile_record

BATCH = 2


def records() -> list[Record]:
    return [*desk_records(), hostile_record()]


def records_file(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in records()), encoding="utf-8")
    return path


def ingest(path: Path, db: str) -> Result:
    return CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--batch-size", str(BATCH), "-q"])


def snapshot(db: str) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """Rows per table, and every stored article's id, content hash and record."""
    store = open_store(db, create=False)
    try:
        a = TABLES.articles
        with store.engine.connect() as conn:
            articles = sorted(
                tuple(row) for row in conn.execute(select(a.c.id, a.c.content_hash, a.c.record))
            )
        return store.counts(), articles
    finally:
        store.close()


def uninterrupted(db: str, upto: int | None = None) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """What a store holds after ingesting the first ``upto`` records (all by default) without a fault."""
    store = open_store(db)
    try:
        store.ingest(records()[:upto], batch_size=BATCH)
    finally:
        store.close()
    return snapshot(db)


def cannot_run(result: Result, says_what: str) -> None:
    """Exit code 3 and one line naming the problem and what to do; no traceback."""
    assert result.exit_code == EXIT_CANNOT_RUN, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 3, result.output
    assert says(result.output, says_what) and says(result.output, "run the same command again"), result.output


def after_first_batch(monkeypatch: pytest.MonkeyPatch, fault: Callable[[Store], None]) -> None:
    """Make ``fault`` strike once the ingest's first batch is committed."""
    original = Store.ingest_batch
    struck: list[bool] = []

    def ingest_batch(self: Store, batch: list[Record], reextracted: bool = False) -> Any:
        report = original(self, batch, reextracted)
        if not struck:
            struck.append(True)
            fault(self)
        return report

    monkeypatch.setattr(Store, "ingest_batch", ingest_batch)


# ---- SQLite: a lock another process holds -------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
"""


@contextmanager
def lock_holder() -> Iterator[Callable[[Path], None]]:
    """``take(path)`` starts a process that holds SQLite's write lock on ``path`` until the block ends."""
    held: list[subprocess.Popen[str]] = []

    def take(path: Path) -> None:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        held.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"

    try:
        yield take
    finally:
        for process in held:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=30)


def test_a_store_another_process_holds_locked_is_one_line_and_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, db = records_file(tmp_path), tmp_path / "store.db"
    expected_part, expected = (
        uninterrupted(str(tmp_path / "part.db"), BATCH),
        uninterrupted(str(tmp_path / "all.db")),
    )
    # How long SQLite waits for a lock before it gives up: 30 s by default.
    monkeypatch.setattr(store_core, "BUSY_TIMEOUT", 0.5)
    with lock_holder() as take:
        after_first_batch(monkeypatch, lambda store: take(db))
        result = ingest(path, str(db))
    cannot_run(result, "is locked by another process")
    assert snapshot(str(db)) == expected_part
    monkeypatch.undo()
    assert ingest(path, str(db)).exit_code == 0
    assert snapshot(str(db)) == expected


def test_a_lock_held_while_the_store_opens_is_one_line_after_one_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose file another process locked before dateline first opened it (not in WAL mode
    yet, so even reading it waits): one wait for the lock, not one per retry of the schema set-up."""
    path, db = records_file(tmp_path), tmp_path / "store.db"
    monkeypatch.setattr(store_core, "BUSY_TIMEOUT", 1.0)
    with lock_holder() as take:
        take(db)
        started = time.monotonic()
        result = ingest(path, str(db))
        waited = time.monotonic() - started
    cannot_run(result, "is locked by another process")
    assert waited < 5, f"{waited:.1f} s: the schema set-up waited for the lock again and again"
    assert ingest(path, str(db)).exit_code == 0
    assert snapshot(str(db)) == uninterrupted(str(tmp_path / "all.db"))


# ---- SQLite: a full disk ------------------------------------------------------------------------


def fill_the_disk_after_first_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills once the first batch is committed: SQLite's max_page_count, set on every new
    connection to the pages the file then has, refuses any page more, as a full disk does."""
    pages: list[int] = []
    pragmas = store_core._sqlite_pragmas

    def pragmas_on_a_full_disk(dbapi_connection: Any, record: Any) -> None:
        pragmas(dbapi_connection, record)
        if pages:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages[0]}")

    def fill_the_disk(store: Store) -> None:
        with store.engine.connect() as conn:
            pages.append(int(conn.exec_driver_sql("PRAGMA page_count").scalar_one()))
        store.engine.dispose()  # the next connection opens on the full disk

    monkeypatch.setattr(store_core, "_sqlite_pragmas", pragmas_on_a_full_disk)
    after_first_batch(monkeypatch, fill_the_disk)


def test_a_full_disk_mid_ingest_is_one_line_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, db = records_file(tmp_path), tmp_path / "store.db"
    expected_part, expected = (
        uninterrupted(str(tmp_path / "part.db"), BATCH),
        uninterrupted(str(tmp_path / "all.db")),
    )
    fill_the_disk_after_first_batch(monkeypatch)
    cannot_run(ingest(path, str(db)), "is full")
    monkeypatch.undo()
    assert snapshot(str(db)) == expected_part
    assert ingest(path, str(db)).exit_code == 0
    assert snapshot(str(db)) == expected


def test_a_full_disk_mid_reextraction_is_one_line_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    path, db, whole = records_file(tmp_path), tmp_path / "store.db", tmp_path / "whole.db"
    for store in (db, whole):
        assert ingest(path, str(store)).exit_code == 0
    reextract = ["reextract", "--batch-size", str(BATCH), "-q", "--db"]
    assert CliRunner().invoke(app, [*reextract, str(whole)]).exit_code == 0
    fill_the_disk_after_first_batch(monkeypatch)
    cannot_run(CliRunner().invoke(app, [*reextract, str(db)]), "is full")
    monkeypatch.undo()
    assert CliRunner().invoke(app, [*reextract, str(db)]).exit_code == 0
    assert snapshot(str(db)) == snapshot(str(whole))


# ---- PostgreSQL: the connection dropped ---------------------------------------------------------


def test_a_postgresql_connection_dropped_mid_batch_is_one_line_and_a_rerun_adds_the_rest(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The server ends the ingest's session (pg_terminate_backend, as a restart or an administrator
    would) while the second batch is half sent: that batch is rolled back whole, the first stays."""
    import psycopg

    from dateline.store.pgcluster import reset_database

    path = records_file(tmp_path)
    reset_database(postgres_url)
    expected_part = uninterrupted(postgres_url, BATCH)
    reset_database(postgres_url)
    expected = uninterrupted(postgres_url)
    reset_database(postgres_url)
    original = Store._ingest_one
    seen: list[str] = []

    def drop_then_ingest(self: Store, conn: Any, record: Record, *args: Any) -> Any:
        seen.append(record.id)
        if len(seen) == BATCH + 2:  # the second batch has sent one record; now its session ends
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
            with psycopg.connect(postgres_url.replace("+psycopg", "", 1), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return original(self, conn, record, *args)

    monkeypatch.setattr(Store, "_ingest_one", drop_then_ingest)
    cannot_run(ingest(path, postgres_url), "connection to PostgreSQL")
    monkeypatch.undo()
    assert snapshot(postgres_url) == expected_part
    assert ingest(path, postgres_url).exit_code == 0
    assert snapshot(postgres_url) == expected


# ---- PostgreSQL: the ingest killed (kill -9) -----------------------------------------------------


def test_a_postgresql_ingest_killed_with_sigkill_then_rerun_stores_the_same(
    postgres_url: str, tmp_path: Path
) -> None:
    """The ingesting process dies at once (SIGKILL: no handler, no rollback of its own) in the middle of
    its run: PostgreSQL drops the open transaction, the batches committed stay whole, and the same
    command run again leaves what an uninterrupted ingest does."""
    import dataclasses
    import signal

    import psycopg

    from dateline.store.pgcluster import reset_database

    many = [dataclasses.replace(r, id=f"{r.id}~{n}") for n in range(60) for r in records()]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in many), encoding="utf-8")
    reset_database(postgres_url)
    assert ingest(path, postgres_url).exit_code == 0
    expected = snapshot(postgres_url)
    reset_database(postgres_url)

    def stored() -> int:
        try:
            with psycopg.connect(postgres_url.replace("+psycopg", "", 1)) as conn:
                return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
        except psycopg.Error:
            return 0  # the schema is not there yet

    command = [sys.executable, "-m", "dateline.cli", "ingest", str(path), "--db", postgres_url, "-q",
               "--batch-size", str(BATCH)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and stored() < 10 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
    part = stored()
    assert 10 <= part < len(many), f"killed after {part} of {len(many)} articles"
    assert part % BATCH == 0, "whole batches only"
    assert ingest(path, postgres_url).exit_code == 0
    assert snapshot(postgres_url) == expected
