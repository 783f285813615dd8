"""Who acts when a sentence's subject is a fight and not a party (invented sentences)."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Fighting between Sudanese troops and RSF fighters killed 12 people on Monday.",
            "killed",
            {"Sudanese troops", "RSF"},
        ),
        (
            "A clash between Velmar Front rebels and the Marovian army wounded four villagers.",
            "wounded",
            {"Velmar Front rebels", "Marovian army"},
        ),
    ],
)
def test_a_fight_that_harms_has_both_sides_as_actors(text: str, trigger: str, sides: set[str]) -> None:
    actors, _ = argument_names(text, trigger)
    assert set(actors) == sides


def test_a_party_subject_is_still_the_one_actor() -> None:
    actors, _ = argument_names("Marovian troops fighting near Oskel killed 12 rebels.", "killed")
    assert actors == ["Marovian troops"]


@pytest.mark.parametrize(
    ("text", "actor", "victim"),
    [
        ("Three civilians were killed in a Russian drone attack on Kharkiv.", "Russian", "civilians"),
        (
            "Two Marovian soldiers were wounded in a Velmar Front ambush near Oskel.",
            "Velmar Front",
            "Marovian soldiers",
        ),
    ],
)
def test_who_was_harmed_in_an_attack_was_harmed_by_its_attackers(text: str, actor: str, victim: str) -> None:
    actors, recipients = argument_names(text, "killed" if "killed" in text else "wounded")
    assert actors == [actor] and recipients == [victim]


def test_an_attack_that_names_no_attacker_lends_none() -> None:
    actors, _ = argument_names("Four soldiers were wounded in the attack on Oskel.", "wounded")
    assert actors == []
