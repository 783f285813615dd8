"""Near-duplicates: the same wire story from another outlet is a link to the first copy, not extracted again."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from dateline.model import Article
from dateline.store import Store, open_store
from dateline.store import near_duplicates as near
from dateline.store.run import ingest_inputs

# Invented wire copy, and a republication with a new headline, a dateline and a few words changed.
WIRE = (
    "Valdorian Foreign Minister Ilse Marrow met envoys from Karesh in Geneva on Tuesday for the first talks "
    "between the two governments in more than a year, officials on both sides said. Marrow told reporters "
    "after the meeting that the two sides had agreed to reopen a military hotline that was cut in November "
    "and to meet again next month in Vienna. A Kareshi official, speaking on condition of anonymity, said "
    "Karesh would pull two armoured brigades back from the border region if Valdoria lifted the sanctions "
    "it imposed last week on three Kareshi defence companies. The Continental Union welcomed the talks and "
    "offered to host the next round."
)
COPY = "GENEVA (Meridian) - " + WIRE.replace("on Tuesday", "on Tuesday afternoon").replace(
    "welcomed", "praised"
)
OTHER = (
    "Farmers in the Oskel valley began the harvest early this year after weeks of unusual heat, the regional "
    "agriculture office said on Monday. Wheat yields were expected to fall by about a tenth, while the price "
    "of bread in the capital had already risen twice since January. The office said it would open three new "
    "grain stores before the autumn and asked traders not to hoard. Growers' unions called for cheaper fuel "
    "and for the state to buy part of the crop at a guaranteed price, a demand the finance ministry rejected."
)


def _jsonl(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_a_republished_story_is_linked_to_its_first_copy_and_not_extracted(tmp_path: Path) -> None:
    inputs = _jsonl(tmp_path / "feed.jsonl", [
        {"id": "wire-1", "text": WIRE, "outlet": "Meridian Wire", "published": "2025-03-11"},
        {"id": "ledger-7", "text": COPY, "outlet": "The Ledger", "published": "2025-03-12", "title": "Talks in Geneva"},
        {"id": "farm-2", "text": OTHER, "outlet": "Meridian Wire", "published": "2025-03-12"},
    ])  # fmt: skip
    store = open_store(str(tmp_path / "dup.db"))
    outcomes: dict[str, str] = {}
    report = ingest_inputs(store, [inputs], on_item=lambda doc, outcome: outcomes.update({doc.id: outcome}))
    assert (report.added, report.duplicates, report.failed) == (2, 1, 0)
    assert outcomes["ledger-7"] == "duplicate"  # never handed to the pipeline
    assert store.count_articles() == 2 and store.article("ledger-7") is None
    (copy,) = store.copies_of("wire-1")
    assert (copy["id"], copy["outlet"], copy["title"]) == ("ledger-7", "The Ledger", "Talks in Geneva")
    assert near.SIMILARITY <= copy["similarity"] < 1.0
    assert store.copies_of("farm-2") == []
    again = ingest_inputs(store, [inputs])
    assert (again.added, again.duplicates, again.unchanged) == (0, 0, 3)
    store.close()


def test_a_copy_in_a_later_run_is_found_through_the_stored_signature(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "later.db"))
    ingest_inputs(store, [_jsonl(tmp_path / "a.jsonl", [{"id": "wire-1", "text": WIRE}])])
    report = ingest_inputs(store, [_jsonl(tmp_path / "b.jsonl", [{"id": "ledger-7", "text": COPY}])])
    assert (report.added, report.duplicates) == (0, 1)
    assert [c["id"] for c in store.copies_of("wire-1")] == ["ledger-7"]
    store.close()


def test_short_texts_and_different_stories_are_not_judged_copies() -> None:
    assert near.signature("Talks resume in Geneva on Tuesday.") is None
    wire, other = near.signature(WIRE), near.signature(OTHER)
    assert wire is not None and other is not None
    assert near.similarity(wire, other) < 0.1
    copy = near.signature(COPY)
    assert copy is not None and near.similarity(wire, copy) >= near.SIMILARITY
    assert near.best_match(wire, {"self": wire}, "self") is None  # never its own copy


def test_the_signature_is_the_same_in_every_run() -> None:
    first, second = near.signature(WIRE), near.signature(WIRE)
    assert first is not None and second is not None
    assert near.to_bytes(first) == near.to_bytes(second)
    assert (near.from_bytes(near.to_bytes(first)) == first).all()


def test_an_article_object_is_judged_like_its_text(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "obj.db"))
    run = near.RunIndex()
    assert store.near_duplicate_of(Article(id="a", text=WIRE), run) is None  # first seen: joins the run
    found = store.near_duplicate_of(Article(id="b", text=COPY), run)
    assert found is not None and found[0] == "a"
    store.close()


def test_the_article_page_and_api_say_who_also_published_it(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    inputs = _jsonl(tmp_path / "feed.jsonl", [
        {"id": "wire-1", "text": WIRE, "outlet": "Meridian Wire", "published": "2025-03-11"},
        {"id": "ledger-7", "text": COPY, "outlet": "The Ledger", "published": "2025-03-12",
         "url": "https://ledger.example/talks"},
    ])  # fmt: skip
    store = open_store(str(tmp_path / "desk.db"))
    ingest_inputs(store, [inputs])
    client = TestClient(create_app(store=store), base_url="http://127.0.0.1")
    api = client.get("/api/articles/wire-1").json()
    assert [(c["id"], c["outlet"]) for c in api["also_published"]] == [("ledger-7", "The Ledger")]
    page = client.get("/articles/wire-1").text
    assert "Also published by" in page and "https://ledger.example/talks" in page and "The Ledger" in page
    store.close()


def _band_keys(store: Store) -> set[tuple[int, int]]:
    b = store.tables.band_keys
    with store.engine.connect() as conn:
        return {(row.band, row.article_pk) for row in conn.execute(select(b.c.band, b.c.article_pk))}


def test_a_replaced_article_keeps_only_the_band_keys_of_its_new_text(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "dup.db"))
    ingest_inputs(store, [_jsonl(tmp_path / "a.jsonl", [{"id": "wire-1", "text": WIRE}])])
    ingest_inputs(store, [_jsonl(tmp_path / "b.jsonl", [{"id": "wire-1", "text": OTHER}])])  # replaced
    (pk,) = {pk for _, pk in _band_keys(store)}
    other = near.signature(OTHER)
    assert other is not None
    assert _band_keys(store) == {(key, pk) for key in near.band_keys(other)}
    assert store.near_duplicate_of(Article(id="ledger-7", text=COPY)) is None  # the old text's keys are gone
    assert store.near_duplicate_of(Article(id="farm-9", text=OTHER + " More later.")) is not None
    store.close()


def test_a_store_with_the_old_band_table_is_given_the_new_index_when_opened(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    store = open_store(path)
    ingest_inputs(store, [_jsonl(tmp_path / "a.jsonl", [{"id": "wire-1", "text": WIRE}])])
    expected = _band_keys(store)
    assert len(expected) == near.BANDS
    with store.engine.begin() as conn:  # the layout stores had before: string keys, no band_keys rows
        conn.exec_driver_sql(
            "CREATE TABLE bands (pk INTEGER PRIMARY KEY, article_pk INTEGER, article_id VARCHAR, band VARCHAR)"
        )
        conn.exec_driver_sql("CREATE INDEX ix_bands_band ON bands (band)")
        conn.exec_driver_sql("DELETE FROM band_keys")
    store.close()
    store = open_store(path)
    assert _band_keys(store) == expected
    with store.engine.connect() as conn:
        assert "bands" not in inspect(conn).get_table_names()
    assert store.near_duplicate_of(Article(id="ledger-7", text=COPY)) == (
        "wire-1",
        pytest.approx(0.8, abs=0.2),
    )
    store.close()


def _words(rng: random.Random, n: int) -> list[str]:
    return [
        f"{rng.choice('bcdfgklmnprstv')}{rng.choice('aeiou')}{rng.choice('bcdfgklmnprstv')}{rng.randint(0, 99)}"
        for _ in range(n)
    ]


def test_the_band_index_finds_copies_just_over_the_line_and_passes_over_unrelated_texts() -> None:
    rng = random.Random(7)
    run = near.RunIndex()
    originals = {f"story-{i}": _words(rng, 400) for i in range(40)}
    for story, words in originals.items():
        sig = near.signature(" ".join(words))
        assert sig is not None
        run.add(story, sig)
    found = 0
    for story, words in originals.items():
        edited = [rng.choice(_words(rng, 1)) if i % 35 == 17 else w for i, w in enumerate(words)]
        sig = near.signature(" ".join(edited))
        assert sig is not None and 0.65 <= near.similarity(sig, run.signatures[story]) <= 0.9
        found += story in run.candidates(sig)
    assert found == len(originals)  # every copy about 0.75 similar is a candidate
    unrelated = [near.signature(" ".join(_words(rng, 400))) for _ in range(40)]
    assert all(sig is not None and not run.candidates(sig) for sig in unrelated)


def test_the_command_line_says_when_it_rebuilds_an_older_store_s_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    path = str(tmp_path / "old.db")
    store = open_store(path)
    with store.engine.begin() as conn:  # the layout stores had before band_keys
        conn.exec_driver_sql("CREATE TABLE bands (pk INTEGER PRIMARY KEY, band VARCHAR)")
    store.close()
    brief = _jsonl(
        tmp_path / "brief.jsonl", [{"id": "brief-1", "text": "Officials in Dorvan met on Monday."}]
    )
    # As in a new process: the command logs at ERROR, and nothing has set the store's loggers yet.
    root, stores = logging.getLogger(), logging.getLogger("dateline.store")
    levels = root.level, stores.level
    root.setLevel(logging.ERROR)
    stores.setLevel(logging.NOTSET)
    try:
        result = CliRunner().invoke(app, ["ingest", brief, "--db", path])
    finally:
        root.setLevel(levels[0])
        stores.setLevel(levels[1])
    assert result.exit_code == 0, result.output
    assert any("near-duplicate index" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    caplog.clear()
    assert CliRunner().invoke(app, ["ingest", brief, "--db", path]).exit_code == 0
    assert not any("near-duplicate index" in r.getMessage() for r in caplog.records)  # once only
