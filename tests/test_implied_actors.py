"""An event whose clause names no actor takes the actors of the nearest act that names its own
(``Event.actors_from``), marks them as taken, and loses them when a cut removes that act."""

from __future__ import annotations

import pytest

from dateline.confidence import confident_only
from dateline.extract.events import IMPLIED_ACTOR_REACH, take_implied_actors
from dateline.model import Event, Span
from event_support import event_at, events_of, record_of


def _names(text: str, trigger: str) -> tuple[list[str], str | None, dict[str, str]]:
    record = record_of(text)
    by_id = {e.id: e.name for e in record.entities}
    event = event_at(record, trigger)
    return [by_id[i] for i in event.actors], event.actors_from, {e.id: e.trigger.text for e in record.events}


def test_an_attack_with_no_named_attacker_takes_the_nearest_acts_actors() -> None:
    text = (
        "Velmar Front fighters ambushed an army convoy near Oskel on Monday. "
        "The convoy came under attack again on Tuesday as it crossed the river."
    )
    actors, source, triggers = _names(text, "attack")
    assert actors == ["Velmar Front fighters"]
    assert source is not None and triggers[source] == "ambushed"


def test_an_act_that_names_its_actor_keeps_it() -> None:
    text = "Velmar Front fighters ambushed an army convoy near Oskel. Marovian troops shelled the hills on Tuesday."
    actors, source, _ = _names(text, "shelled")
    assert actors == ["Marovian troops"] and source is None


def test_no_actor_is_taken_from_an_act_on_this_ones_recipients() -> None:
    # The army attacked the Front; "the Front was attacked" must not make the Front its own attacker.
    events = [_event("V1", 0, ["E1"], ["E2"]), _event("V2", 80, [], ["E1"])]
    take_implied_actors(events)
    assert events[1].actors == [] and events[1].actors_from is None


def test_only_acts_within_reach_lend_their_actors_and_the_nearest_wins() -> None:
    events = [
        _event("V1", 0, ["E1"], []),
        _event("V2", 300, ["E2"], []),
        _event("V3", 350, [], []),
        _event("V4", 350 + IMPLIED_ACTOR_REACH + 400, [], []),
    ]
    take_implied_actors(events)
    assert (events[2].actors, events[2].actors_from) == (["E2"], "V2")
    assert (events[3].actors, events[3].actors_from) == ([], None)


def test_a_governed_event_takes_no_actor() -> None:
    events = [_event("V1", 0, ["E1"], []), _event("V2", 40, [], [], governed_by="V1")]
    take_implied_actors(events)
    assert events[1].actors == []


def test_a_cut_that_removes_the_source_removes_the_actors_it_lent() -> None:
    events = [_event("V1", 0, ["E1"], [], confidence=0.2), _event("V2", 50, [], [], confidence=0.9)]
    take_implied_actors(events)
    assert events[1].actors_from == "V1"
    record = record_of("Nothing happened.")
    record.events = events
    kept = confident_only(record, 0.5)
    assert [(e.id, e.actors, e.actors_from) for e in kept.events] == [("V2", [], None)]


def _event(
    id_: str,
    start: int,
    actors: list[str],
    recipients: list[str],
    governed_by: str | None = None,
    confidence: float = 0.9,
    type_: str = "ASSAULT",
    modality: str = "asserted",
) -> Event:
    return Event(
        id=id_,
        type=type_,
        mode=None,
        modality=modality,
        actors=list(actors),
        recipients=list(recipients),
        trigger=Span(start, start + 6, "attack"),
        governed_by=governed_by,
        confidence=confidence,
    )


def test_an_act_of_the_same_type_told_before_lends_its_actors_before_a_nearer_one() -> None:
    events = [
        _event("V1", 0, ["E1"], []),
        _event("V2", 300, ["E2"], [], type_="CONSULT"),
        _event("V3", 350, [], []),
    ]
    take_implied_actors(events)
    assert (events[2].actors, events[2].actors_from) == (["E1"], "V1")


@pytest.mark.parametrize(
    ("first", "modality"),
    [
        (500, "asserted"),  # told after it: no telling again
        (0, "negated"),  # denied: no act to tell again
    ],
)
def test_only_a_real_act_told_before_comes_first(first: int, modality: str) -> None:
    # acts of words: a deed of force would look past the nearer act for an act of force
    # (test_event_implied_actors_23)
    events = [
        _event("V1", first, ["E1"], [], modality=modality, type_="REQUEST"),
        _event("V2", 300, ["E2"], [], type_="CONSULT"),
        _event("V3", 350, [], [], type_="REQUEST"),
    ]
    take_implied_actors(events)
    assert (events[2].actors, events[2].actors_from) == (["E2"], "V2")


def test_a_shelling_told_again_keeps_its_first_tellings_actors() -> None:
    text = (
        "Marovian troops shelled the town of Oskel on Monday. "
        "Aid workers met the mayor of Oskel on Tuesday. The shelling resumed at night."
    )
    actors, source, triggers = _names(text, "shelling")
    assert actors == ["Marovian troops"]
    assert source is not None and triggers[source] == "shelled"


@pytest.mark.parametrize(
    "text",
    [
        "She urged the ministers to punish Marovia for shelling Oskel.",
        "She asked the court to try the Velmar Front commanders who shelled Oskel.",
    ],
)
def test_what_a_request_is_about_lends_the_asker_no_actor(text: str) -> None:
    """What a request is about (a shelling to punish) is governed by the request: its doers are
    not the asker."""
    request = next(e for e in events_of(text) if e.type == "REQUEST")
    assert request.actors == []
