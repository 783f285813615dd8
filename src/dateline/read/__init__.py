"""Readers: files, directories, glob patterns and stdin in, ``Article`` objects out.

Plain text (``.txt``, ``.text``) may hold several articles (see ``dateline.read.text``);
HTML (``.html``, ``.htm``) gives one article through trafilatura; JSON Lines (``.jsonl``,
``.ndjson``) gives one per line. Anything else, and stdin, is sniffed: HTML when it starts
with ``<``, JSON Lines when its first non-space character is ``{``, else plain text.

Bad input never raises: a missing path, an empty, binary, non-UTF-8 or oversized file, or a
bad JSON line each give an ``Article`` with empty text and a ``RecordError`` (stage "read")
saying what happened and what to do, and reading goes on.
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
    read_at_most,
    too_large_message,
)
from dateline.read.html import decode_html, read_html
from dateline.read.jsonl import read_jsonl
from dateline.read.text import read_text, split_articles
from dateline.settings import MAX_DOCUMENT_BYTES

__all__ = [
    "EXTENSIONS",
    "JSONL_EXTENSIONS",
    "STDIN_STEM",
    "directory_files",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_path",
    "read_stream",
    "read_text",
    "sniff",
    "split_articles",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
# The files a directory is searched for (case-insensitively); a glob pattern reads whatever it matches.
EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS

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
        for article in _read_input(spec, stdin, max_bytes):
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
                f"directory {spec} holds no file dateline reads ({kinds}; hidden files are skipped). "
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


def _stems(root: Path, files: list[Path]) -> list[str]:
    """Each file's id: its name without the extension, or, where two files of the folder share that
    name ("a/story.txt", "b/story.txt"), its path under the folder ("a/story", "b/story")."""
    names = Counter(file.stem for file in files)
    return [
        file.relative_to(root).with_suffix("").as_posix() if names[file.stem] > 1 else file.stem
        for file in files
    ]


def directory_files(root: Path) -> list[Path]:
    """The files under ``root`` with a known extension, recursively, hidden ones skipped, sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(Path(folder, name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    return None


def read_path(
    path: Path | str, *, max_bytes: int = MAX_DOCUMENT_BYTES, stem: str | None = None
) -> Iterator[Article]:
    """The articles of one file, read by its extension (sniffed when unknown); ``stem`` is the id
    its articles are named by (default: the file's name without its extension)."""
    path = Path(path)
    source = str(path)
    stem = stem or path.stem or path.name or source
    what = f"file {source}"
    kind = _kind_of(path)
    try:
        size: int | None = path.stat().st_size
    except OSError:
        size = None
    if kind != "jsonl" and size is not None and size > max_bytes:
        # JSON Lines is read line by line, so only its lines are held to the limit.
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
    """Guess the kind of data from its first bytes: "html", "jsonl" or "text".

    HTML when the first non-space byte is ``<``, JSON Lines when it is ``{``, else plain text.
    """
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
    """The articles of a byte stream: ``kind`` is "text", "html" or "jsonl", or None to sniff it."""
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
    problem = check_head(head, what)
    if problem is not None:
        yield Article(id=stem, text="", source=source, errors=[problem])
        return
    kind = kind or sniff(head)
    if kind == "jsonl":
        yield from read_jsonl(stream, stem=stem, source=source, head=head, max_bytes=max_bytes, what=what)
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
