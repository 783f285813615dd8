"""More everyday senses of event words that are no political act (issue 13), on invented sentences.

A thing "threatens" or "allows", a person "was granted"
residency, an infrastructure "has been compromised", dogs "are killed" for meat, states "dispute" islands,
markets have "energy demands". Trade retaliation "with tariffs" is a sanction, and attacking a
newspaper "for refusing" to back one is an accusation. None is a political event;
the same words between political actors still are.
"""

from __future__ import annotations

import pytest

from event_support import types_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "The council said Dorvan County, where Oskel is located, has been free of floods since "
            "2004 but is threatened by the rising cost of levees.",
            "THREATEN",
        ),
        (
            "Because the security forces in Kessaria are weak, it allows the rebels to make inroads "
            "into other countries.",
            "CONCEDE",
        ),
        ("Because the border posts in Kessaria have been compromised, smugglers cross freely.", "CONCEDE"),
    ],
)
def test_a_thing_threatens_or_allows_nothing(text: str, absent: str) -> None:
    assert absent not in types_of(text)


def test_a_country_still_threatens_and_allows() -> None:
    assert "THREATEN" in types_of("Marovia threatened to close its border with Kessaria.")
    assert "THREATEN" in types_of("Kessaria was threatened by Marovia with sanctions over the dam.")
    assert "CONCEDE" in types_of("Marovia allowed inspectors access to the Pellane reactor.")
    allowed = "Dorvan said on Monday that it allowed 300 wounded Kessarians to cross into Dorvan."
    assert "CONCEDE" in types_of(allowed)


def test_a_granted_status_is_no_aid() -> None:
    assert "AID" not in types_of("Tomas Verhal was granted permanent residency status in Dorvan last year.")


def test_a_rescue_is_aid_whether_or_not_the_rescuer_is_named() -> None:
    assert "AID" in types_of("Kessarian troops rescued 40 fishermen from the Pellane flood.")
    assert "AID" in types_of("According to local officials, 212 passengers had been rescued on Monday.")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Hundreds of goats are killed for their hides each spring in Pellane.", "ASSAULT"),
        ("Marovia and Kessaria have been disputing the uninhabited Tarn islands for years.", "ACCUSE"),
        ("The best markets are in poor countries, with their growing energy demands.", "REQUEST"),
    ],
)
def test_animals_islands_and_markets_are_no_events(text: str, absent: str) -> None:
    assert absent not in types_of(text)


def test_people_killed_claims_disputed_and_demands_made_are_still_events() -> None:
    assert "ASSAULT" in types_of("Marovian troops killed 12 villagers and their goats in Pellane.")
    assert "REQUEST" in types_of("Kessaria made a fresh demand for the release of the fishermen.")


def test_retaliating_with_tariffs_is_a_sanction() -> None:
    types = types_of("Dorvan soon retaliated with steep tariffs on grain from Kessaria.")
    assert "SANCTION" in types
    assert "ASSAULT" not in types


def test_attacking_a_paper_for_its_stance_is_an_accusation() -> None:
    text = "Governor Tomas Halvo also attacked The Pellane Herald for refusing to support his budget."
    types = types_of(text)
    assert "ACCUSE" in types
    assert "ASSAULT" not in types
    assert "ASSAULT" in types_of("Rebels attacked the Kessarian convoy near Pellane for hours.")
