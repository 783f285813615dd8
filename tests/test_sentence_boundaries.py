"""Sentences end where the writer ended them, also after "posted on X.", which the tokenizer takes
for an initial ("John X. Brell"): the next sentence's subject acts, not an object of "on"."""

from __future__ import annotations

from dateline.nlp import load_nlp
from event_support import actor_names

POSTED = "Ann Vale gave the news on X. Gunmen of the Velmar Front attacked a bus depot in Oskel."


def test_a_sentence_ends_after_posted_on_x() -> None:
    sentences = [s.text for s in load_nlp()(POSTED).sents]
    assert sentences[0] == "Ann Vale gave the news on X."


def test_an_initial_x_in_a_name_ends_no_sentence() -> None:
    text = "A letter from John X. Brell reached Oskel on Monday."
    assert len(list(load_nlp()(text).sents)) == 1


def test_the_next_sentence_keeps_its_doers() -> None:
    assert "Velmar Front" in actor_names(POSTED, "attacked")
