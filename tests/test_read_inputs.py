"""Files, directories, globs and stdin: dateline.read.read_inputs."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from dateline.model import Article
from dateline.read import read_inputs, sniff

FIXTURES = Path(__file__).parent / "fixtures" / "read"

HEAD = "Harbour council votes to close old ferry pier"
BODY = (
    "The Tern Valley harbour council voted on Saturday to close the old ferry pier after engineers "
    "found cracks in three of its supporting columns."
)
TEXT = f"{HEAD}\n{BODY}\n"


def read(*inputs: str | Path, **kwargs: object) -> list[Article]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def codes(articles: list[Article]) -> list[list[str]]:
    return [[e.code for e in a.errors] for a in articles]


def only_error(article: Article, code: str) -> str:
    assert article.text == ""
    assert [(e.stage, e.code) for e in article.errors] == [("read", code)]
    return article.errors[0].message


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = read(path)
    assert (article.id, article.title, article.text) == ("pier", HEAD, TEXT.strip())
    assert article.source == str(path)
    assert article.errors == []


def test_ids_for_several_articles_in_one_file() -> None:
    articles = read(FIXTURES / "two_articles.txt")
    assert [a.id for a in articles] == ["two_articles", "two_articles#2"]
    assert [a.title for a in articles] == [HEAD, "Rail strike called off after late-night talks"]


def test_crlf_is_normalised_before_splitting(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{HEAD}\r\n\r\n{BODY}\r\n".encode())
    [article] = read(path)
    assert article.text == f"{HEAD}\n\n{BODY}"
    assert article.title == HEAD


def test_html_file() -> None:
    [article] = read(FIXTURES / "ferry_pier.html")
    assert article.id == "ferry_pier"
    assert article.title == HEAD
    assert article.published == "2023-05-14T09:30:00Z"
    assert article.errors == []


def test_html_without_article() -> None:
    [article] = read(FIXTURES / "no_article.html")
    only_error(article, "no_article")


def test_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n" + json.dumps({"text": BODY}) + "\n")
    assert [a.id for a in read(path)] == ["a", "feed#2"]


def test_published_fills_only_missing_dates(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "dated", "text": BODY, "published": "2021-01-05"})
        + "\n"
        + json.dumps({"id": "undated", "text": BODY})
        + "\n"
    )
    articles = read(feed, published="2024-02-08")
    assert [a.published for a in articles] == ["2021-01-05", "2024-02-08"]


def test_bad_published_raises_before_reading() -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        read_inputs(["nothing-here.txt"], published="last Tuesday")


def test_directory_is_read_recursively_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("z.txt", "a.TXT", "b/m.text", "b/deep/c.txt", ".hidden.txt", ".cache/x.txt"):
        (tmp_path / name).write_text(TEXT)
    (tmp_path / "notes.md").write_text(TEXT)
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    shutil.copy(FIXTURES / "ferry_pier.html", tmp_path / "b" / "page.htm")
    (tmp_path / "b" / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": BODY}) + "\n")
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["a", "c", "j1", "m", "page", "z"]
    assert [Path(a.source or "").relative_to(tmp_path).as_posix() for a in articles] == [
        "a.TXT",
        "b/deep/c.txt",
        "b/feed.jsonl",
        "b/m.text",
        "b/page.htm",
        "z.txt",
    ]
    assert codes(articles) == [[]] * 6


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(TEXT)
    [article] = read(tmp_path)
    assert ".txt" in only_error(article, "not_found")


def test_glob_patterns(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("one.txt", "two.txt", "sub/three.txt", "sub/four.dat"):
        (tmp_path / name).write_text(TEXT)
    assert [a.id for a in read(tmp_path / "*.txt")] == ["one", "two"]
    assert [a.id for a in read(tmp_path / "**" / "*.txt")] == ["one", "three", "two"]
    # a pattern reads what it matches, whatever the extension: unknown ones are sniffed
    [dat] = read(tmp_path / "sub" / "*.dat")
    assert (dat.id, dat.title, dat.errors) == ("four", HEAD, [])


def test_glob_without_matches(tmp_path: Path) -> None:
    [article] = read(tmp_path / "*.txt")
    assert "matches" in only_error(article, "not_found")
    assert article.source == str(tmp_path / "*.txt")


def test_missing_path_does_not_raise_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    missing, after = read(tmp_path / "missing.txt", good)
    assert missing.id == "missing"
    assert "no file or directory" in only_error(missing, "not_found")
    assert after.id == "good" and after.errors == []


def test_stdin_text() -> None:
    [article] = read("-", stdin=io.BytesIO(TEXT.encode()))
    assert (article.id, article.source, article.title, article.text) == ("stdin", "-", HEAD, TEXT.strip())


def test_stdin_several_articles_get_numbered_ids() -> None:
    data = (FIXTURES / "two_articles.txt").read_bytes()
    assert [a.id for a in read("-", stdin=io.BytesIO(data))] == ["stdin", "stdin#2"]


def test_stdin_html() -> None:
    data = (FIXTURES / "ferry_pier.html").read_bytes()
    [article] = read("-", stdin=io.BytesIO(data))
    assert (article.source, article.title, article.published) == ("-", HEAD, "2023-05-14T09:30:00Z")


def test_stdin_jsonl() -> None:
    data = b"  \n" + json.dumps({"id": "s1", "text": BODY}).encode() + b"\n{broken\n"
    articles = read("-", stdin=io.BytesIO(data))
    assert [a.id for a in articles] == ["s1", "stdin#3"]
    assert codes(articles) == [[], ["bad_json"]]


def test_sniff() -> None:
    assert sniff(b"\xef\xbb\xbf  <!DOCTYPE html>") == "html"
    assert sniff(b'\n {"text": "x"}') == "jsonl"
    assert sniff(b"Harbour council votes") == "text"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "ferry_pier.html", tmp_path / "page.download")
    (tmp_path / "feed.log").write_text(json.dumps({"id": "x1", "text": BODY}) + "\n")
    (tmp_path / "story").write_text(TEXT)
    page, feed, story = read(tmp_path / "page.download", tmp_path / "feed.log", tmp_path / "story")
    assert page.title == HEAD and page.published == "2023-05-14T09:30:00Z"
    assert feed.id == "x1"
    assert (story.id, story.title) == ("story", HEAD)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n \t\n")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    articles = read(tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "blank.jsonl")
    assert [a.id for a in articles] == ["empty", "blank", "blank"]
    assert "0 bytes" in only_error(articles[0], "empty")
    assert "whitespace" in only_error(articles[1], "empty")
    only_error(articles[2], "empty")


def test_empty_stdin() -> None:
    [article] = read("-", stdin=io.BytesIO(b""))
    assert "standard input is empty" in only_error(article, "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    good = tmp_path / "ok.txt"
    good.write_text(TEXT)
    binary, after = read(path, good)
    message = only_error(binary, "binary")
    assert "NUL byte at offset 9" in message and "convert" in message
    assert after.errors == []


def test_utf16_file_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    [article] = read(path)
    message = only_error(article, "undecodable")
    assert "UTF-16" in message and "re-encode it as UTF-8" in message


def test_undecodable_file_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    data = f"{HEAD}\n".encode() + "Café owners met.".encode("latin-1")
    path.write_bytes(data)
    [article] = read(path)
    message = only_error(article, "undecodable")
    offset = data.index(b"\xe9")
    assert f"byte offset {offset}" in message
    assert "byte 0xe9" in message
    assert "re-encode it as UTF-8" in message


def test_undecodable_after_bom_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    [article] = read(path)
    assert "byte offset 5" in only_error(article, "undecodable")


def test_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    [article] = read(path)
    assert article.text.startswith(HEAD)


def test_too_large_file_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(TEXT * 20)
    small = tmp_path / "small.txt"
    small.write_text(TEXT)
    refused, after = read(big, small, max_bytes=len(TEXT) * 2)
    message = only_error(refused, "too_large")
    assert f"{big.stat().st_size:,} bytes" in message and "Split" in message
    assert after.errors == []


def test_too_large_default_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as out:
        out.truncate(2_000_001)  # sparse: the reader must refuse it by its size, unread
    [article] = read(big)
    assert "2,000,001 bytes" in only_error(article, "too_large")


def test_too_large_stdin() -> None:
    [article] = read("-", stdin=io.BytesIO(TEXT.encode() * 10), max_bytes=len(TEXT) * 2)
    assert "standard input holds more than" in only_error(article, "too_large")


def test_jsonl_file_may_exceed_the_limit_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": BODY}) + "\n" for i in range(20)))
    articles = read(path, max_bytes=400)
    assert len(articles) == 20 and codes(articles) == [[]] * 20


def test_single_string_input_is_one_path(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(TEXT)
    assert [a.id for a in read_inputs(str(path))] == ["pier"]


def test_files_of_one_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    for folder, words in (("a", "The council met on Monday."), ("b", "The court ruled on Tuesday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(words)
    (tmp_path / "other.txt").write_text("A third story.")
    articles = read(tmp_path)
    assert sorted(a.id for a in articles) == ["a/story", "b/story", "other"]


def test_a_taken_id_with_another_text_gets_a_suffix_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "one.jsonl").write_text(
        '{"id": "x1", "text": "The council met on Monday."}\n{"id": "x1", "text": "The court ruled on Tuesday."}\n'
    )
    articles = read(tmp_path / "one.jsonl")
    assert [a.id for a in articles][0] == "x1"
    assert articles[1].id.startswith("x1~") and len({a.id for a in articles}) == 2
    assert "another text" in caplog.text


def test_the_same_article_given_twice_is_read_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "story.txt").write_text("The council met on Monday.")
    articles = read(tmp_path / "story.txt", tmp_path / "story.txt")
    assert [a.id for a in articles] == ["story"]
    assert "read once" in caplog.text
