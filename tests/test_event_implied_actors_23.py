"""A doerless arrest or attack takes its actors from the nearest act of force (an attack, an
arrest, a deployment, a release) before any nearer act of words: who holds force does the
arresting, not the council that urged restraint or the group that condemned it."""

from __future__ import annotations

from dateline.extract.events import take_implied_actors
from dateline.model import Event, Span
from event_support import event_at, record_of


def _actor_names(text: str, trigger: str) -> list[str]:
    record = record_of(text)
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in event_at(record, trigger).actors]


def test_an_arrest_takes_the_deployed_troops_not_the_nearer_appeal() -> None:
    text = (
        "Marovian troops were deployed to the border town of Kessa on Monday. "
        "The Velmar Council urged both sides to show restraint. "
        "Dozens of residents were arrested overnight."
    )
    assert _actor_names(text, "arrested") == ["Marovian troops"]


def test_a_detention_takes_the_police_who_released_others_not_the_critics() -> None:
    text = (
        "Police in Darnow freed forty students held since the weekend. "
        "The Velmar bar association condemned the detentions. "
        "Two more were detained at the campus gate on Friday."
    )
    assert _actor_names(text, "detained") == ["Police"]


def _event(id_: str, start: int, type_: str, actors: list[str]) -> Event:
    trigger = Span(start=start, end=start + 5, text="xxxxx")
    return Event(
        id=id_, type=type_, mode="verbal", modality="asserted", actors=actors, recipients=[], trigger=trigger
    )


def test_an_attack_prefers_a_farther_act_of_force_to_a_nearer_accusation() -> None:
    events = [
        _event("V1", 0, "MOBILIZE", ["E1"]),
        _event("V2", 300, "ACCUSE", ["E2"]),
        _event("V3", 350, "ASSAULT", []),
        _event("V4", 352, "REQUEST", []),  # an appeal is no deed of force: the nearest act's doer
    ]
    take_implied_actors(events)
    assert events[2].actors == ["E1"] and events[2].actors_from == "V1"
    assert events[3].actors == ["E2"]
