"""Accusations in reported speech (round 18), on invented sentences: a wrong a speaker says another
party committed is the speaker's accusation of that party, not the doer's act; a charge a speaker
says someone faces is laid by the speaker; a party called the aggressor, conduct called
unprofessional or biased, an act called heinous or politically motivated. And what is none: words
of blame said of a charge ('ridiculous allegations') reject it."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_events


def _accusations(text: str) -> list[tuple[list[str], list[str]]]:
    """The actors and recipients (names) of the counted accusations of ``text``."""
    return [argument_names(text, event.trigger.text) for event in main_events(text) if event.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "speaker", "doer"),
    [
        ("The fighting spread last month, and Human Rights Watch said the Dorvan army had committed "
         "atrocities against villagers.", "Human Rights Watch", "Dorvan army"),
        ("\"We will not reward a militia that has committed genocide,\" the Marovian foreign minister, "
         "Arno Veld, said on Monday.", "Arno Veld", "militia"),
        ("Prosecutor Lena Ruto said Tomas Brell faced charges of money laundering and bribery.",
         "Lena Ruto", "Tomas Brell"),
    ],
)  # fmt: skip
def test_a_wrong_a_speaker_lays_on_a_party_is_the_speakers_accusation(
    text: str, speaker: str, doer: str
) -> None:
    found = _accusations(text)
    assert any(speaker in actors and doer in recipients for actors, recipients in found), found
    assert not any(doer in actors for actors, _ in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "accused"),
    [
        ("\"The Dorvan government is the aggressor here,\" Marovia's foreign minister, Ann Vale, told "
         "reporters.", "Ann Vale", "Dorvan"),
        ("\"The biased verdicts of the Dorvan court must end,\" Ann Vale told reporters.", "Ann Vale", "Dorvan"),
        ("\"The Kessaria pilots were unprofessional,\" Tomas Brell told reporters.", "Tomas Brell", "Kessaria"),
        ("Lena Ruto said the verdict of the Dorvan court was politically motivated.", "Lena Ruto", "Dorvan"),
        ("\"The heinous raids by the Kessaria army on our villages must stop,\" Arno Veld said.",
         "Arno Veld", "Kessaria"),
    ],
)  # fmt: skip
def test_blame_spoken_of_a_party(text: str, speaker: str, accused: str) -> None:
    found = _accusations(text)
    assert any(
        any(speaker in a for a in actors) and any(accused in r for r in recipients)
        for actors, recipients in found
    ), found


def test_blame_said_of_a_charge_rejects_it() -> None:
    text = (
        '"We reject the ridiculous allegations made by the Marovian army," Dorvan\'s foreign ministry said.'
    )
    assert not _accusations(text)
