"""Attribution recall, round 5: an infinitive its subject aims at is what a learned verb attributes
('sought to block ...', never 'declined to comment' or 'plans to'), a complement runs on past a
verb that reports no speech of its own ('cited old records to back its claim'), and more subjects
are someone: a share of people ('Many of the delegates') and nouns for people and bodies ('her
allies', 'the board')."""

from __future__ import annotations

from spacy.language import Language

from attribution_support import by_cue, quotes_of


def test_an_aimed_infinitive_is_the_content(nlp: Language) -> None:
    found = by_cue(quotes_of(nlp, "The Velmar Front sought to block the new tariff on Oskel grain."))
    assert found["seek"] == ("Velmar Front", ["to block the new tariff on Oskel grain"])


def test_a_decision_to_act_is_attributed(nlp: Language) -> None:
    found = by_cue(quotes_of(nlp, "Tomas Brell decided to run for the Kessaria senate seat."))
    assert found["decide"] == ("Tomas Brell", ["to run for the Kessaria senate seat"])


def test_what_is_declined_or_only_planned_is_no_attribution(nlp: Language) -> None:
    assert quotes_of(nlp, "Arno Veld declined to comment on the tariff.") == []
    assert quotes_of(nlp, "Dorvan plans to open a new port on the northern coast.") == []
    assert quotes_of(nlp, "The Marovia farmers union hopes to win new subsidies this year.") == []


def test_a_complement_runs_on_past_a_verb_that_is_no_speech(nlp: Language) -> None:
    found = by_cue(quotes_of(nlp, "The ministry cited old records to back its claim to the Pellane reef."))
    assert found["cite"] == ("The ministry", ["old records to back its claim to the Pellane reef"])


def test_a_share_of_people_is_someone(nlp: Language) -> None:
    text = "Many of the delegates backed the proposal to cut fuel taxes in Kessaria."
    found = by_cue(quotes_of(nlp, text))
    assert found["back"] == ("Many", ["the proposal to cut fuel taxes in Kessaria"])


def test_nouns_for_people_and_bodies_are_someone(nlp: Language) -> None:
    found = by_cue(quotes_of(nlp, "Her allies attacked the plan to close the Dorvan mine."))
    assert found["attack"] == ("Her allies", ["the plan to close the Dorvan mine"])
    found = by_cue(quotes_of(nlp, "The league's board voted to expel the Pellane club from the cup."))
    assert found["vote"] == ("The league's board", ["to expel the Pellane club from the cup"])
