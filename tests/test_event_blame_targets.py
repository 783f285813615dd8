"""Whom blame spoken in a quote is laid on: the nation its own word names ("deterrence against
Russian aggression" accuses Russia, not the country named nearer in the sentence, often the victim);
not one an act of force was done to ("the detention of Ann Vale is outrageous" accuses whoever
detained her); and the one blaming an act is not its doer."""

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


TEXT = '"The detention of Ann Vale and the arrests, including of two reporters, are outrageous," the Kessar minister said.'


def test_who_suffered_the_act_is_not_accused() -> None:
    record = record_of(TEXT)
    blame = [e for e in record.events if e.type == "ACCUSE"]
    assert blame, [(e.type, e.trigger.text) for e in record.events]
    names = {e.id: e.name for e in record.entities}
    assert not {"Ann Vale", "reporters"} & {names[r] for r in blame[0].recipients}


def test_who_blames_the_act_did_not_do_it() -> None:
    record = record_of(TEXT)
    minister = [e.id for e in record.entities if e.name == "Kessar minister" or e.name == "minister"]
    detention = [e for e in record.events if e.trigger.text == "detention"]
    assert minister and detention
    assert not set(minister) & set(detention[0].actors)
