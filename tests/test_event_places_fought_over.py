"""A place where or over which a fight happens is no party to it: "fighting at the Black Sea port",
"fighting for control of Port Oskel", and the act's own noun after a quantity ("weeks of fighting")
is not whom it is done to."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Marovia and the rebels agreed a truce after fighting at the Kessar Sea port.", "fighting",
         "Kessar Sea"),
        ("The truce came after two weeks of fighting for control of Port Vellin on the coast.",
         "weeks of fighting", "Port Vellin"),
    ],
)  # fmt: skip
def test_a_place_fought_at_or_over_is_no_recipient(text: str, trigger: str, place: str) -> None:
    _, recipients = argument_names(text, trigger)
    assert not any(place in r for r in recipients)


def test_a_place_a_deadly_fight_is_for_does_not_kill() -> None:
    actors, _ = argument_names(
        "Clashes for control of the Oskel Valley killed nine people on Monday.", "killed"
    )
    assert not any("Oskel" in a for a in actors)


def test_a_party_attacked_at_a_place_stays_the_recipient() -> None:
    _, recipients = argument_names(
        "Marovian troops attacked the Velmar Front at the Kessar Sea port on Friday.", "attacked"
    )
    assert recipients == ["Velmar Front"]
