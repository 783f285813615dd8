"""Words of events that tell no political act in VOA-style international copy: weather and road
crashes that close, destroy or kill; observers deployed; pressing ahead with a plan; defending
oneself or a title; warnings of a state of things; a contest suspended; rivals meeting in a runoff. Invented sentences."""

from __future__ import annotations

from event_support import main_at, main_types


def test_snow_and_mud_are_no_doers() -> None:
    assert main_types("Heavy snowfall closed the mountain roads of Oskel this week, stranding drivers.") == []
    assert (
        main_at(
            "A mudflow destroyed a bridge on the new road from Pellane to Velmar last spring.", "destroyed"
        )
        == []
    )
    assert (
        main_at("The crossing into Dorvan was closed for three days because of heavy snow.", "closed") == []
    )
    assert main_at("The crossing into Dorvan was closed by Marovian troops on Monday.", "closed") == [
        "COERCE"
    ]


def test_people_hurt_when_a_vehicle_crashes_are_no_victims_of_violence() -> None:
    text = "Nine people were injured on Sunday when a minibus collided with a truck near Velmar."
    assert main_at(text, "injured") == []
    text = (
        "Two Kessarian farm hands were killed and six injured when a pickup truck carrying them overturned."
    )
    assert main_at(text, "killed") == [] and main_at(text, "injured") == []
    text = "Two Dorvan guards were killed and six injured when Velmar Front fighters raided a post in Oskel."
    assert main_at(text, "killed") == ["ASSAULT"]


def test_observers_deployed_are_cooperation() -> None:
    assert main_at(
        "The Pellane Union said it would deploy about 60 observers to Marovia for the vote.", "deploy"
    ) == ["COOPERATE"]
    assert main_at(
        "A Kessaria observer mission began deploying teams outside Oskel last week.", "deploying"
    ) == ["COOPERATE"]
    assert main_at("Dorvan deployed 3,000 troops to its border with Marovia on Friday.", "deployed") == [
        "MOBILIZE"
    ]


def test_pressing_ahead_with_a_plan_is_no_request() -> None:
    assert main_at("The Velmar Front is pressing ahead with its dam on the Oskel river.", "pressing") == []
    assert main_at("Dorvan pressed Marovia to free the Oskel prisoners.", "pressed") == ["REQUEST"]


def test_defending_oneself_or_a_title_backs_no_one() -> None:
    assert main_at("Tomas Brell said the Dorvan border troops only defended themselves.", "defended") == []
    assert main_at("Marovia will defend its title at the Pellane cup in June.", "defend") == []
    assert main_at("Marovia defended Dorvan against the charges brought by Kessaria.", "defended") == [
        "SUPPORT"
    ]


def test_a_warning_of_a_state_of_things_is_no_threat() -> None:
    text = "The Oskel authority warned that it was running short of money to pay its staff."
    assert main_at(text, "warned") == []
    assert main_at("Officials in Pellane warned that the new roads face floods this spring.", "warned") == []
    assert main_at("Marovia warned that it would close the strait to Dorvan ships.", "warned") == ["THREATEN"]


def test_a_contest_suspended_is_no_sanction() -> None:
    assert main_at("The Oskel rugby competition was suspended until further notice.", "suspended") == []
    assert main_types("Dorvan suspended aid to Marovia on Monday.") == ["SANCTION"]


def test_rivals_meeting_in_a_runoff_hold_no_talks() -> None:
    assert main_at("Ann Vale and Arno Veld will meet in a runoff in Oskel next month.", "meet") == []
    assert main_at("Tomas Brell met Lena Ruto in Pellane on Monday.", "met") == ["CONSULT"]
