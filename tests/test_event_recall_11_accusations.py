"""Accusations and threats dateline missed (event type recall, round 11), on invented wire
sentences: a party held responsible or accountable, aim taken at a plan, outrage expressed, a
party said to be behind or responsible for an attack, death threats received. And what is none of
these: a fee or a phone charged, a rush down a field, blame laid on the weather or on weak demand,
a door slammed on a return, a body responsible for schools."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_at, main_events, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia held Dorvan responsible for the deaths of three border guards.", "held Dorvan"),
        ("Pellane held the Velmar Front accountable for the bombing of the bridge.", "held"),
        ("Arno Veld took aim at his rival's plan to raise taxes.", "took aim"),
        (
            "The European Union expressed outrage at the sentencing of the opposition leader.",
            "expressed outrage",
        ),
    ],
)
def test_blame_held_aimed_and_outrage_voiced(text: str, trigger: str) -> None:
    assert "ACCUSE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "accused"),
    [
        ("Oskel officials said the Velmar Front was behind the bombing.", "behind", "Velmar Front"),
        ("The Pellane army said the Velmar Front was responsible for the attack on the convoy.",
         "responsible", "Velmar Front"),
    ],
)  # fmt: skip
def test_party_said_to_be_behind_an_attack(text: str, trigger: str, accused: str) -> None:
    assert any(e.type == "ACCUSE" and e.trigger.text == trigger for e in main_events(text))
    assert accused in argument_names(text, trigger)[1]


def test_responsible_for_no_harm_is_no_accusation() -> None:
    assert "ACCUSE" in main_types("Oskel officials said the Velmar Front was behind the bombing.")
    assert "ACCUSE" not in main_types("The minister said the agency was responsible for schools.")


def test_death_threats_received() -> None:
    assert "THREATEN" in main_at("Lena Ruto received death threats after her speech.", "threats")
    assert "THREATEN" not in main_types("Lena Ruto received a warm welcome after her speech.")


@pytest.mark.parametrize(
    ("charge", "trigger", "no_charge"),
    [
        ("The Velmar Front charged that government troops had burned villages near Oskel.", "charged",
         "The court charged a fee of fifty dollars for each filing."),
        ("The Velmar Front charged that government troops had burned villages near Oskel.", "charged",
         "Tomas Brell's wife charged her phone at the airport."),
        ("The Velmar Front charged that government troops had burned villages near Oskel.", "charged",
         "Lena Ruto charged down the field and scored the winning goal."),
    ],
)  # fmt: skip
def test_charge_stated_not_a_price_a_battery_or_a_rush(charge: str, trigger: str, no_charge: str) -> None:
    assert "ACCUSE" in main_at(charge, trigger)
    assert "ACCUSE" not in main_types(no_charge)


@pytest.mark.parametrize(
    ("blame", "no_blame"),
    [
        ("The blast was blamed on the Velmar Front.", "Farmers blamed the poor harvest on the weather."),
        ("Pellane blamed the attacks on rebels based in Oskel.", "Investors blamed the slump on weak demand from China."),
    ],
)  # fmt: skip
def test_blame_laid_on_a_party_not_on_a_thing(blame: str, no_blame: str) -> None:
    assert "ACCUSE" in main_at(blame, "blamed")
    assert "ACCUSE" not in main_types(no_blame)


def test_a_door_slammed_is_no_criticism() -> None:
    assert "ACCUSE" in main_at("Opposition leader Ann Vale slammed President Tomas Brell.", "slammed")
    assert "ACCUSE" not in main_types("The star slammed the door on a return to the band.")
