"""A party answering another's claim or proposal in a clause on its noun acts on its own: "accused
the army of torture, a charge the ministry rejected" states an accusation and a rejection, each a
main event (events.answering_clause). A clause that only describes the noun stays governed."""

from __future__ import annotations

import pytest

from event_support import main_events, record_of


@pytest.mark.parametrize(
    "text",
    [
        "Human rights groups accused the Marovian army of torture, a charge the defence ministry rejected on Monday.",
        "The Velmar Front demanded a prisoner exchange, a demand the Dorvan government rejected within hours.",
        "Pellane put forward a ceasefire plan, a proposal the Kessarian cabinet rejected on Friday.",
    ],
)
def test_the_answer_to_a_claim_is_a_main_event(text: str) -> None:
    assert "REJECT" in [e.type for e in main_events(text)]


def test_a_clause_that_describes_the_noun_stays_governed() -> None:
    text = "The Oskel council rejected the proposal that would have delayed the vote."
    record = record_of(text)
    assert [e.type for e in main_events(text)] == ["REJECT"]
    assert all(e.governed_by is not None for e in record.events if e.type != "REJECT")


@pytest.mark.parametrize(
    "text",
    [
        "The Marovian government has accused the Kessarian military of shelling Oskel, a charge Kessaria City denies.",
        "Dorvan has accused the Kessarian army of arming the rebels, a charge Kessarian officials deny.",
    ],
)
def test_a_report_the_parser_hangs_on_its_denial_is_still_counted(text: str) -> None:
    """'..., a charge Kessaria denies' may be parsed as if Kessaria denied the whole sentence before
    it (event_parse.answered_after): the accusation is the sentence's own report all the same."""
    assert {"ACCUSE", "REJECT"} <= {e.type for e in main_events(text)}
