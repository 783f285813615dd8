"""`dateline run --dask`: the pipeline on a Dask cluster into Parquet tables, resumed after a kill, and
stored by `dateline ingest DIR`; every output is compared with what `dateline extract` writes."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import dateline.pipeline
from dateline.cli import app
from dateline.model import Article, Record
from dateline.parquet import read_run_records
from dateline.read.run_folder import MANIFESTS, SUCCESS, TABLES
from dateline.settings import DocumentLimits
from dateline.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DATELINE = Path(sys.executable).parent / "dateline"
PUBLISHED = "2025-03-12"
runner = CliRunner()

# Invented reports (no real person, place of these names or event): a few quotes and events each.
STORIES = {
    "a-harbour.txt": "Harbour talks resume in Velmar\n\nHarbour minister Ana Velt said on Monday that the "
    'port of Velmar would reopen next week. "We are ready to receive ships again," Velt told reporters. '
    "The Drosnan navy lifted its blockade of the harbour on Sunday, officials said.\n",
    "b-strike.txt": "Teachers strike in Serath\n\nThousands of teachers marched through Serath on Tuesday "
    'to demand higher pay. "Our classrooms are empty because our pockets are," union leader Piet Karsk '
    "said. The education ministry accused the union of holding pupils hostage and said talks would "
    "continue on Friday.\n",
    "c-flood.txt": "Floods cut roads in the Velska highlands\n\nHeavy rain cut three roads in the Velska "
    "highlands on Wednesday, the regional governor, Mira Ostrand, said. Rescue teams evacuated 200 "
    'families from villages near the river. "The water is still rising," Ostrand warned in a statement.\n',
    "d-summit.txt": "Karesh and Lusara sign trade pact\n\nKaresh and Lusara signed a trade agreement in "
    "Kessra on Thursday after two years of talks. Lusaran Trade Minister Oren Vale said the pact would "
    "cut tariffs on grain. Karesh's president praised the deal as a new start for the region.\n",
    "e-empty.txt": "",  # an error record: the run goes on, and its table gets a row
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of two worker processes, one thread each, shared by the module: its address."""
    from distributed import LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    try:
        local = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.ERROR,
        )  # fmt: skip
    except Exception as exc:  # no /dev/shm, no sockets, a sandbox that forbids processes
        pytest.skip(f"distributed cannot start a local cluster here: {type(exc).__name__}: {exc}")
    with local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("stories")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    samples = ROOT / "samples"
    return [str(folder), str(samples / "wire"), str(samples / "feeds"), str(samples / "web")]


@pytest.fixture(scope="module")
def serial(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The records `dateline extract` writes for the corpus, as JSON lines in output order."""
    output = tmp_path_factory.mktemp("serial") / "records.jsonl"
    result = runner.invoke(app, ["extract", *corpus, "--published", PUBLISHED, "-q", "-o", str(output)])
    assert result.exit_code == 1, result.output  # the empty story failed, as it must
    return output.read_text(encoding="utf-8").splitlines()


def run_args(corpus: list[str], address: str, out: Path, partition_size: int) -> list[str]:
    return ["run", *corpus, "--dask", address, "--out", str(out), "--partition-size", str(partition_size),
            "--published", PUBLISHED]  # fmt: skip


@pytest.fixture(scope="module")
def run_dir(cluster: str, corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    result = runner.invoke(app, run_args(corpus, cluster, out, 3))
    assert result.exit_code == 1, result.output  # one document failed: exit 1, as extract
    assert "warning: e-empty: file" in result.output and "is empty" in result.output
    return out


def records_by_id(lines: list[str]) -> dict[str, str]:
    return {json.loads(line)["id"]: line for line in lines}


def assert_same_as_serial(out: Path, serial: list[str]) -> None:
    """The folder's records, read back, are the serial run's: same JSON, same order, none twice."""
    ran = [record.to_json() for record in read_run_records(out)]
    assert [json.loads(line)["id"] for line in ran] == [json.loads(line)["id"] for line in serial]
    assert records_by_id(ran) == records_by_id(serial)
    con = duckdb.connect()
    for table in TABLES:  # every table: rows are the serial records' items, none lost or twice
        rows = con.sql(f"SELECT count(*) FROM '{out}/{table}/*.parquet'").fetchall()
        assert rows == [(expected_rows(table, serial),)], table


def expected_rows(table: str, serial: list[str]) -> int:
    records = [json.loads(line) for line in serial]
    return len(records) if table == "articles" else sum(len(r[table]) for r in records)


def test_the_cluster_writes_the_records_extract_writes(run_dir: Path, serial: list[str]) -> None:
    assert_same_as_serial(run_dir, serial)
    partitions = -(-len(serial) // 3)
    for table in TABLES:
        names = sorted(p.name for p in (run_dir / table).iterdir())
        assert names == [f"part-{n:05d}.parquet" for n in range(partitions)], table
    done = json.loads((run_dir / SUCCESS).read_text())
    assert done["partitions"] == partitions and done["articles"] == len(serial)


def test_the_typed_tables_hold_each_record_and_point_into_its_text(run_dir: Path, serial: list[str]) -> None:
    con = duckdb.connect()
    base = f"'{run_dir}/%s/*.parquet'"
    by_article = {
        table: Counter(
            dict(con.sql(f"SELECT article_id, count(*) FROM {base % table} GROUP BY 1").fetchall())
        )
        for table in TABLES[1:]
    }
    for line in serial:
        record = json.loads(line)
        for table in TABLES[1:]:
            assert by_article[table][record["id"]] == len(record[table]), (record["id"], table)
    # Offsets are code points into the article's text: DuckDB's substring (1-based) gives the span back.
    bad_mentions = con.sql(f"""
        SELECT count(*) FROM (SELECT article_id, unnest(mentions) AS m FROM {base % "entities"}) e
        JOIN {base % "articles"} a USING (article_id)
        WHERE substring(a.text, m.start + 1, m."end" - m.start) <> m.text""").fetchall()
    bad_cues = con.sql(f"""
        SELECT count(*) FROM {base % "quotes"} q JOIN {base % "articles"} a USING (article_id)
        WHERE q.cue_text IS NOT NULL AND substring(a.text, q.cue_start + 1, q.cue_end - q.cue_start) <> q.cue_text
        """).fetchall()
    assert bad_mentions == [(0,)] and bad_cues == [(0,)]
    speakers = con.sql(f"""
        SELECT count(*) FROM {base % "quotes"} q JOIN {base % "entities"} e
        ON q.article_id = e.article_id AND q.speaker_entity = e.entity_id WHERE q.speaker_name = e.name""")
    named = sum(
        1 for line in serial for q in json.loads(line)["quotes"] if (q["speaker"] or {}).get("entity")
    )
    assert speakers.fetchall() == [(named,)] and named > 0


def test_duckdb_counts_quotes_per_article_title(run_dir: Path, serial: list[str]) -> None:
    rows = duckdb.sql(f"""
        SELECT a.title, count(q.quote_id) FROM '{run_dir}/articles/*.parquet' a
        LEFT JOIN '{run_dir}/quotes/*.parquet' q USING (article_id) GROUP BY a.title""").fetchall()
    expected: Counter[str | None] = Counter()
    for line in serial:
        record = json.loads(line)
        expected[record["title"]] += len(record["quotes"])
    assert dict(rows) == dict(expected) and sum(expected.values()) > 20


def test_a_run_resumes_what_is_lost_and_keeps_the_rest(
    cluster: str, corpus: list[str], run_dir: Path, serial: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(run_dir, out)
    (out / SUCCESS).unlink()
    (out / MANIFESTS / "part-00001.json").unlink()  # killed after its files, before its manifest
    (out / "quotes" / "part-00002.parquet").unlink()  # a file lost since
    (out / "quotes" / ".part-00003.parquet.0123.tmp").write_bytes(b"half a file")  # a writer killed mid-file
    kept = {p: p.stat().st_mtime_ns for p in (out / "articles").iterdir() if p.name != "part-00001.parquet"}
    kept.pop(out / "articles" / "part-00002.parquet")
    result = runner.invoke(app, [*run_args(corpus, cluster, out, 3), "-q"])
    assert result.exit_code == 1, result.output
    assert_same_as_serial(out, serial)
    assert {p: p.stat().st_mtime_ns for p in kept} == kept  # complete partitions were not written again
    assert not list((out / "quotes").glob(".*.tmp")) and (out / SUCCESS).is_file()


def test_a_killed_run_run_again_gives_the_serial_output(
    cluster: str, corpus: list[str], serial: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [str(DATELINE), *run_args(corpus, cluster, out, 1), "-q"]
    client = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while (
        not list((out / MANIFESTS).glob("*.json")) and client.poll() is None and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    os.killpg(client.pid, signal.SIGKILL)  # the client, mid-run: its tasks may still finish on the workers
    client.wait()
    written = len(list((out / MANIFESTS).glob("*.json")))
    assert 0 < written < len(serial) and not (out / SUCCESS).exists()
    result = runner.invoke(app, run_args(corpus, cluster, out, 1))
    assert result.exit_code == 1, result.output
    assert "written before" in result.output
    assert_same_as_serial(out, serial)


def test_ingest_stores_a_run_folder_as_extract_records_and_only_once(
    run_dir: Path, serial: list[str], tmp_path: Path
) -> None:
    records_file = tmp_path / "records.jsonl"
    records_file.write_text("\n".join(serial) + "\n", encoding="utf-8")
    from_records = runner.invoke(app, ["ingest", str(records_file), "--db", str(tmp_path / "a.db")])
    first = runner.invoke(app, ["ingest", str(run_dir), "--db", str(tmp_path / "b.db")])
    assert first.exit_code == from_records.exit_code == 1, first.output  # the empty story's record
    summary = f"{len(serial) - 1} added, 0 unchanged, 0 replaced, 1 failed"
    assert summary in first.output and summary in from_records.output
    again = runner.invoke(app, ["ingest", str(run_dir), "--db", str(tmp_path / "b.db")])
    assert f"0 added, {len(serial) - 1} unchanged" in again.output, again.output
    a, b = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    try:
        assert a.counts() == b.counts() and b.counts()["articles"] == len(serial) - 1
        assert a.quotes(limit=500)["items"] == b.quotes(limit=500)["items"]
    finally:
        a.close()
        b.close()


def test_ingest_refuses_a_run_that_has_not_finished(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(run_dir, out)
    (out / SUCCESS).unlink()
    result = runner.invoke(app, ["ingest", str(out), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 3 and "has not finished" in result.output
    store = open_store(str(tmp_path / "x.db"))
    assert store.counts()["articles"] == 0
    store.close()


def test_run_refuses_an_output_folder_it_did_not_write_and_workers_for_a_remote_cluster(
    tmp_path: Path,
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORIES["a-harbour.txt"])
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    refused = runner.invoke(app, ["run", str(story), "--dask", "tcp://127.0.0.1:1", "--out", str(taken)])
    assert refused.exit_code == 3 and "not written by 'dateline run'" in refused.output
    assert sorted(p.name for p in taken.iterdir()) == ["notes.txt"]
    remote = runner.invoke(
        app, ["run", str(story), "--dask", "tcp://127.0.0.1:1", "--out", str(tmp_path / "o"), "-w", "3"]
    )
    assert remote.exit_code == 2 and "--dask local" in remote.output


def test_the_command_line_imports_no_dask_or_pyarrow() -> None:
    code = "import sys, dateline.cli; print(sorted({'dask', 'distributed', 'pyarrow'} & set(sys.modules)))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_the_time_limit_holds_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Dask task runs in a worker's thread, where no timer signal reaches: the limit still holds."""
    real = dateline.pipeline.find_events

    def stuck_on_storms(doc, *args):  # type: ignore[no-untyped-def]
        while "storm" in doc.text:  # a stage that never ends on this text
            time.sleep(0.01)
        return real(doc, *args)

    monkeypatch.setattr(dateline.pipeline, "find_events", stuck_on_storms)
    articles = [
        Article(id="stuck", text="The mayor said the storm would pass by Monday."),
        Article(id="fine", text="The mayor said the roads would reopen by Monday."),
    ]
    found: list[Record] = []
    worker = threading.Thread(
        target=lambda: found.extend(dateline.pipeline.records(articles, limits=DocumentLimits(seconds=0.5)))
    )
    worker.start()
    worker.join(timeout=30)
    stuck, fine = found
    assert [(e.stage, e.code) for e in stuck.errors] == [("limits", "too_slow")]
    assert not fine.errors and fine.quotes
