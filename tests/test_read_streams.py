"""Streams in: web archives (WARC), RSS and Atom feeds, compressed inputs, and records written by
`dateline extract` ingested without parsing again. Every fixture is built here, from invented text."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import inspect
import io
import json
import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from spacy.language import Language
from typer.testing import CliRunner

from dateline import read
from dateline.cli import app
from dateline.model import SCHEMA_VERSION, Article
from dateline.progress import estimated_total
from dateline.read import count, directory_files, is_records_file, read_inputs
from dateline.read.feed import read_feed
from dateline.read.warc import read_warc
from dateline.store import open_store

runner = CliRunner()

# ---- invented articles --------------------------------------------------------------------------

PORT = (
    "Harbour minister Ana Velt said on Monday that the port of Velmar would reopen to cargo ships "
    "next week after repairs to the northern breakwater."
)
PORT_QUOTE = '"The cranes are back and the crews are ready," Velt told reporters at the quay.'
FERRY = (
    "The Tern Valley ferry company cancelled every crossing on Tuesday as gales pushed waves over "
    "the harbour wall, a spokeswoman for the company said."
)
FERRY_MORE = "Crossings are expected to resume on Thursday if the wind drops, she added."
BRIDGE = (
    "Engineers closed the old Saltmarsh bridge to lorries on Wednesday after finding rust in two "
    "of its steel girders, the regional roads office said."
)


def page(title: str, *paragraphs: str, published: str | None = None) -> bytes:
    """A news page as a site would serve it: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
        f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Velmar Harbour Courier</footer></body></html>"
    ).encode()


# ---- web archives ------------------------------------------------------------------------------


def http_response(
    body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK", headers: str = ""
) -> bytes:
    length = "" if "chunked" in headers else f"Content-Length: {len(body)}\r\n"
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{headers}{length}\r\n".encode() + body


def warc_record(
    block: bytes, uri: str, date: str = "2025-03-12T08:15:00Z", kind: str = "response", number: int = 0
) -> bytes:
    """One WARC 1.1 record, written out by hand: headers, a blank line, the block, two line ends."""
    content_type = "application/warc-fields" if kind == "warcinfo" else f"application/http; msgtype={kind}"
    headers = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
        f"WARC-Date: {date}\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode() + block + b"\r\n\r\n"


def archive(*records: bytes) -> bytes:
    info = warc_record(b"software: dateline tests\r\nformat: WARC File Format 1.1\r\n", "", kind="warcinfo")
    return info + b"".join(records)


def gzip_members(*records: bytes) -> bytes:
    """A .warc.gz as crawlers write it: each record its own gzip member."""
    return b"".join(gzip.compress(record) for record in records)


PORT_URL = "https://courier.example/news/port-reopens/"
FERRY_URL = "https://courier.example/news/ferry?edition=2"


def crawl() -> list[bytes]:
    """Two article pages among the things a crawler also fetches."""
    return [
        warc_record(
            b"GET /news/port-reopens/ HTTP/1.1\r\nHost: courier.example\r\n\r\n", PORT_URL, kind="request"
        ),
        warc_record(http_response(page("Port of Velmar to reopen", PORT, PORT_QUOTE)), PORT_URL, number=1),
        warc_record(
            http_response(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"), "https://courier.example/logo.png"
        ),
        warc_record(http_response(b"", status="301 Moved Permanently"), "https://courier.example/old"),
        warc_record(
            http_response(page("Not found", "No page here."), status="404 Not Found"),
            "https://courier.example/x",
        ),
        warc_record(
            http_response(
                page("Gales stop ferries", FERRY, FERRY_MORE, published="2025-03-11T06:00:00+01:00")
            ),
            FERRY_URL,
            date="2025-03-12T09:00:00Z",
            number=2,
        ),
    ]


def read_all(*inputs: str | Path, **kwargs: object) -> list[Article]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def errors(articles: list[Article]) -> list[tuple[str, str]]:
    return [(a.id, e.code) for a in articles for e in a.errors]


def test_warc_pages_become_articles_with_their_url_and_date(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(archive(*crawl()))
    with caplog.at_level(logging.INFO, logger="dateline.read.warc"):
        port, ferry = read_all(path)
    assert (port.id, port.url, port.title) == (
        "courier.example/news/port-reopens",
        PORT_URL,
        "Port of Velmar to reopen",
    )
    assert PORT in port.text and PORT_QUOTE in port.text and "Home" not in port.text
    assert port.published == "2025-03-12T08:15:00+00:00"  # the page declares no date: when it was fetched
    assert port.source == str(path) and port.errors == []
    assert (ferry.id, ferry.url) == ("courier.example/news/ferry?edition=2", FERRY_URL)
    assert ferry.published == "2025-03-11T06:00:00+01:00"  # the page's own date wins over the fetch
    assert FERRY in ferry.text and FERRY_MORE in ferry.text
    # the image, the redirect and the 404 were skipped and counted, not errors
    assert "2 pages read, 3 responses skipped" in caplog.text
    assert "1 not HTML" in caplog.text and "1 status 301" in caplog.text and "1 status 404" in caplog.text


def test_a_gzipped_warc_reads_as_the_plain_one(tmp_path: Path) -> None:
    records = crawl()
    plain = tmp_path / "plain" / "crawl.warc"
    plain.parent.mkdir()
    plain.write_bytes(archive(*records))
    members = tmp_path / "members" / "crawl.warc.gz"
    members.parent.mkdir()
    members.write_bytes(gzip_members(*records))
    whole = tmp_path / "whole" / "crawl.warc.gz"
    whole.parent.mkdir()
    whole.write_bytes(gzip.compress(archive(*records)))
    expected = [_fields(a) for a in read_all(plain)]
    assert len(expected) == 2
    assert [_fields(a) for a in read_all(members)] == expected
    assert [_fields(a) for a in read_all(whole)] == expected


def _fields(article: Article) -> tuple[object, ...]:
    """What a reader gave, less where it came from."""
    return (
        article.id,
        article.text,
        article.title,
        article.published,
        article.url,
        article.outlet,
        article.errors,
    )


def test_http_encodings_are_undone_record_by_record(tmp_path: Path) -> None:
    body = page("Bridge shut to lorries", BRIDGE)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    records = [
        warc_record(
            http_response(gzip.compress(body), headers="Content-Encoding: gzip\r\n"), "https://a.example/gz"
        ),
        warc_record(
            http_response(chunked, headers="Transfer-Encoding: chunked\r\n"), "https://a.example/chunked"
        ),
    ]
    path = tmp_path / "encoded.warc"
    path.write_bytes(archive(*records))
    articles = read_all(path)
    assert [a.id for a in articles] == ["a.example/gz", "a.example/chunked"]
    assert all(BRIDGE in a.text and not a.errors for a in articles)


def test_a_bad_record_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    records = [
        warc_record(
            http_response(b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
            "https://a.example/menu",
        ),
        warc_record(
            http_response(b"not gzip at all", headers="Content-Encoding: gzip\r\n"),
            "https://a.example/broken",
        ),
        warc_record(http_response(page("Bridge shut to lorries", BRIDGE)), "https://a.example/bridge"),
    ]
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(gzip_members(*records))
    menu, broken, bridge = read_all(path)
    assert errors([menu, broken]) == [("a.example/menu", "no_article"), ("a.example/broken", "undecodable")]
    assert menu.url == "https://a.example/menu" and menu.text == ""
    assert "does not match the encoding" in broken.errors[0].message
    assert BRIDGE in bridge.text and bridge.errors == []


def test_a_truncated_archive_reads_what_it_holds_and_says_the_rest_is_cut(tmp_path: Path) -> None:
    data = archive(*crawl())
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: data.index(FERRY.encode()) + 40])  # cut inside the ferry page
    port, ferry = read_all(path)
    assert PORT in port.text
    assert errors([ferry]) == [("courier.example/news/ferry?edition=2", "undecodable")]
    assert "cut short" in ferry.errors[0].message


def test_an_archive_damaged_midway_ends_with_an_error(tmp_path: Path) -> None:
    first, second = (warc_record(http_response(page(t, p)), u) for t, p, u in [
        ("Port of Velmar to reopen", PORT, "https://a.example/port"),
        ("Bridge shut to lorries", BRIDGE, "https://a.example/bridge"),
    ])  # fmt: skip
    path = tmp_path / "damaged.warc"
    path.write_bytes(archive(first) + b"this is no WARC header\r\n\r\n" + second)
    articles = read_all(path)
    assert PORT in articles[0].text
    assert errors(articles[1:]) == [("damaged", "undecodable")]
    assert "stops being a valid WARC" in articles[1].errors[0].message


def test_an_archive_without_html_pages_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(archive(warc_record(http_response(b"GIF89a", "image/gif"), "https://a.example/a.gif")))
    [article] = read_all(path)
    assert errors([article]) == [("images", "no_article")]
    assert "1 not HTML" in article.errors[0].message


def test_the_same_url_twice_follows_the_id_rules(tmp_path: Path) -> None:
    again = warc_record(http_response(page("Port of Velmar to reopen", PORT, PORT_QUOTE)), PORT_URL, number=9)
    changed = warc_record(http_response(page("Port of Velmar to reopen", PORT)), PORT_URL, number=10)
    path = tmp_path / "recrawl.warc"
    path.write_bytes(archive(*crawl(), again, changed))
    ids = [a.id for a in read_all(path)]
    # the same page again is read once; another text under the same address gets a suffix from its content
    assert ids[:2] == ["courier.example/news/port-reopens", "courier.example/news/ferry?edition=2"]
    assert len(ids) == 3 and ids[2].startswith("courier.example/news/port-reopens~")


def test_a_page_over_the_limit_is_refused_alone(tmp_path: Path) -> None:
    big = page("Long page", *[PORT] * 200)
    path = tmp_path / "big.warc"
    path.write_bytes(archive(warc_record(http_response(big), "https://a.example/big"), *crawl()))
    articles = read_all(path, max_bytes=10_000)
    assert errors(articles) == [("a.example/big", "too_large")]
    assert [a.id for a in articles[1:]] == [
        "courier.example/news/port-reopens",
        "courier.example/news/ferry?edition=2",
    ]


# ---- feeds ---------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Velmar Harbour Courier</title>
  <link>https://courier.example/</link>
  <description>News from the harbour</description>
  <item>
    <title>Port of Velmar to reopen</title>
    <link>https://courier.example/news/port-reopens/</link>
    <guid isPermaLink="false">courier-4411</guid>
    <pubDate>Mon, 10 Mar 2025 23:30:00 -0500</pubDate>
    <dc:creator>Mira Holt</dc:creator>
    <description>The port reopens next week.</description>
    <content:encoded><![CDATA[<p>{PORT}</p><p>{PORT_QUOTE}</p>]]></content:encoded>
  </item>
  <item>
    <title>Gales stop ferries</title>
    <link>https://courier.example/news/ferry</link>
    <pubDate>Tue, 11 Mar 2025 07:05:00 GMT</pubDate>
    <description>&lt;p&gt;{FERRY}&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Saltmarsh Roads Bulletin</title>
  <id>tag:roads.example,2025:bulletin</id>
  <updated>2025-03-12T10:00:00Z</updated>
  <entry>
    <title>Bridge shut to lorries</title>
    <id>tag:roads.example,2025:bridge</id>
    <link rel="alternate" href="https://roads.example/bulletin/bridge"/>
    <published>2025-03-12T09:45:00+02:00</published>
    <updated>2025-03-12T10:00:00Z</updated>
    <author><name>Roads Office</name></author>
    <content type="html">&lt;p&gt;{BRIDGE}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Ferry timetable</title>
    <id>tag:roads.example,2025:ferry</id>
    <updated>2025-03-11</updated>
    <summary type="text">{FERRY} {FERRY_MORE}</summary>
  </entry>
</feed>
"""


def test_rss_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS, encoding="utf-8")
    port, ferry = read_all(path)
    assert port.id == "courier.example/news/port-reopens"  # from the link, as for the archived page
    assert (port.title, port.url, port.outlet, port.author) == (
        "Port of Velmar to reopen", "https://courier.example/news/port-reopens/", "Velmar Harbour Courier", "Mira Holt",
    )  # fmt: skip
    assert port.published == "2025-03-10T23:30:00-05:00"  # the publisher's own day, not UTC's
    assert PORT in port.text and PORT_QUOTE in port.text  # the full content, not the summary
    assert (ferry.id, ferry.published, ferry.text) == (
        "courier.example/news/ferry",
        "2025-03-11T07:05:00+00:00",
        FERRY,
    )
    assert "<p>" not in ferry.text and port.source == ferry.source == str(path)


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "roads.atom"
    path.write_text(ATOM, encoding="utf-8")
    bridge, ferry = read_all(path)
    assert (bridge.id, bridge.url, bridge.published) == (
        "roads.example/bulletin/bridge", "https://roads.example/bulletin/bridge", "2025-03-12T09:45:00+02:00",
    )  # fmt: skip
    assert (bridge.title, bridge.outlet, bridge.author, bridge.text) == (
        "Bridge shut to lorries", "Saltmarsh Roads Bulletin", "Roads Office", BRIDGE,
    )  # fmt: skip
    # no link: the entry's id names it; plain text is kept as it is; a bare date stays a date
    assert (ferry.id, ferry.published, ferry.text) == (
        "tag:roads.example,2025:ferry",
        "2025-03-11",
        f"{FERRY} {FERRY_MORE}",
    )


def test_xml_files_are_read_when_they_are_feeds(tmp_path: Path) -> None:
    (tmp_path / "news.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://courier.example/</loc></url></urlset>'
    )
    (tmp_path / "roads.atom.gz").write_bytes(gzip.compress(ATOM.encode()))
    assert [p.name for p in directory_files(tmp_path)] == ["news.xml", "roads.atom.gz"]
    assert len(read_all(tmp_path)) == 4
    assert estimated_total([str(tmp_path)]) == 4


def test_a_feed_entry_without_text_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    teaser = RSS.replace("<description>&lt;p&gt;", "<description>&lt;b&gt;Photos&lt;/b&gt;&lt;!--").replace(
        "&lt;/p&gt;</description>", "--&gt;</description>"
    )
    path = tmp_path / "teasers.rss"
    path.write_text(teaser, encoding="utf-8")
    port, ferry = read_all(path)
    assert PORT in port.text
    assert errors([ferry]) == [("courier.example/news/ferry", "no_article")]
    assert "entry 2 of file" in ferry.errors[0].message and ferry.url == "https://courier.example/news/ferry"


def test_a_broken_feed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Half a feed", encoding="utf-8")
    [article] = read_all(path)
    assert article.errors and article.errors[0].code in {"bad_feed", "empty"}
    assert article.text == ""


def test_a_feed_that_breaks_feedparser_is_an_error_not_a_crash(tmp_path: Path) -> None:
    # A link closed after its item ends: feedparser itself raises KeyError('links') on this
    # (found by the atheris fuzz target).
    path = tmp_path / "tangled.rss"
    path.write_text('<rss version="2.0"><channel><item><title>T</title><link>x</item></link></channel></rss>')
    [article] = read_all(path)
    assert errors([article]) == [("tangled", "bad_feed")]
    assert "KeyError" in article.errors[0].message


def test_feedparser_fetches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed's links and its external entities are never opened: no network, no other file."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    entity = f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
    path = tmp_path / "entity.rss"
    path.write_text(RSS.replace("<rss ", f"{entity}<rss ", 1).replace("News from the harbour", "&x;"))
    assert read.sniff(path.read_bytes()[:8192]) == "feed"  # a doctype with an internal subset is skipped
    articles = read_all(path)
    assert [a.id for a in articles] == ["courier.example/news/port-reopens", "courier.example/news/ferry"]
    assert all("do not read me" not in (a.text + (a.outlet or "")) for a in articles)


# ---- compression ----------------------------------------------------------------------------------

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


def plain_inputs() -> dict[str, bytes]:
    """One small file of every format dateline reads."""
    lines = [
        {"id": f"wire-{n}", "text": text, "published": "2025-03-12"}
        for n, text in enumerate([PORT, FERRY, BRIDGE])
    ]
    return {
        "story.txt": f"Port of Velmar to reopen\n\n{PORT}\n\n{PORT_QUOTE}\n".encode(),
        "wire.jsonl": "".join(json.dumps(line) + "\n" for line in lines).encode(),
        "page.html": page("Gales stop ferries", FERRY, FERRY_MORE, published="2025-03-11"),
        "courier.rss": RSS.encode(),
        "roads.atom": ATOM.encode(),
        "crawl.warc": archive(*crawl()),
    }


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_every_format_compressed_reads_as_the_plain_file(tmp_path: Path, suffix: str) -> None:
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    for name, data in plain_inputs().items():
        (plain / name).write_bytes(data)
        (packed / f"{name}{suffix}").write_bytes(COMPRESSORS[suffix](data))
    expected = [_fields(a) for a in read_all(plain)]
    assert len(expected) == 11 and not any(a[-1] for a in expected)
    assert [_fields(a) for a in read_all(packed)] == expected
    assert estimated_total([str(packed)]) == estimated_total([str(plain)]) == 11


def test_compressed_standard_input_is_decompressed_and_sniffed() -> None:
    for data in plain_inputs().values():
        for compress in COMPRESSORS.values():
            expected = [a.text for a in read_all("-", stdin=io.BytesIO(data))]
            assert [a.text for a in read_all("-", stdin=io.BytesIO(compress(data)))] == expected


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_a_truncated_compressed_file_keeps_what_came_before(tmp_path: Path, suffix: str) -> None:
    lines = "".join(
        json.dumps({"id": f"n{n}", "text": f"{PORT} (item {n * 7919 % 100003})"}) + "\n" for n in range(40000)
    )
    data = COMPRESSORS[suffix](lines.encode())
    path = tmp_path / f"wire.jsonl{suffix}"
    path.write_bytes(data[: len(data) * 3 // 4])
    articles = read_all(path)
    assert errors(articles[-1:]) == [("wire", "undecodable")]
    assert "ends early" in articles[-1].errors[0].message
    assert all(a.text for a in articles[:-1]) and len(articles) < 40000


def test_a_compressed_file_is_not_refused_by_its_own_size(tmp_path: Path) -> None:
    text = f"Port of Velmar to reopen\n\n{PORT}\n\n" + "\n\n".join([PORT_QUOTE] * 40)
    path = tmp_path / "long.txt.gz"
    path.write_bytes(gzip.compress(text.encode()))
    assert path.stat().st_size < 1000 < len(text)
    [article] = read_all(path, max_bytes=1000)  # what it holds is held to the limit
    assert errors([article]) == [("long", "too_large")]
    [article] = read_all(path, max_bytes=100_000)
    assert article.id == "long" and article.errors == []


# ---- streaming -------------------------------------------------------------------------------------


def test_readers_are_generators() -> None:
    for reader in (read_inputs, read.read_path, read.read_stream, read.read_jsonl, read_warc, read_feed):
        result_is_lazy = inspect.isgeneratorfunction(reader) or reader is read_inputs
        assert result_is_lazy, reader
    assert inspect.isgeneratorfunction(read.read_records_file)


class MeteredStream(io.RawIOBase):
    """A stream that counts how much was read from it."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(buffer), 1 << 16))
        buffer[: len(chunk)] = chunk
        self.read_bytes += len(chunk)
        return len(chunk)


@pytest.mark.parametrize("packed", [False, True])
def test_the_first_page_of_a_large_archive_comes_before_the_archive_is_read(packed: bool) -> None:
    pages = [
        warc_record(
            http_response(page(f"Harbour notice {n}", f"{PORT} Notice {n}.")), f"https://a.example/{n}"
        )
        for n in range(2000)
    ]
    data = gzip_members(*pages) if packed else archive(*pages)
    stream = MeteredStream(data)
    articles = read_inputs(["-"], stdin=io.BufferedReader(stream))  # type: ignore[arg-type]
    first = next(articles)
    assert first.id == "a.example/0" and not first.errors
    assert stream.read_bytes < len(data) / 4


def test_progress_scales_a_sample_of_a_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a digest in each line keeps the file from compressing to nearly nothing
    lines = "".join(
        json.dumps({"id": f"n{n}", "text": f"{PORT} {hashlib.sha256(str(n).encode()).hexdigest()}"}) + "\n"
        for n in range(20000)
    ).encode()
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(lines))
    assert estimated_total([str(path)]) == 20000  # smaller than the sample: counted
    monkeypatch.setattr(count, "SAMPLE_BYTES", path.stat().st_size // 5)
    assert 18000 < estimated_total([str(path)]) < 22000  # a fifth read, scaled by the file's size


# ---- records in, without parsing again -------------------------------------------------------------


def article_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "port.txt").write_text(f"Port of Velmar to reopen\n\n{PORT}\n\n{PORT_QUOTE}\n")
    (folder / "ferry.txt").write_text(f"{FERRY} {FERRY_MORE}\n")
    (folder / "bridge.html").write_bytes(page("Bridge shut to lorries", BRIDGE))
    (folder / "empty.txt").write_text("")
    return folder


def stored(db: Path) -> dict[str, object]:
    """Every stored article as the store gives it, less when and under which row it was stored,
    and the row count of every table."""
    store = open_store(str(db), create=False)
    try:
        articles = {}
        for item in store.articles(limit=500)["items"]:
            full = store.article(item["id"])
            assert full is not None
            full["store"] = {k: v for k, v in full["store"].items() if k not in {"pk", "ingested_at"}}
            articles[item["id"]] = full
        errors = sorted((e["article_id"], e["code"]) for e in store.errors()["items"])
        return {"articles": articles, "errors": errors, "counts": store.counts()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[Path, Path]:
    """A folder of articles and the records 'dateline extract' wrote for it."""
    root = tmp_path_factory.mktemp("records")
    folder = article_folder(root / "articles")
    records = root / "records.jsonl"
    result = runner.invoke(
        app, ["extract", str(folder), "-o", str(records), "--published", "2025-03-12", "-q"]
    )
    assert result.exit_code == 1, result.output  # the empty file failed
    return folder, records


def ingest(*args: str) -> str:
    result = runner.invoke(app, ["ingest", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_ingesting_records_stores_what_ingesting_their_articles_does(
    tmp_path: Path, extracted: tuple[Path, Path]
) -> None:
    folder, records = extracted
    assert is_records_file(records) and not is_records_file(folder / "port.txt")
    from_articles, from_records = tmp_path / "articles.db", tmp_path / "records.db"
    ingest(str(folder), "--db", str(from_articles), "--published", "2025-03-12")
    output = ingest(str(records), "--db", str(from_records))
    assert "3 added, 0 unchanged, 0 replaced, 1 failed" in output
    assert stored(from_records) == stored(from_articles)
    # again, into either store: nothing is added twice
    assert "0 added, 3 unchanged, 0 replaced, 1 failed" in ingest(str(records), "--db", str(from_records))
    assert "0 added, 3 unchanged, 0 replaced, 1 failed" in ingest(str(records), "--db", str(from_articles))
    assert stored(from_records) == stored(from_articles)


def test_compressed_records_are_records_too(tmp_path: Path, extracted: tuple[Path, Path]) -> None:
    _, records = extracted
    packed = tmp_path / "records.jsonl.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(records.read_bytes()))
    assert is_records_file(packed)
    plain_db, packed_db = tmp_path / "plain.db", tmp_path / "packed.db"
    ingest(str(records), "--db", str(plain_db))
    assert "3 added" in ingest(str(packed), "--db", str(packed_db))
    assert stored(packed_db) == stored(plain_db)


def test_a_bad_line_of_records_is_its_own_error(tmp_path: Path, extracted: tuple[Path, Path]) -> None:
    _, records = extracted
    good = [line for line in records.read_text().splitlines() if '"errors": []' in line]
    article = json.dumps({"id": "loose", "text": BRIDGE})
    future = json.dumps({"schema": "dateline/99", "id": "future", "text": BRIDGE})
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([good[0], "{not json", article, good[1], future, "", good[2]]) + "\n")
    db = tmp_path / "mixed.db"
    result = runner.invoke(app, ["ingest", str(mixed), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "3 added, 0 unchanged, 0 replaced, 3 failed" in result.output
    store = open_store(str(db))
    assert sorted((e["article_id"], e["code"]) for e in store.errors()["items"]) == [
        ("mixed#2", "bad_json"), ("mixed#3", "bad_record"), ("mixed#5", "bad_record"),
    ]  # fmt: skip
    messages = {e["article_id"]: e["message"] for e in store.errors()["items"]}
    assert 'no "schema" field' in messages["mixed#3"] and "'dateline/99'" in messages["mixed#5"]
    assert store.counts()["articles"] == 3
    store.close()


def test_records_are_ingested_without_loading_spacy(tmp_path: Path, extracted: tuple[Path, Path]) -> None:
    _, records = extracted
    db = tmp_path / "desk.db"
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from dateline.cli import app\n"
        f"result = CliRunner().invoke(app, ['ingest', {str(records)!r}, '--db', {str(db)!r}])\n"
        "print(result.exit_code, 'spacy' in sys.modules, 'dateline.pipeline' in sys.modules)\n"
        "print(result.output)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[0] == "1 False False", (
        done.stdout + done.stderr
    )  # 1: the empty file's record
    assert "3 added" in done.stdout
    with records.open() as handle:
        assert json.loads(handle.readline())["schema"] == SCHEMA_VERSION


def test_damaged_deflate_data_in_a_sound_gzip_header_is_a_read_error(tmp_path: Path) -> None:
    # Found by the fuzz target: gzip raises zlib.error, not OSError, for a damaged deflate stream.
    data = bytearray(gzip.compress(b"The harbour reopened on Monday after the storm, the mayor said."))
    data[12] ^= 0xFF  # inside the deflate stream, after the 10-byte header
    path = tmp_path / "story.txt.gz"
    path.write_bytes(bytes(data))
    (article,) = read_all(path)
    assert [e.code for e in article.errors] == ["undecodable"]
