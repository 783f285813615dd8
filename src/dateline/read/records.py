"""Records back in: JSON Lines files written by ``dateline extract``, read without re-parsing.

A records file is told from a file of articles by its first non-blank line, which starts with the
record's ``schema`` (``{"schema": "dateline/3", ...``: ``Record.to_dict`` puts it first). Each
line is read on its own, so the file may be of any size and compressed (gzip, bzip2, Zstandard).
A line that is not a record of this dateline's schema gives a failed record (no text, one read
error, id ``<stem>#<lineno>``), like a bad line of articles, and reading goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from dateline.model import READABLE_SCHEMAS, SCHEMA_VERSION, Record
from dateline.read.common import decode_utf8, read_error, writable
from dateline.read.compression import DECOMPRESSION_ERRORS, CompressionBombError, open_decompressed
from dateline.read.jsonl import iter_lines
from dateline.settings import MAX_DOCUMENT_BYTES

# A record holds its article's text and every span found in it, so a line may be several times the
# size of the largest article dateline reads.
MAX_RECORD_LINE_BYTES = 16 * MAX_DOCUMENT_BYTES
_RECORD_START = re.compile(rb'\A\s*\{\s*"schema"\s*:\s*"dateline/')
# How far into a file the first non-blank line is looked for.
_SNIFF_BYTES = 1 << 16


def starts_with_record(path: Path) -> bool:
    """Whether the file (compressed or not) begins with a dateline record."""
    try:
        with open_decompressed(path) as (data, _):
            head = data.read(_SNIFF_BYTES)
    except DECOMPRESSION_ERRORS:
        return False
    first = next((line for line in head.splitlines() if line.strip()), b"")
    return bool(_RECORD_START.match(first))


def read_records_file(path: Path, *, stem: str) -> Iterator[Record]:
    """The records of one file written by ``dateline extract``, in order; a bad line is a failed record."""
    source, stem = (
        writable(str(path)),
        writable(stem),
    )  # a failed line is named after a file name in any encoding
    what = f"file {source}"
    try:
        with open_decompressed(path) as (data, _):
            for lineno, _offset, raw in iter_lines(data, max_bytes=MAX_RECORD_LINE_BYTES):
                if raw is None:
                    yield failed_record(
                        f"{stem}#{lineno}", source, "too_large",
                        f"line {lineno} of {what} is longer than {MAX_RECORD_LINE_BYTES:,} bytes; it was skipped.",
                    )  # fmt: skip
                elif raw.strip():
                    yield _record(raw, lineno, stem=stem, source=source, what=what)
    except DECOMPRESSION_ERRORS as err:
        yield failed_record(
            stem, source, "undecodable",
            f"reading {what} failed ({err}); the records before that point were read. Check that the "
            "file was completely written.",
        )  # fmt: skip
    except CompressionBombError as err:
        yield failed_record(
            stem, source, "compression_bomb",
            f"{what} looks like a compression bomb: {err}. Reading stopped there; the records before it "
            "were read. If the file is genuine, decompress it and give dateline the result.",
        )  # fmt: skip


def _record(raw: bytes, lineno: int, *, stem: str, source: str, what: str) -> Record:
    where = f"line {lineno} of {what}"
    line_id = f"{stem}#{lineno}"
    text = decode_utf8(raw, where)
    if not isinstance(text, str):
        return failed_record(line_id, source, text.code, text.message)
    return record_from_json(text, id=line_id, source=source, where=where)


def record_from_json(text: str, *, id: str, source: str, where: str) -> Record:
    """The record a JSON text holds (a line of a records file, a cell of a ``dateline run`` table),
    or a failed record under ``id`` saying what is wrong with it at ``where``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return failed_record(
            id, source, "bad_json",
            f"{where} is not valid JSON ({err.msg} at column {err.colno}); fix or remove the line.",
        )  # fmt: skip
    except RecursionError:  # Python's decoder recurses once per level of nesting
        return failed_record(
            id, source, "bad_json", f"{where} is JSON nested too deeply; fix or remove the line."
        )
    problem = _not_a_record(data)
    if problem is None:
        try:
            return Record.from_dict(data)
        except (KeyError, TypeError, ValueError) as err:
            problem = f"it is not a complete record ({type(err).__name__}: {err})"
    return failed_record(
        id, source, "bad_record",
        f"{where} is no record of this dateline's schema {SCHEMA_VERSION}: {problem}. A records file "
        "holds only lines written by 'dateline extract'; give articles in a file of their own.",
    )  # fmt: skip


def _not_a_record(data: object) -> str | None:
    """Why a parsed line cannot be stored as it is, or None when it can."""
    if not isinstance(data, dict):
        return f"it is a JSON {type(data).__name__}, not an object"
    schema = data.get("schema")
    if schema is None:
        return 'it has no "schema" field (an article, not a record?)'
    if schema in READABLE_SCHEMAS and schema != SCHEMA_VERSION:
        # Stored as it is, an older record would pass for a current one and never be extracted again.
        return f"it was written under the older schema {schema!r}; ingest its articles to extract them again"
    if schema != SCHEMA_VERSION:
        return f"its schema {schema!r} is not one this dateline reads"
    return None


def failed_record(id: str, source: str | None, code: str, message: str) -> Record:
    """A record for a line that could not be read: no text, one read error saying why."""
    return Record(
        id=id, source=source, title=None, published=None, outlet=None, url=None, text="",
        errors=[read_error(code, message)],
    )  # fmt: skip
