"""Event actors, round 21, on invented sentences: one whose title names the body he speaks for
acts with it in what he says it did; "'s" before a participle with an object is "has", and its
subject acts (the parser reads a passive); the names set after a plural description
("hopefuls Arno Veld and Lena Ruto") all act."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("A Velmar Front spokesperson said the group rejected the truce terms set out by Marovia.",
         "rejected", ["Velmar Front", "Velmar Front spokesperson"]),
        ("A Kessaria Council spokesman said the council had urged Dorvan to free the prisoners.",
         "urged", ["Kessaria Council", "Kessaria Council spokesman"]),
    ],
)  # fmt: skip
def test_a_spokesman_named_for_his_body_acts_with_it(text: str, trigger: str, actors: list[str]) -> None:
    assert sorted(argument_names(text, trigger)[0]) == sorted(actors)


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        ("Ann Vale, who's accused Marovia of arming the Velmar Front, spoke on Monday.", "accused",
         ["Ann Vale"], ["Marovia"]),
        ("Lena Ruto toured Pellane on Friday. She's accused Dorvan of shelling the border villages.",
         "accused", ["Lena Ruto"], ["Dorvan"]),
    ],
)  # fmt: skip
def test_a_contracted_has_is_no_passive(
    text: str, trigger: str, actors: list[str], recipients: list[str]
) -> None:
    assert argument_names(text, trigger) == (actors, recipients)


def test_names_set_after_a_plural_description_all_act() -> None:
    text = "The Velmar Front faced criticism from Marovian hopefuls Arno Veld and Lena Ruto."
    assert sorted(argument_names(text, "criticism")[0]) == ["Arno Veld", "Lena Ruto"]
