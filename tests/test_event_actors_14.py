"""Who acts when the subject is a noun of people no role word covers, or a family name the small
model reads as a common noun at the start of a sentence (invented sentences)."""

from __future__ import annotations

import pytest

from event_support import argument_names, event_at, record_of


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Lenders froze much of their support to Marovia after the coup.", "froze", "Lenders"),
        ("Investigators on Tuesday detained the governor of Oskel province.", "detained", "Investigators"),
        ("Donors in Kessaria froze their aid to Dorvan in March.", "froze", "Donors in Kessaria"),
        # a clause describing the people is what they do, not who they are
        (
            "Some candidates criticizing the Pellane accord have accused Dorvan of arming the rebels.",
            "accused",
            "candidates",
        ),
    ],
)
def test_a_noun_of_people_met_first_acts(text: str, trigger: str, actor: str) -> None:
    actors, _ = argument_names(text, trigger)
    assert actors == [actor]


def test_such_people_are_generic_actors() -> None:
    record = record_of("Lenders froze much of their support to Marovia after the coup.")
    lenders = next(e for e in record.entities if e.name == "Lenders")
    assert lenders.type == "GROUP" and lenders.generic


def test_a_predicate_noun_is_not_who_acts() -> None:
    actors, _ = argument_names(
        "Arno Veld is a liar and a bully who has pledged to ban the Velmar Front.", "pledged"
    )
    assert "bully" not in actors and "liar" not in actors


def test_a_definite_noun_is_left_to_the_story() -> None:
    # "the lenders" may be a body named before; no new actor is made of it
    record = record_of("The lenders froze much of their support to Marovia after the coup.")
    assert not any(e.name.lower().endswith("lenders") for e in record.entities)


def test_an_act_with_no_actor_does_not_take_such_people() -> None:
    text = (
        "Marovia's army shelled the border town of Oskel on Monday, residents said. "
        "Donors froze their support to Dorvan in March. Two soldiers were wounded in the shelling."
    )
    record = record_of(text)
    names = {e.id: e.name for e in record.entities}
    assert [names[i] for i in event_at(record, "wounded").actors][0] == "Marovia's army"


@pytest.mark.parametrize("family", ["Trump", "Baker"])
def test_a_family_name_opening_a_sentence_is_the_person(family: str) -> None:
    text = (
        f"Senator Tomas {family} spoke in Oskel on Monday. {family} has accused Dorvan of arming the rebels."
    )
    actors, recipients = argument_names(text, "accused")
    assert actors == [f"Tomas {family}"] and recipients == ["Dorvan"]


def test_the_table_of_people_nouns_knows_people_from_things() -> None:
    from dateline.extract import lexicon

    nouns = lexicon.who_nouns()
    assert nouns["investigator"] == "person" and nouns["lender"] == "person"
    assert nouns["court"] == "group"
    assert "statement" not in nouns and "fighting" not in nouns


def test_the_same_people_named_again_are_one_group() -> None:
    text = (
        "Investigators detained the governor of Oskel on Monday. On Tuesday investigators raided his office."
    )
    record = record_of(text)
    assert [e.name.lower() for e in record.entities].count("investigators") == 1


def test_one_person_met_first_is_left_to_the_entity_stage() -> None:
    record = record_of("A hitman shot the mayor of Oskel on Monday, police in Pellane said.")
    assert not any(e.name.lower().endswith("hitman") for e in record.entities)
