"""Quotation regions as the attribution extractor sees them: wrong-way curly marks, reporting clauses inside quotes."""

from __future__ import annotations

from dateline.extract.text_spans import quoted_regions


def texts(text: str) -> list[str]:
    return [text[r.start : r.end] for r in quoted_regions(text)]


def test_parenthetical_with_the_verb_first_splits_the_quotation() -> None:
    text = '"The harbour stays shut, said Ilse Marrow, until the mines are cleared."'
    assert texts(text) == ["The harbour stays shut,", "until the mines are cleared."]


def test_commas_inside_a_quotation_without_a_reporting_clause_do_not_split_it() -> None:
    text = '"The harbour, the port and the bridge stay shut, Marrow, until spring."'
    assert texts(text) == ["The harbour, the port and the bridge stay shut, Marrow, until spring."]


def test_closing_mark_typed_as_an_opening_one_at_a_paragraph_start_opens() -> None:
    text = "\u201dWe are ready.\u201d Then the talks began."
    assert texts(text) == ["We are ready."]


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph_only() -> None:
    text = '"We are ready and\nThe talks began.'
    assert texts(text) == ["We are ready and"]


def test_a_dropped_closing_mark_does_not_flip_every_later_quotation() -> None:
    text = (
        'Brask said, "We will not bend. Talks resumed on Monday, officials said. '
        '"Unless they move, nothing changes," said Ilk. Ferraz said, "We are waiting."'
    )
    assert texts(text) == ["We will not bend.", "Unless they move, nothing changes,", "We are waiting."]
