"""The ingest-growth benchmark measures the real store: its records are valid and share busy actors,
and its bulk loader (copies of a few built articles under new ids) writes what ``Store.ingest``
writes for the same articles."""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import pytest  # noqa: E402

import ingest_growth  # noqa: E402
from dateline.store import Store, open_store  # noqa: E402
from dateline.store.text import actor_key  # noqa: E402
from make_synthetic_quotes import SEED, World  # noqa: E402


def stored_article(store: Store, article_id: str) -> dict[str, Any]:
    """The article page's data, but for when it was ingested: two stores written a second apart differ
    there and nowhere else."""
    article = store.article(article_id)
    assert article is not None
    return {**article, "store": {k: v for k, v in article["store"].items() if k != "ingested_at"}}


def test_records_name_busy_actors_with_spans_that_match_the_text() -> None:
    records = list(ingest_growth.busy_records(0, 60, World(SEED)))
    named = Counter(
        actor_key(e.type, e.name) for r in records for e in {e.name: e for e in r.entities}.values()
    )
    country = sum(named[actor_key("GPE", name)] for name in ingest_growth.COUNTRY[1])
    assert named["person-mara-velden"] > 20 and country > 30  # most articles name both
    assert named["person-velden"] > 0  # the surname alone, which joins the full name
    for record in records:
        for entity in record.entities:
            assert all(record.text[m.start : m.end] == m.text for m in entity.mentions)
        for quote in record.quotes:
            for span in [*quote.content, quote.cue, quote.speaker]:
                assert span is not None and record.text[span.start : span.end] == span.text
    assert [r.to_json() for r in records] == [
        r.to_json() for r in ingest_growth.busy_records(0, 60, World(SEED))
    ]


def test_bulk_growth_writes_what_ingest_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_growth, "TEMPLATES", 7)  # 20 articles: copies 1 and 2 of the 7 built
    monkeypatch.setattr(ingest_growth, "CHUNK", 5)
    world = World(SEED)
    bulk = open_store(str(tmp_path / "bulk.db"))
    ingest_growth.grow_sqlite(bulk, 0, 20, world)
    built = list(ingest_growth.busy_records(0, 7, world))
    ingested = open_store(str(tmp_path / "ingested.db"))
    ingested.ingest([dataclasses.replace(built[i % 7], id=f"synthetic-{i:07d}") for i in range(20)])
    assert bulk.counts() == ingested.counts()
    assert bulk.actors(limit=500) == ingested.actors(limit=500)
    assert bulk.quotes(limit=300) == ingested.quotes(limit=300)
    assert bulk.network() == ingested.network()
    assert stored_article(bulk, "synthetic-0000015") == stored_article(ingested, "synthetic-0000015")
    # Later batches go on from the bulk-loaded keys, searchable.
    extra = list(ingest_growth.busy_records(20, 22, world))
    bulk.ingest(extra)
    word = extra[-1].quotes[0].content[0].text.split()[-1]
    assert {q["article_id"] for q in bulk.quotes(q=word)["items"]} >= {extra[-1].id}
    bulk.close()
    ingested.close()
