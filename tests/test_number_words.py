"""Number words come from one table (``data/number_words.tsv``), each module taking its own part of
it: the cardinals that count units of time ago, the nouns that count a group ("dozens", "hundreds"),
the small counts a reference back stands for. Sentences are invented."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dateline.extract import lexicon
from dateline.extract.dates import find_dates
from dateline.extract.entity_descriptions import COUNT_WORDS, _other_count
from dateline.extract.event_arguments import COUNTS as PARTY_COUNTS
from dateline.extract.event_coercion import COUNTS as HELD_COUNTS
from dateline.extract.event_force_senses import NUMBER_NOUNS
from dateline.extract.event_references import COUNT_WORDS as REFERENCE_COUNTS


def test_the_table_gives_each_word_its_kind_and_value() -> None:
    cardinals = lexicon.number_words("cardinal")
    assert cardinals["two"] == 2 and cardinals["twelve"] == 12
    assert list(cardinals)[:3] == ["one", "two", "three"]  # least first
    assert lexicon.number_words("ordinal")["first"] == 1
    assert "first" not in cardinals  # an ordinal counts nothing
    assert lexicon.number_words("collective") == {
        "dozen": 12,
        "score": 20,
        "hundred": 100,
        "thousand": 1000,
        "million": 1000000,
    }


def test_collective_nouns_have_their_plurals() -> None:
    forms = lexicon.with_plurals(lexicon.number_words("collective"))
    assert {"dozens", "hundreds", "thousands", "millions", "scores"} <= forms
    assert "twos" not in lexicon.with_plurals(lexicon.number_words("cardinal"))


def test_a_spelled_out_count_of_days_ago_is_resolved(nlp: Language) -> None:
    doc = nlp("Eleven days ago a ferry sank off the coast, and a week ago the search was called off.")
    values = {(m.text, m.value) for m in find_dates(doc, dt.date(2024, 2, 7))}
    assert ("Eleven days ago", "2024-01-27") in values
    assert ("a week ago", "2024-W05") in values


def test_groups_counted_with_plurals_are_counted_apart() -> None:
    assert _other_count(("dozens", "students"), ("hundreds", "students"))
    assert not _other_count(("first", "students"), ("hundreds", "students"))  # no count in one
    assert {"dozens", "hundreds", "two"} <= COUNT_WORDS and "scores" not in COUNT_WORDS


def test_references_back_count_two_to_five_in_words_or_digits() -> None:
    assert REFERENCE_COUNTS["three"] == REFERENCE_COUNTS["3"] == 3
    assert "one" not in REFERENCE_COUNTS and "six" not in REFERENCE_COUNTS


def test_groups_of_people_are_counted_up_to_thousands() -> None:
    assert {"dozens", "hundreds", "thousand", "several"} <= PARTY_COUNTS
    assert {"dozen", "hundred", "thousand", "number", "group"} <= HELD_COUNTS
    assert "millions" not in PARTY_COUNTS and "million" not in HELD_COUNTS
    assert "million" in NUMBER_NOUNS  # "millions of people marched": still a crowd
