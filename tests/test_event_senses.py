"""Agreeing, backing and talking in their political sense only (issue 13), on invented sentences.

AGREE, SUPPORT and CONSULT triggers are everyday words: a text or a scheme "guarantees" or
"supports", a participle is an adjective ("the negotiating table"), a firm "pledges", a speaker
"talks about" a topic, a guard "recognizes" someone. None of these is a political event; the same
verbs between political actors still are.
"""

from __future__ import annotations

import pytest

from event_support import main_events as counted
from event_support import record_of, types_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Veldoria's Charter guarantees the right of assembly.", "AGREE"),
        (
            "A 2019 accord between Ostrava and Kelmar supporting the return of displaced families "
            "was never funded.",
            "SUPPORT",
        ),
        ("The account shares brief films praising the food of Marenbad.", "SUPPORT"),
    ],
)
def test_a_text_or_a_scheme_agrees_or_backs_nothing(text: str, absent: str) -> None:
    assert absent not in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("It is unlikely that Marovia will come to the negotiating table.", "CONSULT"),
        ("The Tessalians are friendly and accepting, the guide said.", "AGREE"),
        ("The Marovian government's support is vital for the dam project.", "SUPPORT"),
    ],
)
def test_adjectives_and_standing_support_are_no_acts(text: str, absent: str) -> None:
    assert absent not in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Brightwell Energy Inc. pledged to cut its emissions by 2040.", "AGREE"),
        ("Dunmere University welcomed the grant.", "SUPPORT"),
        ("Any attempt to support legitimacy by force will fail.", "SUPPORT"),
    ],
)
def test_private_or_partyless_agreement_and_backing_are_no_events(text: str, absent: str) -> None:
    assert absent not in types_of(text)


def test_what_private_people_agree_with_is_no_event_either() -> None:
    # The AGREE goes, and so does the road closure it governed: it must not stand as a main event.
    assert counted("Residents of Tessaly agreed with the plan to close the road.") == []


@pytest.mark.parametrize(
    "text",
    [
        '"We are talking about the worst flood in a century," the mayor of Dunmere said.',
        "The envoy hopes to talk the rebels into a truce.",
        "Officials, speaking on condition of anonymity to discuss the inquiry, said the convoy left at dawn.",
    ],
)
def test_talking_of_a_topic_or_persuading_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in types_of(text)


def test_talking_about_doing_something_is_no_consultation() -> None:
    # what is talked about is a clause ("about going home"), not a noun
    text = 'President Tomas Brell opened the summit. "The president talks about going home as if it were easy," Vale said.'
    assert [e.type for e in counted(text) if e.trigger.text == "talks"] == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The pilot agreed with Prime Minister Halvorsen's remark about fuel prices.", "AGREE"),
        ("A guard recognized him at the checkpoint.", "SUPPORT"),
        ("In 2018 the mayor accepted $3 million in foreign funding for the port.", "AGREE"),
        ("The agency sought to offer an independent assessment of the harvest.", "AGREE"),
        ("The Orlov family has settled in Kestrel Bay.", "AGREE"),
        ("Kelmar cites old maps to back its claims to the reef.", "SUPPORT"),
        ("Fishermen need new income to support their families.", "SUPPORT"),
    ],
)
def test_everyday_senses_are_no_agreement_or_backing(text: str, absent: str) -> None:
    assert absent not in types_of(text)


def test_undertaking_a_journey_is_no_pledge_and_no_refusal() -> None:
    types = types_of("Women cannot undertake long journeys without a permit.")
    assert "AGREE" not in types and "REJECT" not in types


def test_no_one_recognizing_is_a_negated_recognition() -> None:
    events = [
        e
        for e in record_of("No government has recognized the breakaway council.").events
        if e.type == "SUPPORT"
    ]
    assert events and all(e.modality == "negated" for e in events)


def test_what_was_supposed_to_happen_is_not_counted() -> None:
    events = counted("The Marovian government was supposed to sign the trade pact in May.")
    assert not any(e.trigger.text == "sign" for e in events)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The Marovian government agreed to the ceasefire plan proposed by Ostrava.", "AGREE"),
        ("The Marovian government accepted the offer.", "AGREE"),
        ("Marovia undertook to withdraw its forces from the valley.", "AGREE"),
        ("The Marovian government praised Kelmar for its help after the floods.", "SUPPORT"),
        ("Ostrava backed Kelmar's claim to the islands.", "SUPPORT"),
        ("Kelmar expressed its support for the peace plan.", "SUPPORT"),
        ("Ostrava's foreign minister met his Kelmar counterpart in Dunmere on Monday.", "CONSULT"),
        ("Prime Minister Halvorsen spoke by phone with President Ilves of Kelmar.", "CONSULT"),
        ("The Marovian foreign minister talked with Ostrava's envoy about the truce.", "CONSULT"),
        ("Ostrava and Kelmar talked about the border dispute.", "CONSULT"),
    ],
)
def test_political_agreement_backing_and_talks_are_still_found(text: str, wanted: str) -> None:
    assert wanted in [e.type for e in counted(text)]
