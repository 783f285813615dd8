"""Which events a sentence states on their own: a clause of time opened by "when", which the small
model hangs as an adverb rather than a conjunction (invented sentences)."""

from __future__ import annotations

from event_support import event_at, record_of


def test_a_when_clause_with_its_own_subject_is_its_own_act() -> None:
    record = record_of(
        "At least 12 villagers were killed when a Velmar Front drone struck a market in Oskel "
        "on Sunday, residents said."
    )
    assert event_at(record, "struck").governed_by is None


def test_a_complement_still_hangs_on_its_verb() -> None:
    record = record_of("Marovia accused the Velmar Front of shelling the market in Oskel on Sunday.")
    assert event_at(record, "shelling").governed_by == event_at(record, "accused").id
