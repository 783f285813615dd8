"""Inputs to store in one call: read, skip what is stored, run the pipeline on the rest, ingest.

An article already stored with the same content is counted "unchanged" before spaCy sees it, so a
re-run after an interruption only parses what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import BinaryIO

from dateline.actors import ActorMemory, remember_across
from dateline.model import Article, Record
from dateline.store.core import DEFAULT_BATCH_SIZE, IngestReport, Store

Progress = Callable[[Record | Article, str], None]


def ingest_inputs(
    store: Store,
    inputs: Iterable[str],
    *,
    published: str | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stdin: BinaryIO | None = None,
    on_item: Progress | None = None,
    memory: ActorMemory | None = None,
) -> IngestReport:
    """Read ``inputs`` (as ``read_inputs`` does), extract and store them; ``on_item(doc, outcome)``
    is called for each document with "unchanged", or "stored" once its batch is committed. With
    ``memory``, actor codes are applied and learned across the run (see ``dateline.actors``)."""
    from dateline.pipeline import records_in_pool
    from dateline.read import read_inputs

    skipped = IngestReport()

    def fresh(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if not article.errors and store.is_stored(article):
                skipped.unchanged += 1
                if on_item:
                    on_item(article, "unchanged")
                continue
            yield article

    pending = fresh(read_inputs(inputs, published=published, stdin=stdin))
    first = next(pending, None)
    # Nothing new: spaCy is not even loaded.
    records = records_in_pool(chain([first], pending), workers) if first is not None else iter(())
    if memory is not None:
        records = remember_across(records, memory)
    report = IngestReport()
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= max(batch_size, 1):
            report.merge(_commit(store, batch, on_item))
            batch = []
    if batch:
        report.merge(_commit(store, batch, on_item))
    report.merge(skipped)
    return report


def _commit(store: Store, batch: list[Record], on_item: Progress | None) -> IngestReport:
    report = store.ingest_batch(batch)
    if on_item:
        failed = set(report.failed_ids)
        for record in batch:
            on_item(record, "failed" if record.id in failed else "stored")
    return report
