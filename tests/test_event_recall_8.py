"""Events dateline missed (event type recall, round 8), on invented sentences: another party's
must or should in what a party says, whatever the act; name-calling; verbs of force whose blows
are words; a party arrested in a clause cut short; an attack named with the nation that made it."""

from __future__ import annotations

import pytest

from event_support import main_events, main_types


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell said Kessaria must maintain sanctions on Dorvan.",
        "Arno Veld said Pellane needs to act.",
    ],
)
def test_what_a_named_party_must_do_is_asked_of_it(text: str) -> None:
    assert "REQUEST" in main_types(text)


@pytest.mark.parametrize(
    "text", ["Analysts said prices must fall soon.", "Lena Ruto said she must leave early."]
)
def test_a_must_of_things_or_of_oneself_asks_no_one(text: str) -> None:
    assert "REQUEST" not in main_types(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Marovian president referred to the migrants as criminals.", "referred"),
        ("Lena Ruto described the Velmar Front as a band of thugs.", "described"),
        ("Lena Ruto called the Dorvan tariff deeply disappointing.", "called"),
    ],
)
def test_name_calling_is_an_accusation(text: str, trigger: str) -> None:
    assert any(e.type == "ACCUSE" and e.trigger.text.startswith(trigger) for e in main_events(text))


def test_calling_an_allegation_baseless_rejects_it() -> None:
    assert "REJECT" in main_types("Marovia called the spying allegations baseless.")


@pytest.mark.parametrize("text", ["Ann Vale was branded a traitor.", "Arno Veld called Ann Vale a friend."])
def test_a_label_with_no_giver_or_no_blame_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in main_types(text)


def test_a_quoted_name_calling_is_one_accusation() -> None:
    assert main_types("Arno Veld called Ann Vale a liar on Sunday.") == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Front has been hitting Governor Ann Vale with ads in Oskel.",
        "Senator Arno Veld fired back at Governor Ann Vale on Monday.",
    ],
)
def test_blows_of_words_are_accusations(text: str) -> None:
    types = main_types(text)
    assert "ACCUSE" in types
    assert "ASSAULT" not in types


@pytest.mark.parametrize(
    "text", ["Troops fired back at the gunmen.", "Marovia hit Dorvan with missiles on Monday."]
)
def test_blows_of_force_stay_assaults(text: str) -> None:
    assert "ASSAULT" in main_types(text)


def test_a_party_arrested_in_a_clause_cut_short() -> None:
    text = "A reporter arrested over his interviews with Arno Veld appeared in court."
    assert any(e.type == "COERCE" and e.trigger.text == "arrested" for e in main_events(text))


def test_a_participle_before_its_noun_only_describes() -> None:
    assert "COERCE" not in main_types("The detained activists were freed.")


def test_an_attack_named_with_its_nation_took_place() -> None:
    text = "Since the Marovian invasion of Dorvan, prices have doubled."
    assert any(e.type == "ASSAULT" and e.trigger.text == "invasion" for e in main_events(text))
