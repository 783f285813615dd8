"""Events told by nouns (helper hp): a truce that was brokered, negotiated or agreed is a deal
its sides made (AGREE), where one a single side declares is a pause in its own fighting
(RETREAT); being "met with" a hostile act (a crackdown, protests) is being answered, no meeting.
Invented sentences."""

from event_support import main_at, main_types


def test_a_ceasefire_brokered_by_a_third_party_is_an_agreement() -> None:
    assert "AGREE" in main_at("A ceasefire brokered by Marovia in March largely held.", "ceasefire")


def test_a_negotiated_ceasefire_is_an_agreement() -> None:
    text = "A ceasefire negotiated by Oskel elders in May ended the fighting in Pellane."
    assert "AGREE" in main_at(text, "ceasefire")


def test_a_ceasefire_one_side_declares_stays_a_retreat() -> None:
    types = main_types("Dorvan declared a ceasefire on Monday.")
    assert "RETREAT" in types and "AGREE" not in types


# Being "met with" a hostile act is being answered by it, no meeting.


def test_protests_met_with_a_crackdown_are_no_meeting() -> None:
    assert "CONSULT" not in main_types("Protests in Oskel were met with a violent crackdown.")


def test_an_envoy_met_by_officials_is_still_a_meeting() -> None:
    assert "CONSULT" in main_types("The envoy was met at the airport by Pellane officials.")
