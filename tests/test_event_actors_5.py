"""Event actors, fifth round, on invented sentences: the agent of a participle describing an attack,
single attackers named by their role, the body one is expelled from, the side one is killed fighting,
the subject next to its verb, nationality words listed among agents, the body whose meeting it is,
and no speaker standing in for "another".
"""

from __future__ import annotations

import pytest

from event_support import actor_names, argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a noun trigger described by a passive participle with a by-agent
        ("The raids, conducted by Marovian police overnight, targeted opposition offices in Oskel.",
         "raids", "Marovian police"),
        ("An offensive launched by forces in the Oskel region last week has pushed the rebels out of two "
         "towns.", "offensive", "forces"),
        # an event whose subject is such an attack: whoever carried it out did the killing
        ("Attacks carried out by the Velmar Front have killed dozens of soldiers in Kessaria.", "killed",
         "Velmar Front"),
    ],
)  # fmt: skip
def test_the_agent_of_a_participle_describing_an_attack_acts(text: str, trigger: str, actor: str) -> None:
    assert actor in actor_names(text, trigger)


def test_only_a_verb_of_carrying_out_makes_the_subjects_agent_the_actor() -> None:
    text = "Soldiers trained by Marovian officers attacked a village near Oskel on Monday."
    assert "Marovian officers" not in actor_names(text, "attacked")
    text = "Raids conducted by the Velmar Front killed two guards near Oskel on Monday."
    assert "Velmar Front" in actor_names(text, "killed")


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("On Sunday a lone suicide bomber detonated a vest outside the Oskel barracks.", "detonated",
         "suicide bomber"),
        ("An assailant stabbed a Marovian diplomat in Pellane on Sunday.", "stabbed", "assailant"),
        ("Several armed prisoners exchanged gunfire with wardens inside the Dorvan jail on Monday.",
         "exchanged gunfire", "prisoners"),
    ],
)  # fmt: skip
def test_an_attacker_named_by_a_role_acts(text: str, trigger: str, actor: str) -> None:
    assert any(actor in name for name in actor_names(text, trigger))


def test_the_body_one_is_expelled_from_expels() -> None:
    text = "On Friday, Tomas Brell was expelled from the Velmar Front for criticizing its leader."
    actors, recipients = argument_names(text, "expelled")
    assert actors == ["Velmar Front"]
    assert recipients == ["Tomas Brell"]
    # a by-agent still says who did it
    text = "Tomas Brell was expelled from the Velmar Front by its leader Arno Veld."
    assert actor_names(text, "expelled") == ["Arno Veld"]


def test_the_side_one_is_killed_fighting_killed() -> None:
    text = "Arno Veld was killed in a shootout with police near Oskel late on Friday."
    actors, recipients = argument_names(text, "killed")
    assert actors == ["police"]
    assert recipients == ["Arno Veld"]


def test_the_subject_next_to_the_verb_is_its_subject_not_a_heading_run_in() -> None:
    text = (
        "Regional reaction A Marovian Foreign Ministry spokesperson expressed regret over the deaths and "
        "urged the Kessarian government to restore order."
    )
    # the spokesperson, and the ministry he speaks for (test_event_actors_7)
    assert actor_names(text, "urged") == [
        "Marovian Foreign Ministry spokesperson",
        "Marovian Foreign Ministry",
    ]


def test_nationality_words_listed_among_the_agents_are_their_nations() -> None:
    text = (
        "Last week, Arno Veld was criticized by United Nations, French, Chinese and Mexican envoys at a "
        "meeting in Geneva."
    )
    names = actor_names(text, "criticized")
    assert {"United Nations", "French", "Chinese", "Mexican"} <= set(names)


def test_the_body_whose_meeting_it_is_takes_part() -> None:
    text = (
        "At a European Union meeting about Kessaria on Monday, Marovia's envoy Lena Ruto said Dorvan had "
        "failed to stop the rebels."
    )
    assert "European Union" in actor_names(text, "meeting")
    assert "NATO" in actor_names("Arno Veld attended a NATO summit in Pellane on Monday.",
                                 "attended a NATO summit")  # fmt: skip


def test_another_is_not_the_speaker() -> None:
    text = "Ann Vale says one of the soldiers recognized her but another fired at her car."
    assert "Ann Vale" not in actor_names(text, "fired")


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("On Saturday the Marovian army chief told reporters that his troops had killed 200 Velmar Front "
         "fighters.", "killed", "Marovian army chief"),
        ("Arno Veld's fighters attacked a police post in Oskel on Monday.", "attacked", "Arno Veld"),
    ],
)  # fmt: skip
def test_whose_armed_men_they_are_acts_through_them(text: str, trigger: str, actor: str) -> None:
    assert actor in actor_names(text, trigger)


def test_who_claims_responsibility_for_an_attack_did_it() -> None:
    text = "The Velmar Front claimed responsibility for attacking a police post near Oskel."
    assert actor_names(text, "attacking") == ["Velmar Front"]
