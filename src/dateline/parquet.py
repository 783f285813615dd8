"""Records as Parquet tables: what ``dateline run`` writes, one partition at a time, and reads back.

One dataset (folder) per table, one file per partition (layout: ``dateline.read.run_folder``). Every
table has ``article_id``, so they join; columns are flat and typed (ids and names strings, offsets
int64, counts int32, confidences float64), and the lists of a row (an entity's mentions, a quote's
content spans, an event's actors) are Arrow ``list<...>`` columns, which DuckDB, pandas and Spark
read as lists and structs. The ``articles`` table also holds each whole record as JSON (``record``):
the typed tables are for analysts, the JSON gives ``dateline ingest DIR`` the record back without
loss.

Every file is written under a hidden temporary name and moved into place (``os.replace``), so a
reader never sees half a file; a partition's manifest is written after its files and removed before
they are rewritten, so a partition with a manifest is complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.model import SCHEMA_VERSION, Record
from dateline.read.records import record_from_json
from dateline.read.run_folder import (
    FORMAT,
    MANIFESTS,
    MARKER,
    SUCCESS,
    TABLES,
    RunFolderError,
    finished,
    partition_name,
    read_json,
)

COMPRESSION = "zstd"  # read by DuckDB, pyarrow/pandas and Spark (3.2+); half the size of snappy on text
SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_S, _I, _N, _F = pa.string(), pa.int64(), pa.int32(), pa.float64()


def _schema(table: str, *fields: tuple[str, pa.DataType]) -> pa.Schema:
    columns = [pa.field("article_id", _S, nullable=False), *(pa.field(n, t) for n, t in fields)]
    meta = {"dateline.table": table, "dateline.format": FORMAT, "dateline.schema": SCHEMA_VERSION}
    return pa.schema(columns, metadata=meta)


SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(
        "articles",
        ("position", _I), ("partition", _N), ("source", _S), ("title", _S), ("published", _S),
        ("published_day", pa.date32()), ("outlet", _S), ("url", _S), ("text", _S), ("ok", pa.bool_()),
        ("entity_count", _N), ("quote_count", _N), ("event_count", _N), ("place_count", _N),
        ("date_count", _N), ("error_count", _N), ("schema", _S), ("record", _S),
    ),
    "entities": _schema(
        "entities",
        ("entity_id", _S), ("name", _S), ("type", _S), ("code", _S), ("sector", _S),
        ("titles", pa.list_(_S)), ("coded_by", _S), ("generic", pa.bool_()), ("mention_count", _N),
        ("mentions", pa.list_(SPAN)),
    ),
    "quotes": _schema(
        "quotes",
        ("quote_id", _S), ("kind", _S), ("speaker_text", _S), ("speaker_start", _I), ("speaker_end", _I),
        ("speaker_entity", _S), ("speaker_name", _S), ("cue_text", _S), ("cue_start", _I), ("cue_end", _I),
        ("cue_lemma", _S), ("content_text", _S), ("content", pa.list_(SPAN)), ("source_type", _S),
        ("medium", _S), ("confidence", _F),
    ),
    "events": _schema(
        "events",
        ("event_id", _S), ("type", _S), ("mode", _S), ("modality", _S), ("actors", pa.list_(_S)),
        ("recipients", pa.list_(_S)), ("trigger_text", _S), ("trigger_start", _I), ("trigger_end", _I),
        ("place_id", _S), ("date_text", _S), ("date_value", _S), ("date_precision", _S), ("quote_id", _S),
        ("governed_by", _S), ("confidence", _F), ("actors_from", _S),
    ),
    "places": _schema(
        "places",
        ("place_id", _S), ("name", _S), ("geonameid", _I), ("lat", _F), ("lon", _F), ("country", _S),
        ("feature", _S), ("mention_count", _N), ("mentions", pa.list_(SPAN)),
    ),
    "dates": _schema(
        "dates",
        ("date_text", _S), ("date_start", _I), ("date_end", _I), ("value", _S), ("precision", _S),
    ),
    "errors": _schema("errors", ("stage", _S), ("code", _S), ("message", _S)),
}  # fmt: skip
assert tuple(SCHEMAS) == TABLES  # one list of tables for the layout and the schemas
CONTENT_JOINER = " … "  # between the spans of a quote split by its cue, as `dateline show` prints them

Row = dict[str, Any]


# ---- records -> rows ---------------------------------------------------------------------------


def table_rows(records: list[Record], partition: int, first_position: int) -> dict[str, list[Row]]:
    """The rows each table gets from ``records``, the partition's articles in input order."""
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    for offset, record in enumerate(records):
        rows["articles"].append(_article_row(record, partition, first_position + offset))
        names = {e.id: e.name for e in record.entities}
        for table, make in _ITEM_ROWS.items():
            rows[table] += [{"article_id": record.id, **row} for row in make(record, names)]
    return rows


def _article_row(record: Record, partition: int, position: int) -> Row:
    return {
        "article_id": record.id, "position": position, "partition": partition, "source": record.source,
        "title": record.title, "published": record.published,
        "published_day": _day(record.published), "outlet": record.outlet, "url": record.url,
        "text": record.text, "ok": record.ok, "entity_count": len(record.entities),
        "quote_count": len(record.quotes), "event_count": len(record.events),
        "place_count": len(record.places), "date_count": len(record.dates),
        "error_count": len(record.errors), "schema": record.schema, "record": record.to_json(),
    }  # fmt: skip


def _day(published: str | None) -> dt.date | None:
    """The calendar day of an ISO 8601 ``published`` ("2025-03-12T16:05:00+02:00" -> 2025-03-12)."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None  # as the source gave it, in ``published``; not a date a column can hold


def _spans(spans: list[Any]) -> list[Row]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def _entity_rows(record: Record, _names: dict[str, str]) -> Iterator[Row]:
    for e in record.entities:
        yield {
            "entity_id": e.id, "name": e.name, "type": e.type, "code": e.code, "sector": e.sector,
            "titles": e.titles, "coded_by": e.coded_by, "generic": e.generic,
            "mention_count": len(e.mentions), "mentions": _spans(e.mentions),
        }  # fmt: skip


def _quote_rows(record: Record, names: dict[str, str]) -> Iterator[Row]:
    for q in record.quotes:
        speaker, cue = q.speaker, q.cue
        yield {
            "quote_id": q.id, "kind": q.kind,
            "speaker_text": speaker.text if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "speaker_entity": speaker.entity if speaker else None,
            "speaker_name": names.get(speaker.entity) if speaker and speaker.entity else None,
            "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None, "cue_lemma": q.cue_lemma,
            "content_text": CONTENT_JOINER.join(c.text for c in q.content), "content": _spans(q.content),
            "source_type": q.source_type, "medium": q.medium, "confidence": q.confidence,
        }  # fmt: skip


def _event_rows(record: Record, _names: dict[str, str]) -> Iterator[Row]:
    for v in record.events:
        date = v.date
        yield {
            "event_id": v.id, "type": v.type, "mode": v.mode, "modality": v.modality,
            "actors": v.actors, "recipients": v.recipients, "trigger_text": v.trigger.text,
            "trigger_start": v.trigger.start, "trigger_end": v.trigger.end, "place_id": v.place,
            "date_text": date.text if date else None, "date_value": date.value if date else None,
            "date_precision": date.precision if date else None, "quote_id": v.quote,
            "governed_by": v.governed_by, "confidence": v.confidence, "actors_from": v.actors_from,
        }  # fmt: skip


def _place_rows(record: Record, _names: dict[str, str]) -> Iterator[Row]:
    for p in record.places:
        yield {
            "place_id": p.id, "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "country": p.country, "feature": p.feature, "mention_count": len(p.mentions),
            "mentions": _spans(p.mentions),
        }  # fmt: skip


def _date_rows(record: Record, _names: dict[str, str]) -> Iterator[Row]:
    for d in record.dates:
        yield {"date_text": d.text, "date_start": d.start, "date_end": d.end, "value": d.value,
               "precision": d.precision}  # fmt: skip


def _error_rows(record: Record, _names: dict[str, str]) -> Iterator[Row]:
    for error in record.errors:
        yield {"stage": error.stage, "code": error.code, "message": error.message}


_ITEM_ROWS: dict[str, Callable[[Record, dict[str, str]], Iterator[Row]]] = {
    "entities": _entity_rows, "quotes": _quote_rows, "events": _event_rows, "places": _place_rows,
    "dates": _date_rows, "errors": _error_rows,
}  # fmt: skip


# ---- writing -----------------------------------------------------------------------------------


def start_run(out: Path, partition_size: int) -> None:
    """Make ``out`` a run folder (or keep it one): the layout marker first, no ``_SUCCESS`` while
    the run goes on. A folder holding anything else is refused rather than mixed with the tables."""
    out.mkdir(parents=True, exist_ok=True)
    marker = out / MARKER
    if not marker.is_file() and any(not p.name.startswith(".") for p in out.iterdir()):
        raise RunFolderError(
            f"{out} is not empty and was not written by 'dateline run'; give --out a new or empty folder"
        )
    (out / SUCCESS).unlink(missing_ok=True)
    for table in TABLES:
        (out / table).mkdir(exist_ok=True)
    (out / MANIFESTS).mkdir(exist_ok=True)
    _write_json(marker, {"format": FORMAT, "schema": SCHEMA_VERSION, "partition_size": partition_size,
                         "tables": list(TABLES)})  # fmt: skip


def write_partition(out: Path, number: int, records: list[Record], manifest: Row) -> Row:
    """Write one partition's files, then its manifest (``manifest`` plus the rows of each table);
    the manifest is removed first, so until it is back the partition counts as not done."""
    name = partition_name(number)
    manifest_path = out / MANIFESTS / f"{name}.json"
    manifest_path.unlink(missing_ok=True)
    rows = table_rows(records, number, int(manifest.get("first_position", 0)))
    for table in TABLES:
        _write_table(
            out / table / f"{name}.parquet", pa.Table.from_pylist(rows[table], schema=SCHEMAS[table])
        )
    done = {**manifest, "partition": number, "rows": {table: len(rows[table]) for table in TABLES}}
    _write_json(manifest_path, done)
    return done


def complete_partition(out: Path, number: int, digest: str) -> Row | None:
    """The manifest of partition ``number`` when an earlier run wrote it for the same articles and
    settings (``digest``) and every file of it is there; None when it has to be (re)written."""
    name = partition_name(number)
    manifest = read_json(out / MANIFESTS / f"{name}.json")
    if manifest.get("digest") != digest:
        return None
    if not all((out / table / f"{name}.parquet").is_file() for table in TABLES):
        return None
    return manifest


def finish_run(out: Path, partitions: int, summary: Row) -> None:
    """Close a run whose ``partitions`` are all complete: drop what an earlier run over longer
    inputs left beyond them, and temporary files of writers killed mid-file, then write ``_SUCCESS``."""
    for manifest in (out / MANIFESTS).glob("part-*.json"):
        number = _number(manifest.stem)
        if number is not None and number >= partitions:
            manifest.unlink(missing_ok=True)  # the manifest first: a stale partition is never "complete"
            for table in TABLES:
                (out / table / f"{manifest.stem}.parquet").unlink(missing_ok=True)
    for folder in [out / MANIFESTS, *(out / table for table in TABLES)]:
        for temporary in folder.glob(".*.tmp"):
            temporary.unlink(missing_ok=True)
    _write_json(out / SUCCESS, {"partitions": partitions, **summary})


def _number(stem: str) -> int | None:
    digits = stem.removeprefix("part-")
    return int(digits) if digits.isdigit() else None


def _write_table(path: Path, data: pa.Table) -> None:
    _atomically(path, lambda handle: pq.write_table(data, handle, compression=COMPRESSION))


def _write_json(path: Path, data: Row) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    _atomically(path, lambda f: f.write(text.encode("utf-8")))


def _atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` under a hidden temporary name beside it, flushed to disk, then move it into
    place: readers (and a resumed run) see the old file or the whole new one, never a part."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# ---- reading back ------------------------------------------------------------------------------


def read_run_records(folder: Path) -> Iterator[Record]:
    """The records of a finished run folder, in input order, one partition in memory at a time.

    A run that has not finished (no ``_SUCCESS``: still going, or killed) or lost a file since is a
    ``RunFolderError``, raised before any record is given: part of a run would pass for the whole.
    A cell that is no record of this schema is a failed record, as a bad line of a records file is."""
    done = finished(folder)
    if done is None or not isinstance(done.get("partitions"), int):
        raise RunFolderError(
            f"{folder}: the 'dateline run' writing it has not finished (no {SUCCESS} file); run the same "
            "command again (it resumes where it stopped), then ingest the folder"
        )
    files = [folder / "articles" / f"{partition_name(n)}.parquet" for n in range(done["partitions"])]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise RunFolderError(
            f"{folder}: articles/{missing[0]} is missing ({len(missing)} partition files in all); "
            "run the same 'dateline run' again to write it back, then ingest the folder"
        )
    for path in files:
        yield from _partition_records(path)


def _partition_records(path: Path) -> Iterator[Record]:
    try:
        batches = pq.ParquetFile(path).iter_batches(columns=["article_id", "record"], batch_size=256)
        for batch in batches:
            ids, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
            for article_id, text in zip(ids, texts, strict=True):
                yield record_from_json(text or "", id=article_id, source=str(path),
                                       where=f"the record of {article_id} in {path}")  # fmt: skip
    except (OSError, pa.ArrowException) as exc:
        raise RunFolderError(
            f"{path} cannot be read ({exc}); run the same 'dateline run' again to write it back"
        ) from exc
