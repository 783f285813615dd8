"""What every reader shares: read errors, byte checks, strict UTF-8 decoding, line endings.

Bad input never raises out of a reader: each problem becomes a ``RecordError`` on an
``Article`` with empty text, and reading goes on with the next document.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO
from urllib.parse import urlsplit

from dateline.model import Article, RecordError

STAGE = "read"

# A NUL byte within this many leading bytes marks a file as binary rather than text.
BINARY_SNIFF_BYTES = 8192

# How much is read at a time from a stream that is consumed line by line (JSON Lines).
CHUNK_BYTES = 1 << 16

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_REENCODE = "re-encode it as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8 IN > OUT) and read it again"


def read_error(code: str, message: str) -> RecordError:
    return RecordError(stage=STAGE, code=code, message=message)


def error_article(id: str, source: str | None, code: str, message: str) -> Article:
    """An article that could not be read: empty text and one error saying why."""
    return Article(id=id, text="", source=source, errors=[read_error(code, message)])


# What no text holds: a NUL (binary data), or half of a UTF-16 surrogate pair, which only a JSON
# escape (\ud800) or a file name in another encoding than UTF-8 makes. Neither can be written out
# as UTF-8 (extract) nor stored (PostgreSQL refuses NUL).
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_CONTENT_FIELDS = ("text", "title", "published", "outlet", "url", "author")


def only_text(article: Article) -> Article:
    """The article, or an error article ("binary", "undecodable") when what it says holds a NUL or a
    lone surrogate. Its names (id, source, the messages that quote them), and all a failed document
    carries, are made writable instead: such a character there (an undecodable byte of a file name)
    becomes U+FFFD, so the document is still reported, under a name that can be shown and stored."""
    article.id = writable(article.id)
    article.source = writable(article.source) if article.source is not None else None
    for name in _CONTENT_FIELDS if not article.errors else ():
        value = getattr(article, name)
        found = _NOT_TEXT.search(value) if value else None
        if found is not None:
            return error_article(article.id, article.source, *_not_text(article, name, found))
    for name in _CONTENT_FIELDS if article.errors else ():
        value = getattr(article, name)
        setattr(article, name, writable(value) if value else value)
    for error in article.errors:
        error.message = writable(error.message)
    return article


def writable(value: str) -> str:
    """``value`` with U+FFFD for each character no text holds (see ``only_text``)."""
    return _NOT_TEXT.sub("\ufffd", value)


def _not_text(article: Article, field: str, found: re.Match[str]) -> tuple[str, str]:
    where = f"article {article.id}" + (f" ({article.source})" if article.source else "")
    at = f"its {field} at character {found.start():,}"
    if found.group() == "\x00":
        return "binary", (
            f"{where} holds a NUL character in {at}, which text never has: the input is binary or damaged. "
            "Remove the NUL characters (or the \\u0000 escapes of a JSON line) and read it again."
        )
    return "undecodable", (
        f"{where} holds U+{ord(found.group()):04X} in {at}: half of a UTF-16 surrogate pair, no character "
        "(a JSON \\u escape missing its other half?). Fix or remove the escape and read it again."
    )


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; every offset dateline reports refers to this text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_head(head: bytes, what: str) -> RecordError | None:
    """Refuse data whose first bytes show it is not UTF-8 text: UTF-16, or binary (NUL bytes)."""
    if head.startswith(_UTF16_BOMS):
        return read_error(
            "undecodable",
            f"{what} is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; {_REENCODE}.",
        )
    nul = head.find(b"\0", 0, BINARY_SNIFF_BYTES)
    if nul >= 0:
        return read_error(
            "binary",
            f"{what} looks binary: it has a NUL byte at offset {nul}, which text never has. Give dateline "
            "plain text, HTML or JSON Lines (convert PDF or word-processor files to text first); if it is "
            f"UTF-16 text, {_REENCODE}.",
        )
    return None


def decode_utf8(data: bytes, what: str, *, offset: int = 0) -> str | RecordError:
    """Decode strictly as UTF-8 (a leading byte-order mark is dropped); never replace bad bytes.

    ``offset`` is added to the byte offset an error message reports, for data that is a
    slice of a larger file (a line of a JSON Lines file).
    """
    bom = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        return undecodable(data, err, what, bom + offset)


def undecodable(data: bytes, err: UnicodeDecodeError, what: str, shift: int = 0) -> RecordError:
    position = err.start + shift
    byte = err.object[err.start : err.start + 1].hex() if err.object else "??"
    return read_error(
        "undecodable",
        f"{what} is not valid UTF-8: byte 0x{byte} at byte offset {position} cannot be decoded "
        f"(the text may be in Windows-1252 or Latin-1); {_REENCODE}.",
    )


def read_at_most(stream: BinaryIO, limit: int, head: bytes = b"") -> tuple[bytes, bool]:
    """Read ``stream`` to its end but never more than ``limit`` bytes (plus one, to tell).

    Returns the data (``head`` first) and whether there was more than ``limit`` bytes.
    """
    parts = [head]
    size = len(head)
    while size <= limit:
        chunk = stream.read(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    data = b"".join(parts)
    return data, len(data) > limit


def too_large_message(what: str, size: int | None, limit: int) -> str:
    amount = f"is {size:,} bytes" if size is not None else f"holds more than {limit:,} bytes"
    return (
        f"{what} {amount}, over the limit of {limit:,} bytes for one document "
        "(dateline.settings.MAX_DOCUMENT_BYTES). Split it into smaller files, or give the articles "
        "as JSON Lines (one article per line), and read them again."
    )


def url_id(url: str) -> str:
    """An article id from its address: host, path and query, without scheme, fragment or a trailing
    slash (``https://www.x.example/a/b/?q=1#top`` -> ``www.x.example/a/b?q=1``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # not parsable as an address ("http://[::1"): the address as it is
        return url.strip()
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a port that is no number: left out of the id
        port = ""
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.hostname or ''}{port}{parts.path.rstrip('/')}{query}" or url.strip()
