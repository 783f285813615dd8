"""Attribution recall, round 5: an infinitive its subject aims at is what a learned verb attributes
('sought to block ...', never 'declined to comment' or 'plans to'), a complement runs on past a
verb that reports no speech of its own ('cited old records to back its claim'), and more subjects
are someone: a share of people ('Many of the delegates') and nouns for people and bodies ('her
allies', 'the board')."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.attributions import find_attributions
from dateline.extract.entities import find_entities
from dateline.model import Quote


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return find_attributions(doc, find_entities(doc))


def _by_cue(quotes: list[Quote]) -> dict[str, tuple[str | None, list[str]]]:
    return {
        q.cue_lemma or "": (q.speaker.text if q.speaker else None, [s.text for s in q.content])
        for q in quotes
    }


def test_an_aimed_infinitive_is_the_content(nlp: Language) -> None:
    found = _by_cue(_quotes(nlp, "The Velmar Front sought to block the new tariff on Oskel grain."))
    assert found["seek"] == ("Velmar Front", ["to block the new tariff on Oskel grain"])


def test_a_decision_to_act_is_attributed(nlp: Language) -> None:
    found = _by_cue(_quotes(nlp, "Tomas Brell decided to run for the Kessaria senate seat."))
    assert found["decide"] == ("Tomas Brell", ["to run for the Kessaria senate seat"])


def test_what_is_declined_or_only_planned_is_no_attribution(nlp: Language) -> None:
    assert _quotes(nlp, "Arno Veld declined to comment on the tariff.") == []
    assert _quotes(nlp, "Dorvan plans to open a new port on the northern coast.") == []
    assert _quotes(nlp, "The Marovia farmers union hopes to win new subsidies this year.") == []


def test_a_complement_runs_on_past_a_verb_that_is_no_speech(nlp: Language) -> None:
    found = _by_cue(_quotes(nlp, "The ministry cited old records to back its claim to the Pellane reef."))
    assert found["cite"] == ("The ministry", ["old records to back its claim to the Pellane reef"])


def test_a_share_of_people_is_someone(nlp: Language) -> None:
    text = "Many of the delegates backed the proposal to cut fuel taxes in Kessaria."
    found = _by_cue(_quotes(nlp, text))
    assert found["back"] == ("Many", ["the proposal to cut fuel taxes in Kessaria"])


def test_nouns_for_people_and_bodies_are_someone(nlp: Language) -> None:
    found = _by_cue(_quotes(nlp, "Her allies attacked the plan to close the Dorvan mine."))
    assert found["attack"] == ("Her allies", ["the plan to close the Dorvan mine"])
    found = _by_cue(_quotes(nlp, "The league's board voted to expel the Pellane club from the cup."))
    assert found["vote"] == ("The league's board", ["to expel the Pellane club from the cup"])
