"""Events dateline missed (event type recall, round 13: coercion and sanctions on wire copy), on
invented sentences: nouns of repression that name their doer or their victim ('the arrest of Ann
Vale', 'Velmar Front custody'), people held ('remain behind bars', 'held without trial', 'held by
the Front', 'rearrested'), people kept from acting ('prevented lawyers from visiting'), measures
put in force ('the curfew went into effect', 'remain under sanctions') and a ban on an outlet,
which silences it. And what is none of these: a coach's ban, a school curfew, a fire stopped from
spreading, a baby held by its mother, talks held by a party."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A reporter died in Velmar Front custody last winter.", "custody"),
        ("The Dorvan crackdown on reporters has widened this year.", "crackdown"),
        ("The Velmar Front's sweeping curbs on women drew wide criticism.", "curbs"),
        ("The Marovian army staged a coup in May.", "staged a coup"),
    ],
)
def test_repression_nouns_with_their_doer_or_victim(text: str, trigger: str) -> None:
    assert "COERCE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ten aid workers remain behind bars in Oskel.", "bars"),
        ("The blogger Lena Ruto is under house arrest in Pellane.", "arrest"),
        ("Tomas Brell was held for two years without trial.", "held"),
        ("The number of reporters held by the Velmar Front rose to 12.", "held"),
        ("Dorvan police held two reporters in custody for a week.", "held"),
        ("The poet Arno Veld was rearrested in Oskel in May.", "rearrested"),
    ],
)
def test_people_held(text: str, trigger: str) -> None:
    assert "COERCE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dorvan prevented lawyers from visiting the prisoners.", "prevented"),
        ("Marovia moved to stop activists from crossing the border.", "stop"),
        ("Pellane police blocked journalists from covering the vote.", "blocked"),
        (
            "The Velmar Front is still barring its female staff from Oskel offices.",
            "barring its female staff",
        ),
    ],
)
def test_people_kept_from_acting(text: str, trigger: str) -> None:
    assert "COERCE" in main_at(text, trigger)


def test_measures_in_force_and_bans_on_an_outlet() -> None:
    assert "COERCE" in main_at("The nationwide curfew went into effect at nine.", "curfew")
    assert "SANCTION" in main_at("The new embargo on Dorvan came into force on Monday.", "embargo")
    assert "SANCTION" in main_at("Many Velmar Front leaders remain under sanctions.", "sanctions")
    outlet = main_at("The Velmar Front has imposed a ban on the Oskel Herald.", "imposed a ban")
    assert "COERCE" in outlet
    assert "SANCTION" not in outlet
    assert "SANCTION" in main_at("Kessaria imposed a ban on Dorvan grain imports.", "imposed a ban")


@pytest.mark.parametrize(
    "text",
    [
        "The coach's ban angered the club's fans.",
        "A school curfew keeps the pupils at home after nine.",
        "The rain stopped the fire from spreading to Oskel.",
        "The bank kept prices from rising last year.",
        "The baby was held by his mother for an hour.",
        "The seat was held by Ann Vale for a decade.",
        "The bartender stood behind the bar all night.",
        "Curfew hours were posted on the door of the Oskel dormitory.",
    ],
)
def test_other_senses_are_no_coercion(text: str) -> None:
    assert "COERCE" not in main_types(text)


def test_talks_held_by_a_party_are_no_detention() -> None:
    types = main_types("The talks were held by the Velmar Front in Oskel.")
    assert "COERCE" not in types
    assert "CONSULT" in types
