"""Events dateline missed (verbal types, round 20), on invented sentences: help, backing or talks
a party says it will not give are an announced refusal (REJECT), while a past 'did not' reports no
decision; a verb joined to another with a tense of its own ('had lost patience and would strike')
keeps that tense, so a party's own announced strike is a threat; a party saying what a body named
by a common noun should do ('the council should heed the bloc') asks it to (REQUEST)."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dorvan said it would not provide aid to Pellane.", "provide aid"),
        ("Officials in Marovia said they will not back the Velmar Front.", "back"),
        ("Kessaria said it would not take part in the talks with Dorvan.", "take part in the talks"),
    ],
)
def test_help_or_talks_a_party_will_not_give_are_refused(text: str, trigger: str) -> None:
    assert "REJECT" in main_at(text, trigger)


@pytest.mark.parametrize(
    "not_refused",
    [
        "Dorvan did not provide aid to Pellane last winter.",
        "Marovia would not have backed the Velmar Front without the vote.",
    ],
)
def test_a_past_or_unreal_not_is_no_refusal(not_refused: str) -> None:
    refused = "Dorvan said it would not provide aid to Pellane."
    assert "REJECT" in main_types(refused)
    assert "REJECT" not in main_types(not_refused)


def test_a_joined_verb_keeps_its_own_future() -> None:
    own = "Marovia said it had lost patience with the raids and would strike the Velmar Front."
    assert "THREATEN" in main_at(own, "strike")
    forecast = "Analysts said Marovia had lost patience with the raids and would strike the Velmar Front."
    assert "THREATEN" not in main_types(forecast)  # an onlooker forecasts, threatens nothing


def test_a_party_says_what_a_body_should_do() -> None:
    assert "REQUEST" in main_types(
        "Dorvan's envoy said the council should heed the Oskel bloc on the mission."
    )
    assert "REQUEST" not in main_types("Ann Vale said the economy should grow next year.")
