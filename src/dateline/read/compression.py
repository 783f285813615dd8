"""Compressed inputs: gzip, bzip2 and Zstandard around any format dateline reads.

Compression is recognised by its magic bytes, not by the name, so standard input and misnamed
files decompress too; the name only tells the format inside (``story.txt.gz`` is text). Data is
decompressed as it is read, never whole.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, cast

import zstandard

from dateline.settings import BOMB_CHECK_AFTER_BYTES, MAX_EXPANSION_RATIO

GZIP, BZIP2, ZSTD = "gzip", "bzip2", "zstd"
# The suffix a compressed file's name ends with, and the compression it stands for.
COMPRESSION_SUFFIXES = {".gz": GZIP, ".bz2": BZIP2, ".zst": ZSTD}

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# bzip2: "BZh", the block size digit, then the magic of a first block or of the end of the stream.
_BZIP2_BLOCKS = (b"1AY&SY", b"\x17rE8P\x90")
# Compressed bytes fed to the Zstandard decompressor at a time: few, because a frame of repeated data
# expands thousands of times and what one feed gives is held whole.
_ZSTD_INPUT_BYTES = 512

# What a decompressor raises on corrupt or truncated data: gzip and bz2 raise OSError or EOFError, and
# gzip zlib.error for damaged deflate data inside a sound header.
DECOMPRESSION_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error, zstandard.ZstdError)


class CompressionBombError(ValueError):
    """Compressed data that expands far more than any text does: read no further."""

    def __init__(self, compressed: int, decompressed: int) -> None:
        super().__init__(
            f"{compressed:,} compressed bytes expanded to more than {decompressed:,} "
            f"(over {MAX_EXPANSION_RATIO:,} times; news text compresses about 3 to 10 times)"
        )


def compression_of(head: bytes) -> str | None:
    """The compression the data starting with ``head`` is in, or None when it is not compressed."""
    if head.startswith(_GZIP_MAGIC):
        return GZIP
    if head.startswith(_ZSTD_MAGIC):
        return ZSTD
    if head[:3] == b"BZh" and head[3:4].isdigit() and head[4:10] in _BZIP2_BLOCKS:
        return BZIP2
    return None


def without_compression(path: Path) -> Path:
    """The path less a compression suffix: ``story.txt.gz`` -> ``story.txt``; others unchanged."""
    if path.suffix.lower() in COMPRESSION_SUFFIXES:
        return path.with_suffix("")
    return path


def is_compressed_name(path: Path) -> bool:
    return path.suffix.lower() in COMPRESSION_SUFFIXES


def decompressing(stream: BinaryIO, compression: str) -> BinaryIO:
    """A stream of the decompressed data of ``stream``; closing it does not close ``stream``.

    It raises CompressionBombError once the data has expanded more than MAX_EXPANSION_RATIO times (past
    BOMB_CHECK_AFTER_BYTES): a small file must not keep a run decompressing for hours."""
    compressed = CountingReader(stream)
    source = cast(BinaryIO, io.BufferedReader(compressed))
    data: BinaryIO
    if compression == GZIP:
        data = cast(BinaryIO, gzip.GzipFile(fileobj=source, mode="rb"))  # every member of a multi-member file
    elif compression == BZIP2:
        data = cast(BinaryIO, bz2.BZ2File(source, mode="rb"))  # every stream of a multi-stream file
    else:
        data = io.BufferedReader(ZstdStream(source))
    return io.BufferedReader(ExpansionGuard(data, compressed))


class ExpansionGuard(io.RawIOBase):
    """Decompressed data, counted against the compressed bytes read to make it."""

    def __init__(self, data: BinaryIO, compressed: CountingReader) -> None:
        self._data = data
        self._compressed = compressed
        self._given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._data.read(len(buffer))
        buffer[: len(data)] = data
        self._given += len(data)
        consumed = max(self._compressed.consumed, 1)
        if self._given > BOMB_CHECK_AFTER_BYTES and self._given > consumed * MAX_EXPANSION_RATIO:
            raise CompressionBombError(consumed, self._given)
        return len(data)


class ZstdStream(io.RawIOBase):
    """The decompressed data of a Zstandard stream of one or more frames.

    zstandard's own ``stream_reader`` ends quietly at a truncated frame, giving none of its data;
    this one gives what was decompressed and then raises EOFError, as gzip and bz2 do. Input is
    fed in small chunks, so that what one chunk decompresses to stays small.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._context = zstandard.ZstdDecompressor()
        self._frame = self._context.decompressobj()
        self._in_frame = False  # part of a frame was fed and its end not reached yet
        self._pending = b""
        self._at = 0  # how much of _pending was given: never sliced off, which would copy the rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._at >= len(self._pending):
            chunk = self._stream.read(_ZSTD_INPUT_BYTES)
            if not chunk:
                if self._in_frame:
                    raise EOFError("Zstandard data ended before the end of its frame")
                return 0
            self._pending, self._at = self._decompress(chunk), 0
        size = min(len(buffer), len(self._pending) - self._at)
        buffer[:size] = self._pending[self._at : self._at + size]
        self._at += size
        return size

    def _decompress(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            if self._frame.eof:  # the next frame follows the one that just ended
                self._frame = self._context.decompressobj()
            out.append(self._frame.decompress(chunk))
            self._in_frame = not self._frame.eof
            chunk = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)


class PrefixedStream(io.RawIOBase):
    """``head`` followed by the rest of ``stream``: gives back the bytes already read to sniff it."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prefixed(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream of ``head`` and then the rest of ``stream``."""
    return io.BufferedReader(PrefixedStream(head, stream))


class CountingReader(io.RawIOBase):
    """A stream that counts the bytes read from it: how far a sample of a large file got. It tells
    that count as its position, which FastWARC asks of every stream (a pipe cannot tell its own)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.consumed

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        self.consumed += len(data)
        return len(data)


@contextmanager
def open_decompressed(path: Path) -> Iterator[tuple[BinaryIO, CountingReader]]:
    """``with open_decompressed(path) as (data, counter)``: the file's data, decompressed when it is
    compressed, and the counter of the file's own bytes read so far (how far a sample got)."""
    with path.open("rb") as raw:
        counter = CountingReader(raw)
        buffered = io.BufferedReader(counter)
        compression = compression_of(buffered.peek(16)[:16])
        yield (decompressing(buffered, compression) if compression else buffered), counter
