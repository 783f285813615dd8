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
            "Marovian army officers warned in May of a likely return of the insurgents in Dorvan.",
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
        "At last they struck on the plan that the village needed a new well.",
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
        "Tomas Brell gladly welcomed the flow of overseas money into Velmar.",
    ],
)
def test_welcoming_goods_that_arrive_backs_no_one(text: str) -> None:
    assert "SUPPORT" not in types_of(text)
    assert "SUPPORT" in types_of("Kelmar welcomed the ceasefire deal.")


def test_a_law_gives_no_aid() -> None:
    text = "Marovia's revised coastal shipping code will help Dorvan extend its grip on the northern waters."
    types = types_of(text)
    assert "AID" not in types and "AGREE" not in types and "REQUEST" not in types
    assert "AID" in types_of("The World Food Programme provided food to 2 million people in Kessaria.")


@pytest.mark.parametrize(
    "text",
    [
        "As for Oskel, he hopes the museum will let visitors discover the ancient towns.",
        "Envoy Lena Ruto has said she hopes a truce between Marovia and Pellane could take hold within weeks.",
    ],
)
def test_hoping_that_a_thing_happens_asks_no_one(text: str) -> None:
    assert "REQUEST" not in types_of(text)
    # Hoping or wanting that a party acts, or that an act is done to someone, still asks for it.
    assert "REQUEST" in types_of("Kessaria hopes the prisoners will be freed soon.")
    assert "REQUEST" in types_of("Kessaria wants the hostages released.")
    assert "REQUEST" in types_of("Kessaria wants Marovia to withdraw its troops.")


def test_called_for_someone_to_act_is_a_request_that_governs_the_act() -> None:
    events = events_of("Tomas Brell called for Marovia to lift its ban on grain exports.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and requests[0].trigger.text == "called"
    lifted = [e for e in events if e.trigger.text == "lift"]
    assert lifted and lifted[0].governed_by == requests[0].id
