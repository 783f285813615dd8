"""The right PLOVER type for an event, and labels that are no blame, on invented sentences.

Mobilizing protests is a protest, not a show of force; expelling a member from a party is a
sanction, expelling someone from a country stays a coercion; the modal of a judgement about an act
("his arrest could be unconstitutional") announces no threat; a word of blame inside an actor's
own mention ("these terrorists") only names it; cooperating with no party named is no event.
"""

from __future__ import annotations

from event_support import events_of, record_of, types_of


def test_mobilizing_protests_is_a_protest_and_mobilizing_troops_a_show_of_force() -> None:
    protest = (
        "Tom Barak, the opposition leader, mobilized protests against President Ann Vale in the capital."
    )
    assert types_of(protest) == ["PROTEST"]
    assert types_of("Marovia mobilized troops on the border with Pellane.") == ["MOBILIZE"]


def test_expelling_a_member_from_a_body_is_a_sanction_and_from_a_country_a_coercion() -> None:
    member = events_of("The ruling Unity Party expelled the veteran Tom Barak from the party in March.")
    assert [(e.type, e.mode) for e in member] == [("SANCTION", "expel")]
    deported = events_of("Marovia expelled the reporter Tom Barak from the country.")
    assert [(e.type, e.mode) for e in deported] == [("COERCE", "expel")]


def test_the_modal_of_a_judgement_about_an_act_announces_no_threat() -> None:
    judged = events_of("Tomas Brell argued that his brother's arrest might be unlawful.")
    assert [e.type for e in judged] == ["COERCE"]
    assert types_of("Marovia said its troops would arrest the rebel leader.") == ["THREATEN"]


def test_a_word_of_blame_inside_an_actor_s_own_mention_only_names_it() -> None:
    label = "“These terrorists took orders from their masters in Dorvan,” Colonel Arno Veld told journalists."
    assert "ACCUSE" not in types_of(label)
    blame = events_of(
        "“The Marovian army committed terrorist attacks,” Pellane's foreign minister Ann Vale said."
    )
    accused = [e for e in blame if e.type == "ACCUSE"]
    assert len(accused) == 1 and accused[0].recipients
    named = record_of("“Marovia is a terrorist state,” Pellane's foreign minister Ann Vale said.")
    names = {e.id: e.name for e in named.entities}
    assert [[names[r] for r in e.recipients] for e in named.events if e.type == "ACCUSE"] == [["Marovia"]]


def test_cooperating_with_no_party_named_is_no_event() -> None:
    generic = "“To collaborate with a terrorist makes you a terrorist,” the Marovian general Tom Barak said."
    assert "COOPERATE" not in types_of(generic)
    assert types_of("Marovia cooperated with Pellane on border security last year.") == ["COOPERATE"]
