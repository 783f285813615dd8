"""Event precision, round 24 (false events on real news): a warning of what a thing may bring
about threatens no one. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import main_at


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the content's subject is no party and its helper says what may come
        (
            "Several senators wrote to the defense minister in May, warning that a merger of the "
            "two commands could weaken operations against the rebels.",
            "warning",
        ),
        # a verb of how things turn out: a forecast, whoever "it" is
        ("Rights groups welcomed the verdict but warned that it could prove hollow.", "warned"),
    ],
)  # fmt: skip
def test_a_warning_of_what_a_thing_may_bring_is_no_threat(text: str, word: str) -> None:
    assert "THREATEN" not in main_at(text, word)


def test_a_party_warning_what_it_could_do_still_threatens() -> None:
    # guard: a party's own "could" stays a threat (passes before and after the change)
    assert "THREATEN" in main_at("Dorvan warned that it could close the border.", "warned")
