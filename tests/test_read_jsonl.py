"""JSON Lines: dateline.read.jsonl."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dateline.read.jsonl import iter_lines, parse_line, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "read"

BODY = "The Tern Valley harbour council voted on Saturday to close the old ferry pier."


def read(data: bytes, **kwargs: object) -> list:
    return list(read_jsonl(io.BytesIO(data), stem="batch", source="batch.jsonl", **kwargs))  # type: ignore[arg-type]


def line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def test_fields_are_read_and_other_keys_ignored() -> None:
    record = {
        "id": "pier-1",
        "text": BODY,
        "title": "Council closes pier",
        "published": "2023-05-14",
        "url": "https://courier.example.org/pier",
        "outlet": "The Tern Valley Courier",
        "lang": "en",
        "tags": ["harbour", "council"],
        "source": "should not be used",
    }
    [article] = read(line(record))
    assert article.errors == []
    assert article.id == "pier-1"
    assert article.text == BODY
    assert article.title == "Council closes pier"
    assert article.published == "2023-05-14"
    assert article.url == "https://courier.example.org/pier"
    assert article.outlet == "The Tern Valley Courier"
    assert article.source == "batch.jsonl"
    assert not hasattr(article, "lang") and not hasattr(article, "tags")


def test_ids_default_to_stem_and_line_number() -> None:
    data = line({"text": BODY}) + b"\n" + line({"id": 7, "text": BODY}) + line({"id": "", "text": BODY})
    assert [a.id for a in read(data)] == ["batch#1", "7", "batch#4"]  # a numeric id is kept as a string


def test_text_line_endings_are_normalised() -> None:
    [article] = read(line({"text": "First line.\r\nSecond line.\rThird."}))
    assert article.text == "First line.\nSecond line.\nThird."


def test_html_field_goes_through_html_reader() -> None:
    html = (FIXTURES / "ferry_pier.html").read_text(encoding="utf-8")
    data = line({"id": "h1", "html": html}) + line({"id": "h2", "html": html, "title": "Own title"})
    first, second = read(data)
    assert first.errors == []
    assert first.title == "Harbour council votes to close old ferry pier"
    assert first.published == "2023-05-14T09:30:00Z"
    assert first.outlet == "The Tern Valley Courier"
    assert "supporting columns." in first.text
    assert second.title == "Own title"  # the record's own fields win over the page's


def test_text_wins_over_html() -> None:
    [article] = read(line({"text": BODY, "html": "<p>Something else entirely, said nobody.</p>"}))
    assert article.text == BODY


def test_bad_lines_give_errors_and_reading_goes_on() -> None:
    data = (
        line({"id": "good-1", "text": BODY})
        + b'{"id": "broken", "text": \n'
        + b"[1, 2, 3]\n"
        + line({"id": "no-body", "title": "Only a title"})
        + line({"text": "   "})
        + line({"text": 42})
        + b'"just a string"\n'
        + line({"id": "good-2", "text": BODY})
    )
    articles = read(data)
    assert [a.id for a in articles] == [
        "good-1",
        "batch#2",
        "batch#3",
        "batch#4",
        "batch#5",
        "batch#6",
        "batch#7",
        "good-2",
    ]
    codes = [[e.code for e in a.errors] for a in articles]
    assert codes == [[], ["bad_json"], ["bad_json"], ["no_text"], ["no_text"], ["no_text"], ["bad_json"], []]
    for article in articles[1:-1]:
        assert article.text == ""
        assert article.errors[0].stage == "read"
    assert "line 2 of file batch.jsonl is not valid JSON" in articles[1].errors[0].message
    assert "JSON list, not an object" in articles[2].errors[0].message
    assert "'no-body'" in articles[3].errors[0].message
    assert "neither" in articles[3].errors[0].message
    assert '"text" is empty' in articles[4].errors[0].message
    assert '"text" is a number' in articles[5].errors[0].message


def test_undecodable_line_is_reported_with_file_offset() -> None:
    good = line({"text": BODY})
    data = good + b'{"text": "Caf\xe9 owners met on Monday."}\n' + good
    articles = read(data)
    assert [[e.code for e in a.errors] for a in articles] == [[], ["undecodable"], []]
    message = articles[1].errors[0].message
    assert f"byte offset {len(good) + 13}" in message
    assert "UTF-8" in message


def test_bom_on_first_line_is_dropped() -> None:
    [article] = read(b"\xef\xbb\xbf" + line({"id": "a", "text": BODY}))
    assert article.errors == [] and article.id == "a"


def test_blank_stream_is_empty() -> None:
    [article] = read(b"\n  \n\n")
    assert article.id == "batch"
    assert [e.code for e in article.errors] == ["empty"]


def test_overlong_line_is_skipped_not_held() -> None:
    long = line({"id": "long", "text": "x" * 500})
    data = line({"id": "a", "text": BODY}) + long + line({"id": "b", "text": BODY})
    articles = read(data, max_bytes=200)
    assert [a.id for a in articles] == ["a", "batch#2", "b"]
    assert [e.code for e in articles[1].errors] == ["too_large"]


def test_iter_lines_across_chunks_and_without_final_newline() -> None:
    data = b"one\n" + b"t" * 70000 + b"\nthree"
    lines = list(iter_lines(io.BytesIO(data[5:]), head=data[:5], max_bytes=100000))
    assert [(n, off) for n, off, _ in lines] == [(1, 0), (2, 4), (3, 70005)]
    assert lines[1][2] == b"t" * 70000
    assert lines[2][2] == b"three"
    capped = list(iter_lines(io.BytesIO(data), max_bytes=1000))
    assert [(n, raw) for n, _, raw in capped] == [(1, b"one"), (2, None), (3, b"three")]


def test_parse_line_directly() -> None:
    article = parse_line('{"text": "A short report."}', lineno=3, stem="feed")
    assert (article.id, article.text, article.errors) == ("feed#3", "A short report.", [])
