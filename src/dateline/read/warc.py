"""Web archives (WARC 1.0 and 1.1, plain or gzipped): each HTML page a crawler fetched is an article.

Records are streamed with FastWARC, one at a time. A ``response`` record whose HTTP status is 200
and whose content type is HTML goes through the HTML reader (trafilatura) like an ``.html`` file;
its article gets the record's ``WARC-Target-URI`` as ``url`` and an id made from it
(``https://courier.example/news/port?p=2`` -> ``courier.example/news/port?p=2``), so the same
page in two archives, or in a feed, has one id. ``published`` is the date the page itself
declares in its markup, as for an ``.html`` file, and else the record's ``WARC-Date`` (when the
page was fetched: the latest it can have been published).

Other responses (images, scripts, redirects, errors, empty bodies) are skipped, counted and
logged, never errors; request, metadata and revisit records are not read at all. A page that is
too large, truncated, undecodable or without article text is one article with an error, and
reading goes on. An archive that stops parsing midway (a damaged record) ends with one error
article after the pages read so far.

HTTP content and transfer encodings (gzip, deflate, brotli, chunked) are undone here, record by
record, rather than by FastWARC's iterator, whose decoding error would end the whole archive.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, WarcReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from dateline.model import Article, RecordError
from dateline.read.common import error_article, read_error, url_id
from dateline.read.compression import CountingReader
from dateline.read.html import decode_html, read_html
from dateline.settings import MAX_DOCUMENT_BYTES

log = logging.getLogger(__name__)

WARC_MAGIC = b"WARC/"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# How much of a payload is read at a time while it is held to the size limit.
_READ_BYTES = 1 << 16


def read_warc(
    stream: BinaryIO, *, stem: str, source: str | None, what: str, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[Article]:
    """The articles of a WARC stream (gzipped or not), one per HTML page fetched, in order."""
    skipped: Counter[str] = Counter()
    articles = responses = 0
    # FastWARC asks any stream its position first (and panics when it cannot tell): a counter tells it.
    counted = CountingReader(stream)
    records = ArchiveIterator(counted, record_types=WarcRecordType.response, parse_http=True)
    try:
        for record in records:
            responses += 1
            reason = _skip_reason(record)
            if reason is not None:
                skipped[reason] += 1
                continue
            articles += 1
            yield _article(record, responses, stem=stem, source=source, what=what, max_bytes=max_bytes)
    except OSError as err:  # FastWARC: a record it cannot parse; the archive cannot go on past it
        yield error_article(
            stem,
            source,
            "undecodable",
            f"{what} stops being a valid WARC archive after {responses} responses ({err}); the pages "
            "before that point were read. Check that the file was completely written, or re-fetch it.",
        )
        return
    finally:
        _log_skipped(what, articles, skipped)
    if not articles:
        yield _nothing_read(stem, source, what, responses, skipped)


def _skip_reason(record: WarcRecord) -> str | None:
    """Why a response is no page to read (a short phrase counted in the log), or None to read it."""
    if not record.is_http:
        return "not HTTP"
    status = record.http_headers.status_code
    if status != 200:
        return f"status {status}"
    if _content_type(record) not in HTML_TYPES:
        return "not HTML"
    if record.content_length == 0:
        return "empty"
    return None


def _content_type(record: WarcRecord) -> str:
    declared = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type") or ""
    return declared.split(";", 1)[0].strip().lower()


def _reasons(skipped: Counter[str]) -> str:
    """'3 not HTML, 1 status 404'."""
    return ", ".join(f"{count} {reason}" for reason, count in skipped.most_common())


def _log_skipped(what: str, articles: int, skipped: Counter[str]) -> None:
    if skipped:
        log.info(
            "%s: %d pages read, %d responses skipped (%s)", what, articles, skipped.total(), _reasons(skipped)
        )


def _nothing_read(stem: str, source: str | None, what: str, responses: int, skipped: Counter[str]) -> Article:
    found = (
        f"its {responses} responses were skipped ({_reasons(skipped)})"
        if responses
        else "it has no response record"
    )
    return error_article(
        stem,
        source,
        "no_article",
        f"{what} holds no HTML page to read: {found}. dateline reads HTTP responses with status 200 "
        "and an HTML content type.",
    )


def _article(
    record: WarcRecord, number: int, *, stem: str, source: str | None, what: str, max_bytes: int
) -> Article:
    """The article of one HTML response, or an article with the error that kept it from being read."""
    url = record.headers.get("WARC-Target-URI") or None
    id = url_id(url) if url else f"{stem}#{number}"
    where = f"the page {url} in {what}" if url else f"response {number} of {what}"
    payload = _payload(record, where, max_bytes)
    if isinstance(payload, RecordError):
        return Article(id=id, text="", source=source, url=url, errors=[payload])
    html = _decoded_text(payload, record.http_charset, where)
    if isinstance(html, RecordError):
        return Article(id=id, text="", source=source, url=url, errors=[html])
    article = read_html(html, id=id, source=source, url=url)
    article.url = url or article.url  # where the crawler fetched it, over what the page calls itself
    article.published = article.published or _warc_date(record)
    return article


def _payload(record: WarcRecord, where: str, max_bytes: int) -> bytes | RecordError:
    """The HTTP body with its transfer and content encodings undone, held to ``max_bytes``."""
    raw = _read_limited(record.reader, max_bytes)
    if raw is None:
        return _too_large(where, max_bytes)
    if len(raw) < record.content_length:
        return read_error(
            "undecodable",
            f"{where} is cut short: the archive holds {len(raw):,} of its {record.content_length:,} "
            "bytes (the file was not completely written). Re-fetch or re-download the archive.",
        )
    try:
        body = _undo_encodings(raw, record, max_bytes)
    except OSError as err:
        return read_error(
            "undecodable",
            f"{where} cannot be decoded ({err}): its body does not match the encoding its HTTP headers "
            "declare. The rest of the archive is read.",
        )
    if body is None:
        return _too_large(where, max_bytes)
    return body


def _read_limited(reader: WarcReader | BinaryIO, max_bytes: int) -> bytes | None:
    """Everything ``reader`` gives, or None as soon as it gives more than ``max_bytes``."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = reader.read(_READ_BYTES)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > max_bytes:
            return None
        parts.append(chunk)


def _undo_encodings(raw: bytes, record: WarcRecord, max_bytes: int) -> bytes | None:
    """The body without chunked transfer coding and gzip, deflate or brotli content coding; None
    when it decompresses to more than the size limit. Raises OSError on a body that does not match."""
    headers = record.http_headers
    data: WarcReader | BinaryIO = io.BytesIO(raw)
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        data = ChunkedReader(data)
    for coding in reversed(_codings(headers.get("Content-Encoding"))):
        if coding in ("gzip", "x-gzip"):
            data = GzipReader(data)
        elif coding == "deflate":
            data = GzipReader(data, zlib=True)
        elif coding == "br":
            data = BrotliReader(data)
        elif coding != "identity":
            raise OSError(f"unsupported content encoding {coding!r}")
    return _read_limited(data, max_bytes)


def _codings(header: str | None) -> list[str]:
    return [c.strip().lower() for c in (header or "").split(",") if c.strip()]


def _decoded_text(body: bytes, charset: str | None, where: str) -> str | RecordError:
    """UTF-8 or the page's ``<meta>`` charset (as for ``.html`` files), else the HTTP header's charset."""
    decoded = decode_html(body, where)
    if isinstance(decoded, str) or not charset:
        return decoded
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return decoded


def _warc_date(record: WarcRecord) -> str | None:
    """``WARC-Date`` as ISO 8601 (``2024-02-07T09:30:00+00:00``), or None when it is missing or odd."""
    value = (record.headers.get("WARC-Date") or "").strip()
    try:
        return datetime.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _too_large(where: str, max_bytes: int) -> RecordError:
    return read_error(
        "too_large",
        f"{where} holds more than {max_bytes:,} bytes, over the limit for one document "
        "(dateline.settings.MAX_DOCUMENT_BYTES); it was skipped and the rest of the archive is read.",
    )
