"""The latency benchmark measures the real store: its synthetic records are valid and deterministic,
and its bulk loader writes what ``Store.ingest`` writes."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import pytest  # noqa: E402

from dateline.store import open_store  # noqa: E402
from dateline.store.pgcluster import reset_database  # noqa: E402
from make_synthetic_quotes import synthetic_records  # noqa: E402
from store_latency import load_postgres, load_sqlite  # noqa: E402


def test_synthetic_records_are_deterministic_and_their_spans_match_the_text() -> None:
    first = [r.to_json() for r in synthetic_records(40)]
    assert first == [r.to_json() for r in synthetic_records(40)]
    records = list(synthetic_records(40))
    assert len(records) == 4 and sum(len(r.quotes) for r in records) == 40
    for record in records:
        for quote in record.quotes:
            for span in [*quote.content, quote.cue, quote.speaker]:
                assert span is not None and record.text[span.start : span.end] == span.text
        for entity in record.entities:
            assert all(record.text[m.start : m.end] == m.text for m in entity.mentions)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_bulk_load_writes_what_ingest_writes(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ingested = open_store(str(tmp_path / "ingested.db"))
    ingested.ingest(synthetic_records(60))
    if backend == "sqlite":
        bulk = open_store(str(tmp_path / "bulk.db"))
        load_sqlite(bulk, synthetic_records(60))
    else:
        url = request.getfixturevalue("postgres_url")
        reset_database(url)
        bulk = open_store(url)
        load_postgres(bulk, synthetic_records(60))
    assert bulk.counts() == ingested.counts()
    assert bulk.quotes(limit=100) == ingested.quotes(limit=100)
    word = synthetic_records(10).__next__().quotes[0].content[0].text.split()[0]
    assert bulk.search(word)["items"] == ingested.search(word)["items"]
    assert bulk.network() == ingested.network()
    assert bulk.actors(limit=500) == ingested.actors(limit=500)
    # The FTS triggers are back after the bulk load: later ingests are searchable.
    extra = list(synthetic_records(80))[-2:]
    bulk.ingest(extra)
    assert bulk.quotes(q=extra[-1].quotes[0].content[0].text.split()[-1])["items"]
    ingested.close()
    bulk.close()
