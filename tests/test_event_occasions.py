"""An occasion named as where an act took place ("at a meeting of donors in Dakar", "at a
conference of lenders in Paris") is no one: never an event's recipient, and no party of its own,
though the city in its phrase gives it a country. Who is addressed where a sentence says so stays
the recipient."""

from __future__ import annotations

import pytest

from event_support import argument_names, record_of

AT_OCCASIONS = [
    (
        "The Marovian foreign minister made the appeal at a meeting of donors in Dakar on Tuesday.",
        "made the appeal",
    ),
    ("Dorvan's president renewed his plea for aid at a conference of lenders in Paris.", "renewed his plea"),
]


@pytest.mark.parametrize(("text", "trigger"), AT_OCCASIONS)
def test_an_occasion_where_an_act_took_place_is_not_its_recipient(text: str, trigger: str) -> None:
    assert argument_names(text, trigger)[1] == []


@pytest.mark.parametrize(("text", "trigger"), AT_OCCASIONS)
def test_an_occasion_becomes_no_party_of_its_own(text: str, trigger: str) -> None:
    names = [e.name for e in record_of(text).entities]
    assert not [name for name in names if name.startswith(("meeting", "conference"))], names


def test_the_one_addressed_at_an_occasion_is_still_the_recipient() -> None:
    text = "The Marovian envoy urged Dorvan to release the prisoners at a meeting of donors in Dakar."
    assert argument_names(text, "urged")[1] == ["Dorvan"]
