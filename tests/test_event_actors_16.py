"""Who acts when a sentence's subject is a fight and not a party (invented sentences)."""

from __future__ import annotations

import pytest

from event_support import argument_names


@pytest.mark.parametrize(
    ("text", "trigger", "sides"),
    [
        (
            "Fighting between Sudanese troops and RSF fighters killed 12 people on Monday.",
            "killed",
            {"Sudanese troops", "RSF"},
        ),
        (
            "A clash between Velmar Front rebels and the Marovian army wounded four villagers.",
            "wounded",
            {"Velmar Front rebels", "Marovian army"},
        ),
    ],
)
def test_a_fight_that_harms_has_both_sides_as_actors(text: str, trigger: str, sides: set[str]) -> None:
    actors, _ = argument_names(text, trigger)
    assert set(actors) == sides


def test_a_party_subject_is_still_the_one_actor() -> None:
    actors, _ = argument_names("Marovian troops fighting near Oskel killed 12 rebels.", "killed")
    assert actors == ["Marovian troops"]


@pytest.mark.parametrize(
    ("text", "actor", "victim"),
    [
        ("Three civilians were killed in a Russian drone attack on Kharkiv.", "Russian", "civilians"),
        (
            "Two Marovian soldiers were wounded in a Velmar Front ambush near Oskel.",
            "Velmar Front",
            "Marovian soldiers",
        ),
    ],
)
def test_who_was_harmed_in_an_attack_was_harmed_by_its_attackers(text: str, actor: str, victim: str) -> None:
    actors, recipients = argument_names(text, "killed" if "killed" in text else "wounded")
    assert actors == [actor] and recipients == [victim]


def test_an_attack_that_names_no_attacker_lends_none() -> None:
    actors, _ = argument_names("Four soldiers were wounded in the attack on Oskel.", "wounded")
    assert actors == []


@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        ("Nine Marovian villagers were killed near Oskel on Monday.", "killed", ["Nine Marovian villagers"]),
        ("Four soldiers were wounded in the attack on Oskel.", "wounded", ["Four soldiers"]),
    ],
)
def test_who_was_harmed_is_the_recipient_even_with_no_one_named_as_doing_it(
    text: str, trigger: str, victims: list[str]
) -> None:
    _, recipients = argument_names(text, trigger)
    assert recipients == victims


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        (
            "The reporter Tomas Brell was convicted on Tuesday. He had been in custody since his arrest in May.",
            "arrest",
            [],
            ["Tomas Brell"],
        ),
        ("Ann Vale's detention drew protests from Dorvan.", "detention", [], ["Ann Vale"]),
        ("Police in Oskel said the protesters' arrest was lawful.", "arrest", [], ["protesters"]),
        # with an of-phrase, the possessor is who acts
        ("Marovia's arrest of Ann Vale drew protests.", "arrest", ["Marovia"], ["Ann Vale"]),
    ],
)
def test_whose_arrest_it_is_is_who_was_arrested(
    text: str, trigger: str, actors: list[str], recipients: list[str]
) -> None:
    assert argument_names(text, trigger) == (actors, recipients)


def test_the_one_arrested_lends_no_actor_to_his_conviction() -> None:
    text = (
        "The reporter Tomas Brell was convicted on Tuesday. He had been in custody since his arrest in May."
    )
    actors, _ = argument_names(text, "convicted")
    assert "Tomas Brell" not in actors


def test_one_sentenced_with_no_court_named_was_not_sentenced_by_his_accusers() -> None:
    text = "Prosecutors in Oskel accused Tomas Brell of spying for Dorvan. He was sentenced on Friday to seven years in prison."
    assert argument_names(text, "sentenced") == ([], ["Tomas Brell"])


def test_a_court_named_sentences() -> None:
    text = "A court in Oskel sentenced Tomas Brell on Friday to seven years in prison for spying."
    actors, recipients = argument_names(text, "sentenced")
    assert actors == ["court in Oskel"] and recipients == ["Tomas Brell"]
