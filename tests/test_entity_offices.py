"""Whose office a description names, and what a title's words make of a person's sector."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.entities import find_entities
from dateline.model import Entity


def mentions_of(entities: list[Entity], text: str) -> Entity:
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} in {[e.name for e in entities]}"
    return found[0]


def test_two_countries_envoys_are_two_people(nlp: Language) -> None:
    """Invented countries carry no code to tell their envoys apart: the owner each description
    names does ("Valdoria's envoy" is not Faisal Dareen, whom the story called Karesh's envoy)."""
    text = (
        "Karesh's envoy to the council, Faisal Dareen, rejected the criticism. "
        "He said Karesh would welcome the inspectors.\n"
        "Valdoria's envoy, speaking after the meeting, said his country would press for a vote."
    )
    entities = find_entities(nlp(text)).entities
    dareen = mentions_of(entities, "Faisal Dareen")
    assert "Karesh's envoy" in {m.text for m in dareen.mentions}
    assert "Valdoria's envoy" not in {m.text for m in dareen.mentions}


def test_one_countrys_envoy_named_twice_is_one_person(nlp: Language) -> None:
    """The same owner in both descriptions, once as a nationality: one envoy."""
    text = (
        "Karesh's envoy to the council, Faisal Dareen, rejected the criticism.\n"
        "The Kareshi envoy later said his government would not accept the inspections."
    )
    entities = find_entities(nlp(text)).entities
    dareen = mentions_of(entities, "Faisal Dareen")
    assert "The Kareshi envoy" in {m.text for m in dareen.mentions}


def test_a_director_general_is_no_soldier(nlp: Language) -> None:
    """The word general after another office word is that office's rank, not the army's."""
    text = (
        "The commission's director general, Anneliese Korb, told reporters she had written to "
        "the Kareshi government twice. General Arno Veld, the army chief, declined to comment."
    )
    entities = find_entities(nlp(text)).entities
    assert mentions_of(entities, "Anneliese Korb").sector != "MIL"
    assert mentions_of(entities, "Arno Veld").sector == "MIL"
