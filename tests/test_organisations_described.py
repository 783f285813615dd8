"""A name the recognizer took for a person is an organisation when its description says so."""

from __future__ import annotations

import pytest

from event_support import record_of


def kind_of(text: str, name: str) -> str:
    record = record_of(text)
    found = [e.type for e in record.entities if e.name == name]
    assert found, [(e.name, e.type) for e in record.entities]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Velmar Watch, a rights group based in Oskel, said 12 people were detained.",
        "Velmar Watch, a small charity, said the clinics had run out of medicine.",
    ],
)
def test_a_name_described_as_a_body_is_an_organisation(text: str) -> None:
    assert kind_of(text, "Velmar Watch") == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell, a member of the group, said the road was closed.",
        "Tomas Brell, head of a rights group in Oskel, said 12 people were detained.",
    ],
)
def test_a_person_described_by_a_role_stays_a_person(text: str) -> None:
    assert kind_of(text, "Tomas Brell") == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Open Hands, a medical charity, said its clinic in Dorvan was shelled on Tuesday.",
        "On Tuesday, Open Hands, a rights group, said its clinic was shelled.",
    ],
)
def test_a_speaking_name_the_recognizer_missed_is_the_body_its_description_says(text: str) -> None:
    # The recognizer finds no name here; the parser takes a sentence's first word for an adjective.
    assert kind_of(text, "Open Hands") == "ORG"
