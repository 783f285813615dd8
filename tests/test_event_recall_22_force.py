"""Material acts of pressure told by nouns (helper hs): a crowd's protest named with its date, its
reach or its cause took place; a labour strike called, held or named by its strikers is a protest;
a measure named with the power that imposed it is that power's sanction. Invented sentences."""

from event_support import main_at, main_types

# A crowd's protest named with its date, its reach or its cause took place.


def test_protests_named_with_their_year_took_place() -> None:
    text = "The Kessaria council closed hundreds of charities since protests in 2019 shook the capital."
    assert "PROTEST" in main_types(text)


def test_the_largest_street_protests_took_place() -> None:
    text = "The arrest of Arno Veld set off the largest street protests in Marovia in a generation."
    assert "PROTEST" in main_at(text, "protests")


def test_protests_over_a_shortage_took_place() -> None:
    text = "In the summer of 2022, protests over fuel shortages in western Dorvan turned deadly."
    assert "PROTEST" in main_at(text, "protests")


# A labour strike called, held or named by its strikers is a protest.


def test_workers_who_staged_strikes_protested() -> None:
    text = "Dock workers in Velmar staged strikes in March over unpaid bonuses."
    assert "PROTEST" in main_at(text, "staged strikes")


def test_a_strike_by_drivers_is_a_protest() -> None:
    text = "Traffic stalled in Oskel on Friday while a strike by taxi drivers shut the main depots."
    assert "PROTEST" in main_at(text, "strike")


# A measure named with the power that imposed it is that power's sanction.


def test_a_currency_under_named_sanctions_is_sanctioned() -> None:
    text = "The Pellane franc has shed most of its value under Marovian sanctions."
    assert "SANCTION" in main_at(text, "sanctions")


def test_western_sanctions_on_firms_are_a_sanction() -> None:
    text = "Western sanctions on two Kessarian shipping firms pushed buyers toward Oskel."
    assert "SANCTION" in main_at(text, "sanctions")


# Riot police using tear gas, pepper spray or water cannon on a crowd coerce it.


def test_police_using_pepper_spray_coerce_a_crowd() -> None:
    text = "Officers in Velmar used pepper spray on students marching toward the Dorvan ministry."
    assert "COERCE" in main_at(text, "used pepper spray")


def test_police_firing_water_cannon_at_a_crowd_coerce_it() -> None:
    text = "Marovian riot police fired water cannon at a crowd near the central bank."
    assert main_at(text, "fired water cannon") == ["COERCE"]


# A crowd gathered outside a building is demonstrating there.


def test_a_crowd_gathered_outside_a_consulate_protests() -> None:
    text = "Dozens of protesters gathered outside the Pellane consulate in Velmar on Friday night."
    assert "PROTEST" in main_at(text, "gathered")


# A raised duty rate is a sanction; tightened scrutiny of a people coerces them.


def test_a_raised_duty_rate_is_a_sanction() -> None:
    text = "The Dorvan trade ministry on Monday raised its duty rate on Marovian timber to 30%."
    assert "SANCTION" in main_types(text)


def test_tightened_scrutiny_of_a_people_coerces_them() -> None:
    text = "Kessarian border guards have tightened scrutiny of Marovian travelers since the spring."
    assert "COERCE" in main_at(text, "tightened scrutiny")


# A party named as jailed is held, whatever the sentence asks of its jailers.


def test_a_jailed_founder_is_held() -> None:
    text = "Last spring the movement's jailed founder, Tomas Brell, urged it to lay down its arms."
    assert "COERCE" in main_at(text, "jailed")
