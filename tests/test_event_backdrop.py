"""An act told only as the time since which a sentence's acts are told ("on her third tour since
the border attack") was not done by that sentence's doer: the attack takes no actor from the envoy's
plea."""

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
