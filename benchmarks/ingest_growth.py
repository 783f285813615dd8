"""Per-batch ingest cost as the store grows (issue 14, point 7): the goal is that storing the
10,000th batch of 100 articles takes within 1.3x of the first.

    .venv/bin/python benchmarks/ingest_growth.py                                  # SQLite: 0, 10k, 100k, 1M
    .venv/bin/python benchmarks/ingest_growth.py --sizes 0,10000,100000 --batches 3
    .venv/bin/python benchmarks/ingest_growth.py --backends postgresql --sizes 0,10000,100000
    .venv/bin/python benchmarks/ingest_growth.py --sizes 1000000 --reuse           # measure the last store again

The store is grown in stages. Between stages it is bulk-loaded up to the next size with the rows
``Store.ingest`` writes (the row builders of ``store.rows`` through benchmarks/store_latency.py's
``Loader``; no spaCy), then ``refresh_actors(conn, None)`` and ``summaries.rebuild`` bring every
actor and summary up to date as ingest would have. At each size but 0, ``--warmup`` untimed batches
warm the caches: a store ingesting all along is warm, and a freshly loaded million articles takes
some twenty batches to get there (the load's pages are checkpointed first); an empty store gets one,
which warms the process. Then
``--batches`` batches of ``--batch-size`` pre-built records not yet stored (published after the
store's days, as news arrives; ``--days spread``: over the store's two years) are timed through
``Store.ingest``; the mean seconds per batch (not the median: SQLite copies its write-ahead log
back into the store every few batches, and a median would count only the batches without that
copy, or only those with it) and its ratio to the first size are printed and
written to benchmarks/out/ingest_growth.json (or ``--out``). A new empty store (an SQLite file, a
second PostgreSQL database) takes every other batch beside the grown one (``--no-paired``: not): on
a shared machine whose load drifts over the minutes between sizes, the ratio of the two, timed under
the same load, is the steadier figure.

The records are benchmarks/make_synthetic_quotes.py's articles with the actors real news shares across
articles added (``with_busy_actors``): a country most articles name under one of its names ("United
States", "US", "America"), a head of state most quote (sometimes by surname alone, which joins the full
name as one actor), a council, and a few dozen people with Zipf-distributed frequencies. Without them
every actor would stay small and the benchmark could not show an actor whose rows grow with the store.
PostgreSQL is $DATELINE_TEST_POSTGRES_URL when set (wiped!, and a database dateline_empty made beside
it), else a throwaway cluster.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import Integer, func, select  # noqa: E402

from dateline.model import Entity, Quote, Record, Span, Speaker  # noqa: E402
from dateline.store import Store, open_store  # noqa: E402
from dateline.store.core import refresh_actors  # noqa: E402
from dateline.store.pgcluster import ENV_URL, reset_database, temporary_cluster  # noqa: E402
from dateline.store.schema import SQLITE_FTS, TABLES  # noqa: E402
from dateline.store.summaries import rebuild as rebuild_summaries  # noqa: E402
from make_synthetic_quotes import DAYS, SEED, START_DAY, World, synthetic_article  # noqa: E402
from store_latency import INSERT_ORDER, Loader, copy_batches, finish_postgres_load  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
CHUNK = 2_000  # articles per bulk insert
TEMPLATES = 5_000  # articles built for the bulk load; the rest are copies of them
COUNTRY = ("GPE", ["United States", "US", "America"], "USA", None, 0.8)
LEADER = ("Mara Velden", "Velden", "VAL", "GOV", 0.6, 0.15)  # full name, surname alone: how often
COUNCIL = ("Velmar Council", "ORG", "VAL", "GOV", 0.35)
REGULARS = 40  # people named in one article in two, the first far more often than the last


# ---- records ----------------------------------------------------------------------------------


def with_busy_actors(record: Record, world: World, index: int, seed: int = SEED) -> Record:
    """``record`` with a paragraph naming the actors most articles share (see the module's text)."""
    rng = random.Random(seed * 7_919 + index)
    parts = [record.text.rstrip("\n"), "\n"]
    length = len(parts[0]) + 1

    def add(piece: str) -> Span:
        nonlocal length
        parts.append(piece)
        length += len(piece)
        return Span(length - len(piece), length, piece)

    entities, quotes = record.entities, record.quotes

    def entity(name: str, type_: str, code: str | None, sector: str | None, mention: Span) -> str:
        eid = f"E{len(entities) + 1}"
        entities.append(
            Entity(eid, name, type_, code, sector, [], [mention], coded_by="name" if code else None)
        )
        return eid

    type_, names, code, sector, share = COUNTRY
    if rng.random() < share:
        name = rng.choice(names)
        entity(name, type_, code, sector, add(name))
        add(" officials watched the talks. ")
    full, surname, code, sector, full_share, surname_share = LEADER
    roll = rng.random()
    if roll < full_share + surname_share:
        name = full if roll < full_share else surname
        speaker = add(name)
        eid = entity(
            name, "PERSON", code if name == full else None, sector if name == full else None, speaker
        )
        add(" ")
        cue = add("said")
        add(" that ")
        content = add(world.phrase(rng, rng.randint(6, 12)))
        add(". ")
        quotes.append(Quote(f"Q{len(quotes) + 1}", "indirect", Speaker(speaker.start, speaker.end, name, eid),
                            cue, "say", [content], "named_person", None))  # fmt: skip
    name, type_, code, sector, share = COUNCIL
    if rng.random() < share:
        add("The ")
        entity(name, type_, code, sector, add(name))
        add(" met. ")
    if rng.random() < 0.5:
        regular = world.people[1_000 + min(int(rng.paretovariate(1.0)) - 1, REGULARS - 1)]
        entity(regular[0], "PERSON", regular[2], regular[3], add(regular[0]))
        add(" agreed.")
    record.text = "".join(parts) + "\n"
    return record


def busy_records(start: int, stop: int, world: World) -> Iterator[Record]:
    """The synthetic articles ``start`` to ``stop - 1``, busy actors added; the same every run."""
    for index in range(start, stop):
        yield with_busy_actors(synthetic_article(world, index), world, index)


# ---- growing the store --------------------------------------------------------------------------


def seeded_loader(store: Store) -> Loader:
    """A ``Loader`` that continues the store's keys: new rows after every stored one, actors reused."""
    loader = Loader()
    with store.engine.connect() as conn:
        for name in INSERT_ORDER:
            table = getattr(TABLES, name)
            if "pk" in table.c:
                loader.next_pk[name] = (conn.execute(select(func.max(table.c.pk))).scalar() or 0) + 1
        loader.actor_pks = {
            key: pk for key, pk in conn.execute(select(TABLES.actors.c.key, TABLES.actors.c.pk))
        }
    return loader


# Columns holding another table's key, by the table whose key they hold: shifted with it in a copy.
KEY_OF = {"article_pk": "articles", "entity_pk": "entities", "quote_pk": "quotes", "place_pk": "places",
          "event_pk": "events"}  # fmt: skip
ID_COLUMNS = ("id", "article_id")


def bulk_rows(
    store: Store, start: int, count: int, world: World
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The rows of ``count`` articles, numbered from ``start``, ``CHUNK`` articles at a time.

    Building an article's rows takes milliseconds (the MinHash signature, actor keys), far too long
    for a million: ``TEMPLATES`` articles are built, and the rest are copies of them under new ids
    and keys (text, entities and actors alike), so busy actors stay as busy as the templates made them.
    """
    loader = seeded_loader(store)
    n_templates = min(count, TEMPLATES)
    template = loader.rows(busy_records(start, start + n_templates, world))
    per_copy = {name: len(rows) for name, rows in template.items()}
    first_pk = template["articles"][0]["pk"]
    by_article: list[dict[str, list[dict[str, Any]]]] = [{} for _ in range(n_templates)]
    for name in INSERT_ORDER:
        if name != "actors":
            for row in template[name]:
                owner = row["pk" if name == "articles" else "article_pk"] - first_pk
                by_article[owner].setdefault(name, []).append(row)
    for made in range(0, count, CHUNK):
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in INSERT_ORDER}
        if made == 0:
            out["actors"] = template["actors"]
        for number in range(made, min(made + CHUNK, count)):
            copy, offset = divmod(number, n_templates)
            for name, rows in by_article[offset].items():
                out[name] += (
                    rows if copy == 0 else [_shifted(r, name, copy, per_copy, n_templates) for r in rows]
                )
        yield out


def _shifted(
    row: dict[str, Any], table: str, copy: int, per_copy: dict[str, int], n_templates: int
) -> dict[str, Any]:
    """A template row as the ``copy``-th copy of its article has it: keys and input ids moved on."""
    moved = dict(row)
    if "pk" in moved:
        moved["pk"] += copy * per_copy[table]
    for column, owner in KEY_OF.items():
        if moved.get(column) is not None:
            moved[column] += copy * per_copy[owner]
    for column in ID_COLUMNS:
        if column in moved:
            number = int(moved[column].rsplit("-", 1)[1]) + copy * n_templates
            moved[column] = f"synthetic-{number:07d}"
    if table == "articles":
        moved["record"] = moved["record"].replace(row["id"], moved["id"], 1)
    if table == "band_keys":  # a copy's keys as a different text's: spread over the index, not stacked
        moved["band"] = (moved["band"] * 1_000_003 + copy) % 2**64 - 2**63
    return moved


@contextmanager
def indexes_dropped(store: Store, extra: tuple[str, ...] = ()) -> Iterator[None]:
    """The bulk-loaded tables without their secondary indexes (and ``extra``, dropped by name), built
    again after the load: sorting once is far faster than a random index insert per row."""
    indexes = [index for name in INSERT_ORDER if name != "actors" for index in getattr(TABLES, name).indexes]
    with store.engine.begin() as conn:
        for index in indexes:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        for name in extra:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    yield
    with store.engine.begin() as conn:
        for index in indexes:
            index.create(conn)


def grow_sqlite(store: Store, start: int, count: int, world: World) -> None:
    """Bulk-insert ``count`` articles (executemany, full-text rows added once at the end), then
    refresh every actor as ingest would have."""
    with store.engine.begin() as conn:
        first_article = (conn.execute(select(func.max(TABLES.articles.c.pk))).scalar() or 0) + 1
        first_quote = (conn.execute(select(func.max(TABLES.quotes.c.pk))).scalar() or 0) + 1
        for name in ("articles_fts_insert", "quotes_fts_insert"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    with indexes_dropped(store):
        raw = store.engine.raw_connection()
        raw.execute("PRAGMA cache_size = -1000000")  # 1 GB while loading; the store's default after
        try:
            for rows in bulk_rows(store, start, count, world):
                cursor = raw.cursor()
                for name in INSERT_ORDER:
                    if rows[name]:
                        columns = list(rows[name][0])
                        quoted = ", ".join(f'"{c}"' for c in columns)
                        cursor.executemany(
                            f"INSERT INTO {name} ({quoted}) VALUES ({', '.join('?' * len(columns))})",
                            [tuple(row[c] for c in columns) for row in rows[name]],
                        )
                raw.commit()
        finally:
            raw.execute("PRAGMA cache_size = -2000")
            raw.close()
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO articles_fts(rowid, title, text) SELECT pk, title, text FROM articles WHERE pk >= {first_article}"
        )
        conn.exec_driver_sql(
            "INSERT INTO quotes_fts(rowid, content_text, speaker_name) "
            f"SELECT pk, content_text, speaker_name FROM quotes WHERE pk >= {first_quote}"
        )
        for statement in SQLITE_FTS:
            conn.exec_driver_sql(statement)  # the insert triggers come back
        refresh_actors(conn, None)
        rebuild_summaries(conn)  # the rows went in around Store.ingest, which keeps the summaries
    with store.engine.connect() as conn:  # the load's pages into the file: no timed batch copies them
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def grow_postgres(store: Store, start: int, count: int, world: World) -> None:
    """Bulk-insert ``count`` articles with COPY, move the key sequences past them, then refresh actors."""
    with indexes_dropped(store, extra=("ix_quotes_tsv", "ix_articles_tsv")):
        copy_batches(store, bulk_rows(store, start, count, world))
    finish_postgres_load(store)


# ---- measuring ----------------------------------------------------------------------------------


def run_backend(name: str, url: str, sizes: list[int], args: argparse.Namespace) -> list[dict[str, Any]]:
    world = World(SEED)
    store = open_store(url)
    grow = grow_sqlite if name == "sqlite" else grow_postgres
    stored, next_index = store.count_articles(), _next_index(store)  # 0, 0 unless --reuse
    results: list[dict[str, Any]] = []
    for size in sizes:
        if size > stored:
            started = time.perf_counter()
            grow(store, next_index, size - stored, world)
            next_index += size - stored
            print(f"[{name}] grown to {store.count_articles():,} articles in "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)  # fmt: skip
        # An empty store beside it takes every other batch: the two see the same load on the machine.
        beside = empty_store(name, url, args.db) if args.paired else None
        feed = Feed(world, next_index, args.batch_size, news=args.days == "news")
        for _ in range(args.warmup if size else 1):  # untimed: a loaded store's caches warm up
            timed_batch(store, feed.take())
        if beside is not None:
            timed_batch(beside, feed.take())  # its first batch: the new engine's statement cache
        seconds: list[float] = []
        empty: list[float] = []
        background = [-checkpoint_seconds(store), -checkpoint_seconds(beside) if beside else 0.0]
        for _ in range(args.batches):
            seconds.append(timed_batch(store, feed.take()))
            if beside is not None:
                empty.append(timed_batch(beside, feed.take()))
        background[0] += checkpoint_seconds(store)
        if beside is not None:
            background[1] += checkpoint_seconds(beside)
            beside.close()
        next_index, stored = feed.next, store.count_articles()
        result = summary(size, stored, seconds, empty, results)
        result["checkpoint_seconds"] = round(background[0] / args.batches, 4)  # per batch, beside it
        if beside is not None:
            result["empty_checkpoint_seconds"] = round(background[1] / args.batches, 4)
            # The whole work per batch, the checkpoint beside it included, to the empty store's.
            grown, fresh = (
                result["mean"] + background[0] / args.batches,
                result["empty_mean"] + background[1] / args.batches,
            )
            result["paired_ratio_with_checkpoint"] = round(grown / fresh, 2)
        print(f"  background checkpoint per batch {result['checkpoint_seconds']:.3f} s"
              f" (empty store {result.get('empty_checkpoint_seconds', 0):.3f} s); with it x"
              f"{result.get('paired_ratio_with_checkpoint', 0):.2f}", file=sys.stderr, flush=True)  # fmt: skip
        results.append(result)
    store.close()
    return results


class Feed:
    """Batches of records not stored yet, numbered on from ``next``. With ``news`` they are published
    on the days after those the store holds, as a stream of new stories is (``as_news``); without it
    on days spread over the same two years, as a back-filled archive's are."""

    def __init__(self, world: World, start: int, size: int, news: bool = True) -> None:
        self.world, self.next, self.size, self.news = world, start, size, news

    def take(self) -> list[Record]:
        records = list(busy_records(self.next, self.next + self.size, self.world))
        if self.news:
            records = [as_news(record, self.next + i) for i, record in enumerate(records)]
        self.next += self.size
        return records


NEWS_PER_DAY = 1_000  # articles a day in the stream: about as many as the bulk load puts on each day


def as_news(record: Record, index: int) -> Record:
    """``record`` published (and its events dated) on day ``index // NEWS_PER_DAY`` after the last
    day the synthetic articles are spread over: later numbers, later days, as news arrives."""
    day = (START_DAY + dt.timedelta(days=DAYS + index // NEWS_PER_DAY)).isoformat()
    events = [
        dataclasses.replace(e, date=dataclasses.replace(e.date, value=day)) if e.date else e
        for e in record.events
    ]
    return dataclasses.replace(record, published=day, events=events)


def _next_index(store: Store) -> int:
    """The number after the highest synthetic article stored: where new records start."""
    a = TABLES.articles
    number = func.cast(func.substr(a.c.id, len("synthetic-") + 1), Integer)
    with store.engine.connect() as conn:
        highest = conn.execute(select(func.max(number)).where(a.c.id.like("synthetic-%"))).scalar()
    return 0 if highest is None else int(highest) + 1


def timed_batch(store: Store, records: list[Record]) -> float:
    """Seconds ``Store.ingest`` takes to store ``records`` (one batch, one transaction). The SQLite
    checkpoint it starts beside it is waited for untimed (its seconds are in ``checkpoint_seconds``):
    in a real ingest it runs while the next batch is parsed, and here it must not slow the next
    batch timed, the other store's."""
    started = time.perf_counter()
    report = store.ingest(records, batch_size=len(records))
    elapsed = time.perf_counter() - started
    assert report.added == len(records), report
    if store.checkpoint is not None:
        store.checkpoint.wait()
    return elapsed


def checkpoint_seconds(store: Store) -> float:
    """Seconds the store's background checkpoints have taken so far (0 for PostgreSQL)."""
    return store.checkpoint.seconds if store.checkpoint is not None else 0.0


def empty_store(backend: str, url: str, db: Path) -> Store:
    """A new empty store beside the grown one (replacing the last): an SQLite file beside ``db``, or
    a second database on the same PostgreSQL server."""
    if backend == "sqlite":
        path = db.with_name(db.stem + "-empty.db")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return open_store(str(path))
    import psycopg

    beside = url.rsplit("/", 1)[0] + "/dateline_empty"
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'dateline_empty'").fetchone():
            conn.execute("CREATE DATABASE dateline_empty")
    reset_database(beside)
    return open_store(beside)


def summary(size: int, stored: int, seconds: list[float], empty: list[float],
            earlier: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    """One size's figures: the mean, its ratio to the first size's, and to the empty store's beside."""
    result: dict[str, Any] = {"articles": size, "stored_after": stored,
                              "seconds": [round(s, 4) for s in seconds], "mean": round(statistics.mean(seconds), 4)}  # fmt: skip
    result["ratio"] = round(result["mean"] / earlier[0]["mean"], 2) if earlier else 1.0
    line = f"{size:>9,} articles: {result['mean']:.3f} s per batch (x{result['ratio']:.2f} the first size)"
    if empty:
        result["empty_seconds"] = [round(s, 4) for s in empty]
        result["empty_mean"] = round(statistics.mean(empty), 4)
        result["paired_ratio"] = round(result["mean"] / result["empty_mean"], 2)
        line += f"; an empty store beside it {result['empty_mean']:.3f} s (x{result['paired_ratio']:.2f})"
    print(f"{line}  {result['seconds']}", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="0,10000,100000,1000000", help="store sizes, in articles")
    parser.add_argument("--batches", type=int, default=5, help="timed batches at each size")
    parser.add_argument("--warmup", type=int, default=20, help="untimed batches first at each size but 0")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument(
        "--days",
        choices=["news", "spread"],
        default="news",
        help="the timed batches' publication days: after the store's (news, a stream) or spread over "
        "the store's two years (spread, an archive back-filled)",
    )
    parser.add_argument("--backends", default="sqlite", help="sqlite, postgresql or both (comma-separated)")
    parser.add_argument("--out", type=Path, default=OUT / "ingest_growth.json")
    parser.add_argument(
        "--db", type=Path, default=OUT / "ingest_growth.db", help="the SQLite store (replaced)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="SQLite: go on with the store --db holds instead of a new one"
    )
    parser.add_argument(
        "--no-paired",
        dest="paired",
        action="store_false",
        help="no empty store taking every other batch beside the grown one",
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cpus",
                              "batch_size": args.batch_size, "batches": args.batches, "days": args.days, "backends": {}}  # fmt: skip
    for name in args.backends.split(","):
        with ExitStack() as stack:
            if name == "sqlite":
                db = args.db
                for suffix in ("", "-wal", "-shm") if not args.reuse else ():
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                url = str(db)
            else:
                url = os.environ.get(ENV_URL) or stack.enter_context(temporary_cluster())
                reset_database(url)
            report["backends"][name] = run_backend(name, url, sizes, args)
        print(f"== {name}: seconds per batch of {args.batch_size} (mean of {args.batches}), ratio to the "
              "first size, and to an empty store timed alternately beside it")  # fmt: skip
        for row in report["backends"][name]:
            paired = (
                f"   empty store {row['empty_mean']:.3f} s  x{row['paired_ratio']:.2f}"
                if "empty_mean" in row
                else ""
            )
            print(f"  {row['articles']:>9,} articles  {row['mean']:8.3f} s   x{row['ratio']:.2f}{paired}")
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
