"""What the event tests ask of one invented sentence or story: its record, its events, their types,
and who acts in the event at a trigger. Every story is published on the same Wednesday, so
relative dates resolve the same way in every test."""

from __future__ import annotations

from dateline.extract.event_filter import COUNTED_MODALITIES
from dateline.model import Article, Event, Record
from dateline.pipeline import records

PUBLISHED = "2025-03-12"


def record_of(text: str) -> Record:
    return next(records([Article(id="t", text=text, published=PUBLISHED)]))


def events_of(text: str) -> list[Event]:
    return record_of(text).events


def types_of(text: str) -> list[str]:
    return [e.type for e in events_of(text)]


def event_at(record: Record, trigger: str) -> Event:
    """The first event whose trigger reads ``trigger`` (the assertion lists what there was)."""
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in record.events]
    return found[0]


def argument_names(text: str, trigger: str) -> tuple[list[str], list[str]]:
    """The names of the actors and of the recipients of the event at ``trigger``."""
    record = record_of(text)
    by_id = {e.id: e.name for e in record.entities}
    event = event_at(record, trigger)
    return [by_id[i] for i in event.actors], [by_id[i] for i in event.recipients]


def actor_names(text: str, trigger: str) -> list[str]:
    """The names of the actors of the event at ``trigger``."""
    return argument_names(text, trigger)[0]


def main_events(text: str) -> list[Event]:
    """The events a story-level reader counts: not governed, stated as happening."""
    return [e for e in events_of(text) if e.governed_by is None and e.modality in COUNTED_MODALITIES]


def main_types(text: str) -> list[str]:
    return [e.type for e in main_events(text)]


def main_at(text: str, trigger: str) -> list[str]:
    """The types of the counted events whose trigger reads ``trigger``."""
    return [e.type for e in main_events(text) if e.trigger.text == trigger]
