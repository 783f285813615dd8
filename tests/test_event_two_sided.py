"""Two-sided acts (event_reciprocal): a clash or mutual blame names both parties as actors and as
recipients, an agreement with a partner both as actors; a one-way act keeps its sides apart."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        ("Marovian troops clashed with the Velmar Front near the border on Friday.", "clashed",
         {"Marovian troops", "Velmar Front"}),
        ("The Velmar Front fought a fierce battle with the Marovian army near Oskel.", "fought",
         {"Marovian army", "Velmar Front"}),
        ("Marovia and Kessaria accused each other of breaking the truce.", "accused", {"Marovia", "Kessaria"}),
        ("The Marovian navy and the Kessarian coast guard fired on one another near the island.", "fired",
         {"Marovian navy", "Kessarian coast guard"}),
    ],
)  # fmt: skip
def test_both_sides_of_a_clash_or_of_mutual_blame_act_and_receive(
    text: str, trigger: str, sides: set[str]
) -> None:
    actors, recipients = argument_names(text, trigger)
    assert set(actors) == sides
    assert set(recipients) == sides


def test_a_partner_agreed_with_agrees_too() -> None:
    actors, recipients = argument_names(
        "Marovia agreed with Kessaria to reopen the border crossing.", "agreed"
    )
    assert actors == ["Marovia", "Kessaria"]
    assert recipients == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia accused Kessaria of breaking the truce.", "accused"),
        ("The Marovian president met with Kessaria on Monday.", "met"),
        ("Marovian troops attacked Kessaria on Friday.", "attacked"),
        ("Marovia urged Kessaria to reopen the border crossing.", "urged"),
    ],
)
def test_a_one_way_act_keeps_its_sides_apart(text: str, trigger: str) -> None:
    actors, recipients = argument_names(text, trigger)
    assert recipients == ["Kessaria"]
    assert "Kessaria" not in actors
