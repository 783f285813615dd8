"""The Store: an engine, the tables, idempotent ingest; the read methods come from ``Reads``."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.sql.elements import ColumnElement

from dateline.model import SCHEMA_VERSION, Article, Record
from dateline.settings import POOL_CONNECTIONS, SQLITE_CHECKPOINT_PAGES, SQLITE_WRITER_CACHE_MB
from dateline.store import duplicate_index, summaries
from dateline.store import near_duplicates as near
from dateline.store import rows as R
from dateline.store.aggregates import ActorDelta, folded_columns, refresh_actors
from dateline.store.checkpoint import BackgroundCheckpoint
from dateline.store.schema import ARTICLE_CHILDREN, TABLES, create_schema
from dateline.store.summary_reads import SummaryReads
from dateline.store.text import HasContent, content_hash

log = logging.getLogger("dateline.store")

DEFAULT_URL = "sqlite:///data/dateline.db"
DEFAULT_BATCH_SIZE = 100
# Seconds an SQLite store waits for a lock another process holds (another ingest's batch) before it
# gives up with "database is locked".
BUSY_TIMEOUT = 30.0


@dataclass
class IngestReport:
    """What one ingest did: articles added, unchanged (already stored), replaced, failed, and copies
    of an extracted article recorded as near-duplicates."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0  # same input id, new content: the old version was replaced
    failed: int = 0
    failed_ids: list[str] = field(default_factory=list)
    duplicates: int = 0  # near-duplicates of an extracted article, recorded as links to it

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.unchanged += other.unchanged
        self.replaced += other.replaced
        self.failed += other.failed
        self.failed_ids += other.failed_ids
        self.duplicates += other.duplicates


def database_url(url: str | None) -> str:
    """Normalise what a user gives: None, a plain path, sqlite:///..., postgresql://... ."""
    if not url:
        return DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{url}"


def make_engine(url: str | None) -> Engine:
    full = database_url(url)
    if full.startswith("sqlite"):
        path = full.split(":///", 1)[1] if ":///" in full else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            full,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT},
            pool_size=POOL_CONNECTIONS,
            max_overflow=0,
            # The connection used last goes out first: an ingest keeps writing through the one
            # whose page cache holds its indexes, instead of a different cold one each batch.
            pool_use_lifo=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # PostgreSQL: as many as the desk's threads can need; idle ones beyond a few are closed.
    return create_engine(full, pool_pre_ping=True, pool_size=5, max_overflow=POOL_CONNECTIONS - 5)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web app read while an ingest writes; NORMAL sync is safe with WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
    cursor.close()


SCHEMA_ATTEMPTS = 8
SCHEMA_LOCK = 7_220_511  # the advisory lock key PostgreSQL stores take while creating their schema


def _raced(exc: DBAPIError) -> bool:
    """Whether another process setting up the same store got in the way: it created part of the
    schema between this one's check and its create, or held SQLite's lock when this one needed it
    (SQLite answers "locked" at once, without waiting, to a reader that wants to become a writer)."""
    text = str(exc.orig).lower()
    return any(
        sign in text
        for sign in ("already exists", "pg_type_typname_nsp_index", "duplicate key", "database is locked")
    )


class StoreError(Exception):
    """A store that cannot be opened, in one line that names the fix."""


def open_store(url: str | None = None, create: bool = True) -> Store:
    """The store at ``url`` (see ``database_url``), its schema created if missing; with ``create``
    False an SQLite file that does not exist is a ``StoreError``, not a new empty store.

    Every problem with the URL, the file or the connection is a ``StoreError`` with one line saying
    what to do, never a driver's traceback.
    """
    full = database_url(url)
    shown = re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url or full)  # never print a password
    if not full.startswith(("sqlite", "postgresql")):
        raise StoreError(
            f"--db {shown}: dateline stores in SQLite (a file path, or sqlite:///PATH) or PostgreSQL "
            "(postgresql://USER@HOST/DATABASE)"
        )
    if full.startswith("sqlite"):
        _check_sqlite_path(full, shown, create)
    try:
        return Store(make_engine(url))
    except (DBAPIError, ModuleNotFoundError, OSError) as exc:
        raise StoreError(_store_problem(exc, shown)) from exc


def _check_sqlite_path(full: str, shown: str, create: bool) -> None:
    path = Path(full.split(":///", 1)[1]) if ":///" in full else None
    if path is None or str(path) == ":memory:":
        return
    if path.is_dir():
        raise StoreError(f"--db {shown} is a folder: give a file in it, such as {path / 'dateline.db'}")
    if not create and not path.exists():
        raise StoreError(
            f"no store at {shown}: fill one with 'dateline ingest INPUT... --db {shown}', or check the path"
        )


def _first_line(exc: BaseException) -> str:
    """The driver's own message (not SQLAlchemy's wrapping of it), first line only."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _store_problem(exc: BaseException, shown: str) -> str:
    """What went wrong opening the store, in one line with the fix."""
    detail = _first_line(exc)
    lowered = detail.lower()
    if "file is not a database" in lowered:
        return f"--db {shown} is not a dateline store (not an SQLite database): give another path"
    if "unable to open database file" in lowered:
        return f"cannot open {shown}: check that its folder exists and that you may write there"
    if "does not exist" in lowered and "database" in lowered:
        return f"{detail}: create it first (createdb NAME) or give another database in --db"
    if "connection refused" in lowered or "could not translate host" in lowered or "timeout" in lowered:
        return f"cannot reach PostgreSQL for {shown} ({detail}): is the server running, and is the address right?"
    if "password authentication failed" in lowered or "role" in lowered and "does not exist" in lowered:
        return f"PostgreSQL refused {shown} ({detail}): check the user and password in the URL"
    fault = _fault(detail, shown)
    return (
        f"{fault}, then run the same command again" if fault else f"cannot open the store {shown}: {detail}"
    )


def _fault(detail: str, shown: str) -> str | None:
    """A fault of the store's surroundings (a lock another process holds, a full disk, a lost
    connection), in words naming the fix; None for anything else."""
    lowered = detail.lower()
    if "database is locked" in lowered:
        return (
            f"{shown} is locked by another process (another ingest, or a program holding a write "
            f"transaction) and stayed locked for {BUSY_TIMEOUT:g} s: let it finish"
        )
    if "disk is full" in lowered or "no space left" in lowered or "could not extend file" in lowered:
        return f"the disk holding {shown} is full: free some space"
    if any(sign in lowered for sign in _CONNECTION_LOST):
        return f"the connection to PostgreSQL {shown} was lost ({detail}): once the server is back"
    return None


# What psycopg says when the server ended the session or went away (a restart, pg_terminate_backend).
_CONNECTION_LOST = ("terminating connection", "server closed the connection", "connection is closed",
                    "connection already closed", "consuming input failed", "connection refused",
                    "the database system is shutting down", "ssl connection has been closed")  # fmt: skip


@contextmanager
def faults_as_store_errors(store: Store) -> Iterator[None]:
    """Run a batch-committing job (ingest, re-extraction); a lock held too long, a full disk or a
    lost connection met on the way becomes a ``StoreError`` in one line saying what to do. The batch
    it struck is rolled back whole and those committed before it stay, so running the same command
    again completes the job."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        detail = _first_line(exc)
        problem = _fault(detail, store.shown) or f"the store {store.shown} failed ({detail}): check it"
        raise StoreError(
            f"{problem}, then run the same command again: the batches committed so far stay stored, "
            "and it adds the rest"
        ) from exc


class Store(SummaryReads):
    """One database holding records: ``ingest`` writes, the ``Reads`` methods answer queries."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.tables = TABLES
        self.dialect = engine.dialect.name
        # The store as messages name it: an SQLite file's path, a server's URL without its password.
        url = engine.url
        self.shown = (
            url.database or ""
            if self.dialect == "sqlite"
            else url.set(drivername="postgresql").render_as_string()
        )
        self._set_up()
        # SQLite's write-ahead log is copied into the file beside the ingest (PostgreSQL has its own).
        self.checkpoint = BackgroundCheckpoint(engine) if self.dialect == "sqlite" else None

    def _set_up(self) -> None:
        """Create the schema, safe when several processes open a new store at once: PostgreSQL
        serialises them on an advisory lock; where one still finds a table the other just made
        (SQLite checks, then creates) or the file locked, it tries again and finds the schema whole."""
        for attempt in range(SCHEMA_ATTEMPTS):
            started = time.monotonic()
            try:
                with self.engine.begin() as conn:
                    if self.dialect == "postgresql":
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
                    if create_schema(conn):
                        refresh_actors(conn, None)
                    summaries.set_up(conn)  # filled once for a store from before them
                    duplicate_index.upgrade(conn)  # likewise
                return
            except DBAPIError as exc:
                # A lock that outlasted the busy timeout is another process's long transaction, not a
                # race: trying again would only wait that long once more per attempt.
                waited_out = time.monotonic() - started >= BUSY_TIMEOUT
                if attempt + 1 == SCHEMA_ATTEMPTS or not _raced(exc) or waited_out:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def close(self) -> None:
        if self.checkpoint is not None:
            self.checkpoint.close()
        self.engine.dispose()

    # ---- ingest -------------------------------------------------------------------------------

    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Input id -> content hash of the stored version, for the ids that are stored.

        A version extracted under an older record schema reports no hash (""), so that the next
        ingest extracts the article again and replaces it instead of skipping it as unchanged.
        """
        a, d = TABLES.articles, TABLES.duplicates
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                # A copy recorded as a near-duplicate is stored too: a re-run leaves it alone.
                for row in conn.execute(select(d.c.id, d.c.content_hash).where(d.c.id.in_(chunk))):
                    found[row.id] = row.content_hash
                query = select(a.c.id, a.c.content_hash, _current_schema(a.c.record).label("current"))
                for row in conn.execute(query.where(a.c.id.in_(chunk))):
                    found[row.id] = row.content_hash if row.current else ""
        return found

    def stored_articles(self, batch_size: int = 200) -> Iterator[Article]:
        """Every article stored when the walk begins, as the reader gave it (text and metadata,
        nothing extracted), in storage order, read a batch at a time so that memory does not grow
        with the store. An article replaced meanwhile gets a new key past the walk's end: it is not
        met twice."""
        a = TABLES.articles
        with self.engine.connect() as conn:
            last = conn.execute(select(func.max(a.c.pk))).scalar() or 0
        after = 0
        while True:
            with self.engine.connect() as conn:
                query = select(a.c.pk, a.c.record, a.c.text).where(a.c.pk > after, a.c.pk <= last)
                rows = conn.execute(query.order_by(a.c.pk).limit(batch_size)).all()
            if not rows:
                return
            for row in rows:
                yield R.article_of(row.record, row.text)
            after = rows[-1].pk

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(TABLES.articles)).scalar_one())

    def is_stored(self, doc: HasContent) -> bool:
        """True when this exact article (input id and content) is already stored."""
        return self.stored_hashes([doc.id]).get(doc.id) == content_hash(doc)

    def ingest(self, records: Iterable[Record], batch_size: int = DEFAULT_BATCH_SIZE) -> IngestReport:
        """Store ``records``, committing every ``batch_size``; idempotent on input id + content hash.

        An article already stored with the same content is left alone (``unchanged``); with new
        content it is replaced whole (``replaced``). A failed document (errors and nothing
        extracted) goes to the errors table only. If the run stops midway, the batches committed
        so far stay, and running it again adds the rest without duplicates.
        """
        report = IngestReport()
        for batch in batched(records, batch_size):
            report.merge(self.ingest_batch(batch))
        return report

    def ingest_batch(self, batch: list[Record], reextracted: bool = False) -> IngestReport:
        """One transaction: every record of ``batch`` is stored, or none is. With ``reextracted``
        (the records come from running the pipeline again over stored articles) a stored version is
        replaced whenever the new record differs from it, though the article's content is the same."""
        report = IngestReport()
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":  # a writer's cache (see settings); readers keep the default
                conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_WRITER_CACHE_MB * 1024}")
            delta = ActorDelta()  # what the batch adds to and takes from the actors' totals
            for record in batch:
                outcome = self._ingest_one(conn, record, delta, reextracted)
                setattr(report, outcome, getattr(report, outcome) + 1)
                if outcome == "failed":
                    report.failed_ids.append(record.id)
            refresh_actors(conn, delta)
            summaries.settle(conn)  # the place keys and network edges its replaced articles touched
        if self.checkpoint is not None:
            self.checkpoint.after_commit()
        return report

    def _ingest_one(
        self, conn: Connection, record: Record, delta: ActorDelta, reextracted: bool = False
    ) -> str:
        a = TABLES.articles
        digest = content_hash(record)
        if R.is_failed(record):
            self._insert_ignore(conn, TABLES.errors, R.error_rows(record, digest, failed=True))
            return "failed"
        columns = [a.c.pk, a.c.content_hash, _current_schema(a.c.record).label("current")]
        if reextracted:
            columns.append(a.c.record)  # only then: the stored JSON is what a re-extraction compares
        stored = conn.execute(select(*columns).where(a.c.id == record.id)).first()
        if stored is not None and _unchanged(stored, digest, record, reextracted):
            return "unchanged"
        if stored is not None:
            delete_article(conn, stored.pk, delta)
        # A stored version supersedes whatever errors earlier versions of this input left.
        conn.execute(delete(TABLES.errors).where(TABLES.errors.c.article_id == record.id))
        self._insert_record(conn, record, digest, delta)
        if record.errors:
            self._insert_ignore(conn, TABLES.errors, R.error_rows(record, digest, failed=False))
        return "replaced" if stored is not None else "added"

    def _insert_record(self, conn: Connection, record: Record, digest: str, delta: ActorDelta) -> None:
        t = TABLES
        ctx = R.Context.of(record.text)
        article_pk = conn.execute(
            t.articles.insert().returning(t.articles.c.pk), R.article_row(record, digest)
        ).scalar_one()
        actor_pks = self._actor_pks(conn, R.actor_specs(record))
        entity_rows = R.entity_rows(record, article_pk, actor_pks)
        entity_pks = dict(
            zip(
                [e.id for e in record.entities], _insert_returning(conn, t.entities, entity_rows), strict=True
            )
        )
        actor_of = {row["local_id"]: row["actor_pk"] for row in entity_rows}
        _insert(conn, t.mentions, R.mention_rows(record.entities, article_pk, entity_pks, actor_of, ctx))
        names = {e.id: e.name for e in record.entities}
        quote_rows = [R.quote_row(record, q, article_pk, actor_of, ctx, names) for q in record.quotes]
        quote_pk_list = _insert_returning(conn, t.quotes, quote_rows)
        delta.add(+1, entity_rows, [row["actor_pk"] for row in quote_rows])
        quote_pks = dict(zip([q.id for q in record.quotes], quote_pk_list, strict=True))
        subjects = [
            row
            for quote, pk in zip(record.quotes, quote_pk_list, strict=True)
            for row in R.quote_subject_rows(quote, pk, article_pk, record.entities, actor_of)
        ]
        _insert(conn, t.quote_subjects, subjects)
        place_pks = dict(
            zip(
                [p.id for p in record.places],
                _insert_returning(conn, t.places, R.place_rows(record, article_pk, ctx)),
                strict=True,
            )
        )
        event_rows = [R.event_row(record, e, article_pk, place_pks, quote_pks, ctx) for e in record.events]
        event_pk_list = _insert_returning(conn, t.events, event_rows)
        _insert(
            conn,
            t.event_actors,
            [
                row
                for ev, pk in zip(record.events, event_pk_list, strict=True)
                for row in R.event_actor_rows(ev, pk, article_pk, actor_of)
            ],
        )
        _insert(conn, t.dates, R.date_rows(record, article_pk))
        signature_rows, band_rows = R.signature_rows(record, article_pk)  # how a later copy finds it
        _insert(conn, t.signatures, signature_rows)
        _insert(conn, t.band_keys, band_rows)
        summaries.add_article(conn, article_pk)

    # ---- near-duplicates ------------------------------------------------------------------------

    def near_duplicate_of(
        self, article: Article, run: near.RunIndex | None = None
    ) -> tuple[str, float] | None:
        """(input id of the first copy, estimated similarity) when ``article`` is a near-duplicate of
        an extracted article stored (or one ``run`` has taken in and not yet committed), else None.
        Without a near-duplicate, ``article``'s signature joins ``run``."""
        sig = near.signature(article.text)
        if sig is None:
            return None
        with self.engine.connect() as conn:
            candidates = duplicate_index.candidates(conn, sig)
        if run is not None:
            candidates.update(run.candidates(sig))
        found = near.best_match(sig, candidates, article.id)
        if found is None and run is not None:
            run.add(article.id, sig)
        return found

    def add_duplicate(self, article: Article, of_id: str, similarity: float) -> str:
        """Record ``article`` as a copy of the article stored as ``of_id``: "added", or "unchanged"
        when this same copy is already recorded. A copy is never extracted, so it adds no facts."""
        d = TABLES.duplicates
        digest = content_hash(article)
        with self.engine.begin() as conn:
            known = conn.execute(select(d.c.content_hash, d.c.of_id).where(d.c.id == article.id)).first()
            if known is not None and (known.content_hash, known.of_id) == (digest, of_id):
                return "unchanged"
            conn.execute(delete(d).where(d.c.id == article.id))
            conn.execute(d.insert(), R.duplicate_row(article, digest, of_id, similarity))
        return "added"

    def copies_of(self, article_id: str) -> list[dict[str, Any]]:
        """The near-duplicates recorded of an article ("also published by"), earliest published first."""
        d = TABLES.duplicates
        query = select(d.c.id, d.c.outlet, d.c.title, d.c.published, d.c.url, d.c.source, d.c.similarity)
        with self.engine.connect() as conn:
            rows = conn.execute(query.where(d.c.of_id == article_id).order_by(d.c.published, d.c.id)).all()
        return [dict(row._mapping) for row in rows]

    def _actor_pks(self, conn: Connection, specs: dict[str, tuple[str, str, str | None]]) -> dict[str, int]:
        if not specs:
            return {}
        actors = TABLES.actors
        rows = [
            {"key": key, "name": name, "type": typ, "country": country, **folded_columns(key)}
            for key, (name, typ, country) in specs.items()
        ]
        self._insert_ignore(conn, actors, rows)
        found = conn.execute(select(actors.c.key, actors.c.pk).where(actors.c.key.in_(list(specs))))
        return {row.key: row.pk for row in found}

    def _insert_ignore(self, conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        conn.execute(dialect_insert(table).on_conflict_do_nothing(), rows)


def _unchanged(stored: Any, digest: str, record: Record, reextracted: bool) -> bool:
    """Whether the stored version stands: same input under the current schema and, when the record
    comes from a re-extraction, the same record."""
    if stored.content_hash != digest or not stored.current:
        return False
    return not reextracted or bool(stored.record == R.record_json(record))


def delete_article(conn: Connection, article_pk: int, delta: ActorDelta) -> None:
    """Remove one stored article and every row that belongs to it. Actors stay (they are shared);
    what the article counted for them is taken off in ``delta``, so their totals are refreshed."""
    e, qt = TABLES.entities, TABLES.quotes
    named = select(e.c.actor_pk, e.c.name, e.c.code, e.c.sector, e.c.n_mentions, e.c.generic)
    entities = conn.execute(named.where(e.c.article_pk == article_pk)).mappings().all()
    speakers = conn.execute(select(qt.c.actor_pk).where(qt.c.article_pk == article_pk)).scalars().all()
    delta.add(-1, entities, speakers)
    summaries.forget_article(conn, article_pk)  # while its rows still say what it counted
    duplicate_index.forget(conn, article_pk)  # while its signature still gives its band keys
    for table in ARTICLE_CHILDREN:
        conn.execute(delete(table).where(table.c.article_pk == article_pk))
    conn.execute(delete(TABLES.articles).where(TABLES.articles.c.pk == article_pk))


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _insert_returning(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their new primary keys in the order of ``rows``."""
    if not rows:
        return []
    result = conn.execute(table.insert().returning(table.c.pk, sort_by_parameter_order=True), rows)
    return list(result.scalars().all())


def batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= max(size, 1):
            yield batch
            batch = []
    if batch:
        yield batch


def _current_schema(record_json: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether a stored record JSON was written under this dateline's schema (it starts with it)."""
    return func.substr(record_json, 1, 40).contains(f'"{SCHEMA_VERSION}"')
