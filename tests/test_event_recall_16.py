"""Tariffs and duties raised are sanctions, and the tariffs are part of the act, not whom it is on
(invented sentences)."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_types


@pytest.mark.parametrize(
    "text",
    [
        "Marovia hiked tariffs on Kessarian steel to 25% on Friday.",
        "Dorvan doubled its duties on Marovian cars in March.",
        "The trade ministry increased tariffs on imports from Kessaria last week.",
    ],
)
def test_raising_a_tariff_is_a_sanction(text: str) -> None:
    assert "SANCTION" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company raised its prices and increased its duty-free sales.",
        "Marovia raised the question of tariffs with Dorvan.",
        "Officials raised money for the tariff campaign.",
    ],
)
def test_raising_other_things_is_none(text: str) -> None:
    assert "SANCTION" not in main_types(text)


def test_the_tariffs_imposed_are_no_recipient() -> None:
    _, recipients = argument_names(
        "The United States imposed tariffs on Canadian steel on Friday.", "imposed tariffs"
    )
    assert recipients and all("tariff" not in r for r in recipients)
