"""Events dateline missed (event type recall, round 9), on invented sentences: acts of force a
party is named as suffering ("victims of", "subjected to"); a perfect with an adverb between
'have' and its participle, which the parser reads as a modifier."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Aid workers say villagers in Oskel are subject to attacks and abuse.", "attacks", "ASSAULT"),
        ("The women of Pellane were victims of rape.", "rape", "ASSAULT"),
        ("Students in Kessaria were subjected to arrests.", "arrests", "COERCE"),
    ],
)
def test_an_act_of_force_suffered_took_place(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    "text",
    ["Many firms in Marovia are subject to the new fees.", "Tomas Brell was the victim of a smear campaign."],
)
def test_what_is_suffered_must_be_an_act_of_force(text: str) -> None:
    assert not {"ASSAULT", "COERCE"} & set(main_types(text))


def test_a_perfect_with_since_states_its_act() -> None:
    assert "COERCE" in main_types("Marovian authorities have since banned journalists from entering Oskel.")
