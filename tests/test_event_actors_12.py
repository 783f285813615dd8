"""Event actors, twelfth round, on invented sentences: who backs a side in an act acts with it;
"both" with no noun is the pair accused or named together before it; a list of three names the
parser read as a name and its apposition; the one prompted to act does the act."""

from __future__ import annotations

import pytest

from event_support import actor_names


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("Marovian government forces backed by Dorvan troops recaptured the town of Oskel on "
         "Tuesday, officials said.", "recaptured", ["Marovian government forces", "Dorvan troops"]),
        ("Police officers, supported by the Velmar Front, stormed a camp near Pellane.", "stormed",
         ["Police officers", "Velmar Front"]),
    ],
)  # fmt: skip
def test_who_backs_a_side_in_the_act_acts_with_it(text: str, trigger: str, actors: list[str]) -> None:
    assert actor_names(text, trigger) == actors


def test_both_are_the_pair_named_together_not_the_last_two_names() -> None:
    text = (
        "Dorvan officials accuse Marovia and Kessaria of pushing refugees toward the border to "
        "destabilize the Velmar Union, an accusation both deny."
    )
    assert actor_names(text, "deny") == ["Marovia", "Kessaria"]


def test_a_list_of_three_names_read_as_an_apposition() -> None:
    text = "Velmaria, North Kessaria and Marovia expelled the envoys of the Velmar Front."
    assert actor_names(text, "expelled the envoys") == ["Velmaria", "North Kessaria", "Marovia"]


def test_the_one_prompted_to_act_does_it() -> None:
    text = "Dorvan soldiers crossed the border line a dozen times, prompting Marovian troops to fire warning shots."
    assert actor_names(text, "fire warning shots") == ["Marovian troops"]
