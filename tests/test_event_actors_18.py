"""Who gives and who receives when aid is accepted (invented sentences)."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_types


@pytest.mark.parametrize(
    ("text", "trigger", "giver", "receiver"),
    [
        ("Marovia accepted aid from Dorvan.", "aid", "Dorvan", "Marovia"),
        (
            "The Pellane ministry accepted donations from Dorvan last spring.",
            "donations",
            "Dorvan",
            "Pellane ministry",
        ),
    ],
)
def test_accepting_aid_is_receiving_it(text: str, trigger: str, giver: str, receiver: str) -> None:
    """Accepting a gift is receiving it: the giver acts, the one who accepts is the recipient."""
    assert main_types(text) == ["AID"]
    actors, recipients = argument_names(text, trigger)
    assert actors == [giver] and recipients == [receiver]


def test_accepting_a_deal_is_ones_own_act() -> None:
    text = "Marovia accepted the ceasefire on Sunday."
    assert main_types(text) == ["AGREE"]
    assert argument_names(text, "accepted") == (["Marovia"], [])
