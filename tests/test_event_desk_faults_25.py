"""Faults seen on the desk: a document or a plural body that acts borrowing a person's actors,
and a fight for control of a place read as advocacy. All sentences are invented."""

from __future__ import annotations

from event_support import argument_names, events_of


def _event_types(text: str, trigger: str) -> list[str]:
    return [e.type for e in events_of(text) if e.trigger.text == trigger]


# --- 1. a document that speaks is its own requester, or its author's


def test_a_draft_that_calls_on_a_party_takes_no_nearby_speakers_actor() -> None:
    text = (
        "The foreign minister asked donors for more aid on Monday. "
        "The draft also calls on armed groups to lay down their weapons."
    )
    actors, recipients = argument_names(text, "calls")
    assert "foreign minister" not in actors
    assert recipients == ["armed groups"]


def test_a_draft_takes_the_author_the_story_named() -> None:
    text = (
        "Norway circulated a draft among council members on Monday. "
        "The foreign minister asked donors for more aid. "
        "The draft also calls on armed groups to lay down their weapons."
    )
    actors, _ = argument_names(text, "calls")
    assert actors == ["Norway"]


def test_a_statement_takes_the_one_that_spoke_in_it() -> None:
    text = (
        "The Kessarian defence ministry said in a statement that two posts had come under fire. "
        "The foreign minister asked donors for more aid. "
        "The statement also demanded the release of the detained guards."
    )
    actors, _ = argument_names(text, "demanded")
    assert len(actors) == 1 and "ministry" in actors[0]


# --- 2. a plural noun for a body names its own group, not a person nearby


def test_member_states_do_not_borrow_a_president_and_his_country() -> None:
    text = (
        "President Ruto visited Uganda on Monday. "
        "Officials said member states had agreed to extend the observer mission."
    )
    actors, _ = argument_names(text, "agreed")
    assert "Ruto" not in actors and "Uganda" not in actors


def test_the_parties_do_not_borrow_a_person() -> None:
    text = (
        "Envoy Tomas Brell praised the mediators on Sunday. The parties agreed to extend the truce by a week."
    )
    actors, _ = argument_names(text, "agreed")
    assert "Tomas Brell" not in actors


# --- 3. fighting for control of a place is fighting, not advocacy


def test_fighting_for_control_of_a_town_is_an_assault_between_the_sides() -> None:
    text = "Rebels and the army fought for control of the town on Sunday."
    assert _event_types(text, "fought") == ["ASSAULT"]
    actors, recipients = argument_names(text, "fought")
    assert set(actors) == {"Rebels", "army"}
    assert "town" not in " ".join(recipients)


def test_the_place_fought_over_is_no_recipient() -> None:
    text = "Rebels and the army fought for control of Aleppo on Sunday."
    actors, recipients = argument_names(text, "fought")
    assert set(actors) == {"Rebels", "army"}
    assert not any("Aleppo" in r for r in recipients)


def test_fighting_for_territory_is_an_assault() -> None:
    assert _event_types("The two militias fought for territory in the north last week.", "fought") == [
        "ASSAULT"
    ]


# --- 4. a doerless arrest takes no actor from words backing something else


def test_an_arrest_takes_no_actor_from_a_minister_defending_a_verdict() -> None:
    text = (
        "The information minister defended the court's verdict on Monday. "
        "Three reporters were arrested in the capital on Tuesday."
    )
    actors, recipients = argument_names(text, "arrested")
    assert "information minister" not in actors
    assert recipients == ["reporters"] or "reporters" in " ".join(recipients)
