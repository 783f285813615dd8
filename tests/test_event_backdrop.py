"""An act told only as the time since which a sentence's acts are told ("on her third tour since
the border attack"), or in an aside on one of its words ("aid to Oskel, whose people have endured a
siege"), was not done by that sentence's doer: it takes no actor from the envoy's plea."""

from __future__ import annotations

from event_support import record_of


def test_an_act_told_as_a_time_since_takes_no_actor_from_its_sentence() -> None:
    record = record_of(
        "The Kessar envoy, on her third tour since the Marovian border attack, made a new plea for aid."
    )
    attack = [e for e in record.events if e.trigger.text == "attack"]
    envoy = [e.id for e in record.entities if "envoy" in e.name]
    assert attack and envoy
    assert not set(envoy) & set(attack[0].actors)


def test_an_act_told_in_an_aside_takes_no_actor_from_its_sentence() -> None:
    text = "The Kessar envoy made a new plea for aid to Oskel, whose 90,000 people have endured a long siege."
    record = record_of(text)
    siege = [e for e in record.events if e.trigger.text == "siege"]
    envoy = [e.id for e in record.entities if "envoy" in e.name]
    assert siege and envoy
    assert not set(envoy) & set(siege[0].actors)
