"""Senses that are no political act (invented sentences): the weather's freezing."""

from __future__ import annotations

import pytest

from event_support import main_types


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures in Oskel are forecast to drop below freezing next week.",
        "We are not going to let Marovia freeze because of a quarrel that is not ours, the minister said.",
    ],
)
def test_the_weather_freezing_sanctions_no_one(text: str) -> None:
    assert "SANCTION" not in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dorvan froze the assets of three Velmar Front leaders.",
        "Marovian assets were frozen by Dorvan in May.",
    ],
)
def test_freezing_assets_sanctions(text: str) -> None:
    assert "SANCTION" in main_types(text)


def test_asset_freezes_on_people_sanction() -> None:
    text = "The resolution maintains travel bans and asset freezes on several Velmar Front leaders."
    assert "SANCTION" in main_types(text)
