"""A folder written by ``dateline run``: its layout, and how it is recognised without reading Parquet.

``dateline run --out DIR`` writes one Parquet dataset (folder) per table, one file per partition, a
manifest per partition once its files are complete, and two markers (see ``dateline.parquet``)::

    DIR/_dateline.json                 the layout marker, written first: what wrote the folder
    DIR/articles/part-00000.parquet    one row per article, its whole record in the column ``record``
    DIR/{entities,quotes,events,places,dates,errors}/part-00000.parquet
    DIR/_partitions/part-00000.json    a partition's manifest, written after its files: it is complete
    DIR/_SUCCESS                       written last, when every partition of the run is complete

This module holds only names and JSON: recognising a folder (``dateline ingest DIR``, the progress
estimate) never imports pyarrow.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MARKER = "_dateline.json"
SUCCESS = "_SUCCESS"
MANIFESTS = "_partitions"
FORMAT = "dateline-parquet/1"
# Every table, in the order they are written; a partition is complete when its manifest exists.
TABLES = ("articles", "entities", "quotes", "events", "places", "dates", "errors")


class RunFolderError(ValueError):
    """A run folder that cannot be used as it is: its run has not finished (storing part of it would
    pass for the whole), a file of it is missing or unreadable, or the folder holds something else."""


def partition_name(number: int) -> str:
    """``part-00012``: zero-padded so that the files sort in partition order."""
    return f"part-{number:05d}"


def is_run_folder(path: Path) -> bool:
    """Whether ``path`` is a folder written by ``dateline run`` (its layout marker names the format)."""
    marker = path / MARKER
    if not marker.is_file():
        return False
    return str(read_json(marker).get("format", "")).startswith("dateline-parquet/")


def read_json(path: Path) -> dict[str, Any]:
    """A marker or manifest; one that is unreadable (cut short by a crash) is empty, not an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def finished(folder: Path) -> dict[str, Any] | None:
    """The ``_SUCCESS`` marker of a finished run (partitions, articles), or None while it is not."""
    marker = folder / SUCCESS
    return read_json(marker) if marker.is_file() else None


def run_articles(folder: Path) -> int:
    """How many articles the folder's complete partitions hold (for a progress estimate)."""
    done = finished(folder)
    if done and isinstance(done.get("articles"), int):
        return int(done["articles"])
    manifests = (folder / MANIFESTS).glob("part-*.json")
    return sum(int(read_json(path).get("articles", 0)) for path in manifests)
