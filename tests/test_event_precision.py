"""Precision rules for real news (issue 13): verb senses that are no political act, on invented sentences."""

from __future__ import annotations

import pytest

from event_support import types_of


@pytest.mark.parametrize(
    "text",
    [
        "The number of migrants crossing the border declined to 12,000 last year.",
        "Exports continue to decline as demand falls.",
        "Wheat harvests in the north declined sharply after the drought.",
    ],
)
def test_a_decline_in_number_is_no_refusal(text: str) -> None:
    assert "REJECT" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt declined the invitation from Israel.",
        "Iran declined to attend the talks in Vienna.",
        "Iran refused to release the tanker.",
    ],
)
def test_declining_an_act_is_still_a_refusal(text: str) -> None:
    assert "REJECT" in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A Foreign Ministry spokesman declined to comment on the report.", "REJECT"),
        ("The ministry refused to comment on the arrests.", "REJECT"),
        ("The army spokesman declined comment.", "REJECT"),
        ("The embassy did not respond to an email requesting comment.", "REQUEST"),
        ("Reporters asked the minister for comment on Tuesday.", "REQUEST"),
    ],
)
def test_declining_or_requesting_comment_is_newsroom_routine(text: str, absent: str) -> None:
    assert absent not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The plan to cut emissions met with strong opposition from farmers.",
        "The offensive met with surprising success in the north.",
        "Countries must sharply increase spending to meet the targets of the Paris pact.",
        "The government failed to meet the deadline for the new budget.",
    ],
)
def test_meeting_a_target_or_a_reception_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    ["Biden met with Macron in Paris.", "The two foreign ministers met in Geneva on Friday."],
)
def test_meeting_a_party_is_still_a_consultation(text: str) -> None:
    assert "CONSULT" in types_of(text)
