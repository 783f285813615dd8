"""Property-based fuzzing (hypothesis): hostile input never crashes a reader, the record boundary,
the pipeline or the API.

- readers: arbitrary and hostile bytes as .txt, .html, .jsonl, feeds, web archives and compressed
  files: reading never raises, every article has text or a clear error, ids are unique in a run;
- records: arbitrary JSON through ``Record.from_dict`` is a Record or an error the commands that read
  records (``summary``, ``show``, ``ingest``) turn into a message, never a traceback;
- the pipeline on hostile text: a record always comes back, and every span points at its own text;
- the API: arbitrary query parameters answer 200, 400, 404 or 422, never 500.

Each property runs a bounded number of examples (the whole file takes well under a minute), without
shrinking budgets that could run away, and hypothesis keeps no database in the checkout. The
examples are the same on every run; set ``DATELINE_FUZZ_SCALE`` (say 20) to run every property that
many times longer, on new random examples each time.
"""

from __future__ import annotations

import bz2
import contextlib
import copy
import gzip
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import zstandard
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from spacy.language import Language
from typer.testing import CliRunner

from conftest import says, store_url
from dateline.cli import app
from dateline.cli_options import EXIT_CANNOT_RUN
from dateline.model import SCHEMA_VERSION, Article, Record
from dateline.pipeline import analyse, process
from dateline.read import read_inputs
from dateline.store import encode_cursor, open_store
from dateline.store.rows import is_failed
from dateline.web import create_app
from desk_records import desk_records, hostile_record

# feedparser warns of a renamed field on every feed without a publication date.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")
# Hypothesis caches Unicode tables under its home directory, by default .hypothesis in the working
# directory: kept out of the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "dateline-hypothesis")
# A longer run explores new examples each time; the suite's own run tries the same ones every time, so
# that it passes or fails the same way on every machine.
SCALED = "DATELINE_FUZZ_SCALE" in os.environ
SCALE = float(os.environ.get("DATELINE_FUZZ_SCALE", "1"))


def fuzz(examples: int, *, shrink: bool = True) -> settings:
    """Settings for one property: ``examples`` runs (times ``SCALE``), no deadline (a busy machine is
    slow, not wrong), no example database; without ``shrink`` a failure is reported as found."""
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if shrink else [])
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        derandomize=not SCALED,
        deadline=None,
        database=None,
        phases=phases,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# ---- hostile text -------------------------------------------------------------------------------

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`"
BREAKS = ["\n", "\r", "\r\n", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\t", "  "]
WORDS = [
    "The", "minister", "Ana", "Velt", "said", "on", "Monday", "that", "the", "port", "of", "Velmar",
    "would", "reopen", ".", ",", ";", ":", "told", "reporters", "Karesh", "army", "attacked",
    "accused", "police", "protest", "talks", "agreed", "aid", "U.S.", "Mr.", "Dr.", "\"We", "will\"",
    "'not'", "GENEVA", "(Reuters)", "-", "By", "Staff", "Writer", "2025-03-12", "yesterday", "next",
    "week", "Tovan", "spokesperson", "officials",
]  # fmt: skip
# Characters text should not hold: a NUL, lone surrogates (only a JSON escape makes one), controls,
# noncharacters.
NOT_TEXT = ["\x00", "\ud800", "\udfff", "\x01", "\x1b", "\x7f", "\ufffe", "\uffff"]

atoms = st.one_of(
    st.sampled_from(WORDS).map(lambda w: w + " "),
    st.sampled_from(list(ZERO_WIDTH + BIDI + QUOTE_MARKS)),
    st.sampled_from(BREAKS),
    st.text(max_size=6),
)
hostile_text = st.lists(atoms, max_size=80).map("".join)
# Text that may hold what is no text at all (for JSON strings, which can carry any code point).
any_string = st.one_of(
    hostile_text,
    st.lists(st.one_of(atoms, st.sampled_from(NOT_TEXT)), max_size=30).map("".join),
)


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes no decoder accepts


# ---- documents of every kind --------------------------------------------------------------------

TAGS = ["p", "div", "article", "span", "b", "h1", "script", "style", "table", "td", "li", "a", "br"]


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """A page: maybe a head with a charset and dates, nested tags around hostile paragraphs."""
    charset = draw(st.sampled_from(["", "utf-8", "latin-1", "utf-16", "x-bogus", "windows-1252", "ascii"]))
    meta = f'<meta charset="{charset}">' if charset else ""
    published = draw(st.sampled_from(["", "2025-03-12", "2025-13-45T99:00", "yesterday", "\x00"]))
    if published:
        meta += f'<meta property="article:published_time" content="{published}"><time datetime="{published}">'
    depth = draw(st.sampled_from([0, 1, 5, 300, 5000, 50_000]))
    tag = draw(st.sampled_from(TAGS))
    paragraphs = draw(st.lists(hostile_text, max_size=6))
    body = "".join(f"<{draw(st.sampled_from(TAGS))}>{p}</p>" for p in paragraphs)
    title = draw(hostile_text)
    page = f"<html><head><title>{title}</title>{meta}</head><body>{f'<{tag}>' * depth}{body}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "utf-16"]))
    return page.encode(encoding, "replace") if encoding != "utf-8" else utf8(page)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_string,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
ARTICLE_KEYS = ["id", "text", "html", "title", "published", "url", "outlet", "author"]


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """JSON Lines: article objects with hostile or wrongly typed fields, and lines that are no JSON."""
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["article", "article", "value", "garbage", "deep", "blank"]))
        if kind == "article":
            keys = draw(st.lists(st.sampled_from(ARTICLE_KEYS), max_size=6, unique=True))
            obj = {k: draw(st.one_of(any_string, json_values)) for k in keys}
            if draw(st.booleans()):
                obj["text"] = draw(any_string)
            if draw(st.booleans()):
                obj["id"] = draw(st.sampled_from(["a", "a", "b", "x#2", ""]))  # ids that collide
            lines.append(json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
        elif kind == "value":
            lines.append(json.dumps(draw(json_values)).encode())
        elif kind == "garbage":
            lines.append(draw(st.binary(max_size=40)).replace(b"\n", b""))
        elif kind == "deep":  # deeper than Python's JSON decoder recurses
            lines.append(b'{"text": ' + b"[" * draw(st.sampled_from([10, 100_000])))
        else:
            lines.append(b"   ")
    newline = draw(st.sampled_from([b"\n", b"\r\n"]))
    return newline.join(lines) + draw(st.sampled_from([b"", newline]))


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """RSS or Atom with hostile entries: odd links, dates, HTML or text content, missing parts."""
    entries = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 4))):
        title, text = draw(hostile_text), draw(hostile_text)
        link = draw(st.sampled_from(["https://news.example/a", "https://news.example/a", "tag:x,2025:1",
                                     "javascript:alert(1)", "http://[::1", "", "https://h.example:99999/p"]))  # fmt: skip
        date = draw(st.sampled_from(["Mon, 10 Mar 2025 23:30:00 -0500", "2025-03-12", "not a date", "",
                                     "Thu, 31 Feb 2025 25:61:00 +9999", "2025-03-12T08:00:00Z"]))  # fmt: skip
        body = _escape(f"<p>{text}</p>" if draw(st.booleans()) else text)
        if atom:
            entries.append(f"<entry><title>{_escape(title)}</title><link href=\"{_escape(link)}\"/>"
                           f"<updated>{date}</updated><content type=\"html\">{body}</content></entry>")  # fmt: skip
        else:
            entries.append(f"<item><title>{_escape(title)}</title><link>{_escape(link)}</link>"
                           f"<pubDate>{date}</pubDate><description>{body}</description></item>")  # fmt: skip
    feed_title = _escape(draw(hostile_text))
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{feed_title}</title>'
        doc += "".join(entries) + "</feed>"
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed_title}</title>'
        doc += "".join(entries) + "</channel></rss>"
    data = utf8(doc)
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    """Web archives: responses with odd statuses, types, encodings and bodies; maybe cut short."""
    records = [b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"]
    for number in range(draw(st.integers(0, 4))):
        body = draw(st.one_of(html_pages(), st.binary(max_size=60)))
        encoding = draw(st.sampled_from(["", "gzip", "deflate", "br", "x-zip", "gzip, gzip"]))
        if encoding == "gzip" and draw(st.booleans()):
            body = gzip.compress(body)
        status = draw(st.sampled_from(["200 OK", "200 OK", "301 Moved", "404 Not Found", "abc"]))
        ctype = draw(st.sampled_from(["text/html; charset=utf-8", "text/html; charset=bogus", "image/png",
                                      "application/xhtml+xml", ""]))  # fmt: skip
        headers = f"Content-Encoding: {encoding}\r\n" if encoding else ""
        http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{headers}Content-Length: {len(body)}\r\n\r\n"
        block = http.encode() + body
        uri = draw(st.sampled_from(["https://news.example/a", "https://news.example/a", "", "not a url"]))
        date = draw(st.sampled_from(["2025-03-12T08:15:00Z", "yesterday", ""]))
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{number}>\r\n"
                f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")  # fmt: skip
        records.append(head.encode() + block + b"\r\n\r\n")
    data = b"".join(records)
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


def text_files() -> st.SearchStrategy[bytes]:
    return st.one_of(
        hostile_text.map(utf8),
        any_string.map(utf8),
        hostile_text.map(lambda t: t.encode("utf-16")),
        hostile_text.map(lambda t: t.encode("latin-1", "replace")),
        st.binary(max_size=200),
    )


KINDS: dict[str, tuple[st.SearchStrategy[bytes], str]] = {
    "text": (text_files(), ".txt"),
    "html": (html_pages(), ".html"),
    "jsonl": (jsonl_files(), ".jsonl"),
    "feed": (feeds(), ".rss"),
    "warc": (warcs(), ".warc"),
}


def compress(data: bytes, how: str) -> bytes:
    if how == ".gz":
        return gzip.compress(data)
    if how == ".bz2":
        return bz2.compress(data)
    return zstandard.ZstdCompressor().compress(data)


@st.composite
def input_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): a document of some kind, named as it is, as another kind, or not at all;
    maybe compressed, and then maybe cut short."""
    kind = draw(st.sampled_from(sorted(KINDS)))
    strategy, suffix = KINDS[kind]
    data = draw(strategy)
    suffix = draw(st.sampled_from([suffix, suffix, ".txt", ".xml", ".atom", ""]))
    how = draw(st.sampled_from(["", "", ".gz", ".bz2", ".zst"]))
    if how:
        data = compress(data, how)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
    # A name in Latin-1 (byte 0xe9) is no UTF-8: Python gives it a lone surrogate (U+DCE9).
    stem = draw(
        st.sampled_from(["story", "story", "wire", "a.b", "-dash", "#2", "x~1", os.fsdecode(b"caf\xe9")])
    )
    return f"{stem}{suffix}{how}", data


# ---- readers ------------------------------------------------------------------------------------

READ_CODES = {"empty", "binary", "undecodable", "too_large", "not_found", "bad_json", "no_text",
              "no_article", "bad_feed"}  # fmt: skip
_NOT_STORABLE = re.compile("[\x00\ud800-\udfff]")


def assert_readable(articles: list[Article]) -> None:
    """Every article has text and no error, or no text and a clear read error; every string can be
    written out as UTF-8 and stored (no NUL, no lone surrogate); readable articles' ids are unique."""
    for article in articles:
        assert isinstance(article.id, str) and article.id, article
        if article.errors:
            assert article.text == "", article
            for error in article.errors:
                assert error.stage == "read" and error.code in READ_CODES, error
                assert isinstance(error.message, str) and len(error.message) > 20, error
        else:
            assert article.text.strip(), article
        for error in article.errors:
            assert not _NOT_STORABLE.search(error.message), error
        for name in ("id", "text", "title", "published", "outlet", "url", "author", "source"):
            value = getattr(article, name)
            assert value is None or isinstance(value, str), (name, value)
            assert value is None or not _NOT_STORABLE.search(value), (name, value)
    # A document that could not be read keeps the name it came under (read.__init__._unique), so
    # only the articles that go on to be analysed and stored must have ids of their own.
    ids = [a.id for a in articles if not a.errors]
    assert len(ids) == len(set(ids)), ids


@fuzz(200)
@given(st.lists(input_files(), min_size=1, max_size=3), st.booleans())
def test_readers_never_raise_and_every_article_has_text_or_an_error(
    files: list[tuple[str, bytes]], in_folders: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number, (name, data) in enumerate(files):
            folder = Path(tmp, f"d{number}") if in_folders else Path(tmp)
            folder.mkdir(exist_ok=True)
            path = folder / name
            if path.exists():  # the same name twice in one folder: the second goes beside it
                path = folder / f"{number}{name}"
            path.write_bytes(data)
            paths.append(str(path))
        articles = list(read_inputs([tmp] if in_folders and len(files) > 1 else paths))
    assert_readable(articles)


@fuzz(40)
@given(input_files())
def test_standard_input_is_read_like_a_file(file: tuple[str, bytes]) -> None:
    assert_readable(list(read_inputs(["-"], stdin=io.BytesIO(file[1]))))


# ---- records back in ----------------------------------------------------------------------------

BASES = [r.to_dict() for r in (*desk_records(), hostile_record())]
# Values a hand edit, a bug or an attacker may leave in a record: wrong types, numbers no column
# holds, JSON's non-finite numbers, what is no text.
odd_values = st.one_of(
    json_values,
    st.sampled_from(
        [10**30, 2**63, -1, 1e400, -1e400, float("nan"), "", "\ud800", "\x00", [], {}, True, 0.5]
    ),
)


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """(container, key) for every value inside ``value``, however deep."""
    found: list[tuple[Any, Any]] = []
    keys = list(value) if isinstance(value, dict) else range(len(value)) if isinstance(value, list) else []
    for key in keys:
        found.append((value, key))
        found += _slots(value[key])
    return found


@st.composite
def mutated_records(draw: st.DrawFn) -> Any:
    """A record written by dateline, then a few of its values deleted or replaced by odd ones."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(data)
        container, key = draw(st.sampled_from(slots))
        if draw(st.booleans()):
            del container[key]
        else:
            container[key] = draw(odd_values)
    return data


record_like = st.one_of(mutated_records(), mutated_records(), json_values)


def record_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True)  # JSON's own escapes: "\ud800" stays a valid line


@fuzz(300)
@given(record_like)
def test_record_from_json_is_a_record_or_a_value_key_or_type_error(data: Any) -> None:
    """The boundary every reader of records relies on: the commands catch ValueError, KeyError and
    TypeError (and the API's POST /api/records answers them with 422); anything else is a crash."""
    try:
        record = Record.from_json(record_line(data))
    except (ValueError, KeyError, TypeError):
        return
    assert_well_formed(record)


def test_record_from_json_refuses_json_nested_too_deep() -> None:
    with pytest.raises(ValueError, match="nested too deeply"):
        Record.from_json('{"schema": "dateline/4", "id": ' + "[" * 100_000 + "]" * 100_000 + "}")


def assert_well_formed(record: Record) -> None:
    """What the commands and the store count on: the types the model declares, every span pointing
    at its own text, strings that can be written out and stored, integers a database column holds."""
    assert isinstance(record.id, str) and isinstance(record.text, str)
    for value in _strings(record):
        assert not _NOT_STORABLE.search(value), value
    for span in _spans(record):
        assert isinstance(span.start, int) and isinstance(span.end, int), span
        assert 0 <= span.start <= span.end <= len(record.text), span
        assert record.text[span.start : span.end] == span.text, span
    for place in record.places:
        assert place.geonameid is None or (isinstance(place.geonameid, int) and abs(place.geonameid) < 2**63)
        for number in (place.lat, place.lon):
            assert number is None or (isinstance(number, int | float) and math.isfinite(number))
    for item in (*record.quotes, *record.events):
        assert item.confidence is None or (
            isinstance(item.confidence, float | int) and math.isfinite(item.confidence)
        )
    assert Record.from_json(record.to_json()) == record


def _spans(record: Record) -> list[Any]:
    spans: list[Any] = [m for e in record.entities for m in e.mentions]
    spans += [m for p in record.places for m in p.mentions] + list(record.dates)
    for q in record.quotes:
        spans += [*q.content, *(s for s in (q.speaker, q.cue) if s is not None)]
    return spans + [e.trigger for e in record.events]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [s for v in vars(value).values() for s in _strings(v)]
    return []


runner = CliRunner()


def _no_traceback(result: Any) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@fuzz(40)
@given(st.lists(record_like, min_size=1, max_size=3))
def test_summary_show_and_ingest_take_any_record_file_without_a_traceback(lines: list[Any]) -> None:
    """A file that starts with a good record and goes on with odd ones: summary and show skip the
    lines that are no record; ingest stores the good ones, fails the others one by one."""
    good = [Record.from_dict(BASES[0])]
    for data in lines:
        with contextlib.suppress(ValueError, KeyError, TypeError):
            good.append(Record.from_json(record_line(data)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "records.jsonl")
        path.write_text("\n".join([record_line(BASES[0]), *map(record_line, lines)]) + "\n", encoding="utf-8")
        for command in (["summary"], ["show"]):
            result = runner.invoke(app, [*command, str(path)])
            _no_traceback(result)
            assert result.exit_code == 0, result.output
        db = str(Path(tmp, "store.db"))
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "-q"])
        _no_traceback(result)
        every_one_stored = len(good) == len(lines) + 1 and not any(map(is_failed, good))
        assert result.exit_code == (0 if every_one_stored else 1), result.output
        store = open_store(db, create=False)
        try:
            stored = {item["id"] for item in store.articles(limit=500)["items"]}
        finally:
            store.close()
    assert stored == {r.id for r in good if not is_failed(r)}


@fuzz(30)
@given(st.lists(json_values, min_size=1, max_size=3))
def test_a_file_of_no_records_is_one_line_and_exit_3(lines: list[Any]) -> None:
    lines = [v for v in lines if not (isinstance(v, dict) and v.get("schema") == SCHEMA_VERSION)]
    assume(lines)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "notes.jsonl")
        path.write_text("\n".join(map(record_line, lines)) + "\n", encoding="utf-8")
        result = runner.invoke(app, ["summary", str(path)])
    _no_traceback(result)
    assert result.exit_code == EXIT_CANNOT_RUN
    assert says(result.output, "holds no dateline record") and len(result.output.strip().splitlines()) <= 3


# ---- the pipeline -------------------------------------------------------------------------------

SENTENCES = [
    '"We will not give up the port," Ana Velt told reporters in Velmar on Monday.',
    "Karesh accused Valdoria of blocking grain convoys, a senior official said.",
    "The army attacked rebel positions near Tovan, according to state media.",
    "Officials said talks would resume next week.",
    "“Never,” she said. ‘Not again,’ he added.",
]
# The readers give the pipeline no NUL and no lone surrogate (assert_readable), so neither is tried here.
news_like = (
    st.lists(st.one_of(st.sampled_from(SENTENCES).map(lambda s: s + " "), atoms), max_size=40)
    .map("".join)
    .map(lambda text: _NOT_STORABLE.sub("", text))
)


@fuzz(8, shrink=False)
@given(news_like)
def test_every_stage_runs_on_hostile_text_and_every_span_points_at_it(nlp: Language, text: str) -> None:
    """Quote storms, zero-width and bidi characters, odd line breaks inside news sentences: a stage
    that fails is an error of its own in the record, the others' results stay, and every span of the
    record is the text at its offsets."""
    article = Article(id="fuzz", text=text, published="2025-03-12")
    record = analyse(nlp(text), article)
    assert record.id == "fuzz" and record.text == text
    for error in record.errors:
        assert error.code == f"{error.stage}_failed" and error.message, error
    assert_well_formed(record)


def test_a_zero_width_character_taken_for_an_organisation_fails_no_stage(nlp: Language) -> None:
    record = process(Article(id="zwnj", text="officials \u200c\u2028"))
    assert record.errors == []


@fuzz(6, shrink=False)
@given(st.text(max_size=300).map(lambda text: _NOT_STORABLE.sub("", text)))
def test_the_pipeline_gives_a_record_for_any_text(nlp: Language, text: str) -> None:
    record = process(Article(id="fuzz", text=text))
    assert record.id == "fuzz" and record.text == text
    assert record.errors or text.strip()  # nothing to analyse is an error, never an empty success
    assert_well_formed(record)


# ---- the API ------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("fuzz-desk")))
    opened.ingest([*desk_records(), hostile_record()])
    yield TestClient(base_url="http://127.0.0.1", app=create_app(store=opened), raise_server_exceptions=False)
    opened.close()


PARAMETERS = ["q", "actor", "recipient", "source_type", "event_type", "type", "outlet", "country", "place",
              "date_from", "date_to", "min_confidence", "kind", "kinds", "modality", "main", "sort",
              "cursor", "limit", "facets"]  # fmt: skip
TRICKY = ["", "2025-03-10", "2025-03", "2018-13-45", "0000-00-00", "9999-12-31", "1e400", "nan", "-inf",
          "-1", "0.5", "true", "'", '"', "*", "(", "\\", "-word", "a OR b", "NEAR(a b)", "x" * 600,
          "port* " * 40, "direct", "CONSULT", "person-ilse-marrow", "relevance", "-articles", "oldest",
          "\x00", "%00", "\ud800"]  # fmt: skip
# Cursors a visitor forged: well-formed, holding values of any type, number or size.
forged_cursors = st.lists(
    st.one_of(
        st.none(), st.integers(), st.sampled_from([10**30, -(2**63)]), st.floats(), st.text(max_size=8)
    ),
    max_size=6,
).map(encode_cursor)
parameter_values = st.one_of(st.text(max_size=20), st.sampled_from(TRICKY), forged_cursors)
ENDPOINTS = ["/api/quotes", "/api/events", "/api/search", "/api/timeline", "/api/network",
             "/api/export/quotes.csv", "/api/articles", "/api/actors", "/api/places", "/api/map"]  # fmt: skip


@fuzz(250, shrink=False)
@given(
    st.sampled_from(ENDPOINTS),
    st.lists(st.tuples(st.sampled_from(PARAMETERS), parameter_values), max_size=5),
)
def test_no_query_parameter_makes_the_api_fail(
    desk: TestClient, path: str, params: list[tuple[str, str]]
) -> None:
    """Whatever a visitor puts in the query string, the answer is a result or a client error."""
    response = desk.get(path, params=[(k, _url_safe(v)) for k, v in params])
    assert response.status_code in (200, 400, 404, 422), (path, params, response.text[:300])


@fuzz(60, shrink=False)
@given(st.sampled_from(["/api/articles/", "/api/actors/", "/api/places/", "/api/export/"]), parameter_values)
def test_no_id_in_a_path_makes_the_api_fail(desk: TestClient, path: str, id: str) -> None:
    # Quoted twice: Starlette's TestClient decodes a path once more than a server does.
    response = desk.get(path + quote(quote(_url_safe(id), safe=""), safe=""))
    assert response.status_code in (200, 400, 404, 422), (path, id, response.text[:300])


def _url_safe(value: str) -> str:
    # A URL carries UTF-8 only.
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


@pytest.mark.parametrize(
    "path",
    ["/api/quotes?q=a%00b", "/api/network?country=%00", "/api/events?actor=a%00", "/api/articles/a%00b"],
)
def test_a_nul_in_a_query_parameter_is_no_server_error_on_postgresql(postgres_url: str, path: str) -> None:
    from dateline.store.pgcluster import reset_database

    reset_database(postgres_url)
    opened = open_store(postgres_url)
    try:
        opened.ingest(desk_records())
        client = TestClient(
            base_url="http://127.0.0.1", app=create_app(store=opened), raise_server_exceptions=False
        )
        assert client.get(path).status_code in (200, 400, 404, 422)
    finally:
        opened.close()


# ---- what the fuzzing found, as plain regression tests ------------------------------------------


def test_a_feed_link_that_is_no_address_leaves_the_entry_to_its_guid(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Port</title>'
        "<link>http://[::1</link><guid>port-7</guid><description>The port of Velmar reopened on Monday."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    [article] = read_inputs([str(feed)])  # urlsplit raised "Invalid IPv6 URL" out of the reader
    assert (article.id, article.url, article.errors) == ("port-7", None, [])


def test_an_archived_page_whose_address_is_no_address_is_read_under_it(tmp_path: Path) -> None:
    page = b"<html><body><article><p>The port of Velmar reopened on Monday after repairs.</p></article></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(page), page)
    head = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://[::1/port\r\n"
    head += f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(head.encode() + http + b"\r\n\r\n")
    [article] = read_inputs([str(archive)])
    assert (article.id, article.errors) == ("http://[::1/port", [])


def test_what_is_no_text_is_an_error_of_its_own_document(tmp_path: Path) -> None:
    """A NUL or a lone surrogate reached the records: extract could not write them out as UTF-8, and
    PostgreSQL refused the NUL with a traceback. Now each is that document's error, named by field."""
    wire = tmp_path / "wire.jsonl"
    lines = [
        {"id": "nul", "text": "Talks resumed\u0000 on Monday."},
        {"id": "half", "text": "Talks resumed \ud800 on Monday."},
        {"id": "title", "text": "Talks resumed on Monday.", "title": "Port\u0000"},
        {"id": "fine", "text": "Talks resumed on Monday."},
    ]
    wire.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    late_nul = tmp_path / "long.txt"
    late_nul.write_bytes(b"Talks resumed on Monday. " * 400 + b"\x00")  # past the binary sniff
    got = {a.id: [(e.code, "its " + e.message.split(" in its ")[1].split(" at ")[0]) for e in a.errors]
           for a in read_inputs([str(wire), str(late_nul)])}  # fmt: skip
    assert got == {
        "nul": [("binary", "its text")],
        "half": [("undecodable", "its text")],
        "title": [("binary", "its title")],
        "fine": [],
        "long": [("binary", "its text")],
    }


def test_a_file_name_in_another_encoding_is_read_under_a_writable_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 on disk: Python names it with a lone surrogate
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text("The cafe reopened on Monday after repairs.", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(output), "-q"])
    assert result.exit_code == 0, result.output  # writing the record raised UnicodeEncodeError
    [record] = [Record.from_json(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert record.id == "caf\ufffd" and record.source is not None and record.source.endswith("caf\ufffd.txt")


def test_a_records_file_named_in_another_encoding_stores_its_bad_line_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.jsonl")
    path.write_text(Record.from_dict(BASES[0]).to_json() + "\n{bad\n", encoding="utf-8")
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"])
    _no_traceback(result)  # the failed line's id and source were the file name: UnicodeEncodeError
    assert result.exit_code == 1
    store = open_store(str(db), create=False)
    try:
        assert [e["article_id"] for e in store.errors()["items"]] == ["caf\ufffd#2"]
    finally:
        store.close()


def test_json_nested_too_deep_is_a_bad_line_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000
    articles = tmp_path / "wire.jsonl"
    articles.write_text('{"id": "a", "text": "Talks resumed on Monday."}\n{"text": ' + deep + "\n")
    records = tmp_path / "records.jsonl"
    records.write_text(Record.from_dict(BASES[0]).to_json() + "\n" + deep + "\n", encoding="utf-8")
    read = [(a.id, [e.code for e in a.errors]) for a in read_inputs([str(articles)])]
    assert read == [("a", []), ("wire#2", ["bad_json"])]
    for command in (["summary"], ["ingest", "--db", str(tmp_path / "s.db"), "-q"]):
        result = runner.invoke(app, [command[0], str(records), *command[1:]])
        _no_traceback(result)  # RecursionError came out of json.loads
        assert result.exit_code == (0 if command[0] == "summary" else 1), result.output


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda r: r["dates"][0].update(start=1e400), TypeError),  # int(inf): OverflowError
        (lambda r: r["entities"][0].update(generic="false"), TypeError),  # bool("false") is True
        (
            lambda r: r["quotes"][0].update(kind=["direct"]),
            TypeError,
        ),  # unhashable in summary, unbindable in the store
        (lambda r: r["places"][0].update(geonameid=10**30), ValueError),  # no database integer
        (lambda r: r["entities"][0]["mentions"][0].update(start=0), ValueError),  # the span is not its text
        (lambda r: r["quotes"][0].update(confidence=float("nan")), ValueError),
        (lambda r: r.update(title="Port\u0000"), ValueError),
    ],
)
def test_a_record_the_schema_does_not_allow_is_refused_when_read(
    change: Callable[[Any], Any], error: type
) -> None:
    data = copy.deepcopy(BASES[0])
    change(data)
    with pytest.raises(error):
        Record.from_json(json.dumps(data))


def test_no_json_value_is_a_record_that_crashes() -> None:
    for value in (None, [], "x", 3):
        with pytest.raises(TypeError):  # None.get: AttributeError, which the API answered with a 500
            Record.from_dict(value)  # type: ignore[arg-type]


def test_ingesting_records_of_the_wrong_shape_fails_them_one_by_one(tmp_path: Path) -> None:
    good = Record.from_dict(BASES[0])
    wrong = copy.deepcopy(BASES[1])
    wrong["quotes"][0]["kind"] = ["direct"]  # the store could not bind a list: a traceback, the run lost
    huge = copy.deepcopy(BASES[2])
    huge["places"][0]["geonameid"] = 10**30  # OverflowError: no SQLite integer holds it
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([good.to_json(), json.dumps(wrong), json.dumps(huge)]) + "\n", encoding="utf-8")
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"])
    _no_traceback(result)
    assert result.exit_code == 1
    store = open_store(str(db), create=False)
    try:
        assert [a["id"] for a in store.articles()["items"]] == [good.id]
        assert {e["code"] for e in store.errors()["items"]} == {"bad_record"}
    finally:
        store.close()
