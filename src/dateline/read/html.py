"""HTML pages: the article's main text and metadata, found by trafilatura.

trafilatura 2.x notes (checked against 2.3.1):

* ``bare_extraction`` returns a ``trafilatura.settings.Document`` object (attributes, not a
  dict; ``as_dict=`` is deprecated) or None when it finds nothing.
* It extracts metadata (title, author, date, site name, url) only with ``with_metadata=True``,
  and includes reader comments unless ``include_comments=False``.
* Its default date search is "extensive": with no date in the page's markup it guesses one
  from the visible text, e.g. 2020-01-01 from a "Copyright 2020" footer. A wrong publication
  date would skew every relative date in the article, so only dates in markup are used here.
* Dates come back as YYYY-MM-DD only; the page's own date-time (``article:published_time``,
  ``<time datetime>``) is kept instead when it falls on that day.
* A bare fragment with a single element (``<p>...</p>``) is rejected as not HTML, so fragments
  are wrapped in a document first.
* It logs "discarding data" warnings through the ``trafilatura`` logger; a NullHandler keeps
  them off stderr unless the application configures logging.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import datetime
from typing import Any

from trafilatura import bare_extraction
from trafilatura.utils import load_html

from dateline.model import Article, RecordError
from dateline.read.common import (
    decode_utf8,
    error_article,
    normalise_newlines,
    read_error,
    undecodable,
)

for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# Passed to htmldate: the publication date from the page's markup only, never guessed from its text.
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}

# Where a page states its publication date-time.
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @property="og:published_time" or @itemprop="datePublished"]/@content'
    ' | //*[@itemprop="datePublished"]/@datetime | //time/@datetime'
)
_SENTENCE_END = frozenset(".!?\"”'’…")
_DOCUMENT_STR = re.compile(r"<(?:!doctype|html|head|body)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096


def decode_html(data: bytes, what: str) -> str | RecordError:
    """Decode an HTML file: UTF-8, else the charset its ``<meta>`` declares, both strictly.

    Returns the text, or a ``RecordError`` (code "undecodable") when neither fits.
    """
    result = decode_utf8(data, what)
    if isinstance(result, str):
        return result
    match = _CHARSET.search(data, 0, _CHARSET_SNIFF_BYTES)
    if match:
        name = match.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(name)
        except LookupError:
            return result
        if codec.name != "utf-8":
            try:
                return data.decode(codec.name)
            except UnicodeDecodeError as err:
                return undecodable(data, err, f"{what} (declared charset {name})")
    return result


def _published(tree: Any, day: str | None) -> str | None:
    """The publication date as the page gives it, time and zone included, when it agrees with ``day``.

    trafilatura (htmldate) reduces dates to YYYY-MM-DD; the page's own date-time is kept instead
    when its day is the one trafilatura found.
    """
    if day is None or tree is None:
        return day
    try:
        values = tree.xpath(_PUBLISHED_XPATH)
    except Exception:  # an odd tree: keep trafilatura's day
        return day
    for value in values:
        value = str(value).strip()
        if value[:10] != day or len(value) == 10:
            continue
        try:
            datetime.fromisoformat(value)
        except ValueError:
            continue
        return value
    return day


def _has_sentence(text: str) -> bool:
    return any(line.strip() and line.strip()[-1] in _SENTENCE_END for line in text.splitlines())


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_html(html: str, *, id: str, source: str | None = None, url: str | None = None) -> Article:
    """One article from an HTML page: main text, title, date (published), author, site name, url.

    ``url`` is where the page came from, if known (it helps trafilatura and fills ``url`` when
    the page declares none). A page without article text gives an article with empty text and
    one error, code "no_article".
    """
    if not _DOCUMENT_STR.search(html, 0, 2048):
        html = f"<html><body><div>{html}</div></body></html>"
    try:
        tree = load_html(html)
        doc = bare_extraction(
            tree if tree is not None else html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except Exception as err:  # trafilatura and lxml raise a variety of errors on odd markup
        return error_article(
            id,
            source,
            "no_article",
            f"trafilatura could not parse the HTML ({type(err).__name__}: {err}). Check that the file "
            "is a saved web page, or give the article as plain text.",
        )
    if isinstance(doc, dict):  # older call styles return a dict
        fields: dict[str, Any] = doc
    elif doc is not None:
        fields = {name: getattr(doc, name, None) for name in ("text", "title", "date", "author", "sitename")}
        fields["url"] = getattr(doc, "url", None)
    else:
        fields = {}
    text = normalise_newlines(fields.get("text") or "").strip()
    article = Article(
        id=id,
        text=text,
        title=_clean(fields.get("title")),
        published=_published(tree, _clean(fields.get("date"))),
        outlet=_clean(fields.get("sitename")),
        url=_clean(fields.get("url")) or url,
        source=source,
        author=_clean(fields.get("author")),
    )
    if not text or not _has_sentence(text):
        shown = " ".join(text.split())[:60]
        found = f" (it found only {len(text)} characters without a sentence: {shown!r})" if text else ""
        article.text = ""
        article.errors.append(
            read_error(
                "no_article",
                f"trafilatura found no article text in this HTML page{found}. Check that the file is "
                "the article page itself rather than an index, login or cookie-consent page, and that "
                "it was saved after it loaded (some sites fill in the article with JavaScript); "
                "otherwise give the article text as a .txt file.",
            )
        )
    return article
