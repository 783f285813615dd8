"""Senses that are no political act (invented sentences): the weather's freezing."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


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


@pytest.mark.parametrize(
    "text",
    [
        '"We are fighting fires with half a hose," said Dr. Ann Vale, who leads the Oskel clinic.',
        '"We are going to attack this problem at the root," the Marovian minister said.',
        "The Velmar Front fought corruption in Oskel for years.",
    ],
)
def test_fighting_an_abstraction_is_no_blow(text: str) -> None:
    assert not {"ASSAULT", "THREATEN"} & set(main_types(text))


@pytest.mark.parametrize(
    "text",
    [
        "Marovian troops fought the rebels near Oskel on Monday.",
        "Gunmen attacked a convoy near Oskel on Monday.",
        "Marovia fought a war against Dorvan in 2020.",
    ],
)
def test_fighting_a_foe_or_a_target_is_a_blow(text: str) -> None:
    assert "ASSAULT" in main_types(text)


def test_attacking_a_named_paper_is_still_an_act() -> None:
    # what the act is (a blow or words) is decided elsewhere; a named paper is no abstraction
    text = "Arno Veld also attacked The Oskel Daily Courier newspaper for its coverage."
    assert main_at(text, "attacked")
