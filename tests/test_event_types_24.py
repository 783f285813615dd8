"""Right place, wrong type: conditional protests, forbidden armed groups, visa bans and the month
of March, on invented sentences.

A protest a party would only weigh under a condition ("would consider boycotting ... unless")
threatens, as one bound to a demand does. Refusing to allow terrorist or criminal groups warns them
(THREATEN), as refusing to allow violence does. A visa ban on officials is a sanction, as visa
restrictions are; a ban on a paper silences it (COERCE). "March" as a month is no protest march.
"""

from __future__ import annotations

from event_support import events_of, types_of


def test_a_boycott_weighed_under_a_condition_threatens() -> None:
    text = (
        "Karim Bello, leader of the opposition Civic Front, said his party would consider "
        "boycotting the vote unless its members were released."
    )
    assert "THREATEN" in types_of(text)
    assert "PROTEST" not in types_of(text)


def test_refusing_to_allow_terrorist_or_criminal_groups_threatens_them() -> None:
    armed = events_of("Dorvan would not allow any terrorist structure along its border, an envoy said.")
    assert [e.type for e in armed if e.trigger.text == "allow"] == ["THREATEN"]
    gangs = events_of('"We will not allow criminal networks to run our ports," Minister Ann Vale said.')
    assert [e.type for e in gangs if e.trigger.text == "allow"] == ["THREATEN"]


def test_a_visa_ban_on_officials_is_a_sanction_and_a_ban_on_a_paper_coerces() -> None:
    visa = events_of("Dorvan imposed visa bans on Marovian officials over the crackdown.")
    assert [e.type for e in visa if "bans" in e.trigger.text] == ["SANCTION"]
    assert types_of("The Marovian junta imposed a ban on the Oskel Herald.") == ["COERCE"]


def test_the_month_of_march_is_no_protest_march() -> None:
    assert "PROTEST" not in types_of("Oskel asked that the March truce be carried out in full.")
    assert "PROTEST" in types_of("Thousands of Marovian teachers held a march in Oskel in March.")
