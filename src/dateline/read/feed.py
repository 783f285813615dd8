"""RSS and Atom feed files: each entry is an article, parsed by feedparser from local bytes only.

An entry's text is its longest ``content`` (Atom ``<content>``, RSS ``<content:encoded>``), else
its ``summary`` (``<description>``); HTML goes through the HTML reader (trafilatura) like an
``.html`` file, plain text is kept as it is. The entry's own title, link (``url``), date
(``published``, ISO 8601 with the feed's own UTC offset, so the publisher's day is kept) and
author win over what the HTML declares; ``outlet`` is the feed's title. The id is made from the
link as for a web archive's page (``courier.example/news/port``), else the entry's guid, else
``<stem>#<n>`` for the n-th entry.

feedparser is handed the bytes in a stream, never a string or a name: given a string it may open
a URL or a file by that name. It never follows the links it finds. It parses a feed whole, so a
feed file is held to ``MAX_FEED_BYTES`` rather than streamed; its entries are still yielded one
by one. An entry without article text is one article with an error, and reading goes on.
"""

from __future__ import annotations

import calendar
import email.utils
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from dateline.model import Article, RecordError
from dateline.read.common import error_article, normalise_newlines, read_error, url_id
from dateline.read.html import read_html

# The root element of an RSS 0.9x/2.0 (<rss>), RSS 1.0 (<rdf:RDF>) or Atom (<feed>) document, after
# any XML declaration, comments, processing instructions and doctype.
_FEED_ROOT = re.compile(
    rb"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<(?:rss|feed|(?:[A-Za-z_][\w.-]*:)?RDF)[\s>/]",
    re.DOTALL,
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def looks_like_feed(head: bytes) -> bool:
    """Whether data starting with ``head`` is an RSS or Atom document (by its root element)."""
    return bool(_FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")))


def read_feed(data: bytes, *, stem: str, source: str | None, what: str) -> Iterator[Article]:
    """The articles of one feed document, one per entry, in the feed's order."""
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as problem:  # noqa: BLE001 - feedparser's own bugs on malformed feeds (KeyError, ...)
        yield _unreadable(stem, source, what, problem)
        return
    entries = parsed.get("entries") or []
    if not entries:
        yield _no_entries(parsed, stem, source, what)
        return
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, 1):
        yield _article(entry, number, outlet=outlet, stem=stem, source=source, what=what)


def _no_entries(parsed: Any, stem: str, source: str | None, what: str) -> Article:
    if parsed.get("bozo") and not parsed.get("version"):
        return _unreadable(stem, source, what, parsed.get("bozo_exception"))
    return error_article(
        stem, source, "empty", f"{what} is a feed without entries: there is no article to read."
    )


def _unreadable(stem: str, source: str | None, what: str, problem: object) -> Article:
    return error_article(
        stem,
        source,
        "bad_feed",
        f"{what} is not a readable RSS or Atom feed ({problem!r}). Check that it is the feed file "
        "itself and that it was completely written.",
    )


def _article(
    entry: Any, number: int, *, outlet: str | None, stem: str, source: str | None, what: str
) -> Article:
    link = _web_address(entry.get("link"))
    id = url_id(link) if link else _clean(entry.get("id")) or f"{stem}#{number}"
    title = _clean(entry.get("title"))
    where = f"entry {number} of {what}" + (f" ({title!r})" if title else "")
    value, kind = _body(entry)
    if not value.strip():
        return error_article(
            id,
            source,
            "no_text",
            f"{where} has no content or summary: there is no article text. Feeds that carry only "
            "headlines give no articles; read the pages themselves (HTML files or a WARC archive).",
        )
    if kind in _HTML_TYPES:
        article = read_html(value, id=id, source=source, url=link)
        if article.errors:
            article.errors = [_no_article(where)]
    else:
        article = Article(id=id, text=normalise_newlines(value).strip(), source=source, url=link)
    _set_metadata(article, title=title, url=link, published=_published(entry), outlet=outlet)
    article.author = _clean(entry.get("author")) or article.author
    return article


def _web_address(value: Any) -> str | None:
    """An http(s) link, or None: feedparser gives an entry without a link its guid as one, which
    may be a tag: URI or a bare number."""
    link = _clean(value)
    try:
        return link if link and urlsplit(link).scheme in ("http", "https") else None
    except ValueError:  # no address at all ("http://[::1"): the entry is named by its guid
        return None


def _no_article(where: str) -> RecordError:
    return read_error(
        "no_article",
        f"{where}: trafilatura found no article text with a sentence in its content or summary. Feeds "
        "that carry only teasers give no articles; read the pages themselves (HTML files or a WARC archive).",
    )


def _body(entry: Any) -> tuple[str, str]:
    """(text, its MIME type): the longest content, else the summary."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], (best.get("type") or "text/html").lower()
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", (detail.get("type") or "text/html").lower()


def _set_metadata(article: Article, **fields: str | None) -> None:
    """The entry's own fields win over what its HTML declared."""
    for name, value in fields.items():
        if value is not None:
            setattr(article, name, value)


def _published(entry: Any) -> str | None:
    """The entry's date as ISO 8601, keeping the offset the feed gave: a UTC conversion could move
    the publisher's day, against which the article's relative dates ("on Thursday") resolve."""
    for name in ("published", "updated", "created"):
        value = _iso_date(entry.get(name))
        if value is not None:
            return value
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)  # a UTC struct_time feedparser made of a date in another format
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def _iso_date(value: Any) -> str | None:
    """An RSS (RFC 822) or Atom (RFC 3339) date as ISO 8601; a bare date stays a date."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(value).isoformat()
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
