"""Reciprocal acts: two parties trading accusations, threats or fire each act on the other."""

from __future__ import annotations

import pytest

from event_support import actor_names, main_types


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        (
            "Marovia and Dorvan traded accusations on Monday over the collapse of the truce.",
            "traded accusations",
            "ACCUSE",
        ),
        ("Arno Veld and Ann Vale exchanged insults during the debate.", "exchanged insults", "ACCUSE"),
        ("Velmar Front fighters and Marovian troops traded fire near Oskel.", "traded fire", "ASSAULT"),
        ("Pellane and Kessaria traded threats over the disputed island.", "traded threats", "THREATEN"),
    ],
)
def test_both_parties_act(text: str, trigger: str, kind: str) -> None:
    assert kind in main_types(text)
    assert len(actor_names(text, trigger)) == 2


def test_trading_goods_is_no_event() -> None:
    assert main_types("Traders in Oskel exchanged shares worth millions on Monday.") == []
