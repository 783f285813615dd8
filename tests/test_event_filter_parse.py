"""The event filter's signals read off the parse around a trigger (``event_filter_parse``), on
invented sentences: a modal, a perfect and a past perfect, a negation, an object; and that the
pipeline rates events with them."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.extract.event_filter import event_filter, event_signals, lead_end, speakers_of
from dateline.extract.event_filter_parse import parse_signals
from dateline.model import Article, Event, Record, Span
from dateline.nlp import load_nlp
from dateline.pipeline import analyse
from event_support import PUBLISHED


def parsed(text: str) -> tuple[Doc, Record]:
    doc = load_nlp()(text)
    return doc, analyse(doc, Article(id="t", text=text, published=PUBLISHED))


def record_signal_args(record: Record, event: Event) -> tuple:
    """What ``event_signals`` takes of one event besides the doc, read off its record."""
    entities = {e.id: e for e in record.entities}
    speakers = speakers_of(record.quotes, entities)
    return (event, record.events, entities, lead_end(record.text), len(record.text), None, speakers)


def at(text: str, trigger: str) -> Event:
    """An event of its own at the first ``trigger`` of ``text``: the signals read the offsets."""
    start = text.index(trigger)
    return Event("V1", "REJECT", None, "asserted", [], [], Span(start, start + len(trigger), trigger))


def signals_at(text: str, trigger: str) -> dict[str, float]:
    return parse_signals(at(text, trigger), load_nlp()(text))


def test_a_modal_before_the_trigger() -> None:
    found = signals_at("The Velmar Front could attack Oskel within days.", "attack")
    assert found.get("modal before the trigger") == 1.0
    assert "modal before the trigger" not in signals_at(
        "The Velmar Front attacked Oskel on Monday.", "attacked"
    )


def test_a_perfect_and_a_past_perfect() -> None:
    present = signals_at("Marovia has expelled two diplomats from Dorvan.", "expelled")
    assert present.get("perfect") == 1.0 and "past perfect" not in present
    past = signals_at("Kessaria had imposed sanctions on Pellane before the talks collapsed.", "imposed")
    assert past.get("perfect") == 1.0 and past.get("past perfect") == 1.0
    simple = signals_at("Kessaria imposed sanctions on Pellane.", "imposed")
    assert "perfect" not in simple and "past perfect" not in simple


def test_a_negation_at_the_trigger() -> None:
    assert (
        signals_at("Dorvan will not allow the envoys of Marovia to land.", "allow").get(
            "negation at the trigger"
        )
        == 1.0
    )
    assert "negation at the trigger" not in signals_at("Dorvan will allow the envoys to land.", "allow")


def test_a_trigger_with_an_object_and_one_without() -> None:
    assert (
        signals_at("The army of Pellane attacked the border post.", "attacked").get("trigger has an object")
        == 1.0
    )
    assert "trigger has an object" not in signals_at("The army of Pellane attacked at dawn.", "attacked")


def test_a_light_verb_and_its_noun_are_read_at_the_verb() -> None:
    found = signals_at("Arno Veld has held talks with Lena Ruto in Oskel.", "held talks")
    assert found.get("perfect") == 1.0


def test_offsets_covering_no_token_give_no_signal() -> None:
    text = "Marovia has expelled two diplomats.  "
    event = Event("V1", "SANCTION", None, "asserted", [], [], Span(len(text) - 1, len(text), " "))
    assert parse_signals(event, load_nlp()(text)) == {}


TEXT = "Marovia has expelled two diplomats from Dorvan after a dispute over the port of Oskel."


def test_event_signals_read_the_parse_given_the_doc_and_the_record_alone_without() -> None:
    doc, record = parsed(TEXT)
    event = next(e for e in record.events if e.trigger.text.startswith("expelled"))
    args = record_signal_args(record, event)
    assert event_signals(*args, doc)["perfect"] == 1.0
    assert "perfect" not in event_signals(*args)


def test_the_pipeline_rates_events_with_the_parse() -> None:
    doc, record = parsed(TEXT)
    event = next(e for e in record.events if e.trigger.text.startswith("expelled"))
    assert event.governed_by is None
    args = record_signal_args(record, event)
    model = event_filter()
    with_parse, without = model.confidence(event_signals(*args, doc)), model.confidence(event_signals(*args))
    assert with_parse != without
    assert event.confidence == pytest.approx(with_parse)
