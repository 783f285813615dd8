"""Events told by a noun: a hyphened noun the tokenizer splits ("cease-fire"), and a gerund with a
between-phrase that the parser read as a verb ("after fighting between ...")."""

from __future__ import annotations

from event_support import actor_names, main_at


def test_split_hyphened_noun_is_found_by_its_whole_word() -> None:
    # the tokenizer splits "cease-fire" in three: the row is the whole word's, not "fire"'s
    text = "Marovia declared a cease-fire along the Dorvan frontier on Monday."
    assert main_at(text, "declared a cease-fire") == ["RETREAT"]


def test_split_hyphened_truce_names_its_parties() -> None:
    text = "Oskel reopened its markets after a cease-fire between Marovia and Dorvan in May."
    assert main_at(text, "cease-fire") == ["RETREAT"]
    assert sorted(actor_names(text, "cease-fire")) == ["Dorvan", "Marovia"]


def test_gerund_fighting_between_sides_takes_them_as_actors() -> None:
    text = (
        "Gunmen burned a market in Oskel on Monday. The Marovian council postponed the vote after "
        "fighting between government soldiers and Velmar Front units closed the roads."
    )
    actors = actor_names(text, "fighting")
    assert "Velmar Front" in actors and all("Gunmen" not in a for a in actors)


def test_gerund_fighting_between_sides_is_not_the_clause_subjects() -> None:
    text = (
        "The Dorvan assembly voted to extend its embargo on Pellane as fighting between Kessarian "
        "rebels and Oskel militias spread to the north."
    )
    assert sorted(actor_names(text, "fighting")) == ["Kessarian rebels", "Oskel militias"]
