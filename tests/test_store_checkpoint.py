"""The SQLite write-ahead log is copied into the store file beside the ingest, after each batch."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from dateline.settings import SQLITE_CHECKPOINT_PAGES
from dateline.store import open_store
from store_records import corpus, filler


def _articles_in_the_file_alone(db: Path, tmp_path: Path) -> int:
    """Articles the store file holds by itself, its write-ahead log left behind."""
    alone = tmp_path / "alone.db"
    shutil.copyfile(db, alone)
    with sqlite3.connect(alone) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_a_committed_batch_reaches_the_store_file_without_waiting_for_a_long_log(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    store = open_store(str(db))
    report = store.ingest(
        corpus()
    )  # four articles stored: far fewer pages than SQLite's own checkpoint waits for
    assert report.added == 4
    assert store.checkpoint is not None
    store.checkpoint.wait()
    assert _articles_in_the_file_alone(db, tmp_path) == 4
    assert store.checkpoint.seconds > 0
    with store.engine.connect() as conn:  # the ingest's connection keeps SQLite's own as a backstop
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SQLITE_CHECKPOINT_PAGES
    store.close()


def test_batches_go_on_while_a_checkpoint_runs_and_none_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    store = open_store(str(db))
    for start in range(0, 60, 10):
        store.ingest([filler(n) for n in range(start, start + 10)])  # each starts one unless one runs
    store.close()  # waits for the last one
    assert _articles_in_the_file_alone(db, tmp_path) == 60
