"""A time budget for each database statement, so that no request to the desk can burn the server.

SQLite has no statement timeout: a progress handler, called every ``PROGRESS_STEPS`` virtual-machine
instructions, interrupts a statement once it has used its budget of CPU time (``sqlite3.OperationalError:
interrupted``, or "vtable constructor failed" when it stops a connection's first opening of the
full-text index; the error is marked ``stopped_by_budget`` either way). CPU time of the thread running
it, not time on the clock: a statement that waits for other requests' threads on a busy server, or for
an ingest's write lock, has burnt nothing. PostgreSQL has one: ``statement_timeout``, set on every
connection the pool hands out (``QueryCanceled``). ``over_budget(exc)`` tells such an error from any
other, for the web layer to answer 400 with a message instead of 500. Only the desk sets a budget:
ingest and maintenance run unbounded.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

PROGRESS_STEPS = 10_000  # instructions between two looks at the clock: microseconds of work
# Whether the last statement run in this thread was stopped by its budget (SQLite).
_stopped = threading.local()


def limit_statement_time(engine: Engine, seconds: float) -> None:
    """Every statement run through ``engine`` from now on stops after ``seconds``."""
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "before_cursor_execute")
        def _deadline(
            conn: Any, cursor: Any, statement: Any, parameters: Any, context: Any, many: Any
        ) -> None:
            # SQLite runs a statement, and calls its progress handler, in the thread that executes it.
            deadline = time.thread_time() + seconds
            _stopped.now = False

            def over() -> int:
                if time.thread_time() > deadline:
                    _stopped.now = True  # what SQLite then says depends on where it was stopped
                    return 1
                return 0

            raw = conn.connection.dbapi_connection
            raw.set_progress_handler(over, PROGRESS_STEPS)

        @event.listens_for(engine, "handle_error")
        def _mark(context: Any) -> None:
            # In the thread that ran the statement (the web layer looks at the error in another one).
            if getattr(_stopped, "now", False):
                context.sqlalchemy_exception.stopped_by_budget = True

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
    if name == "QueryCanceled" or getattr(exc, "stopped_by_budget", False):
        return True
    # Mostly "interrupted"; stopped while a connection first opens the full-text index, "vtable
    # constructor failed", which only the handler's mark tells from a real failure.
    return name == "OperationalError" and "interrupted" in str(original)
