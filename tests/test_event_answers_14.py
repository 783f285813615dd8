"""Denials and accusations told as answers and labels: a denial the parser reads as the last of a
run of nouns ("a charge the world body rejects"), a claim called fabricated or false (a denial by
the one who calls it so), another party's act called unlawful, a violation or politically
motivated (an accusation by the one who calls it so), also in a relative clause with no relative
pronoun ("a verdict she called politically motivated"), and one name of several blaming words
counted once. Invented sentences."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia accuses aid workers of spying, a charge the world body rejects.", "rejects"),
        (
            "Oskel says the army arms the Velmar Front, a charge the Marovian interior ministry rejects.",
            "rejects",
        ),
    ],
)
def test_denial_read_as_a_noun_after_a_party_of_several_words(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == ["REJECT"]


def test_calling_an_accusation_fabricated_rejects_it() -> None:
    text = "The Velmar Front called the accusation fabricated."
    assert main_types(text) == ["REJECT"]
    assert argument_names(text, "called the accusation fabricated")[0] == ["Velmar Front"]


def test_an_accusation_a_party_has_called_fabricated() -> None:
    text = 'Prosecutors in Marovia charged a cleric over a plot, an accusation the Velmar Front has called "fabricated."'
    assert sorted(main_types(text)) == ["ACCUSE", "REJECT"]
    assert argument_names(text, 'called "fabricated')[0] == ["Velmar Front"]


def test_calling_charges_false_rejects_them() -> None:
    assert main_types("Oskel called the charges false.") == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Oskel called the meeting productive.",  # praise, no denial
        "Oskel called the map false.",  # 'false' of no claim blames no one
    ],
)
def test_a_name_that_neither_blames_nor_denies_a_claim(text: str) -> None:
    assert main_types(text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "Pellane called the Marovian blockade unlawful.",
            "called the Marovian blockade unlawful",
            "Pellane",
        ),
        (
            "The Velmar Front called the vote politically motivated.",
            "called the vote politically motivated",
            "Velmar Front",
        ),
        (
            "The Velmar Front called the detention an act of piracy.",
            "called the detention an act of piracy",
            "Velmar Front",
        ),
    ],
)
def test_calling_an_act_unlawful_accuses(text: str, trigger: str, actor: str) -> None:
    assert main_at(text, trigger) == ["ACCUSE"]
    assert argument_names(text, trigger)[0] == [actor]


def test_a_verdict_she_called_politically_motivated() -> None:
    text = "Ann Vale was sentenced to five years, a verdict she called politically motivated."
    assert main_at(text, "called politically motivated") == ["ACCUSE"]
    assert argument_names(text, "called politically motivated")[0] == ["Ann Vale"]


def test_a_move_a_party_called_a_violation() -> None:
    text = (
        "Marovian troops seized the mine from Oskel Mining last year, a move the Velmar Front called "
        "a violation of the arbitration order."
    )
    assert main_at(text, "called a violation") == ["ACCUSE"]
    assert argument_names(text, "called a violation")[0] == ["Velmar Front"]


@pytest.mark.parametrize(
    "text",
    [
        "The court dissolved the council, a decision the Velmar League called illegal.",
        # the parser reads 'called' as a participle on 'decision'
        "Marovia's poll board voided the party's listing last year, a decision the PLF called illegal.",
    ],
)
def test_a_decision_a_party_called_illegal(text: str) -> None:
    assert main_at(text, "called illegal") == ["ACCUSE"]


def test_one_name_of_several_blaming_words_is_one_accusation() -> None:
    assert main_types("Marovia called the Dorvan blockade illegal and a crime.") == ["ACCUSE"]
