"""Readers: files, directories, glob patterns and stdin in, ``Article`` objects out.

Plain text (``.txt``, ``.text``) may hold several articles (see ``dateline.read.text``);
HTML (``.html``, ``.htm``) gives one article through trafilatura; JSON Lines (``.jsonl``,
``.ndjson``) gives one per line; a web archive (``.warc``, see ``dateline.read.warc``) one per
HTML page fetched; an RSS or Atom feed (``.rss``, ``.atom``, and ``.xml`` files that are feeds,
see ``dateline.read.feed``) one per entry. Any of them may be compressed with gzip, bzip2 or
Zstandard (``.gz``, ``.bz2``, ``.zst``; see ``dateline.read.compression``). Anything else, and
stdin, is sniffed: decompressed when its first bytes say so, then a web archive when it starts
with ``WARC/``, a feed when its root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``, HTML when
it starts with ``<``, JSON Lines when its first non-space character is ``{``, else plain text.
Every reader is a generator that holds one document at a time (a feed file, which feedparser
parses whole, excepted).

Bad input never raises: a missing path, an empty, binary, non-UTF-8 or oversized file, a bad
JSON line, or what is no text (a NUL, a lone surrogate: ``common.only_text``) each give an
``Article`` with empty text and a ``RecordError`` (stage "read") saying what happened and what to
do, and reading goes on.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from dateline.model import Article
from dateline.read.common import (
    BINARY_SNIFF_BYTES,
    check_head,
    decode_utf8,
    error_article,
    normalise_newlines,
    only_text,
    read_at_most,
    too_large_message,
)
from dateline.read.compression import (
    COMPRESSION_SUFFIXES,
    DECOMPRESSION_ERRORS,
    GZIP,
    CompressionBombError,
    compression_of,
    decompressing,
    is_compressed_name,
    open_decompressed,
    prefixed,
    without_compression,
)
from dateline.read.count import estimated_count
from dateline.read.feed import looks_like_feed, read_feed
from dateline.read.html import decode_html, read_html
from dateline.read.jsonl import read_jsonl
from dateline.read.records import read_records_file, starts_with_record
from dateline.read.text import read_text, split_articles
from dateline.read.warc import WARC_MAGIC, read_warc
from dateline.settings import MAX_DOCUMENT_BYTES, MAX_FEED_BYTES

__all__ = [
    "COMPRESSION_SUFFIXES",
    "EXTENSIONS",
    "JSONL_EXTENSIONS",
    "STDIN_STEM",
    "directory_files",
    "estimated_articles",
    "is_records_file",
    "name_stem",
    "read_feed",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_path",
    "read_records_file",
    "read_stream",
    "read_text",
    "read_warc",
    "sniff",
    "split_articles",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
FEED_EXTENSIONS = frozenset({".rss", ".atom"})
WARC_EXTENSIONS = frozenset({".warc"})
# XML may be a feed or not: a directory's .xml files are read only when they are feeds.
XML_EXTENSION = ".xml"
# The files a directory is searched for (case-insensitively), each also with a compression suffix
# (.gz, .bz2, .zst); a glob pattern reads whatever it matches.
EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS | FEED_EXTENSIONS | WARC_EXTENSIONS

# The id stem of articles read from stdin ("stdin", "stdin#2", ...).
STDIN_STEM = "stdin"
log = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")
_CHECK_INPUT = "Check the path (and the current directory) and try again."


def read_inputs(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Article]:
    """Every article in ``inputs``, in order: files, directories, glob patterns, or "-" for stdin.

    ``published`` (an ISO 8601 date) fills ``Article.published`` where the input gave none.
    ``stdin`` is read for "-" (default: ``sys.stdin.buffer``). A document over ``max_bytes``
    bytes is refused with error "too_large" without being read whole.

    Raises ValueError at once, before reading anything, when ``published`` is not ISO 8601.
    """
    if published is not None:
        _check_iso_date(published)
    if isinstance(inputs, str):  # a single path, not an iterable of characters
        inputs = [inputs]
    return _read_inputs(inputs, published, stdin, max_bytes)


def _check_iso_date(value: str) -> None:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return
        except ValueError:
            pass
    raise ValueError(f"published={value!r} is not an ISO 8601 date; give it as YYYY-MM-DD, e.g. 2024-02-08")


def _read_inputs(
    inputs: Iterable[str], published: str | None, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[Article]:
    seen: dict[str, str] = {}  # id -> digest of the text it was first given for
    for spec in inputs:
        for found in _read_input(spec, stdin, max_bytes):
            article = only_text(found)
            if published is not None and article.published is None:
                article.published = published
            unique = _unique(article, seen)
            if unique is not None:
                yield unique


def _unique(article: Article, seen: dict[str, str]) -> Article | None:
    """The article under an id no earlier input of this run had: the same text again is skipped,
    another text under a taken id gets a suffix from its content. Both are logged, never silent."""
    if article.errors:
        return article  # a document that could not be read is reported under its own name, whatever it is
    digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    first = seen.get(article.id)
    if first is None:
        seen[article.id] = digest
        return article
    if first == digest:
        log.warning("%s (%s): the same article as an earlier input; read once", article.id, article.source)
        return None
    renamed = f"{article.id}~{digest[:8]}"
    log.warning(
        "%s (%s): an earlier input has this id with another text; this one is %s",
        article.id, article.source, renamed,
    )  # fmt: skip
    article.id = renamed
    seen.setdefault(renamed, digest)
    return article


def _read_input(spec: str, stdin: BinaryIO | None, max_bytes: int) -> Iterator[Article]:
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_stream(
            stream, source="-", stem=STDIN_STEM, what="standard input", max_bytes=max_bytes
        )
        return
    path = Path(spec)
    stem = path.stem or spec
    if path.is_dir():
        files = directory_files(path)
        if not files:
            kinds = " ".join(sorted(EXTENSIONS))
            yield error_article(
                stem,
                spec,
                "not_found",
                f"directory {spec} holds no file dateline reads ({kinds}, .xml feeds, each also "
                "compressed as .gz, .bz2 or .zst; hidden files are skipped). "
                "Give the files themselves or a glob pattern to read files with other names.",
            )
        for file, stem in zip(files, _stems(path, files), strict=True):
            yield from read_path(file, max_bytes=max_bytes, stem=stem)
    elif path.exists():
        yield from read_path(path, max_bytes=max_bytes)
    elif _GLOB_CHARS & set(spec):
        matches = [Path(m) for m in sorted(glob.glob(spec, recursive=True)) if os.path.isfile(m)]
        if not matches:
            yield error_article(
                stem, spec, "not_found", f"no file matches the pattern {spec}. {_CHECK_INPUT}"
            )
        for match in matches:
            yield from read_path(match, max_bytes=max_bytes)
    else:
        yield error_article(stem, spec, "not_found", f"no file or directory {spec} exists. {_CHECK_INPUT}")


def name_stem(path: Path) -> str:
    """A file's name without its extension, and without a compression suffix before that:
    ``story.txt`` and ``story.txt.gz`` -> ``story``."""
    return without_compression(path).stem


def _stems(root: Path, files: list[Path]) -> list[str]:
    """Each file's id: its name without the extension, or, where two files of the folder share that
    name ("a/story.txt", "b/story.txt"), its path under the folder ("a/story", "b/story")."""
    names = Counter(name_stem(file) for file in files)
    return [
        _relative_stem(file.relative_to(root)) if names[name_stem(file)] > 1 else name_stem(file)
        for file in files
    ]


def _relative_stem(relative: Path) -> str:
    return without_compression(relative).with_suffix("").as_posix()


def directory_files(root: Path) -> list[Path]:
    """The files under ``root`` dateline reads, recursively, hidden ones skipped, sorted: a known
    extension (compressed or not), or ``.xml`` holding a feed."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and _is_read_in_folder(Path(folder, name)):
                found.append(Path(folder, name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _is_read_in_folder(path: Path) -> bool:
    suffix = without_compression(path).suffix.lower()
    if suffix in EXTENSIONS:
        return True
    return suffix == XML_EXTENSION and _holds_feed(path)


def _holds_feed(path: Path) -> bool:
    try:
        with open_decompressed(path) as (data, _):
            return looks_like_feed(data.read(BINARY_SNIFF_BYTES))
    except DECOMPRESSION_ERRORS:
        return False  # unreadable: not taken from a folder; named on its own it gets a read error


def is_records_file(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines file (compressed or not) written by ``dateline extract``:
    its first line starts with a record's ``schema``."""
    inner = without_compression(path).suffix.lower()
    return inner in JSONL_EXTENSIONS and path.is_file() and starts_with_record(path)


def estimated_articles(path: Path) -> int:
    """About how many articles the file at ``path`` holds, for a progress bar (see ``read.count``)."""
    suffix = without_compression(path).suffix.lower()
    return estimated_count(path, "feed" if suffix == XML_EXTENSION else _kind_of(path))


def _kind_of(path: Path) -> str | None:
    """The format a file's name declares (under any compression suffix); None to sniff it."""
    suffix = without_compression(path).suffix.lower()
    kinds = {"text": TEXT_EXTENSIONS, "html": HTML_EXTENSIONS, "jsonl": JSONL_EXTENSIONS}
    kinds |= {"feed": FEED_EXTENSIONS, "warc": WARC_EXTENSIONS}
    return next((kind for kind, suffixes in kinds.items() if suffix in suffixes), None)


def read_path(
    path: Path | str, *, max_bytes: int = MAX_DOCUMENT_BYTES, stem: str | None = None
) -> Iterator[Article]:
    """The articles of one file, read by its extension (sniffed when unknown); ``stem`` is the id
    its articles are named by (default: the file's name without its extension)."""
    path = Path(path)
    source = str(path)
    stem = stem or name_stem(path) or path.name or source
    what = f"file {source}"
    kind = _kind_of(path)
    try:
        size: int | None = path.stat().st_size
    except OSError:
        size = None
    # JSON Lines and archives are read a document at a time, so only their documents are held to the
    # limit; feeds have their own; a compressed file's own size says nothing of what it holds.
    one_document = kind not in ("jsonl", "warc", "feed") and not is_compressed_name(path)
    if one_document and size is not None and size > max_bytes:
        yield error_article(stem, source, "too_large", too_large_message(what, size, max_bytes))
        return
    try:
        stream = path.open("rb")
    except OSError as err:
        yield error_article(
            stem,
            source,
            "not_found",
            f"{what} could not be opened ({err.strerror or err}). Check that it exists and that "
            "you may read it.",
        )
        return
    with stream:
        try:
            yield from read_stream(
                stream, source=source, stem=stem, kind=kind, what=what, max_bytes=max_bytes
            )
        except OSError as err:
            yield error_article(
                stem,
                source,
                "not_found",
                f"reading {what} failed ({err.strerror or err}). Check the file and the disk, and try again.",
            )


def sniff(head: bytes) -> str:
    """Guess the kind of (uncompressed) data from its first bytes: "warc", "feed", "html", "jsonl"
    or "text".

    A web archive when it starts with ``WARC/``, a feed when its root element is an RSS or Atom
    one, HTML when the first non-space byte is ``<``, JSON Lines when it is ``{``, else plain text.
    """
    if head.startswith(WARC_MAGIC):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if start == b"<":
        return "html"
    if start == b"{":
        return "jsonl"
    return "text"


def _read_head(stream: BinaryIO, size: int) -> bytes:
    parts = []
    got = 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_stream(
    stream: BinaryIO,
    *,
    source: str | None,
    stem: str,
    kind: str | None = None,
    what: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Article]:
    """The articles of a byte stream: ``kind`` is "text", "html", "jsonl", "feed" or "warc", or None
    to sniff it. Compressed data is decompressed as it is read, whatever ``kind`` says."""
    what = what or (f"file {source}" if source else stem)
    head = _read_head(stream, BINARY_SNIFF_BYTES)
    if not head:
        yield error_article(
            stem,
            source,
            "empty",
            f"{what} is empty (0 bytes): there is no article to read. Check that the right input was "
            "given and that it was completely written.",
        )
        return
    compression = compression_of(head)
    if compression is not None:
        yield from _read_compressed(
            prefixed(head, stream), compression, source=source, stem=stem, kind=kind, what=what,
            max_bytes=max_bytes,
        )  # fmt: skip
        return
    kind = kind or sniff(head)
    if kind == "warc":  # before the binary check: an archive holds images and other binary bodies
        yield from read_warc(prefixed(head, stream), stem=stem, source=source, what=what, max_bytes=max_bytes)
        return
    problem = check_head(head, what)
    if problem is not None:
        yield Article(id=stem, text="", source=source, errors=[problem])
        return
    if kind == "jsonl":
        yield from read_jsonl(stream, stem=stem, source=source, head=head, max_bytes=max_bytes, what=what)
        return
    if kind == "feed":
        yield from _read_feed_stream(stream, head, stem=stem, source=source, what=what)
        return
    data, over = read_at_most(stream, max_bytes, head)
    if over:
        yield error_article(stem, source, "too_large", too_large_message(what, None, max_bytes))
        return
    decoded = decode_html(data, what) if kind == "html" else decode_utf8(data, what)
    if not isinstance(decoded, str):
        yield Article(id=stem, text="", source=source, errors=[decoded])
        return
    text = normalise_newlines(decoded)
    if not text.strip():
        yield error_article(
            stem,
            source,
            "empty",
            f"{what} holds only whitespace: there is no article to read. Check that the right input "
            "was given and that it was completely written.",
        )
        return
    if kind == "html":
        yield read_html(text, id=stem, source=source)
    else:
        yield from read_text(text, stem=stem, source=source)


def _read_compressed(
    stream: BinaryIO, compression: str, *, source: str | None, stem: str, kind: str | None, what: str,
    max_bytes: int,
) -> Iterator[Article]:  # fmt: skip
    """The articles of compressed data, decompressed as they are read."""
    if kind == "warc" and compression == GZIP:
        # A gzipped archive is FastWARC's own format: it decompresses each record faster than Python.
        yield from read_warc(stream, stem=stem, source=source, what=what, max_bytes=max_bytes)
        return
    try:
        with decompressing(stream, compression) as data:
            yield from read_stream(data, source=source, stem=stem, kind=kind, what=what, max_bytes=max_bytes)
    except DECOMPRESSION_ERRORS as err:
        yield error_article(
            stem,
            source,
            "undecodable",
            f"{what} is not valid {compression} data or ends early ({err}); what came before was read. "
            "Check that it was completely written, or compress it again.",
        )
    except CompressionBombError as err:
        yield error_article(stem, source, "compression_bomb", bomb_message(what, err))


def bomb_message(what: str, err: CompressionBombError) -> str:
    return (
        f"{what} looks like a compression bomb: {err}. Reading stopped there; the articles before that "
        "point were read. If the file is genuine, decompress it and give dateline the result."
    )


def _read_feed_stream(
    stream: BinaryIO, head: bytes, *, stem: str, source: str | None, what: str
) -> Iterator[Article]:
    data, over = read_at_most(stream, MAX_FEED_BYTES, head)
    if over:
        yield error_article(
            stem,
            source,
            "too_large",
            f"{what} holds more than {MAX_FEED_BYTES:,} bytes, over the limit for one feed file "
            "(dateline.settings.MAX_FEED_BYTES: a feed is parsed whole). Split it, or give its entries "
            "as JSON Lines.",
        )
        return
    yield from read_feed(data, stem=stem, source=source, what=what)
