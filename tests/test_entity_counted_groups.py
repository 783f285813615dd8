"""Two groups of people counted differently are two groups ("several thousand people marched" and
"police detained at least 60 people"); a later mention with the same count, or with none, is
still the group named before."""

from __future__ import annotations

from dateline.model import Entity, Record
from event_support import record_of

TEXT = (
    "Several thousand people marched through central Vellin on Tuesday against a rise in bread "
    "prices. Riot police fired tear gas and detained at least 60 people, a police spokesman said. "
    "The 60 people were freed on Wednesday."
)


def _holding(record: Record, mention: str) -> Entity:
    return next(e for e in record.entities if any(m.text == mention for m in e.mentions))


def test_groups_counted_differently_are_two() -> None:
    record = record_of(TEXT)
    assert _holding(record, "Several thousand people").id != _holding(record, "at least 60 people").id


def test_the_same_count_again_is_the_same_group() -> None:
    record = record_of(TEXT)
    assert _holding(record, "The 60 people").id == _holding(record, "at least 60 people").id


def test_a_group_named_again_without_a_count_is_still_one() -> None:
    record = record_of(
        "At least 300 people gathered outside parliament in Vellin on Monday. Police said the people "
        "left peacefully by nightfall."
    )
    assert _holding(record, "the people").id == _holding(record, "At least 300 people").id
