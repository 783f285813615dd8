"""Blame spoken in a quote is laid on the nation its own word names: in "deterrence against
Marovian aggression" the accused is Marovia, not the country named nearer in the sentence (often the
victim)."""

from __future__ import annotations

import pytest

from event_support import record_of


@pytest.mark.parametrize(
    "text",
    [
        '"Our loans to Kessaria will strengthen deterrence against Russian aggression," the senator said.',
        '"What Kessaria faces is Russian aggression, plain and simple," Senator Ola Brenn said.',
    ],
)
def test_the_nation_the_blame_word_names_is_accused(text: str) -> None:
    record = record_of(text)
    names = {e.id: e for e in record.entities}
    blamed = [e for e in record.events if e.type == "ACCUSE" and e.trigger.text == "aggression"]
    assert blamed, [(e.type, e.trigger.text) for e in record.events]
    assert [names[r].code for r in blamed[0].recipients] == ["RUS"]
