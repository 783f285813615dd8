"""An editor's square brackets inside a name ("the [U.N.] Security Council") are no part of the
name an analyst reads, though the mention keeps the article's characters and offsets."""

from __future__ import annotations

from event_support import record_of


def test_brackets_are_left_out_of_the_name() -> None:
    text = "Ann Vale urged the [U.N.] Security Council on Tuesday to send monitors to Oskel."
    record = record_of(text)
    council = [e for e in record.entities if "Security Council" in e.name]
    assert [e.name for e in council] == ["U.N. Security Council"]
    mention = council[0].mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert "]" in mention.text
