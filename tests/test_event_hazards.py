"""What nature, accidents and sport do is no political violence: floods that kill, an earthquake that
destroys, a team that beats another. An armed actor's attack stays one, storm or no storm."""

from __future__ import annotations

import pytest

from event_support import types_of


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed at least 40 people in Dorvan province on Sunday.",
        "An earthquake destroyed 300 homes in Kessaria overnight.",
        "Twelve villagers were killed in a landslide near Oskel on Friday.",
        "Hundreds of homes were destroyed by the cyclone, officials in Pellane said.",
        "Cholera has killed 18 people in the camps since March.",
        "Heavy rain destroyed the bridge at Velmar on Monday.",
    ],
)
def test_nature_and_accidents_do_not_attack(text: str) -> None:
    assert not {"ASSAULT", "COERCE"} & set(types_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Marovia beat Pellane 2-1 in a friendly in Oskel on Sunday.",
        "The Dorvan national team crushed Kessaria in the final on Saturday.",
        "Velmar defeated Oskel 3-0 to reach the semifinal.",
    ],
)
def test_a_sporting_result_is_no_attack(text: str) -> None:
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marovian troops killed 12 people in Oskel on Sunday.",
        "Velmar Front fighters attacked a police post during the storm.",
        "Twelve villagers were killed in an air strike near Oskel on Friday.",
        "Marovian fire killed two soldiers at the border.",
        "Government forces destroyed 300 homes in Kessaria after the earthquake.",
    ],
)
def test_an_armed_actor_still_attacks(text: str) -> None:
    assert {"ASSAULT", "COERCE"} & set(types_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Marovian troops killed 10-15 villagers in Oskel on Sunday.",
        "Velmar Front fighters attacked the base at 10:30 on Sunday.",
        "Marovian jets launched a final assault on Oskel.",
    ],
)
def test_ranges_times_and_final_assaults_are_no_game(text: str) -> None:
    assert "ASSAULT" in types_of(text)
