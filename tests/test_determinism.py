"""Deterministic records: without a memory file an article's record depends on that article alone.

Two runs over the same articles in different orders give the same record per article, and an ingest
interrupted part way (a prefix of the inputs stored, or a process really killed) then resumed stores
what an uninterrupted run stores. With a memory file the run is deterministic given the file and the
order, and a resumed ingest matches an uninterrupted one too, memory file included. Articles invented.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from typer.testing import CliRunner

from dateline.actors import ActorMemory
from dateline.cli import app
from dateline.model import Record
from dateline.store import open_store

runner = CliRunner()
ENV = {"DATELINE_ACTORS": ""}
ARTICLES = {
    "a-minister": 'Turkish Foreign Minister Anna Berger arrived in Ankara on Monday. "We will talk to everyone," '
    "Berger told reporters. The Kenya Wildlife Service sent two advisers.",
    "b-geneva": "Berger met envoys in Geneva on Tuesday, the ministry said. Women outside the hall called for "
    "an end to the fighting.",
    "c-visit": "Daniel Okafor, a visiting economist, said in Istanbul on Wednesday that prices would rise. Officials "
    "said the talks had stalled.",
    "d-okafor": "On Thursday, Okafor told reporters that the report would be published next month. The Kenya Wildlife Service said it agreed.",
}
EDITED = "name\ttype\tcode\tsector\tsource\nDaniel Okafor\tPERSON\tCAN\tBUS\tedited\n"


def _write(folder: Path, ids: list[str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for id_ in ids:
        path = folder / f"{id_}.txt"
        path.write_text(ARTICLES[id_] + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _extract(paths: list[str], out: Path, *extra: str) -> dict[str, Record]:
    result = runner.invoke(
        app, ["extract", *paths, "-q", "-o", str(out), "--published", "2025-03-12", *extra], env=ENV
    )
    assert result.exit_code == 0, result.output
    return {
        r.id: r for r in (Record.from_json(line) for line in out.read_text(encoding="utf-8").splitlines())
    }


def _ingest(paths: list[str], db: Path, *extra: str) -> None:
    args = ["ingest", *paths, "-q", "--db", str(db), "--batch-size", "1", "--published", "2025-03-12", *extra]
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 0, result.output


def _stored(db: Path) -> dict[str, dict[str, Any]]:
    """Every stored record, without the store's own bookkeeping (row ids, ingest time)."""
    store = open_store(str(db))
    try:
        found = {}
        for id_ in ARTICLES:
            article = store.article(id_)
            assert article is not None, id_
            article.pop("store")
            found[id_] = article
        return found
    finally:
        store.close()


def test_two_orders_give_the_same_record_per_article(tmp_path: Path, nlp: Language) -> None:
    ids = list(ARTICLES)
    forward = _extract(_write(tmp_path / "in", ids), tmp_path / "forward.jsonl")
    backward = _extract(_write(tmp_path / "in", ids[::-1]), tmp_path / "backward.jsonl")
    assert set(forward) == set(ARTICLES)
    assert forward == backward
    # Nothing an earlier article said reaches a later one: the bare surname is not the minister's TUR.
    [berger] = [e for e in forward["b-geneva"].entities if e.name == "Berger"]
    assert berger.code != "TUR" and berger.coded_by != "memory"
    assert all(e.coded_by != "memory" for r in forward.values() for e in r.entities)


def test_with_a_memory_file_the_same_file_and_order_give_the_same_records(
    tmp_path: Path, nlp: Language
) -> None:
    paths = _write(tmp_path / "in", list(ARTICLES))
    runs = []
    for run in ("one", "two"):
        memory = tmp_path / f"{run}.tsv"
        memory.write_text(EDITED, encoding="utf-8")
        runs.append((_extract(paths, tmp_path / f"{run}.jsonl", "--memory", str(memory)), memory.read_text()))
    assert runs[0] == runs[1]
    records = runs[0][0]
    [okafor] = [e for e in records["d-okafor"].entities if e.name == "Okafor"]
    assert (okafor.code, okafor.sector, okafor.coded_by) == ("CAN", "BUS", "memory")


def test_an_interrupted_ingest_resumed_stores_what_an_uninterrupted_one_does(
    tmp_path: Path, nlp: Language
) -> None:
    paths = _write(tmp_path / "in", list(ARTICLES))
    _ingest(paths, tmp_path / "whole.db")
    _ingest(paths[:2], tmp_path / "resumed.db")  # the run stopped after two articles...
    _ingest(paths, tmp_path / "resumed.db")  # ...and was run again on everything
    assert _stored(tmp_path / "resumed.db") == _stored(tmp_path / "whole.db")


def test_with_a_memory_file_a_resumed_ingest_matches_too(tmp_path: Path, nlp: Language) -> None:
    """Memory is saved after every committed batch, so a resumed run starts from what the stored
    articles taught, neither losing it nor counting it twice."""
    paths = _write(tmp_path / "in", list(ARTICLES))
    memories = {}
    for run, steps in (("whole", [paths]), ("resumed", [paths[:3], paths])):
        memory = tmp_path / f"{run}.tsv"
        memory.write_text(EDITED, encoding="utf-8")
        for step in steps:
            _ingest(step, tmp_path / f"{run}.db", "--memory", str(memory))
        memories[run] = memory.read_text(encoding="utf-8")
    assert memories["resumed"] == memories["whole"]
    assert "Kenya Wildlife Service" in memories["whole"]  # learned once per article that coded it
    assert [
        r.seen for r in ActorMemory.load(tmp_path / "whole.tsv").rows if r.name == "Kenya Wildlife Service"
    ] == [2]
    assert _stored(tmp_path / "resumed.db") == _stored(tmp_path / "whole.db")


def _stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # the schema is still being created


def test_an_ingest_killed_with_sigkill_then_resumed_stores_the_same(tmp_path: Path, nlp: Language) -> None:
    paths = _write(tmp_path / "in", list(ARTICLES))
    _ingest(paths, tmp_path / "whole.db")
    killed = tmp_path / "killed.db"
    command = [sys.executable, "-m", "dateline.cli", "ingest", *paths, "-q", "--db", str(killed), "--batch-size", "1",
               "--published", "2025-03-12"]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_ACTORS"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and _stored_count(killed) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
    assert _stored_count(killed) >= 1, "the killed run stored nothing"
    _ingest(paths, killed)
    assert _stored(killed) == _stored(tmp_path / "whole.db")
