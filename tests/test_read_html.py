"""HTML pages through trafilatura: dateline.read.html."""

from __future__ import annotations

from pathlib import Path

from dateline.read.html import decode_html, read_html

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def page() -> str:
    return (FIXTURES / "ferry_pier.html").read_text(encoding="utf-8")


def test_article_text_and_metadata() -> None:
    article = read_html(page(), id="pier", source="ferry_pier.html")
    assert article.errors == []
    assert article.id == "pier"
    assert article.source == "ferry_pier.html"
    assert article.title == "Harbour council votes to close old ferry pier"
    assert article.published == "2023-05-14T09:30:00Z"
    assert article.author == "Mirela Oduya"
    assert article.outlet == "The Tern Valley Courier"
    assert article.url == "https://courier.example.org/news/ferry-pier"
    assert "engineers found cracks in three of its supporting columns." in article.text
    assert "“We cannot ask people to walk on something we would not trust ourselves,”" in article.text
    assert article.text.endswith("repairs could take two years.")
    # boilerplate stays out of the text
    assert "Sport" not in article.text
    assert "All rights reserved" not in article.text


def test_date_is_never_guessed_from_visible_text() -> None:
    html = page().replace('<meta property="article:published_time" content="2023-05-14T09:30:00Z">', "")
    article = read_html(html, id="pier")
    assert article.errors == []
    assert article.published is None  # not 2020 from the copyright line


def test_given_url_is_kept_when_page_has_none() -> None:
    html = page().replace('<link rel="canonical" href="https://courier.example.org/news/ferry-pier">', "")
    article = read_html(html, id="pier", url="https://mirror.example.net/pier")
    assert article.url == "https://mirror.example.net/pier"


def test_fragment_is_read() -> None:
    html = "<p>The harbour council met on Tuesday and agreed to fund new lights for the north quay.</p>"
    article = read_html(html, id="frag")
    assert article.errors == []
    assert article.text == (
        "The harbour council met on Tuesday and agreed to fund new lights for the north quay."
    )


def test_page_without_article() -> None:
    html = (FIXTURES / "no_article.html").read_text(encoding="utf-8")
    article = read_html(html, id="login", source="no_article.html")
    assert article.text == ""
    assert len(article.errors) == 1
    error = article.errors[0]
    assert (error.stage, error.code) == ("read", "no_article")
    assert "no article text" in error.message
    assert ".txt" in error.message  # says what to do


def test_empty_body_has_no_article() -> None:
    article = read_html("<html><head><title>Blank</title></head><body></body></html>", id="blank")
    assert article.text == ""
    assert [e.code for e in article.errors] == ["no_article"]


def test_decode_html_uses_declared_charset_when_not_utf8() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 owners met.</p></body></html>'
    assert decode_html(html.encode("cp1252"), "file x.html") == html


def test_decode_html_refuses_bad_bytes_without_declared_charset() -> None:
    result = decode_html(b"<html><body><p>Caf\xe9</p></body></html>", "file x.html")
    assert not isinstance(result, str)
    assert result.code == "undecodable"
    assert "byte offset 18" in result.message


def test_published_keeps_the_page_date_when_it_has_no_time() -> None:
    html = page().replace('content="2023-05-14T09:30:00Z"', 'content="2023-05-14"')
    assert read_html(html, id="pier").published == "2023-05-14"
