"""Event actors and counted events, round 22, on invented sentences: a clause conjoined with a
subject of its own stands beside the first act, not under it; a denial or condemnation told in a
relative clause with its own subject is the answering party's act; the act a past cause brought
about ("prompting Pellane to request talks") happened; officials of a name and a nationality
listed together ("U.S. and French officials") act for both nations."""

from __future__ import annotations

import pytest

from event_support import actor_names, main_at


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Police in Oskel fired tear gas at the marchers, and 18 people were arrested.", "arrested", "COERCE"),
        ("The Kessaria Council urged calm on Friday, and the Dorvan governor called for talks.",
         "called", "REQUEST"),
    ],
)  # fmt: skip
def test_a_conjoined_clause_with_its_own_subject_is_counted(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Dorvan accused Marovia of backing the raid, which Marovia denied.", "denied", "REJECT"),
        ("President Arno Veld dismissed the cabinet last month, a move the Velmar Front denounced as a coup.",
         "denounced", "ACCUSE"),
        ("Dorvan has jailed the editor under a press law that rights groups have condemned.", "condemned", "ACCUSE"),
    ],
)  # fmt: skip
def test_a_denial_or_condemnation_in_a_relative_clause_is_counted(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Marovian jets violated Pellane airspace on Friday, prompting Pellane to request talks with its allies.",
         "request", "REQUEST"),
        ("Dorvan troops shelled the Front positions and forced the fighters to withdraw from the town.",
         "withdraw", "RETREAT"),
    ],
)  # fmt: skip
def test_the_act_a_past_cause_brought_about_is_counted(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("The pact prompted urgent visits from U.S. and French officials to Oskel.", "visits",
         ["French", "United States"]),
    ],
)  # fmt: skip
def test_officials_of_a_listed_name_and_nationality_act_for_both(
    text: str, trigger: str, actors: list[str]
) -> None:
    assert sorted(actor_names(text, trigger)) == sorted(actors)
