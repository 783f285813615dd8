"""A trip and the meeting it was for are one visit, whose news is whom it met: "travelled to Vellin,
where she met President Oskar Tamm" counts the meeting, with the traveller as who met and the trip
under it. A trip to a place of one's own country is no visit. And "invite" with a thing for object
brings the thing about ("the plan will only invite more raids"), which asks no party for anything."""

from __future__ import annotations

import pytest

from event_support import argument_names, event_at, record_of


@pytest.mark.parametrize(
    ("text", "trip"),
    [
        ("Foreign Minister Ilse Varga later travelled to Vellin, where she met President Oskar Tamm.", "travelled"),
        ("Foreign Minister Ilse Varga travelled to Vellin and met President Oskar Tamm on Tuesday.", "travelled"),
    ],
)  # fmt: skip
def test_the_meeting_is_counted_and_the_trip_is_under_it(text: str, trip: str) -> None:
    record = record_of(text)
    meeting = event_at(record, "met")
    assert meeting.type == "CONSULT" and meeting.governed_by is None
    assert event_at(record, trip).governed_by == meeting.id
    assert argument_names(text, "met") == (["Ilse Varga"], ["Oskar Tamm"])


def test_a_trip_alone_is_still_counted() -> None:
    record = record_of("The Marovian foreign minister travelled to Vellin on Tuesday.")
    assert event_at(record, "travelled").governed_by is None


@pytest.mark.parametrize(
    "text",
    [
        '"The plan will only invite more raids on the border towns," the Kessar minister said.',
        "The remarks by the Marovian president invited ridicule across the region.",
    ],
)
def test_inviting_a_thing_asks_no_one(text: str) -> None:
    assert not [e for e in record_of(text).events if e.type == "REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "President Oskar Tamm invited the Kessar prime minister to Vellin.",
        "The Marovian ministry invited journalists to a briefing on the talks.",
    ],
)
def test_inviting_a_party_is_a_request(text: str) -> None:
    assert [e for e in record_of(text).events if e.type == "REQUEST"]


def test_a_trip_home_is_no_visit() -> None:
    assert not [e for e in record_of("The Kenyan foreign minister travelled to Nairobi on Friday.").events]
    assert [
        e.type for e in record_of("The Kenyan foreign minister travelled to Kampala on Friday.").events
    ] == ["CONSULT"]
