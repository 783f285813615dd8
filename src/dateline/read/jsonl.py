"""JSON Lines: one article per line, as a JSON object.

Fields read: ``id``, ``text`` or ``html`` (``text`` wins when both are given), ``title``,
``published``, ``url``, ``outlet`` and ``author``; any other key is ignored. An ``html`` field
goes through the HTML reader; the object's own title, published, url and outlet win over
what the page declares.

The file is read line by line, so it may be larger than the one-document limit; a single
line over the limit is refused on its own. A bad line gives an article with id
``<stem>#<lineno>`` and one error (code "bad_json", "no_text", "undecodable" or
"too_large"), and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.model import Article
from dateline.read.common import (
    CHUNK_BYTES,
    decode_utf8,
    error_article,
    normalise_newlines,
)
from dateline.read.html import read_html
from dateline.settings import MAX_DOCUMENT_BYTES

METADATA_FIELDS = ("title", "published", "url", "outlet", "author")

_FIX_LINE = (
    "Each line of a JSON Lines file must be one complete JSON object such as "
    '{"id": "a1", "text": "..."}; fix or remove the line.'
)


def iter_lines(
    stream: BinaryIO, *, head: bytes = b"", max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number from 1, byte offset of the line, its bytes without the newline) for each line.

    The bytes are None for a line longer than ``max_bytes``; such a line is skipped over in
    chunks, never held whole. ``head`` is data already read from the start of ``stream``.
    """
    buffer = head
    pos = 0  # where the current line starts in buffer
    offset = 0  # byte offset of buffer[0] in the stream
    lineno = 1
    skipping = False  # inside a line already found too long
    while True:
        newline = buffer.find(b"\n", pos)
        if newline >= 0:
            if skipping:
                skipping = False
            else:
                line = buffer[pos:newline]
                yield lineno, offset + pos, (None if len(line) > max_bytes else line)
            lineno += 1
            pos = newline + 1
            continue
        if not skipping and len(buffer) - pos > max_bytes:
            yield lineno, offset + pos, None
            skipping = True
        if skipping:  # drop what is buffered of the overlong line
            offset += len(buffer)
            buffer, pos = b"", 0
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            if pos < len(buffer) and not skipping:
                yield lineno, offset + pos, buffer[pos:]
            return
        offset += pos
        buffer = buffer[pos:] + chunk
        pos = 0


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"


def _string(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):  # e.g. an id or a year given as a number
        return str(value)
    return None


def parse_line(line: str, *, lineno: int, stem: str, source: str | None = None, what: str = "") -> Article:
    """One article from one (decoded, non-blank) line of a JSON Lines file."""
    where = f"line {lineno} of {what or source or stem}"
    line_id = f"{stem}#{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return error_article(
            line_id,
            source,
            "bad_json",
            f"{where} is not valid JSON ({err.msg} at column {err.colno}). {_FIX_LINE}",
        )
    except RecursionError:  # Python's decoder recurses once per level of nesting
        return error_article(line_id, source, "bad_json", f"{where} is JSON nested too deeply. {_FIX_LINE}")
    if not isinstance(obj, dict):
        return error_article(
            line_id, source, "bad_json", f"{where} is a JSON {_kind(obj)}, not an object. {_FIX_LINE}"
        )
    id = _string(obj.get("id")) or line_id
    meta = {name: _string(obj.get(name)) for name in METADATA_FIELDS}
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return Article(
            id=id,
            text=normalise_newlines(text),
            title=meta["title"],
            published=meta["published"],
            outlet=meta["outlet"],
            url=meta["url"],
            source=source,
            author=meta["author"],
        )
    if isinstance(html, str) and html.strip():
        article = read_html(html, id=id, source=source, url=meta["url"])
        for name, value in meta.items():
            if value is not None:
                setattr(article, name, value)
        return article
    return error_article(line_id, source, "no_text", f"{where}{_named(obj)} {_why_no_text(obj)}")


def _named(obj: dict[str, Any]) -> str:
    id = _string(obj.get("id"))
    return f" (id {id!r})" if id else ""


def _why_no_text(obj: dict[str, Any]) -> str:
    problems = []
    for name in ("text", "html"):
        if name in obj:
            value = obj[name]
            if isinstance(value, str):
                problems.append(f'its "{name}" is empty')
            else:
                problems.append(f'its "{name}" is a {_kind(value)}, not a string')
    found = "; ".join(problems) if problems else 'it has neither a "text" nor an "html" field'
    return (
        f"has no article text: {found}. Give the article as a string in "
        '"text" (plain text) or "html" (an HTML page).'
    )


def read_jsonl(
    stream: BinaryIO,
    *,
    stem: str,
    source: str | None = None,
    head: bytes = b"",
    max_bytes: int = MAX_DOCUMENT_BYTES,
    what: str = "",
) -> Iterator[Article]:
    """The articles of a JSON Lines stream, one per non-blank line, in order.

    ``head`` is data already read from the start of ``stream``. Lines without an ``id`` get
    ``<stem>#<lineno>``. A stream with no non-blank line gives one article with error "empty".
    """
    what = what or (f"file {source}" if source else stem)
    seen = False
    for lineno, offset, raw in iter_lines(stream, head=head, max_bytes=max_bytes):
        line_id = f"{stem}#{lineno}"
        if raw is None:
            seen = True
            yield error_article(
                line_id,
                source,
                "too_large",
                f"line {lineno} of {what} is longer than the limit of {max_bytes:,} bytes for one "
                "document (dateline.settings.MAX_DOCUMENT_BYTES); it was skipped. Shorten or split "
                "that article and read it again.",
            )
            continue
        if not raw.strip():
            continue
        seen = True
        decoded = decode_utf8(raw, f"line {lineno} of {what}", offset=offset)
        if not isinstance(decoded, str):
            yield Article(id=line_id, text="", source=source, errors=[decoded])
            continue
        yield parse_line(decoded, lineno=lineno, stem=stem, source=source, what=what)
    if not seen:
        yield error_article(
            stem,
            source,
            "empty",
            f"{what} has no JSON lines (it is empty or only whitespace): there is no article to read. "
            "Check that the right file was given and that it was completely written.",
        )
