"""Events the news states that dateline missed entirely (event type recall, round 6), on invented
sentences: sexual violence, terrorizing, incarceration and expulsion verbs; "calls on" as a noun;
a second act conjoined to a main verb in the past; an attack noun named with its doer."""

from __future__ import annotations

import pytest

from event_support import actor_names, events_of, main_at, main_events, record_of


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Militias raped women in Dorvan, said Tomas Brell.", "raped", "ASSAULT"),
        (
            "Velmar Front fighters have been terrorizing villagers in Oskel for months.",
            "terrorizing",
            "ASSAULT",
        ),
        ("The Marovian police incarcerated Arno Veld in March.", "incarcerated", "COERCE"),
        ("A border skirmish broke out between Marovian and Pellane troops on Sunday.", "skirmish", "ASSAULT"),
        (
            "Ann Vale said the incarcerations of Velmar Front leaders that are taking place are a deep concern.",
            "incarcerations",
            "COERCE",
        ),
        ("The Velmar Front kicked out the Pellane observers last week.", "kicked out", "COERCE"),
        (
            "Arno Veld said their repeated calls on the Velmar Front to end the war have gone unanswered.",
            "calls",
            "REQUEST",
        ),
    ],
)
def test_new_trigger_words(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


def test_rape_noun_as_subject_of_an_aspectual_verb() -> None:
    # a noun trigger fires where the act happened ("the rape of ... began")
    assert any(
        e.type == "ASSAULT"
        for e in events_of("The systematic rape of detainees began after the Dorvan coup.")
    )


def test_second_past_act_conjoined_to_the_main_verb_is_counted() -> None:
    text = "The Velmar Front denounced the delay and threatened to break the truce with Marovia."
    assert main_at(text, "denounced") == ["ACCUSE"]
    assert main_at(text, "threatened") == ["THREATEN"]


def test_rejection_then_request_in_one_sentence() -> None:
    text = "Ann Vale rejected the Pellane offer and asked instead for a full withdrawal."
    assert "REJECT" in main_at(text, "rejected")
    assert "REQUEST" in main_at(text, "asked")


def test_conjoined_passive_participles_stay_governed() -> None:
    # "were detained and beaten": one passive clause, its second verb hangs on the first
    record = record_of("Marovian reporters were detained and beaten by the Velmar Front.")
    beaten = [e for e in record.events if e.trigger.text == "beaten"]
    assert beaten and beaten[0].governed_by is not None


def test_conjoined_acts_of_one_type_stay_governed() -> None:
    record = record_of("The Velmar Front attacked the depot and shelled the bridge near Oskel.")
    shelled = [e for e in record.events if e.trigger.text == "shelled"]
    assert shelled and shelled[0].governed_by is not None


def test_attack_noun_named_with_its_doer() -> None:
    text = "Reports said two major Velmar Front attacks in 2013 had involved fighters from the camp."
    assert "ASSAULT" in main_at(text, "attacks")
    assert "Velmar Front" in actor_names(text, "attacks")


def test_named_pact_is_no_agreement() -> None:
    # a named talks or pact noun is only a name, not an act with its doer
    assert "AGREE" not in [e.type for e in main_events("Lena Ruto said the Kessaria pact still stood.")]
