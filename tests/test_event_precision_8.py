"""Event precision, round 8: senses of event words that are no political event. A word of an act
naming a kind of thing ("attack helicopters"), a release of documents, one person's protests, a
threat or a warning of a danger, welcoming guests, rallying one's supporters, reinforcing a
perception, a clash over a topic, paper burning, defending a compound. Each test also checks that
the political sense beside it stays. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import events_of


def types_at(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in events_of(text)]


def kinds(text: str) -> list[str]:
    return [e.type for e in events_of(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Marovia sent two attack helicopters to Oskel.", "ASSAULT"),
        ("Kessaria ordered six attack submarines from Marovia.", "ASSAULT"),
        ("Arno Veld hopes they have kidnapping insurance.", "ASSAULT"),
        ("The Velmar Front is facing attack ads in Oskel.", "ASSAULT"),
        ("Ann Vale launched a protest song about the Oskel dam.", "PROTEST"),
    ],
)
def test_a_word_of_an_act_naming_a_kind_of_thing_is_no_event(text: str, kind: str) -> None:
    assert kind not in kinds(text), types_at(text)
    # the head of the phrase is the act, or carries it: an act
    assert "AID" in kinds("Pellane has received six bailout packages from the fund.")


def test_a_release_of_documents_frees_no_one() -> None:
    text = "The group's release of the emails from the Velmar Front exposed private data."
    assert "RETREAT" not in kinds(text), types_at(text)
    assert ("RETREAT", "release") in types_at("Dorvan won the release of two Marovian sailors.")


@pytest.mark.parametrize(
    "text",
    [
        "Despite her numerous protests, the evidence against Ann Vale keeps growing.",
    ],
)
def test_one_persons_protests_are_objections(text: str) -> None:
    assert "PROTEST" not in kinds(text), types_at(text)
    assert ("PROTEST", "protests") in types_at("The students' protests spread to Oskel.")


@pytest.mark.parametrize(
    "text",
    [
        "Marovians again face the threat of terrorism, Arno Veld wrote.",
        "Lena Ruto cited reports of growing unrest in Oskel, including this week's police warnings of "
        "intrusions into the state voting systems.",
    ],
)
def test_a_threat_or_warning_of_a_danger_is_no_threat(text: str) -> None:
    assert "THREATEN" not in kinds(text), types_at(text)
    # a threat that names the threatener's own act stays one
    assert "THREATEN" in kinds("Dorvan issued warnings of retaliation against Kessaria.")
    assert "THREATEN" in kinds("Kessaria faces the threat of new sanctions from Dorvan.")


@pytest.mark.parametrize(
    "text",
    [
        "Arno Veld welcomed the Dorvan delegation to the Pellane palace for a dinner.",
        "The mayor of Oskel welcomed Ann Vale to visit the city.",
    ],
)
def test_welcoming_guests_is_hospitality(text: str) -> None:
    assert "SUPPORT" not in kinds(text), types_at(text)
    assert ("SUPPORT", "welcomed") in types_at("Marovia welcomed Kessaria to the alliance.")
    assert ("SUPPORT", "welcomed") in types_at("Marovia welcomed the ceasefire deal.")


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ann Vale rallied her supporters in Oskel on Friday.",
        "Tomas Brell rallied young voters with his calls for reform.",
    ],
)
def test_rallying_ones_supporters_is_campaigning(text: str) -> None:
    assert "PROTEST" not in kinds(text), types_at(text)
    assert ("PROTEST", "rallied") in types_at("Thousands of students rallied in Oskel against the decree.")


@pytest.mark.parametrize(
    "text",
    [
        "Her speech only reinforced the perception that she was weak.",
        "Lena Ruto reinforced to Ann Vale the company's commitment to the Oskel plant.",
    ],
)
def test_reinforcing_a_view_mobilizes_no_one(text: str) -> None:
    assert "MOBILIZE" not in kinds(text), types_at(text)
    assert ("MOBILIZE", "reinforced") in types_at("Dorvan reinforced its troops along the border.")


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell and the Velmar Front clashed over how to publish the files.",
        "Dorvan Leaks and Tomas Brell clash over party emails.",
    ],
)
def test_a_clash_over_a_topic_is_a_dispute(text: str) -> None:
    assert not {"ASSAULT", "PROTEST"} & set(kinds(text)), types_at(text)
    assert ("PROTEST", "clashed") in types_at("Protesters clashed with police over the new decree.")
    assert ("ASSAULT", "clashed") in types_at("Marovian troops clashed with rebels over the town.")


@pytest.mark.parametrize(
    "text",
    [
        "The ad showed old letters burning in a stove.",
        "The aging Marovian jet burns 9,000 dollars in fuel every hour.",
    ],
)
def test_things_burning_with_no_attacker_are_no_attack(text: str) -> None:
    assert "ASSAULT" not in kinds(text), types_at(text)
    assert ("PROTEST", "burned") in types_at("Rioters burned the Dorvan embassy.")


@pytest.mark.parametrize(
    "text",
    [
        "Marovian soldiers defended the compound after armed attackers stormed it.",
        "Arno Veld said the allies would show their firm resolve to deter and defend against Dorvan "
        "aggression.",
        "The Velmar Front must defend 24 seats in the spring vote.",
    ],
)
def test_defending_a_site_backs_no_one(text: str) -> None:
    assert "SUPPORT" not in kinds(text), types_at(text)
    assert ("SUPPORT", "defended") in types_at("Ann Vale defended Tomas Brell against the charges.")
