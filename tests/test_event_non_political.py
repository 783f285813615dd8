"""What nature, accidents, sport and common crime do is no political violence: floods that kill, an
earthquake that destroys, a bus that crashes, a team that beats another, robbers who shoot. An armed
actor's attack stays one, storm or no storm."""

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


@pytest.mark.parametrize(
    "text",
    [
        "A bus plunged into a ravine in northern Pellane, killing 23 passengers.",
        "A fire at a textile factory in Dorvan killed 14 workers on Tuesday.",
        "An explosion at a fuel depot in Kessaria injured dozens of people.",
    ],
)
def test_accidents_are_no_attack(text: str) -> None:
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "A man stabbed his neighbour to death in a dispute over land in Oskel on Sunday, police said.",
        "Two robbers shot a shopkeeper during a raid on a jewellery store in Velmar.",
        "Thieves attacked a security van near Oskel and took the cash.",
    ],
)
def test_common_crime_is_no_political_violence(text: str) -> None:
    assert "ASSAULT" not in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "An explosion at a checkpoint in Oskel killed six Marovian soldiers.",
        "Velmar Front gunmen shot a Marovian official outside his home.",
        "A suicide bomber drove a truck into the Marovian army base, killing 12 soldiers.",
        "Marovian troops stabbed and beat the prisoners, a rights group said.",
    ],
)
def test_attacks_stay_attacks(text: str) -> None:
    assert "ASSAULT" in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Storm Dorva destroyed 300 homes along the coast of Pellane.",
        "Wildfires destroyed 50 farms in the hills above Velmar.",
        "A crowded ferry overturned near Oskel on Friday, killing 30 passengers.",
        "A three-storey house collapsed in Kessaria, killing four children.",
    ],
)
def test_named_storms_plural_fires_laden_vehicles_and_falling_buildings(text: str) -> None:
    assert not {"ASSAULT", "COERCE"} & set(types_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "A wave of bombings killed 50 people in Oskel.",
        "Police water cannon injured 12 protesters in Oskel.",
        "Velmar Front militants attacked a team of aid workers near Oskel.",
        "Militants attacked the race course in Dorva on Sunday.",
    ],
)
def test_words_near_nature_or_sport_do_not_hide_an_attack(text: str) -> None:
    assert "ASSAULT" in types_of(text)
