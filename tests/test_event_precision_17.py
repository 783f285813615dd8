"""Speaking to a news outlet or to reporters, by telephone too, is an interview, no consultation
(invented sentences)."""

from __future__ import annotations

import pytest

from event_support import main_types


@pytest.mark.parametrize(
    "text",
    [
        "Arno Veld, the Dorvan interior minister, was speaking to AFP by telephone on Sunday.",
        "Veld spoke to reporters by phone from Oskel.",
    ],
)
def test_speaking_to_the_press_by_phone_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in main_types(text)


def test_speaking_to_a_minister_by_phone_is_one() -> None:
    assert main_types("Arno Veld spoke to the Marovian president by telephone on Sunday.") == ["CONSULT"]


def test_a_participle_set_off_after_a_subject_names_no_doer() -> None:
    """'The exchange, agreed during talks ...': the parser reads the participle as a past tense
    hung on the subject; the subject is what was agreed, never who agreed."""
    text = "The exchange, agreed during talks in Oskel last week, took place at a border crossing."
    assert main_types(text) == []
    assert main_types("The ceasefire, agreed by Marovia and Dorvan last week, held on Monday.") != []
