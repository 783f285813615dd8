"""Search latency of the store with 1,000,000 synthetic quotes, in SQLite and PostgreSQL, and the
article page's server time through the web app.

    .venv/bin/python benchmarks/store_latency.py                     # 1,000,000 quotes, both backends
    .venv/bin/python benchmarks/store_latency.py --quotes 50000 --backends sqlite
    .venv/bin/python benchmarks/store_latency.py --backends sqlite --reuse-sqlite   # measure again, no reload

The records come from benchmarks/make_synthetic_quotes.py (generated in this process, or read from
its file with --input). They are loaded with bulk inserts (SQLite executemany with the FTS5 index
rebuilt once at the end; PostgreSQL COPY with the GIN indexes built after) through the store's own
row builders, so the tables are exactly what ``dateline ingest`` writes, without running spaCy.
PostgreSQL is $DATELINE_TEST_POSTGRES_URL when set (wiped!), else a throwaway cluster.

Reported per backend: p50/p95 over a fixed set of queries (common, mid and rare words, two-word,
phrase, prefix, speaker name) for (a) quote search (a page of 50, no facets: the goal, p95 < 50 ms),
(b) quotes + articles with all five facets, (c) quote search filtered by outlet; and the article page
(GET /articles/{id} on dateline.web's app through TestClient, goal p95 < 100 ms) when the app exists.
Figures go to stdout and benchmarks/out/store_latency.json.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import Table, text  # noqa: E402

from dateline.model import Record  # noqa: E402
from dateline.store import Store, open_store  # noqa: E402
from dateline.store import rows as R  # noqa: E402
from dateline.store.core import refresh_actors  # noqa: E402
from dateline.store.pgcluster import ENV_URL, reset_database, temporary_cluster  # noqa: E402
from dateline.store.schema import SQLITE_FTS, TABLES  # noqa: E402
from dateline.store.summaries import rebuild as rebuild_summaries  # noqa: E402
from dateline.store.text import content_hash  # noqa: E402
from make_synthetic_quotes import SEED, World, synthetic_records  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
CHUNK = 2_000  # articles per bulk insert
RUNS = 5  # timed runs per query (after one warm-up)
INSERT_ORDER = [
    "articles",
    "actors",
    "entities",
    "mentions",
    "quotes",
    "quote_subjects",
    "places",
    "events",
    "event_actors",
    "dates",
    "signatures",
    "band_keys",
]


class Loader:
    """Rows for many records at once, primary keys assigned here (the database is empty)."""

    def __init__(self) -> None:
        self.next_pk: dict[str, int] = {name: 1 for name in INSERT_ORDER}
        self.actor_pks: dict[str, int] = {}

    def pk(self, table: str) -> int:
        value = self.next_pk[table]
        self.next_pk[table] = value + 1
        return value

    def rows(self, records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in INSERT_ORDER}
        for record in records:
            self.add(record, out)
        return out

    def add(self, record: Record, out: dict[str, list[dict[str, Any]]]) -> None:
        ctx = R.Context.of(record.text)
        article_pk = self.pk("articles")
        out["articles"].append({"pk": article_pk, **R.article_row(record, content_hash(record))})
        # Keyed as ingest keys them (a country by its name, a known actor by its knowledge name).
        for key, (name, type_, country) in R.actor_specs(record).items():
            if key not in self.actor_pks:
                self.actor_pks[key] = self.pk("actors")
                out["actors"].append({"pk": self.actor_pks[key], "key": key, "name": name, "type": type_,
                                      "country": country})  # fmt: skip
        entity_rows = R.entity_rows(record, article_pk, self.actor_pks)
        entity_pks = {}
        for row in entity_rows:
            row["pk"] = entity_pks[row["local_id"]] = self.pk("entities")
        out["entities"] += entity_rows
        actor_of = {row["local_id"]: row["actor_pk"] for row in entity_rows}
        out["mentions"] += [
            {"pk": self.pk("mentions"), **m}
            for m in R.mention_rows(record.entities, article_pk, entity_pks, actor_of, ctx)
        ]
        quote_pks = {}
        names = {e.id: e.name for e in record.entities}
        for quote in record.quotes:
            row = R.quote_row(record, quote, article_pk, actor_of, ctx, names)
            row["pk"] = quote_pks[quote.id] = self.pk("quotes")
            out["quotes"].append(row)
            out["quote_subjects"] += R.quote_subject_rows(
                quote, row["pk"], article_pk, record.entities, actor_of
            )
        place_pks = {}
        for row in R.place_rows(record, article_pk, ctx):
            row["pk"] = place_pks[row["local_id"]] = self.pk("places")
            out["places"].append(row)
        for event in record.events:
            row = R.event_row(record, event, article_pk, place_pks, quote_pks, ctx)
            row["pk"] = self.pk("events")
            out["events"].append(row)
            out["event_actors"] += R.event_actor_rows(event, row["pk"], article_pk, actor_of)
        out["dates"] += [{"pk": self.pk("dates"), **d} for d in R.date_rows(record, article_pk)]
        signature_rows, band_rows = R.signature_rows(record, article_pk)
        out["signatures"] += [{"pk": self.pk("signatures"), **row} for row in signature_rows]
        out["band_keys"] += band_rows


def chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def load_sqlite(store: Store, records: Iterable[Record]) -> None:
    loader = Loader()
    with store.engine.begin() as conn:
        for name in ("articles_fts_insert", "quotes_fts_insert"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for chunk in chunks(records, CHUNK):
        rows = loader.rows(chunk)
        with store.engine.begin() as conn:
            for name in INSERT_ORDER:
                if rows[name]:
                    conn.execute(getattr(TABLES, name).insert(), rows[name])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
        for statement in SQLITE_FTS:
            conn.exec_driver_sql(statement)  # the insert triggers come back
        refresh_actors(conn, None)
        rebuild_summaries(conn)  # the rows went in around Store.ingest, which keeps the summaries
        conn.exec_driver_sql("ANALYZE")


def load_postgres(store: Store, records: Iterable[Record]) -> None:
    loader = Loader()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_quotes_tsv")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_tsv")
    copy_batches(store, (loader.rows(chunk) for chunk in chunks(records, CHUNK)))
    finish_postgres_load(store)


def copy_batches(store: Store, batches: Iterable[dict[str, list[dict[str, Any]]]]) -> None:
    """COPY each batch of rows (by table, in ``INSERT_ORDER``) into PostgreSQL, a commit per batch."""
    raw = store.engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        for rows in batches:
            with dbapi.cursor() as cursor:  # type: ignore[union-attr]
                for name in INSERT_ORDER:
                    copy_rows(cursor, getattr(TABLES, name), rows[name])
            dbapi.commit()  # type: ignore[union-attr]
    finally:
        raw.close()


def finish_postgres_load(store: Store) -> None:
    """After rows went in around ``Store.ingest``: the full-text indexes back, the actors and
    summaries ingest keeps brought up to date, the key sequences moved past the rows, and the
    statistics autovacuum would gather on a store this size."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_quotes_tsv ON quotes USING gin (tsv)")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING gin (tsv)")
        refresh_actors(conn, None)
        rebuild_summaries(conn)
        for name in INSERT_ORDER:
            if "pk" in getattr(TABLES, name).c:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'pk'), "
                                  f"(SELECT coalesce(max(pk), 1) FROM {name}))"))  # fmt: skip
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def copy_rows(cursor: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [c.name for c in table.columns if c.name in rows[0]]
    quoted = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def queries(world: World) -> list[str]:
    """A fixed mix: frequent, middling and rare words, pairs, a phrase, a prefix, a speaker's name."""
    w = world.words
    singles = [w[r] for r in (0, 1, 3, 10, 30, 100, 300, 1000, 3000, 8000, 15000, 19999)]
    pairs = [f"{w[0]} {w[1]}", f"{w[5]} {w[500]}", f"{w[50]} {w[5000]}", f"{w[2]} {w[12000]}"]
    return [
        *singles,
        *pairs,
        f'"{w[0]} {w[1]}"',
        f"{w[7][:4]}*",
        world.people[7][0].split()[1],
        world.people[100][0],
    ]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49] * 1000, 2),
        "p95_ms": round(cuts[94] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "n": len(ordered),
    }


def timed(call: Any, runs: int = RUNS) -> list[float]:
    call()  # warm-up: caches and prepared plans, as a running server has them
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def measure(store: Store, world: World, n_articles: int) -> dict[str, Any]:
    qs = queries(world)
    outlet = world.outlets[3]
    results: dict[str, Any] = {}
    hits = {}
    plain: list[float] = []
    faceted: list[float] = []
    filtered: list[float] = []
    for q in qs:
        hits[q] = len(store.search(q, kinds=("quotes",), facets=False, limit=50)["items"])
        plain += timed(lambda q=q: store.search(q, kinds=("quotes",), facets=False, limit=50))
        faceted += timed(lambda q=q: store.search(q, limit=50))
        filtered += timed(
            lambda q=q: store.search(q, kinds=("quotes",), facets=False, limit=50, outlet=outlet)
        )
    results["search_quotes"] = percentiles(plain)
    results["search_with_facets"] = percentiles(faceted)
    results["search_outlet_filter"] = percentiles(filtered)
    results["query_hits_first_page"] = hits
    ids = [f"synthetic-{i:07d}" for i in range(0, n_articles, max(1, n_articles // 20))][:20]
    results["store_article"] = percentiles([s for i in ids for s in timed(lambda i=i: store.article(i))])
    results["article_page"] = article_page(store, ids)
    return results


def article_page(store: Store, ids: list[str]) -> dict[str, Any]:
    try:
        from fastapi.testclient import TestClient

        from dateline.web.app import create_app
    except ImportError as exc:
        return {"skipped": f"the web app is not available ({exc})"}
    client = TestClient(create_app(store=store))

    def get(article_id: str) -> None:
        response = client.get(f"/articles/{article_id}")
        if response.status_code != 200:
            raise RuntimeError(f"GET /articles/{article_id}: {response.status_code}")

    return percentiles([s for i in ids for s in timed(lambda i=i: get(i))])


def read_file(path: Path) -> Iterator[Record]:
    with (
        gzip.open(path, "rt", encoding="utf-8")
        if path.suffix == ".gz"
        else path.open(encoding="utf-8") as handle
    ):
        for line in handle:
            yield Record.from_json(line)


def run_backend(name: str, url: str, args: argparse.Namespace, load: bool = True) -> dict[str, Any]:
    world = World(SEED)
    records = read_file(args.input) if args.input else synthetic_records(args.quotes)
    store = open_store(url)
    started = time.perf_counter()
    if load:
        (load_sqlite if name == "sqlite" else load_postgres)(store, records)
    load_seconds = time.perf_counter() - started
    counts = store.counts()
    print(
        f"[{name}] loaded {counts['quotes']:,} quotes in {counts['articles']:,} articles in {load_seconds:.0f} s",
        file=sys.stderr,
    )
    result = {
        "load_seconds": round(load_seconds, 1),
        "quotes": counts["quotes"],
        "articles": counts["articles"],
    }
    result.update(measure(store, world, counts["articles"]))
    store.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--input", type=Path, help="records written by make_synthetic_quotes.py (else generated here)"
    )
    parser.add_argument(
        "--reuse-sqlite",
        action="store_true",
        help="measure the SQLite file a previous run left, without reloading",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    report: dict[str, Any] = {
        "quotes_requested": args.quotes,
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "backends": {},
    }
    for name in args.backends.split(","):
        with ExitStack() as stack:
            load = True
            if name == "sqlite":
                db = OUT / "latency.db"
                load = not (args.reuse_sqlite and db.exists())
                for suffix in ("", "-wal", "-shm") if load else ():
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                url = str(db)
            else:
                url = os.environ.get(ENV_URL) or stack.enter_context(temporary_cluster())
                reset_database(url)
            report["backends"][name] = run_backend(name, url, args, load)
        print(summary(name, report["backends"][name]))
    (OUT / "store_latency.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


def summary(name: str, result: dict[str, Any]) -> str:
    buffer = io.StringIO()
    print(
        f"== {name}: {result['quotes']:,} quotes, {result['articles']:,} articles, loaded in {result['load_seconds']} s",
        file=buffer,
    )
    for key in (
        "search_quotes",
        "search_with_facets",
        "search_outlet_filter",
        "store_article",
        "article_page",
    ):
        value = result[key]
        if "skipped" in value:
            print(f"  {key:22} skipped: {value['skipped']}", file=buffer)
        else:
            print(
                f"  {key:22} p50 {value['p50_ms']:8.2f} ms   p95 {value['p95_ms']:8.2f} ms   max {value['max_ms']:8.2f} ms   (n={value['n']})",
                file=buffer,
            )
    return buffer.getvalue().rstrip()


if __name__ == "__main__":
    raise SystemExit(main())
