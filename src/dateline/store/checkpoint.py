"""SQLite's write-ahead log copied back into the store beside the ingest, not in its way.

In WAL mode a commit appends the pages it changed to the log; a checkpoint later writes them into
the store file and syncs it. Left to SQLite, the commit that finds the log long enough runs the
checkpoint itself, so the ingest waits for it: in a million-article store a batch's pages are
spread over gigabytes of indexes, and that wait took up to a third of the batch's time. Here a thread of
the writing process checkpoints after each committed batch while the ingest goes on with the next
one (parsing it, which takes far longer); the writer's own automatic checkpoint stays as a backstop
at ``settings.SQLITE_CHECKPOINT_PAGES``. A checkpoint that fails (a full disk) is logged and tried
again after the next batch: the log keeps every committed page until one succeeds.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)


class BackgroundCheckpoint:
    """One checkpoint at a time, started by ``after_commit``; ``seconds`` is the time spent in them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.seconds = 0.0
        self._executor: ThreadPoolExecutor | None = None
        self._running: Future[None] | None = None
        self._lock = threading.Lock()

    def after_commit(self) -> None:
        """Start a checkpoint unless one is running (it will not take this commit's pages whole;
        the next commit starts another)."""
        with self._lock:
            if self._running is not None and not self._running.done():
                return
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-checkpoint")
            self._running = self._executor.submit(self._checkpoint)

    def wait(self) -> None:
        """Return once no checkpoint is running."""
        with self._lock:
            running = self._running
        if running is not None:
            running.result()

    def close(self) -> None:
        self.wait()
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
                self._executor = None

    def _checkpoint(self) -> None:
        started = time.perf_counter()
        try:
            with self.engine.connect() as conn:
                # PASSIVE: copies what no reader still needs, never waits for a reader or the writer.
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except DBAPIError as exc:
            log.warning("checkpoint failed (%s); trying again after the next batch", exc.orig)
        finally:
            self.seconds += time.perf_counter() - started
