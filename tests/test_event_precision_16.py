"""Precision: words of acts that tell of no political act here. Thanking or praising private people
(drivers, nurses, one's supporters, God) and the formula "Thank you"; aid named by where it went ("the first aid to enter the
port"), with no giver told; meeting a bar ("a threshold met by two candidates", "if the
commitments are met"); a word inside the name of a body ("the Collective Security Treaty
Organization", "Keep the Promise PAC"); blame laid on the weather or on prices; defending a
notion. The acts these words name with a party stay."""

from __future__ import annotations

import pytest

from event_support import events_of, main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The Dorvan health minister thanked the drivers who brought the convoy through the mountains.",
            "thanked",
        ),
        (
            "Oskel President Arno Veld thanked the nurses and volunteers at the Pellane clinic on Tuesday.",
            "thanked",
        ),
        ("Ann Vale thanked her supporters at a rally in Pellane on Tuesday night.", "thanked"),
        ('"Thank God, nobody was hurt," said Tomas Brell, the mayor of Oskel.', "Thank"),
        ('Arno Veld posted a message reading "Thank you Pellane!" moments after the polls closed.', "Thank"),
        ('"Thank you, son," Veld replied to the heckler at the rally in Oskel.', "Thank"),
    ],
)
def test_thanking_private_people_backs_no_party(text: str, trigger: str) -> None:
    assert "SUPPORT" not in main_at(text, trigger)


def test_thanking_drivers_backs_no_party_but_thanking_a_government_does() -> None:
    assert "SUPPORT" not in main_at("Oskel's mayor praised the firefighters and the volunteers.", "praised")
    assert "SUPPORT" in main_at("Arno Veld thanked the Kessarian government for its help.", "thanked")
    told = '"We thank you for your help," the Dorvan minister told the Marovian envoy.'
    assert "SUPPORT" in main_at(told, "thank")
    assert "SUPPORT" in main_at(
        "The Marovian foreign minister praised the Oskel police for their restraint.", "praised"
    )


def test_aid_named_by_where_it_went_has_no_giver() -> None:
    text = (
        "Marovia lifted its blockade of Kessaria on Monday. Five trucks carried the first aid to enter "
        "the port of Kessaria in six months."
    )
    assert "AID" not in main_types(text)
    reached = (
        "Marovia lifted its blockade on Monday. Five trucks carried aid that reached the port of Kessaria."
    )
    assert "AID" not in main_types(reached)
    carried = "Marovia lifted its blockade on Monday. Five trucks carried aid to the port of Kessaria."
    assert "AID" in main_types(carried)  # aid carried somewhere is still aid


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Only two candidates have reached the polling threshold met by Ann Vale and Tomas Brell.", "met"),
        ("Even if all the commitments are met, the plan will fall short, Lena Ruto said.", "met"),
        ('"We have met every deadline so far, and we will meet this one too," he said.', "meet"),
    ],
)
def test_meeting_a_bar_is_no_meeting(text: str, trigger: str) -> None:
    # no event at all, not even one a condition or a promise holds back
    assert [e.type for e in events_of(text) if e.trigger.text == trigger] == []


def test_a_threshold_met_is_no_meeting_but_meeting_someone_is() -> None:
    assert (
        main_at("Only two candidates reached the polling threshold met by Ann Vale and Tomas Brell.", "met")
        == []
    )
    assert "CONSULT" in main_at("Ann Vale met with Tomas Brell in Pellane on Tuesday.", "met")


def test_a_word_inside_a_name_is_no_act_but_the_last_word_may_be() -> None:
    assert "AGREE" not in main_types(
        "Lena Ruto is president of Keep the Promise PAC, a group backing Tomas Brell."
    )
    text = "Last November, Dorvan held the Kessar Joint Maritime Exercise with Marovia."
    assert "COOPERATE" in main_types(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Ferry services to Oskel were suspended, but port officials blamed high waves rather than the "
            "Marovian naval drills.",
            "blamed",
        ),
        ("In Pellane, residents complain of soaring costs and long queues for fuel.", "complain"),
        ("The Oskel navy blamed the fog of war for the collision at sea.", "blamed"),
    ],
)
def test_blame_laid_on_a_condition_accuses_no_one(text: str, trigger: str) -> None:
    assert "ACCUSE" not in main_at(text, trigger)


def test_blame_laid_on_rain_alone_accuses_no_one_but_on_a_party_does() -> None:
    assert "ACCUSE" not in main_at("The Oskel ministry blamed the heavy rain for the delays.", "blamed")
    assert "ACCUSE" in main_at("Veld blamed the heavy rain and the Velmar Front for the delays.", "blamed")
    assert "ACCUSE" in main_at("Residents complained of harassment by the Marovian police.", "complained")


def test_defending_a_notion_backs_no_party() -> None:
    text = "Ann Vale continued to defend the notion that a leaked memo had caused the riot in Oskel."
    assert "SUPPORT" not in main_at(text, "defend")
    assert "SUPPORT" in main_at("Marovia defended the Velmar Front against the charges.", "defended")
