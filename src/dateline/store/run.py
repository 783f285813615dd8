"""Inputs to store in one call: read, skip what is stored, run the pipeline on the rest, ingest.

An article already stored with the same content is counted "unchanged" before spaCy sees it, so a
re-run after an interruption only parses what is missing. A file of records written by
``dateline extract``, or a folder of Parquet tables written by ``dateline run``, is stored as it is,
without the pipeline: with only such inputs, spaCy is not even loaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from dateline.actors import ActorMemory, code_actors
from dateline.confidence import confident_only
from dateline.model import Article, Record
from dateline.settings import DEFAULT_LIMITS, DocumentLimits
from dateline.store import near_duplicates as near
from dateline.store.core import DEFAULT_BATCH_SIZE, IngestReport, Store, batched, faults_as_store_errors

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
    memory_file: str | os.PathLike[str] | None = None,
    min_confidence: float | None = None,
    limits: DocumentLimits = DEFAULT_LIMITS,
) -> IngestReport:
    """Read ``inputs`` (as ``read_inputs`` does), extract and store them; ``on_item(doc, outcome)``
    is called for each document with "unchanged", or "stored" once its batch is committed.

    An input that is a file of records written by ``dateline extract`` (``read.is_records_file``),
    or a folder written by ``dateline run`` (``read.run_folder.is_run_folder``), is stored as it is,
    before the articles: no pipeline, no ``published`` and no ``memory``; a line (a row) of it that
    is no record is a failed document, and the rest goes on. A run folder whose run has not finished
    is a ``RunFolderError`` before anything of it is stored.

    Without ``memory`` each stored record depends on its own article alone, so a run resumed after
    an interruption stores what an uninterrupted one would. With ``memory``, actor codes are applied
    and learned across the run (see ``dateline.actors``), and with ``memory_file`` too the memory is
    saved there after every committed batch: it then holds exactly what the stored articles taught,
    so a killed run resumed later neither loses nor counts twice what was committed.
    ``min_confidence`` drops the quotes and events below that confidence from every record stored;
    ``limits`` holds each document to a size and a time (see ``settings.DocumentLimits``).

    An article that is a near-duplicate of one extracted before (the same wire story from another
    outlet; see ``store.near_duplicates``) is recorded as a link to that first copy, not extracted."""
    from dateline.read import read_inputs

    record_files, article_inputs = _split_record_files(inputs)
    skipped = IngestReport()

    run = near.RunIndex()

    def fresh(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if not article.errors and store.is_stored(article):
                skipped.unchanged += 1
                if on_item:
                    on_item(article, "unchanged")
                continue
            copy_of = None if article.errors else store.near_duplicate_of(article, run)
            if copy_of is not None:  # republished wire copy: a link to the first copy, not extracted
                outcome = store.add_duplicate(article, *copy_of)
                skipped.duplicates += outcome == "added"
                skipped.unchanged += outcome == "unchanged"
                if on_item:
                    on_item(article, "duplicate")
                continue
            yield article

    report = IngestReport()
    with faults_as_store_errors(store):  # a full disk, a lock, a lost connection: one line, resumable
        pending = fresh(
            read_inputs(article_inputs, published=published, stdin=stdin, max_bytes=limits.max_bytes)
        )
        first = next(pending, None)
        extracted: Iterator[Record] = iter(())
        if first is not None:  # nothing new to parse: spaCy is not even loaded
            from dateline.pipeline import records_in_pool

            extracted = code_actors(records_in_pool(chain([first], pending), workers, limits=limits), memory)
        records: Iterator[Record] = chain(_records_of(record_files), extracted)
        if min_confidence is not None:  # the user's cut: quotes and events below it are not stored
            records = (confident_only(record, min_confidence) for record in records)
        for batch in batched(records, batch_size):
            report.merge(_commit(store, batch, on_item))
            # Records are learned from as they are pulled: memory now holds exactly what is committed.
            if memory is not None and memory_file is not None:
                memory.save(memory_file)
    if memory is not None and memory_file is not None:
        memory.save(memory_file)  # also when nothing was new: the file exists after every run
    report.merge(skipped)
    return report


def reextract_store(
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_item: Progress | None = None,
    min_confidence: float | None = None,
    limits: DocumentLimits = DEFAULT_LIMITS,
) -> IngestReport:
    """Run this dateline's pipeline again over every stored article and replace each record that
    comes out different ("replaced"; the same: "unchanged"). An article the pipeline now fails on
    keeps its stored record; the failure goes to the errors table. Each batch is one transaction,
    so an interrupted run leaves whole batches re-extracted and can simply be run again."""
    from dateline.pipeline import records_in_pool

    records: Iterator[Record] = records_in_pool(store.stored_articles(), workers, limits=limits)
    if min_confidence is not None:
        records = (confident_only(record, min_confidence) for record in records)
    report = IngestReport()
    with faults_as_store_errors(store):
        for batch in batched(records, batch_size):
            report.merge(_commit(store, batch, on_item, reextracted=True))
    return report


def _split_record_files(inputs: Iterable[str]) -> tuple[list[Path], list[str]]:
    """(files of records written by ``dateline extract`` and folders written by ``dateline run``,
    every other input), each in input order."""
    from dateline.read import is_records_file
    from dateline.read.run_folder import is_run_folder

    if isinstance(inputs, str):  # a single path, not an iterable of characters
        inputs = [inputs]
    record_files: list[Path] = []
    others: list[str] = []
    for spec in inputs:
        if spec != "-" and (is_records_file(Path(spec)) or is_run_folder(Path(spec))):
            record_files.append(Path(spec))
        else:
            others.append(spec)
    return record_files, others


def _records_of(files: list[Path]) -> Iterator[Record]:
    from dateline.read import name_stem, read_records_file

    for path in files:
        if path.is_dir():  # a run folder: its articles table holds each whole record
            from dateline.parquet import read_run_records  # pyarrow: only for such a folder

            yield from read_run_records(path)
        else:
            yield from read_records_file(path, stem=name_stem(path))


def _commit(
    store: Store, batch: list[Record], on_item: Progress | None, reextracted: bool = False
) -> IngestReport:
    report = store.ingest_batch(batch, reextracted)
    if on_item:
        failed = set(report.failed_ids)
        for record in batch:
            on_item(record, "failed" if record.id in failed else "stored")
    return report
