"""Third round of everyday senses that are no political act (issue 13), on invented sentences.

A warning of a danger or a judgement, a strike on an idea or at a balance, a crowd massing, a
demonstrated strength, welcomed vaccines, a law that helps, a hope that a thing happens, help to
someone's own act: none is a political event. The same words between political actors still are,
and "called for X to do" is a request.
"""

from __future__ import annotations

import pytest

from event_support import events_of, types_of


@pytest.mark.parametrize(
    ("danger", "threat"),
    [
        (
            "U.S. military officials warned in July of a possible resurgence of the rebels in Pellane.",
            "Marovia warned of dire consequences.",
        ),
        (
            "“It is really important to stress that the situation in Pellane could get worse,” the envoy warned.",
            "Marovia warned that it would close the strait.",
        ),
    ],
)
def test_a_warning_of_a_danger_or_a_judgement_is_no_threat(danger: str, threat: str) -> None:
    assert "THREATEN" not in types_of(danger)
    assert "THREATEN" in types_of(threat)
    assert "THREATEN" in types_of("Marovia warned against any attack on its forces.")


@pytest.mark.parametrize(
    "text",
    [
        "In the end we struck on the idea that we needed to be economical with the truth.",
        "The Marovian president struck a conciliatory tone in his speech.",
        "The member states of the bloc struck an accord on digital vaccine passports.",
    ],
)
def test_striking_an_idea_a_tone_or_an_accord_is_no_assault(text: str) -> None:
    assert "ASSAULT" not in types_of(text)
    assert "ASSAULT" in types_of("Rebels struck a police post near Pellane.")


def test_a_crowd_massing_mobilizes_no_forces() -> None:
    assert "MOBILIZE" not in types_of("Protesters massed outside the parliament in Dorvan.")
    assert "MOBILIZE" in types_of("Russia massed troops on the border with Ukraine.")
    assert "MOBILIZE" in types_of("Thousands of Kessarian troops massed near the border.")


def test_demonstrating_a_strength_is_no_protest() -> None:
    text = "Japan held the naval exercise with three partners to demonstrate the group's naval strength."
    assert "PROTEST" not in types_of(text)
    assert "PROTEST" in types_of("Thousands demonstrated against the government in Dorvan.")


@pytest.mark.parametrize(
    "text",
    [
        "President Duterte personally welcomed the vaccines.",
        "The minister fully welcomed the influx of foreign capital into Japan.",
    ],
)
def test_welcoming_goods_that_arrive_backs_no_one(text: str) -> None:
    assert "SUPPORT" not in types_of(text)
    assert "SUPPORT" in types_of("Kelmar welcomed the ceasefire deal.")


def test_a_law_gives_no_aid() -> None:
    text = (
        "A Chinese update to its maritime traffic law will help Beijing tighten control over disputed seas."
    )
    types = types_of(text)
    assert "AID" not in types and "AGREE" not in types and "REQUEST" not in types
    assert "AID" in types_of("The World Food Programme provided food to 2 million people in Kessaria.")


@pytest.mark.parametrize(
    "text",
    [
        "As for Banjai, he hopes the project will allow others to learn about the old kingdoms.",
        "Secretary of State Rubio has said he hopes a ceasefire between Russia and Ukraine could take "
        "place within days.",
    ],
)
def test_hoping_that_a_thing_happens_asks_no_one(text: str) -> None:
    assert "REQUEST" not in types_of(text)
    # Hoping or wanting that a party acts, or that an act is done to someone, still asks for it.
    assert "REQUEST" in types_of("Kessaria hopes the prisoners will be freed soon.")
    assert "REQUEST" in types_of("Kessaria wants the hostages released.")
    assert "REQUEST" in types_of("Kessaria wants Marovia to withdraw its troops.")


def test_called_for_someone_to_act_is_a_request_that_governs_the_act() -> None:
    events = events_of("Bennett called for the Taliban to lift the travel ban.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and requests[0].trigger.text == "called"
    lifted = [e for e in events if e.trigger.text == "lift"]
    assert lifted and lifted[0].governed_by == requests[0].id
