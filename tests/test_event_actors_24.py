"""Event actors, twenty-fourth round, on invented sentences: the second member of a subject whose
first has an apposition closed by a comma ("Ghana, the largest contributor, and the African
Union"); an "It" opening a sentence goes on with the main subject of the sentence before, not a
body named in what that one reported; a charge told in the passive in the words of prosecutors
is theirs; the first of two family names names the person again ("Villalobos" of "Laura
Villalobos Monge"); the armed force whose vehicles are deployed moves them."""

from __future__ import annotations

import pytest

from event_support import actor_names, record_of


@pytest.mark.parametrize("trigger", ["condemned", "expressed support"])
def test_a_member_after_a_closed_apposition_acts_too(trigger: str) -> None:
    text = (
        "Ghana, the largest troop contributor, and the African Union condemned the coup and "
        "expressed support for the elected government."
    )
    assert actor_names(text, trigger) == ["Ghana", "African Union"]
    # "and" inside the apposition joins two descriptions of the one actor
    text = "Ghana, the largest troop contributor and a founding member, condemned the coup."
    assert actor_names(text, "condemned") == ["Ghana"]


def test_it_after_a_report_is_the_reporting_body() -> None:
    text = (
        "The Marovian defense ministry said the Audit Office had opened a probe into three "
        "commanders. It urged families to be patient."
    )
    assert actor_names(text, "urged") == ["ministry"]
    # a person reporting is no "it": the body named in what he reported still is
    text = "Ann Vale said the Audit Office had opened a probe into three commanders. It urged families to be patient."
    assert actor_names(text, "urged") == ["Audit Office"]


def test_a_passive_charge_in_the_words_of_prosecutors_is_theirs() -> None:
    text = "Prosecutors said the two men were accused of smuggling weapons to the Velmar Front."
    assert actor_names(text, "accused") == ["Prosecutors"]
    # blame is anyone's to lay: the prosecutors only tell of it
    text = "Prosecutors said the two men were blamed for the blast."
    assert actor_names(text, "blamed") == []


def test_the_first_family_name_names_the_person_again() -> None:
    text = (
        "Laura Villalobos Monge runs a small legal clinic. Villalobos, 47, was a prosecutor in San "
        "Jose until 2019. She accused three governors of fraud."
    )
    assert actor_names(text, "accused") == ["Laura Villalobos Monge"]
    text = (
        "Lucia Fernandez Ortiz runs a small legal clinic in Lima. Fernandez, 51, was a prosecutor "
        "until 2019. She accused three governors of fraud."
    )
    person = next(e for e in record_of(text).entities if e.name == "Lucia Fernandez Ortiz")
    assert "Fernandez" in [m.text for m in person.mentions]


def test_the_force_whose_vehicles_are_deployed_mobilizes() -> None:
    text = (
        "Serbia protested the closures. Armored police vehicles were deployed at dawn in the northern towns."
    )
    assert actor_names(text, "deployed") == ["police"]
    # equipment no armed force owns names no one who moves
    text = "Serbia protested the closures. Armored vehicles were deployed at dawn in the northern towns."
    assert "police" not in actor_names(text, "deployed")
