"""Senses of REJECT, REQUEST and PROTEST words that make no event: 'as opposed to' compares (and
the act after it did not take place), a candidate's appeal among voters asks no one, and a
candidate's rally is campaigning. Each test also keeps the word's own sense."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types

OPPOSING = "The Velmar Front opposed the Dorvan tax plan on Monday."
APPEALING = "Ann Vale made an appeal to the Velmar Front for calm after the vote in Oskel."
RALLYING = "Thousands of students in Oskel held a rally against the Marovian decree on Friday."


@pytest.mark.parametrize(
    "text",
    [
        "Ann Vale said she wanted to talk about wages in Oskel, as opposed to the tax plan of Tomas Brell.",
        "Tomas Brell wants a vote on the border in May, as opposed to a deal with Dorvan.",
    ],
)
def test_as_opposed_to_compares_and_rejects_nothing(text: str) -> None:
    assert main_at(text, "opposed") == []
    assert "REJECT" in main_at(OPPOSING, "opposed")


def test_an_act_after_as_opposed_to_did_not_take_place() -> None:
    text = "Ann Vale spent the week courting farmers in Oskel, as opposed to attacking Tomas Brell."
    assert main_types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell kept a lid on Ann Vale's appeal in Oskel by touring the northern valleys.",
        "Ann Vale's appeal to young voters in Pellane has grown since the spring, pollsters said.",
    ],
)
def test_a_candidates_appeal_among_voters_asks_nothing(text: str) -> None:
    assert "REQUEST" not in main_at(text, "appeal")
    assert "REQUEST" in main_types(APPEALING)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell spoke at his rally in Oskel on Tuesday night.",
        "Ann Vale's rallies in Oskel drew thousands on Tuesday.",
        "Ann Vale held a rally at a union hall in Pellane on Wednesday.",
        "Lena Ruto attended a Brell rally in Kessaria last week with her sister.",
    ],
)
def test_a_candidates_rally_is_no_protest(text: str) -> None:
    assert "PROTEST" not in main_types(text)
    assert "PROTEST" in main_types(RALLYING)


def test_a_yes_no_question_tells_no_act() -> None:
    text = "Do you support Arno Veld? Will Marovia attack Dorvan? Why did Dorvan reject the plan?"
    assert main_at(text, "support") == []
    assert main_at(text, "attack") == []
    assert main_at(text, "reject") == ["REJECT"]
