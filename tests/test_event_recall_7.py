"""Events of domestic political news that dateline missed (event type recall, round 7), on invented
sentences: colloquial verbs of criticism and of campaigning for someone; accusations and inquiries
that say what they are about; attacks named with their place, date or target; epithets spoken
about an actor; one person attacking another in words."""

from __future__ import annotations

import pytest

from event_support import main_at, main_events


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Senator Ann Vale mocked Arno Veld on Sunday.", "mocked", "ACCUSE"),
        ("Arno Veld rubbished the budget plan of Ann Vale in a speech.", "rubbished", "ACCUSE"),
        ("At the rally Ann Vale railed against the Pellane government.", "railed", "ACCUSE"),
        ("Governor Tomas Brell derided the Velmar Front as a club of cranks.", "derided", "ACCUSE"),
        ("Tomas Brell stumped for Ann Vale in Oskel on Friday.", "stumped", "SUPPORT"),
        ("Arno Veld extolled the new governor in a speech.", "extolled", "SUPPORT"),
    ],
)
def test_verbs_of_criticism_and_praise(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Lena Ruto was removed from office amid accusations of corruption.", "accusations"),
        (
            "Papers were released in the investigation of Arno Veld's use of a private server.",
            "investigation",
        ),
        ("The Dorvan police chief's probe into the Oskel contracts has stalled.", "probe"),
    ],
)
def test_accusations_that_say_what_they_are_about(text: str, trigger: str) -> None:
    # an accusation or an inquiry that names what it is about was made, wherever the noun stands
    assert "ACCUSE" in main_at(text, trigger)


def test_a_bare_accusation_noun_is_a_topic() -> None:
    # with nothing said about whom or what, "accusations" may be a topic of talk only
    assert main_at("Reporters asked Ann Vale about accusations of fraud against Arno Veld.", "accusations")
    assert main_at("Reporters asked Ann Vale about accusations in general.", "accusations") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The attacks in Kessaria have set off a bitter debate among Marovian candidates.", "attacks"),
        ("Ann Vale spoke to reporters soon after Sunday's massacre in Oskel.", "massacre"),
        ("Her hearing on the attack on the Marovian consulate drew large crowds.", "attack"),
    ],
)
def test_attacks_named_with_their_place_date_or_target(text: str, trigger: str) -> None:
    assert "ASSAULT" in main_at(text, trigger)


def test_what_an_allegation_is_about_is_no_act_of_its_own() -> None:
    # "the kidnapping allegations" is an accusation, not a kidnapping
    types = main_at("Kessaria has called the kidnapping allegations baseless, Lena Ruto said.", "kidnapping")
    assert types == []
    assert "ASSAULT" in main_at(
        "Ann Vale spoke after the kidnapping of two envoys in Oskel last week.", "kidnapping"
    )


def test_epithets_spoken_about_an_actor_are_blame() -> None:
    events = main_events('"Arno Veld is a bully and unfit to lead Marovia," Ann Vale said.')
    assert any(e.type == "ACCUSE" and e.mode == "disapprove" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Senator Ann Vale began attacking Senator Arno Veld on Monday.", "attacking"),
        ("Senator Ann Vale's attacks on Senator Arno Veld grew sharper.", "attacks"),
    ],
)
def test_one_person_attacking_another_in_words(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == ["ACCUSE"]


def test_an_armed_attack_on_a_person_stays_an_assault() -> None:
    assert main_at("Gunmen attacked Arno Veld in Oskel on Monday.", "attacked") == ["ASSAULT"]
