"""Event precision, round 9 (campaign news): who a call for someone to act asks; a disposition or a
wish to see an act, which states none; discussing a topic alone; an interviewer's questions and
questions asked in passing or for effect; signing a letter, a petition or an order; and a
description that cannot be the name its own verb takes as object. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import actor_names, event_at, main_at, main_events, record_of


def recipient_names(text: str, trigger: str) -> list[str]:
    """The names of the recipients of the event at ``trigger``."""
    record = record_of(text)
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in event_at(record, trigger).recipients]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # the subject of a for-to clause is the one asked, as the object of "called on" is
        (
            "Several senators have called for Marovia and its allies to organize ground forces "
            "against the Velmar Front.",
            "Marovia",
        ),
        ("Ann Vale called for Dorvan to end the blockade of Pellane.", "Dorvan"),
    ],
)  # fmt: skip
def test_a_call_for_someone_to_act_asks_them(text: str, asked: str) -> None:
    assert main_at(text, "called") == ["REQUEST"]
    assert recipient_names(text, "called") == [asked]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a disposition towards an act
        ("Militants bent on attacking Marovia crossed the border.", "attacking"),
        ("The Velmar Front is intent on destroying the dam.", "destroying"),
        ("The Velmar Front is eager to attack the capital.", "attack"),
        # an act one would love to see done
        ('"I would love to see Tomas Brell endorse, go all in," Lena Ruto said.', "endorse"),
    ],
)  # fmt: skip
def test_an_act_willed_or_wished_is_not_stated(text: str, word: str) -> None:
    assert main_at(text, word) == [], [(e.type, e.trigger.text, e.modality) for e in main_events(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("In her weekly web series the Marovian candidate discusses light subjects such as her recipes.", "discusses"),
        # who is shown doing it does it
        ("The Pellane nominee is shown discussing his plan to raise taxes.", "discussing"),
        # who spent the time discussing
        (
            "Most of the envoy's afternoon at a long meeting in the palace was spent discussing a "
            "false story.",
            "discussing",
        ),
        # a meeting discussed is a topic, not where the talk was held
        ("The candidate also discussed the press conference held by Arno Veld.", "discussed"),
    ],
)  # fmt: skip
def test_one_person_discussing_a_topic_meets_no_one(text: str, word: str) -> None:
    assert main_at(text, word) == []
    # talks with a partner, among several, or in a call still are talks
    assert main_at("Ann Vale and Tomas Brell discussed the border.", "discussed") == ["CONSULT"]
    assert main_at("The minister discussed the border dispute during a phone call.", "discussed") == [
        "CONSULT"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a journalist presses or asks
        ("Pressed by the talk show host Ann Vale, Tomas Brell said there was no proof of the payments.", "Pressed"),
        ("The senator was pressed by the network's anchor, Lena Ruto, about his remarks on Dorvan.", "pressed"),
        # pressed on a question, asked in passing
        ("Brell was pressed on why he had praised the Dorvan leader.", "pressed"),
        ("Tomas Brell named Arno Veld when asked to pick a running mate.", "asked"),
        # a question asked for effect
        ("''Tomas Brell says he will make Marovia strong again,'' Ms. Vale said. ''I ask, for who exactly?''", "ask"),
        ('"Brell promised jobs to every town in Pellane," Ann Vale said. "I ask: for what exactly?"', "ask"),
    ],
)  # fmt: skip
def test_questions_are_no_requests(text: str, word: str) -> None:
    assert main_at(text, word) == []
    # what one is asked to do is not done, though the asking is an interviewer's question
    asked = (
        "Party elders are in open conflict with Brell over his equivocation when asked to condemn the Front."
    )
    assert main_at(asked, "condemn") == []
    # pressure from a party, or a journalist asking someone to act, still requests
    assert main_at("The minister was pressed by party leaders to resign.", "pressed") == ["REQUEST"]
    assert main_at("The moderator asked the candidates to raise their hands.", "asked") == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Other groups which signed that letter include the Velmar Front and the Oskel League.",
        "More than forty Marovian lawmakers signed a petition against the dam.",
        # the order's act is what it does
        "Dorvan's president signed an order banning imports from Marovia.",
    ],
)
def test_signing_a_letter_or_an_order_is_no_accord(text: str) -> None:
    assert main_at(text, "signed") == []
    assert main_at("Marovia and Dorvan signed a trade agreement.", "signed") == ["SUPPORT"]


def test_a_description_is_not_its_own_verbs_object() -> None:
    # the congressman who praised Veld is not Veld (the last person named before him)
    text = (
        "Tomas Brell spent Monday in Pellane, where voters asked about Arno Veld. The congressman "
        "has praised Veld, saying he was a tougher leader than Lena Ruto."
    )
    assert "Arno Veld" not in actor_names(text, "praised")
    assert recipient_names(text, "praised") == ["Arno Veld"]
