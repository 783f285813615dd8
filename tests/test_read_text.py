"""Splitting plain text into articles: dateline.read.text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.read.text import paragraphs, read_text, split_articles

FIXTURES = Path(__file__).parent / "fixtures" / "read"

HEAD_1 = "Harbour council votes to close old ferry pier"
BODY_1 = (
    "The Tern Valley harbour council voted on Saturday to close the old ferry pier after engineers "
    "found cracks in three of its supporting columns."
)
QUOTE_1 = '"We cannot ask people to walk on something we would not trust ourselves," said Anselm Brandt.'
HEAD_2 = "Rail strike called off after late-night talks"
BODY_2 = (
    "Union leaders in Marrow Bay called off a planned rail strike on Monday after talks with the "
    "operator ran past midnight."
)
BODY_2B = "Members will vote on the new pay offer next week, the union said."


def pieces(text: str) -> list[tuple[str, str | None]]:
    return [(text[start:end], title) for start, end, title in split_articles(text)]


def test_empty_and_whitespace_text_have_no_articles() -> None:
    assert split_articles("") == []
    assert split_articles(" \n\n\t \n") == []


def test_single_article_without_headline() -> None:
    text = f"{BODY_1}\n{QUOTE_1}\n"
    assert split_articles(text) == [(0, len(text) - 1, None)]


def test_headline_at_start_is_the_title() -> None:
    text = f"{HEAD_1}\n{BODY_1}\n{QUOTE_1}"
    assert split_articles(text) == [(0, len(text), HEAD_1)]


def test_second_article_starts_at_headline_line() -> None:
    text = f"{HEAD_1}\n{BODY_1}\n{QUOTE_1}\n{HEAD_2}\n{BODY_2}\n{BODY_2B}\n"
    result = split_articles(text)
    second = text.index(HEAD_2)
    assert result == [
        (0, second - 1, HEAD_1),
        (second, len(text) - 1, HEAD_2),
    ]
    assert text[result[0][0] : result[0][1]].endswith(QUOTE_1)
    assert text[result[1][0] : result[1][1]] == f"{HEAD_2}\n{BODY_2}\n{BODY_2B}"


def test_second_article_without_headline_at_file_start() -> None:
    text = f"{BODY_1}\n{HEAD_2}\n{BODY_2}"
    assert pieces(text) == [(BODY_1, None), (f"{HEAD_2}\n{BODY_2}", HEAD_2)]


def test_blank_line_separated_paragraphs() -> None:
    text = f"\n{HEAD_1}\n\n{BODY_1}\n\n{QUOTE_1}\n\n\n{HEAD_2}\n\n{BODY_2}\n\n{BODY_2B}\n\n"
    assert pieces(text) == [
        (f"{HEAD_1}\n\n{BODY_1}\n\n{QUOTE_1}", HEAD_1),
        (f"{HEAD_2}\n\n{BODY_2}\n\n{BODY_2B}", HEAD_2),
    ]


def test_whitespace_only_lines_count_as_blank() -> None:
    text = f"{HEAD_1}\n   \n{BODY_1}\n\t\n{HEAD_2}\n \n{BODY_2}"
    assert [title for _, title in pieces(text)] == [HEAD_1, HEAD_2]


def test_hard_wrapped_lines_inside_blocks_are_one_paragraph() -> None:
    # short wrapped lines without final punctuation must not look like headlines
    text = (
        f"{HEAD_1}\n\n"
        "The Tern Valley harbour council voted on\n"
        "Saturday to close the old ferry pier after\n"
        "engineers found cracks in its columns.\n\n"
        "Ferry services will move to the north\n"
        "quay from June, the council said.\n\n"
        f"{HEAD_2}\n\n"
        "Union leaders called off a planned rail\n"
        "strike on Monday after long talks.\n"
    )
    assert len(paragraphs(text)) == 5
    result = pieces(text)
    assert [title for _, title in result] == [HEAD_1, HEAD_2]
    assert result[0][0].endswith("the council said.")
    assert result[1][0].startswith(HEAD_2)
    assert result[1][0].endswith("after long talks.")


def test_hard_wrapped_headline_title_is_collapsed() -> None:
    text = f"Harbour council votes\nto close old ferry pier\n\n{BODY_1}"
    assert split_articles(text) == [(0, len(text), HEAD_1)]


def test_short_quote_line_does_not_start_an_article() -> None:
    for quote in ('"The movement is prepared."', "“The movement is prepared.”", "'We will see.'"):
        text = f"{HEAD_1}\n{BODY_1}\n{quote}\n{BODY_2}"
        assert pieces(text) == [(text, HEAD_1)], quote


def test_dateline_line_inside_body_is_not_a_headline() -> None:
    wrapped = f"{HEAD_1}\n\n{BODY_1}\n\nGENEVA, March 3 (Reuters) -\n{BODY_2}\n\n{BODY_2B}"
    assert pieces(wrapped) == [(wrapped, HEAD_1)]
    one_per_line = f"{HEAD_1}\n{BODY_1}\nGENEVA, March 3 (Reuters) -\n{BODY_2}"
    assert pieces(one_per_line) == [(one_per_line, HEAD_1)]
    without_dash = f"{HEAD_1}\n{BODY_1}\nGENEVA, March 3 (Reuters)\n{BODY_2}"
    assert pieces(without_dash) == [(without_dash, HEAD_1)]


def test_dateline_between_headline_and_body_keeps_the_headline() -> None:
    text = f"{BODY_1}\n{HEAD_2}\nGENEVA, March 3 (Reuters) -\n{BODY_2}"
    assert [title for _, title in pieces(text)] == [None, HEAD_2]


def test_byline_after_headline_stays_with_its_article() -> None:
    text = f"{HEAD_1}\nBy Mirela Oduya\n{BODY_1}\n{HEAD_2}\nBy Ines Varga\n{BODY_2}"
    assert pieces(text) == [
        (f"{HEAD_1}\nBy Mirela Oduya\n{BODY_1}", HEAD_1),
        (f"{HEAD_2}\nBy Ines Varga\n{BODY_2}", HEAD_2),
    ]


def test_headline_needs_a_body_before_it_to_split() -> None:
    # a standfirst after the title is not a second article: the first has no body yet
    text = f"{HEAD_1}\nEngineers found cracks in three columns\n{BODY_1}"
    assert pieces(text) == [(text, HEAD_1)]


def test_headline_needs_a_longer_sentence_after_it() -> None:
    # a short line followed by a shorter sentence is body text
    text = f"{BODY_1}\nThe pier opened in the spring of that year\nIt closed.\n{BODY_2}"
    assert len(split_articles(text)) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",  # one word
        "and then the council met again",  # starts in lower case
        "Officials said the following:",  # ends with a colon
        "(Editing by Ines Varga)",  # a sign-off
        "Is the pier safe enough for anyone now?",  # ends like a sentence
        " ".join(["word"] * 21).capitalize(),  # too many words
    ],
)
def test_lines_that_are_never_headlines(line: str) -> None:
    text = f"{BODY_1}\n{line}\n{BODY_2}"
    assert len(split_articles(text)) == 1


def test_offsets_are_exact_slices() -> None:
    text = f"  {HEAD_1}  \n{BODY_1}   \n\t{HEAD_2}\n{BODY_2}  \n"
    for start, end, _ in split_articles(text):
        piece = text[start:end]
        assert piece == piece.strip()
    assert pieces(text)[1] == (f"{HEAD_2}\n{BODY_2}", HEAD_2)


def test_read_text_gives_ids_and_normalises_line_endings() -> None:
    text = f"{HEAD_1}\r\n{BODY_1}\r\n{HEAD_2}\r\n{BODY_2}\r\n"
    articles = read_text(text, stem="harbour", source="in/harbour.txt")
    assert [a.id for a in articles] == ["harbour", "harbour#2"]
    assert [a.title for a in articles] == [HEAD_1, HEAD_2]
    assert articles[0].text == f"{HEAD_1}\n{BODY_1}"
    assert all("\r" not in a.text and a.source == "in/harbour.txt" and not a.errors for a in articles)


def test_fixture_with_two_articles() -> None:
    text = (FIXTURES / "two_articles.txt").read_text(encoding="utf-8")
    result = pieces(text)
    assert [title for _, title in result] == [HEAD_1, HEAD_2]
    assert result[1][0].endswith("the union said.")
    assert '"The movement is prepared."' in result[1][0]
