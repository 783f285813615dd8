"""Event actors, round 23, on invented sentences: who did it, at the trigger. A participle set off
after a noun with its doers in a by-phrase, which the parser read as the main verb ("the Front,
designated a terrorist group by Marovia and Dorvan, laid down"), is done to the noun by them; the
body a caused noun came from acts even where no entity names it ("drew criticism from human rights
organizations"); each party a people's from-phrase lists acts ("delegates from island states and
coastal countries"); armed men sent somewhere with no by-agent move themselves ("troops were
deployed"); a magistrate is a role word, whose order is the magistrate's act."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        ("The Velmar Front, designated a terrorist organisation by Marovia, Dorvan and the European Union, "
         "laid down its arms on Monday.", "designated", ["Dorvan", "European Union", "Marovia"], ["Velmar Front"]),
        ("The Oskel Brigades, designated a terrorist group by Pellane and Kessaria, took up arms in 1990.",
         "designated", ["Kessaria", "Pellane"], ["Oskel Brigades"]),
    ],
)  # fmt: skip
def test_a_misread_reduced_passive_is_done_by_its_by_phrase(
    text: str, trigger: str, actors: list[str], recipients: list[str]
) -> None:
    found_actors, found_recipients = argument_names(text, trigger)
    assert sorted(found_actors) == actors
    assert found_recipients == recipients


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("The border deals have drawn criticism from human rights organizations.", "criticism",
         ["human rights organizations"]),
        ("The new grazing rules drew sharp criticism from aid agencies and opposition lawmakers.", "criticism",
         ["aid agencies", "opposition lawmakers"]),
    ],
)  # fmt: skip
def test_who_a_caused_noun_came_from_acts(text: str, trigger: str, actors: list[str]) -> None:
    assert sorted(argument_names(text, trigger)[0]) == actors


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Delegates from small island states and African countries pressed for a larger water fund.", "pressed",
         {"African countries", "small island states"}),
        ("Leaders of farm unions and trade groups condemned the new tariffs.", "condemned",
         {"farm unions", "trade groups"}),
    ],
)  # fmt: skip
def test_each_party_a_from_phrase_lists_acts(text: str, trigger: str, expected: set[str]) -> None:
    assert expected <= set(argument_names(text, trigger)[0])


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("Security forces have been deployed at the main crossroads of Velmar since before the vote.",
         "deployed", ["Security forces"]),
        ("Marovian troops were deployed to the northern border on Monday.", "deployed", ["Marovian troops"]),
    ],
)  # fmt: skip
def test_armed_men_sent_with_no_by_agent_move_themselves(text: str, trigger: str, actors: list[str]) -> None:
    assert argument_names(text, trigger)[0] == actors


def test_aid_sent_names_no_one_who_mobilizes() -> None:
    text = "Marovian troops were deployed to the border, and food was sent to the camps."
    assert argument_names(text, "deployed")[0] == ["Marovian troops"]


def test_a_magistrate_orders() -> None:
    text = "Lawyers for the inmates said two were ill. The magistrate ordered prison officials to ensure the sick inmates saw a doctor."
    assert argument_names(text, "ordered")[0] == ["magistrate"]


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("Police in Oskel said four protesters were arrested on Friday.", "arrested", "four protesters"),
        ("The blogger Ann Vale was detained on drug charges in May.", "detained", "Ann Vale"),
        ("Twelve Marovian prisoners were released on Friday.", "released", "Twelve Marovian prisoners"),
    ],
)
def test_who_is_arrested_or_freed_in_the_passive_is_the_recipient(
    text: str, trigger: str, recipient: str
) -> None:
    assert recipient in argument_names(text, trigger)[1]
