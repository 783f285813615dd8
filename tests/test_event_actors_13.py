"""Event actors, thirteenth round, on invented sentences: events found at the right word but
credited to the wrong actor. Two nationalities before one noun trigger are two actors; a
participle set off after a subject is that subject's act; who keeps a thing frozen froze it;
envoys of several listed countries act for each; a pronoun opening a fronted clause is the named
subject of the clause it opens; a wire dateline in ordinary case with its agency in brackets is
no subject."""

from __future__ import annotations

import pytest

from dateline.nlp import wire_dateline_end
from event_support import actor_names


def test_two_nationalities_before_a_noun_trigger_are_two_actors() -> None:
    text = (
        "The Security Council debated a Chinese and Russian proposal on Tuesday to ease sanctions on Marovia."
    )
    assert actor_names(text, "proposal") == ["Chinese", "Russian"]


def test_a_participle_set_off_after_a_subject_is_its_act() -> None:
    text = "The Velmar Front, later alleging that President Arno Veld wanted to admit refugees, rejected the plan."
    assert actor_names(text, "alleging") == ["Velmar Front"]


def test_who_keeps_a_thing_frozen_froze_it() -> None:
    text = "The European Commission has kept the funds for Marovia frozen over concerns about corruption."
    assert actor_names(text, "frozen") == ["European Commission"]


def test_envoys_of_several_countries_act_for_each() -> None:
    text = "Ministers from Marovia, Dorvan and Kessaria met in Oskel on Tuesday."
    assert {"Marovia", "Dorvan", "Kessaria"} <= set(actor_names(text, "met"))


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("Tomas Brell, who runs the search, is vetting Ms. Ruto and two rivals. Since she endorsed "
         "Mrs. Vale in May, Ms. Ruto has drawn large crowds.", "endorsed", ["Ruto"]),
        ("Tomas Brell spoke to reporters in Oskel on Monday. After he condemned the Velmar Front for "
         "the raids, Arno Veld was sworn in as governor.", "condemned", ["Arno Veld"]),
    ],
)  # fmt: skip
def test_a_pronoun_opening_a_fronted_clause_is_the_subject_named_after_it(
    text: str, trigger: str, actors: list[str]
) -> None:
    assert actor_names(text, trigger) == actors


def test_a_pronoun_in_the_main_clause_keeps_the_one_named_before() -> None:
    text = "Arno Veld flew to Oskel on Monday. When he landed, Tomas Brell praised him for the truce."
    assert actor_names(text, "praised") == ["Tomas Brell"]


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        ("Oskel (AFP) \u2013 Vice President Ann Vale", "Vice President Ann Vale"),
        ("Port Dorvan (Reuters) - Marovia said", "Marovia said"),
    ],
)
def test_a_dateline_in_ordinary_case_with_its_agency(paragraph: str, rest: str) -> None:
    end = wire_dateline_end(paragraph)
    assert end is not None and paragraph[end:] == rest


def test_a_party_tag_in_brackets_makes_no_dateline() -> None:
    assert wire_dateline_end("Lena Ruto (D-Oskel) -- voted against the bill.") is None


def test_the_ordinary_case_dateline_city_does_not_act() -> None:
    text = (
        "Oskel (AFP) \u2013 Vice President Ann Vale on Monday went to Pellane with Lena Ruto for a "
        "rally, blasting Tomas Brell as unfit for office."
    )
    assert actor_names(text, "blasting") == ["Ann Vale"]


def test_the_resistance_group_is_the_armed_group_just_named() -> None:
    text = "A source in the Oskel Brigades said on Friday that the Palestinian resistance group had agreed to a truce."
    assert actor_names(text, "agreed") == ["Oskel Brigades"]


def test_an_arrest_a_police_body_reports_in_the_passive_is_its_own() -> None:
    assert actor_names("Police in Oskel said nine suspects had been arrested.", "arrested") == ["Police"]


def test_an_arrest_a_rights_group_reports_is_not_the_groups() -> None:
    text = "The Oskel Rights Watch said in a statement on Friday that nine activists had been arrested."
    assert "Oskel Rights Watch" not in actor_names(text, "arrested")
