"""What a weapon is fired or launched at is the attack's target, a country too: "fired rockets at
Israel" (a place after "at" is otherwise where an act happens, no party to it)."""

from __future__ import annotations

from event_support import argument_names


def test_a_country_rockets_are_fired_at_is_the_target() -> None:
    _, recipients = argument_names("Velmar Front gunmen fired rockets at Israel on Sunday.", "fired rockets")
    assert recipients == ["Israel"]


def test_a_country_missiles_are_launched_at_is_the_target() -> None:
    _, recipients = argument_names(
        "Iran launched ballistic missiles at Ukraine overnight.", "launched ballistic missiles"
    )
    assert recipients == ["Ukraine"]
