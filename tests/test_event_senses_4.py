"""Easing is a concession only when a party eases something it imposed."""

from __future__ import annotations

import pytest

from event_support import types_of


@pytest.mark.parametrize(
    "text",
    [
        "Marovia and Pellane spoke on Monday as tension along their border eased.",
        "Fuel prices in Oskel eased in March, the statistics office said.",
    ],
)
def test_a_thing_easing_is_no_concession(text: str) -> None:
    assert "CONCEDE" not in types_of(text)


def test_a_party_easing_its_restrictions_concedes() -> None:
    assert "CONCEDE" in types_of("Marovia eased travel restrictions on Pellane citizens on Monday.")


def test_two_ministers_speaking_by_telephone_consult() -> None:
    text = (
        "Marovian Foreign Minister Ann Vale and her Pellane counterpart, Tomas Brell, spoke by telephone "
        "on Tuesday for the first time in a year."
    )
    assert "CONSULT" in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "A senior Marovian officer, who asked not to be named, said the convoy had left.",
        "A nurse at the Oskel clinic, who asked that her name not be used, said the ward was full.",
        "An official in Oskel, who asked for anonymity, said the convoy had left.",
    ],
)
def test_a_source_asking_to_stay_unnamed_requests_nothing(text: str) -> None:
    assert "REQUEST" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marovia asked Pellane not to deploy troops near the border.",
        "Marovia asked the court to name the officers who fired on the crowd.",
    ],
)
def test_asking_a_party_not_to_act_is_still_a_request(text: str) -> None:
    assert "REQUEST" in types_of(text)


def test_asking_to_protect_others_anonymity_is_a_request() -> None:
    assert "REQUEST" in types_of("Marovia asked the court to protect the anonymity of the witnesses.")
