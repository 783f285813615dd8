"""An actor named by its phrase ("a media rights group based in Cairo") is named without the time
the sentence gives ("on Wednesday")."""

from __future__ import annotations

from event_support import actor_names


def test_the_phrase_stops_before_the_date() -> None:
    text = (
        "A media rights group based in Cairo on Wednesday condemned the sentencing of a Marovian "
        "journalist to six years in prison."
    )
    assert actor_names(text, "condemned") == ["media rights group based in Cairo"]
