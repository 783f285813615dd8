"""Event precision, round 6: acts that came close and did not happen, acts held back, acts wanted,
judged or likened rather than done, and blame laid at a place. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import event_at, record_of


def modality_at(text: str, trigger: str) -> str:
    return event_at(record_of(text), trigger).modality


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a near miss: "almost", "nearly" on the verb
        (
            "Tomas Brell was almost gunned down outside his Pellane office by a hired man, police said.",
            "gunned down",
        ),
        ("Velmar Front rebels nearly seized the airport of Pellane on Monday.", "seized"),
        # an act held back
        (
            "Lena Ruto said the arrest told other reporters to refrain from discussing the succession "
            "with Arno Veld.",
            "discussing",
        ),
        ("Dorvan avoided meeting the Kessarian envoy during the summit.", "meeting"),
    ],
)
def test_near_misses_and_acts_held_back_did_not_happen(text: str, trigger: str) -> None:
    assert modality_at(text, trigger) == "negated"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an infinitive describing a threat, a time, a proposal
        (
            "Analysts think Marovia will respond to the tests with threats to use force against Dorvan.",
            "use force",
        ),
        (
            "It is time to stop Kessaria's cruel attacks on Pellane, Ann Vale said.",
            "stop Kessaria's cruel attacks",
        ),
        (
            "The statement answered a Dorvan proposal made on Monday for the Security Council to lift "
            "sanctions on Marovia.",
            "lift sanctions",
        ),
        # what something means in general
        (
            "Being in the opposition in Kessaria means speaking out against the ruling party, Ann Vale said.",
            "speaking",
        ),
        # an act judged good or bad
        ("It is important to support Dorvan in its talks with Kessaria, Arno Veld said.", "support"),
        # the aim of an act that is itself only wanted
        (
            "The next step is for Arno Veld to come back to Pellane to sign the accord with Dorvan, Ann Vale said.",
            "sign",
        ),
        # a likeness
        (
            '"It\'s like the Dorvan government is prosecuting its own critics," Tomas Brell said.',
            "prosecuting",
        ),
    ],
)
def test_acts_wanted_judged_or_likened_are_hypothetical(text: str, trigger: str) -> None:
    assert modality_at(text, trigger) == "hypothetical"


def test_acts_that_took_place_keep_their_modality() -> None:
    assert modality_at(
        "Velmar Front rebels attacked Pellane on Monday, killing nearly 40 people.", "attacked"
    ) == ("asserted")
    assert modality_at("Arno Veld traveled to Pellane to sign the accord with Dorvan.", "sign") == "asserted"
    assert modality_at("Dorvan's army attacked the town, like it did in 2019.", "attacked") == "asserted"


def test_blame_is_not_laid_on_a_facility() -> None:
    record = record_of(
        'Arno Veld said the detention center at Oskel Bay is "the ideal place to hold criminals."'
    )
    places = {e.id for e in record.entities if e.type in {"FAC", "LOC"}}
    blamed = [r for e in record.events if e.type == "ACCUSE" for r in e.recipients]
    assert not places & set(blamed)
