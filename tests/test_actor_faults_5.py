"""Actors that were no actors, or coded from the wrong word: time phrases ("at dawn"), common
words a known name shares ("shell", "age", "national"), a sentence's capitalised opening word,
names the recognizer ran across a full stop, "whose" and its place, and collective descriptions
("the terror group", "this civil disobedience movement") joined to a body they do not name.
Every sentence is invented."""

from __future__ import annotations

from dateline.model import Entity, Record
from event_support import record_of


def _named(record: Record, name: str) -> Entity | None:
    return next((e for e in record.entities if e.name == name), None)


def _holding(record: Record, mention: str) -> Entity | None:
    return next((e for e in record.entities if any(m.text == mention for m in e.mentions)), None)


def test_a_time_phrase_is_no_actor() -> None:
    record = record_of("Gunmen attacked a police post in Velmar at dawn, Marovian officials said.")
    assert _named(record, "dawn") is None, [e.name for e in record.entities]
    assert all(e.code != "PAK" for e in record.entities)


def test_a_common_word_in_lower_case_takes_no_organisation_code() -> None:
    record = record_of(
        "A shell hit the Pellane market on Monday, killing three traders, Marovian officials said."
    )
    assert _named(record, "shell") is None, [(e.name, e.code) for e in record.entities]


def test_a_common_word_the_recognizer_named_is_no_actor() -> None:
    record = record_of(
        "Children under the age of 15 were among the dead, Lena Ruto of the Marovian health office said."
    )
    assert _named(record, "age") is None, [(e.name, e.code) for e in record.entities]


def test_a_sentence_opening_adjective_is_no_actor() -> None:
    record = record_of(
        "Speaking to reporters, Arno Veld said the siege ended early Wednesday. “Coordinated airstrikes "
        "by the Marovian army and allied partners in the Velska region have killed at least 40 Velmar "
        "Front fighters, including a senior commander,” the agency statement said."
    )
    assert _named(record, "Coordinated") is None, [e.name for e in record.entities]


def test_whose_people_belong_to_the_place_it_stands_for() -> None:
    record = record_of(
        "Israeli troops entered the camp on Monday, Israeli officials said. Nablus, whose 150,000 "
        "residents rely on aid from Pellane, stayed under curfew, an Israeli army spokesman said."
    )
    residents = _holding(record, "whose 150,000 residents")
    assert residents is not None and residents.code == "PSE", [(e.name, e.code) for e in record.entities]
    assert not residents.generic


def test_national_in_a_title_is_no_paper() -> None:
    record = record_of("The national police chief of Marovia, Tomas Brell, said the raid failed.")
    brell = _named(record, "Tomas Brell")
    assert brell is not None and brell.code != "ARE" and brell.sector != "MED", brell and brell.code


def test_a_sentence_opening_independent_is_no_paper() -> None:
    record = record_of("Independent lawmakers in Pellane rejected the budget on Friday.")
    assert all(e.code != "GBR" for e in record.entities), [(e.name, e.code) for e in record.entities]


def test_an_abbreviation_is_no_surname() -> None:
    record = record_of(
        "Marovian leader Tae Min Un met Arno Veld. A spokesperson told reporters on Monday the U.N. "
        "must keep its sanctions on Marovia."
    )
    leader = _named(record, "Tae Min Un")
    assert leader is not None and "U.N." not in [m.text for m in leader.mentions]


def test_a_name_ends_at_a_full_stop_before_a_new_sentence() -> None:
    record = record_of(
        "Lena Ruto, a Marovian spokesperson, said so in a message posted on X. Militants linked to "
        "the Velmar Front attacked a bus on Tuesday."
    )
    assert _named(record, "X. Militants") is None, [e.name for e in record.entities]


def test_a_sentence_opening_preposition_is_no_part_of_a_name() -> None:
    record = record_of("Beyond Marovia, the ministers discussed the border. They met Tomas Brell on Friday.")
    assert not any(e.name.startswith("Beyond") for e in record.entities), [e.name for e in record.entities]


def test_an_adverb_after_a_name_is_no_part_of_it() -> None:
    record = record_of(
        "He was returned to his cell. Reaction from President Tessal Shortly after the vote on the "
        "budget, Tessal wrote that the police had done well."
    )
    assert not any("Shortly" in e.name for e in record.entities), [e.name for e in record.entities]


def test_a_disease_is_no_actor() -> None:
    record = record_of(
        "Dorvan officials said COVID-19 had closed the schools. COVID-19 spread fast in Pellane."
    )
    assert _named(record, "COVID-19") is None, [e.name for e in record.entities]


def test_a_described_movement_is_no_council_named_before() -> None:
    record = record_of(
        "The Marovia Security Council met on Monday. Nurses and farmers joined this civil "
        "disobedience movement, Lena Ruto said."
    )
    council = _named(record, "Marovia Security Council")
    assert council is not None and len(council.mentions) == 1, [m.text for m in council.mentions]


def test_a_described_body_joins_the_organisation_its_topic_names() -> None:
    record = record_of(
        "The Pellane Trade Organization ruled against Marovia. The trade body said the tariffs broke its rules."
    )
    body = _holding(record, "The trade body")
    assert body is not None and body.name == "Pellane Trade Organization"


def test_the_terror_group_is_no_army() -> None:
    record = record_of(
        "The Kessaria Armed Forces shelled the Pellane port on Monday. The terror group said it would strike back."
    )
    army = _named(record, "Kessaria Armed Forces")
    assert army is not None and len(army.mentions) == 1, [m.text for m in army.mentions]


def test_a_time_word_is_no_part_of_a_description_name() -> None:
    record = record_of(
        '"Tonight parliament remembered its duty," Hedda Stroem of the Velmar Front told reporters.'
    )
    assert _holding(record, "Tonight parliament") is not None
    assert _named(record, "Tonight parliament") is None, [e.name for e in record.entities]


def test_a_name_ends_in_no_preposition() -> None:
    record = record_of(
        "The power to step in rests on the Immigration and Nationality Act of 1952. One clause of "
        "that law lets Marovia remove a resident."
    )
    assert not any(e.name.endswith(" of") for e in record.entities), [e.name for e in record.entities]


def test_a_quotation_mark_is_no_part_of_a_description_name() -> None:
    record = record_of("She was described as a “war correspondent” by state media.")
    assert [e.name for e in record.entities if "correspondent" in e.name] == ["war correspondent"]


def test_a_people_named_after_a_place_belong_to_its_country() -> None:
    record = record_of(
        "Israeli troops entered the camp on Monday, Israeli officials said. About 2 million Gazans "
        "rely on aid from Pellane, an Israeli army spokesman said."
    )
    people = _named(record, "Gazans")
    assert people is not None and people.code == "PSE", [(e.name, e.code) for e in record.entities]


def test_people_living_in_a_place_belong_to_its_country() -> None:
    record = record_of(
        "Israeli troops entered the camp on Monday, Israeli officials said. Families living in Hebron "
        "said they were afraid, an Israeli army spokesman said."
    )
    families = _holding(record, "Families")
    assert families is not None and families.code == "PSE", [(e.name, e.code) for e in record.entities]
