"""About how many articles a file holds, counted before a run for its progress bar.

A JSON Lines file has one per non-blank line, a web archive one per HTML page fetched, a feed one
per entry; any other file counts one. Only the first ``SAMPLE_BYTES`` of the file itself are read:
past them, the count so far is scaled by the file's size, so a large or compressed input costs a
fraction of a second however big it is, and its total is an estimate (which the bar survives).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from dateline.read.compression import DECOMPRESSION_ERRORS, CountingReader, open_decompressed
from dateline.read.warc import HTML_TYPES

# Bytes of a file (compressed, as it is on disk) read to count from before scaling by its size.
SAMPLE_BYTES = 8 << 20
_CHUNK_BYTES = 1 << 16
# Where an RSS item or an Atom entry starts: "<item>", "<item rdf:about=...>", "<atom:entry>".
_ENTRY_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
_ENTRY_TAIL = 64  # bytes kept from one chunk to the next so that a tag split between them is found
# A file that cannot be counted (damaged, unreadable) counts one: its reader will say what is wrong.
_COUNT_ERRORS: tuple[type[Exception], ...] = (*DECOMPRESSION_ERRORS, ValueError)


def estimated_count(path: Path, kind: str | None) -> int:
    """About how many articles the file at ``path``, of the format ``kind`` ("jsonl", "feed", "warc";
    anything else counts one), holds; at least 1, as a file that holds none still gives an error."""
    counter = _COUNTERS.get(kind or "")
    if counter is None:
        return 1
    try:
        size = path.stat().st_size
        with open_decompressed(path) as (data, consumed):
            found = counter(data, consumed)
    except _COUNT_ERRORS:
        return 1
    if consumed.consumed < size:  # stopped at the sample: scale by the share of the file read
        found = round(found * size / max(consumed.consumed, 1))
    return max(found, 1)


def _lines(data: BinaryIO, consumed: CountingReader) -> int:
    """Non-blank lines, read in chunks: one enormous line (a decompression bomb) is never held whole."""
    count, filled = 0, False  # filled: the line being read has a non-blank byte
    while chunk := data.read(_CHUNK_BYTES):
        pieces = chunk.split(b"\n")
        for ended in pieces[:-1]:
            count += filled or bool(ended.strip())
            filled = False
        filled = filled or bool(pieces[-1].strip())
        if consumed.consumed >= SAMPLE_BYTES:
            return count
    return count + filled


def _entries(data: BinaryIO, consumed: CountingReader) -> int:
    count, tail = 0, b""
    while chunk := data.read(_CHUNK_BYTES):
        window = tail + chunk
        # A match wholly inside the tail was counted with the previous chunk.
        count += sum(1 for m in _ENTRY_START.finditer(window) if m.end() > len(tail))
        tail = window[-_ENTRY_TAIL:]
        if consumed.consumed >= SAMPLE_BYTES:
            break
    return count


def _html_pages(data: BinaryIO, consumed: CountingReader) -> int:
    count = 0
    records = ArchiveIterator(CountingReader(data), record_types=WarcRecordType.response, parse_http=True)
    for record in records:
        content_type = (record.http_content_type or "").split(";", 1)[0].strip().lower()
        count += record.is_http and record.http_headers.status_code == 200 and content_type in HTML_TYPES
        if consumed.consumed >= SAMPLE_BYTES:
            break
    return count


_COUNTERS: dict[str, Callable[[BinaryIO, CountingReader], int]] = {
    "jsonl": _lines,
    "feed": _entries,
    "warc": _html_pages,
}
