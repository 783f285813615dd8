"""The record schema: JSON round trips, version checks, and the documentation kept in step."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from dateline import model
from dateline.model import SCHEMA_VERSION, Record

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def example_records() -> list[dict]:
    """The JSON examples in docs/schema.md that are whole records."""
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(), flags=re.S)
    found = [json.loads(b) for b in blocks if b.lstrip().startswith("{")]
    return [r for r in found if isinstance(r, dict) and r.get("schema") == SCHEMA_VERSION]


def test_documented_examples_round_trip_and_have_exact_offsets() -> None:
    examples = example_records()
    assert examples, "docs/schema.md should show at least one whole record"
    for data in examples:
        record = Record.from_dict(data)
        assert record.to_dict() == data
        spans = [m for e in data["entities"] for m in e["mentions"]]
        spans += [c for q in data["quotes"] for c in q["content"]]
        spans += [d for d in data["dates"]]
        for span in spans:
            assert data["text"][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    "cls",
    [model.Record, model.Entity, model.Quote, model.Speaker, model.Event, model.EventDate, model.Place,
     model.DateMention, model.RecordError, model.Span],
)  # fmt: skip
def test_every_field_is_documented(cls: type) -> None:
    text = DOC.read_text()
    for field in dataclasses.fields(cls):
        assert f"`{field.name}`" in text, f"{cls.__name__}.{field.name} is not in docs/schema.md"


def test_other_schema_versions_are_refused() -> None:
    with pytest.raises(ValueError, match="dateline/3"):
        Record.from_dict({"schema": "dateline/0", "id": "x", "text": ""})


def test_a_version_1_record_reads_as_version_2_with_no_governing_event_known() -> None:
    event = {
        "id": "V1", "type": "CONSULT", "mode": None, "modality": "asserted", "actors": [], "recipients": [],
        "trigger": {"start": 4, "end": 7, "text": "met"}, "place": None, "date": None, "quote": None,
    }  # fmt: skip
    record = Record.from_dict({"schema": "dateline/1", "id": "x", "text": "Who met?", "events": [event]})
    assert record.schema == SCHEMA_VERSION == "dateline/5"
    assert record.events[0].governed_by is None
    assert record.to_dict()["events"][0] == {
        **event,
        "governed_by": None,
        "confidence": None,
        "actors_from": None,
    }


def test_a_version_3_record_reads_with_no_confidence_known() -> None:
    quote = {"id": "Q1", "kind": "direct", "speaker": None, "cue": None, "cue_lemma": None,
             "content": [], "source_type": None, "medium": None}  # fmt: skip
    event = {"id": "V1", "type": "CONSULT", "mode": None, "modality": "asserted", "actors": [],
             "recipients": [], "trigger": {"start": 0, "end": 3, "text": "met"}}  # fmt: skip
    data = {"schema": "dateline/3", "id": "old", "text": "met", "quotes": [quote], "events": [event]}
    record = Record.from_dict(data)
    assert record.quotes[0].confidence is None and record.events[0].confidence is None
    assert record.to_dict()["schema"] == "dateline/5"


def test_a_version_4_record_reads_with_every_events_actors_its_own() -> None:
    event = {"id": "V1", "type": "ASSAULT", "mode": None, "modality": "asserted", "actors": ["E1"],
             "recipients": [], "trigger": {"start": 0, "end": 8, "text": "attacked"}, "confidence": 0.8}  # fmt: skip
    record = Record.from_dict({"schema": "dateline/4", "id": "old", "text": "attacked", "events": [event]})
    assert record.events[0].actors_from is None and record.events[0].actors == ["E1"]
    assert Record.from_json(record.to_json()).events[0] == record.events[0]
