"""Two acts conjoined on one verb's subject are two events: "has blamed the rebels for the blast
and called on all sides to talk" states an accusation and a request, each counted by a reader of
the whole story, whatever the tense (events.second_main_act). What a request asks for, and a bare
participle with nothing of its own, stay under the act that states them."""

from __future__ import annotations

import pytest

from event_support import main_events


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Marovian officials have blamed the Velmar Front for the blast and called on all armed groups to lay down their weapons.",
            "REQUEST",
        ),
        (
            "Fighters of the Velmar Front have attacked a police convoy near Oskel and taken 40 passengers hostage, officials said.",
            "COERCE",
        ),
        (
            "The Dorvan government has condemned the arrest of the reporter Tomas Brell and urged Kessaria to release him.",
            "REQUEST",
        ),
    ],
)
def test_a_second_act_conjoined_to_the_first_is_counted(text: str, second: str) -> None:
    assert second in [e.type for e in main_events(text)]


def test_what_a_request_asks_for_stays_under_it() -> None:
    text = "The envoy Ann Vale urged both sides to protect civilians and allow aid convoys into Oskel."
    assert [e.type for e in main_events(text)] == ["REQUEST"]
