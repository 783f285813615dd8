"""An act done to no one, or one another act was done without, did not happen: "no one was
arrested" stays negated under a said-clause it is conjoined in, "police arrested no one" is negated
by its object ("no fewer than" still counts some), and "sent pupils home without warning" warned no
one."""

from __future__ import annotations

import pytest

from event_support import event_at, record_of


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Kessar police said the march was calm and that no one was detained.", "detained"),
        ("Marovian troops searched the village but arrested nobody.", "arrested"),
        ("Riot police arrested no one at the rally outside parliament.", "arrested"),
    ],
)  # fmt: skip
def test_an_act_done_to_no_one_is_negated(text: str, trigger: str) -> None:
    assert event_at(record_of(text), trigger).modality == "negated"


def test_no_fewer_than_counts_some() -> None:
    event = event_at(record_of("Riot police arrested no fewer than 40 students at the rally."), "arrested")
    assert event.modality == "asserted"


def test_a_passive_clause_of_its_own_keeps_its_own_modality() -> None:
    record = record_of("The army could shell the town, and two reporters were detained on Monday.")
    assert event_at(record, "detained").modality == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Parents in Oskel said many schools had sent pupils home without warning.", "warning"),
        ("They left Vellin without meeting the Marovian minister.", "meeting"),
    ],
)  # fmt: skip
def test_an_act_said_to_be_without_did_not_happen(text: str, trigger: str) -> None:
    assert event_at(record_of(text), trigger).modality == "negated"
