"""Type confusions: events found at the right words but once coded with the wrong PLOVER type.
Drills held together, fighting beside someone, warning shots, force not ruled out, a plea of not
guilty, tariffs cut and a force authorized or supported. Invented sentences only."""

from __future__ import annotations

import pytest

from event_support import events_of, main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dorvan and Marovia plan to hold their annual Sea Shield exercise in March.", "exercise"),
        (
            "Marovia's allies plan to hold their annual naval exercise in June.",
            "hold their annual naval exercise",
        ),
        ("Last year Dorvan held naval drills with Marovia and Kessaria.", "held naval drills"),
    ],
)
def test_drills_held_by_several_states_are_military_cooperation(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == ["COOPERATE"]
    # one state's drills, with what they use, stay a show of force
    assert main_types("Dorvan held naval exercises with live fire near the Marovian coast.") == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Front fought alongside government troops during the war.",
        "Oskel militias fought on the government side during the war in Pellane.",
    ],
)
def test_fighting_beside_a_side_is_cooperation_with_it(text: str) -> None:
    types = main_types(text)
    assert "COOPERATE" in types and "ASSAULT" not in types
    # fighting a side, or on the other side, stays an assault
    assert "ASSAULT" in main_types("The Velmar Front fought government troops during the war.")
    assert "ASSAULT" in main_types("Oskel militias fought on the other side during the war in Pellane.")


def test_warning_shots_threaten() -> None:
    assert main_types("Dorvan troops fired warning shots at the Marovian boat.") == ["THREATEN"]


def test_force_not_ruled_out_is_a_threat_and_talks_are_none() -> None:
    assert "THREATEN" in main_types("Marovia has not ruled out using force to take the island.")
    assert "THREATEN" not in types_of_all("Marovia has not ruled out talks with Dorvan.")


def types_of_all(text: str) -> list[str]:
    return [e.type for e in events_of(text)]


def test_a_plea_of_not_guilty_rejects_the_charge() -> None:
    assert main_types("Tomas Brell and Arno Veld have pleaded not guilty.") == ["REJECT"]
    assert "REJECT" not in main_types("Lena Ruto pleaded with the governor to spare the village.")


def test_tariffs_cut_are_an_easing_and_tariffs_imposed_a_sanction() -> None:
    assert main_types("Dorvan cut tariffs on Marovian goods to 10%.") == ["RETREAT"]
    assert main_types("Dorvan imposed tariffs on Marovian goods.") == ["SANCTION"]


def test_a_trade_rule_suspended_is_an_easing() -> None:
    text = "Dorvan suspended for a year a rule that would have extended export curbs to Marovian firms."
    assert main_types(text) == ["RETREAT"]


def test_a_force_authorized_or_supported_is_aid() -> None:
    text = "In May, the Security Council authorized a larger force of 3,000 police for Pellane."
    assert main_types(text) == ["AID"]
    assert "AID" in types_of_all("Dorvan said it would continue to support the new force.")
    # backing a party, or authorizing an arrest, gives no aid
    assert "AID" not in types_of_all("Dorvan said it would continue to support the opposition.")
    assert "AID" not in main_types("The president authorized the arrest of Tomas Brell.")
