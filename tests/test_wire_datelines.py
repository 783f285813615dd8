"""A wire dateline ("ROME, May 2 (Reuters) -") opens a paragraph but is no part of its sentence:
no claim's content starts with it and its city never acts."""

from __future__ import annotations

import pytest

from dateline.nlp import load_nlp, wire_dateline_end
from event_support import actor_names, record_of


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        ("VELMAR, May 2 (Reuters) - Dorvan and Pellane", "Dorvan and Pellane"),
        ("OSKEL (AP) \u2014 Marovia said", "Marovia said"),
        ("KESSARIA CITY, Jan. 4 -- Pellane met", "Pellane met"),
        ("ST. ARNO, Pellane \u2014 The port", "The port"),
        ("AL-DORVA, Kessaria (AP) \u2013 Troops", "Troops"),
    ],
)
def test_a_dateline_ends_at_its_dash(paragraph: str, rest: str) -> None:
    end = wire_dateline_end(paragraph)
    assert end is not None and paragraph[end:] == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dorvan - the port city - voted on Sunday.",  # a place in ordinary case is the sentence's
        "U.S. - Marovia talks resumed.",  # no run of three capitals: an abbreviation, not a city
        "Marovia and Pellane agree truce - officials",  # a headline
        "The vote - a close one - passed.",
    ],
)
def test_other_openings_are_no_dateline(paragraph: str) -> None:
    assert wire_dateline_end(paragraph) is None


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume\n\nOSKEL (AP) \u2014 Marovia and Pellane agreed on Tuesday to talk.",
        "KESSARIA CITY, Jan. 4 -- Marovia and Pellane agreed on Tuesday to talk.",
    ],
)
def test_the_sentence_starts_after_the_dateline(text: str) -> None:
    assert "Marovia and Pellane agreed on Tuesday to talk." in [s.text for s in load_nlp()(text).sents]


def test_a_claim_does_not_start_with_the_dateline() -> None:
    record = record_of(
        "VELMAR, May 2 (Reuters) - Dorvan and Pellane agreed on Tuesday to end their dispute, officials said."
    )
    contents = [part.text for quote in record.quotes for part in quote.content]
    assert contents == ["Dorvan and Pellane agreed on Tuesday to end their dispute"]


def test_the_dateline_city_does_not_act() -> None:
    text = "LONDON (AP) \u2014 Marovia accused Kessaria of shelling the port, its army said."
    assert actor_names(text, "accused") == ["Marovia"]
