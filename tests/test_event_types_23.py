"""Right place, wrong type: removals of people typed by who is removed, on invented sentences.

A state ordering another state's soldiers to leave expels a foreign force (SANCTION expel), while
ordering its own troops about stays a show of force; suspending officials from their posts
punishes them in person (COERCE), while suspending a member state stays a sanction.
"""

from __future__ import annotations

from event_support import argument_names, events_of, types_of


def test_ordering_a_foreign_force_to_leave_expels_it_and_one_s_own_troops_not() -> None:
    leave = events_of("The Dorvan junta ordered Marovian forces to leave the country by March.")
    assert [(e.type, e.mode) for e in leave] == [("SANCTION", "expel")]
    out = events_of("Pellane's new rulers ordered the French soldiers out of the country.")
    assert [(e.type, e.mode) for e in out] == [("SANCTION", "expel")]
    assert "SANCTION" not in types_of("The Marovian army ordered its troops to the northern border.")
    assert "SANCTION" not in types_of("President Ann Vale ordered troops to the port city on Sunday.")


def test_suspending_officials_punishes_them_in_person_and_a_member_state_is_sanctioned() -> None:
    assert types_of("The justice ministry suspended four judges over the disputed verdict.") == ["COERCE"]
    assert types_of("Governor Tom Barak suspended two customs officials pending an inquiry.") == ["COERCE"]
    assert types_of("The regional bloc suspended Pellane after the disputed election.") == ["SANCTION"]


def test_the_officials_suspended_are_its_recipients() -> None:
    text = "The Kenyan justice ministry suspended four judges over the disputed verdict."
    assert argument_names(text, "suspended four judges")[1] == ["four judges"]
