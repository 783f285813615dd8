"""A time budget for each database statement, so that no request to the desk can burn the server.

SQLite has no statement timeout: a progress handler, called every ``PROGRESS_STEPS`` virtual-machine
instructions, interrupts a statement once it has used its budget of CPU time (``sqlite3.OperationalError:
interrupted``). CPU time of the thread running it, not time on the clock: a statement that waits for
other requests' threads on a busy server, or for an ingest's write lock, has burnt nothing. PostgreSQL has one: ``statement_timeout``, set on every connection the pool hands out
(``QueryCanceled``). ``over_budget(exc)`` tells such an error from any other, for the web layer to answer
400 with a message instead of 500. Only the desk sets a budget: ingest and maintenance run unbounded.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

PROGRESS_STEPS = 10_000  # instructions between two looks at the clock: microseconds of work


def limit_statement_time(engine: Engine, seconds: float) -> None:
    """Every statement run through ``engine`` from now on stops after ``seconds``."""
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "before_cursor_execute")
        def _deadline(
            conn: Any, cursor: Any, statement: Any, parameters: Any, context: Any, many: Any
        ) -> None:
            # SQLite runs a statement, and calls its progress handler, in the thread that executes it.
            deadline = time.thread_time() + seconds
            raw = conn.connection.dbapi_connection
            raw.set_progress_handler(lambda: int(time.thread_time() > deadline), PROGRESS_STEPS)

    else:

        @event.listens_for(engine, "checkout")
        def _timeout(dbapi_connection: Any, record: Any, proxy: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")


def over_budget(exc: BaseException) -> bool:
    """Whether ``exc`` is a statement stopped by its time budget."""
    if not isinstance(exc, DBAPIError):
        return False
    original = exc.orig
    name = type(original).__name__
    return name == "QueryCanceled" or (name == "OperationalError" and "interrupted" in str(original))
