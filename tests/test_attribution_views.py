"""Seeing something as something is a view, and calling a strike calls it: neither is words given."""

from __future__ import annotations

import pytest

from event_support import record_of


def contents(text: str) -> list[str]:
    return [part.text for quote in record_of(text).quotes for part in quote.content]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts see the dispute as a test for the young democracy of Pellane.",
        "Marovia views the port as vital to its security.",
        "Many voters regard the vote as a referendum on Arno Veld.",
        "Labour unions called a two-day strike starting Wednesday.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert contents(text) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ann Vale said she sees the vote as a test.", "she sees the vote as a test"),
        ("Arno Veld called the plan reckless.", "the plan reckless"),
        ("The union called the strike, saying wages had not been paid.", "wages had not been paid"),
    ],
)
def test_words_are_still_attributed(text: str, said: str) -> None:
    assert any(said in c for c in contents(text)), contents(text)
