"""Attributions over several sentences in one paragraph (wire copy with no line breaks): a quotation
that goes on keeps its speaker, and the next speaker keeps their own attribution."""

from __future__ import annotations

from spacy.language import Language

from test_attributions import attributions_of, quote_with


def test_quoted_sentence_after_a_closing_clause_goes_on_with_its_speaker(nlp: Language) -> None:
    text = (
        '"The harbour must stay open for the fishing fleet," said Judge Ilse Marrow, who heard the case '
        "with two other judges. \u201cWe choose to keep the law as it stands.\u201d Governor Tomas Brant, "
        "who had asked for the closure, filed an appeal on Friday."
    )
    quotes = attributions_of(nlp, text)
    first = quote_with(quotes, "The harbour must stay open")
    assert [c.text for c in first.content][-1] == "We choose to keep the law as it stands."
    assert first.speaker is not None and "Marrow" in first.speaker.text


def test_quoted_sentences_after_an_indirect_attribution_join_it(nlp: Language) -> None:
    text = (
        "Marrow said she hoped the new survey would change how the coast is managed. "
        "\u201cWe should listen to the fishermen. They know the water better than anyone.\u201d "
        "The survey took three years."
    )
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "she hoped the new survey")
    assert (
        quote.content[-1].text == "We should listen to the fishermen. They know the water better than anyone."
    )
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.text == "Marrow"


def test_quoted_sentence_after_a_closing_clause_in_the_same_sentence_run(nlp: Language) -> None:
    text = (
        '"Fishing is not just a job," he said. "It is who we are. Our grandparents fished here." '
        "Brant is also the mayor of the town."
    )
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "Fishing is not just a job")
    assert [c.text for c in quote.content] == [
        "Fishing is not just a job,",
        "It is who we are. Our grandparents fished here.",
    ]


def test_following_quotation_with_a_short_closing_clause_is_its_own(nlp: Language) -> None:
    text = '"We will not sign," Marrow said. "Would you sign?" Brant asked. The talks ended.'
    quotes = attributions_of(nlp, text)
    assert quote_with(quotes, "We will not sign") is not quote_with(quotes, "Would you sign?")
    asked = quote_with(quotes, "Would you sign?")
    assert asked.speaker is not None and asked.speaker.text == "Brant"
