"""Two acts conjoined on one verb's subject are two events: "has blamed the rebels for the blast
and called on all sides to talk" states an accusation and a request, each counted by a reader of
the whole story, whatever the tense (event_governing.second_main_act); so is an aside set off by commas, "the
junta, which seized power in 2021, ..." (event_governing.aside_act). What a request asks for, a bare
participle with nothing of its own and a clause that picks out its noun stay under the act that
states them."""

from __future__ import annotations

import pytest

from event_support import actor_names, main_events


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Marovian officials have blamed the Velmar Front for the blast and called on all armed groups to lay down their weapons.",
            "REQUEST",
        ),
        (
            "Fighters of the Velmar Front have attacked a police convoy near Oskel and taken 40 passengers hostage, officials said.",
            "COERCE",
        ),
        (
            "The Dorvan government has condemned the arrest of the reporter Tomas Brell and urged Kessaria to release him.",
            "REQUEST",
        ),
        (
            # the parser reads "for ... to resign" as a clause of purpose hung on "called"
            "The Pellane opposition party accused the government of making farmers pay twice and called for the governor to resign.",
            "REQUEST",
        ),
        (
            # the act is a noun a conjoined light verb carries
            "Kenya condemned the attempted coup in Oskel and expressed support for the elected government.",
            "SUPPORT",
        ),
    ],
)
def test_a_second_act_conjoined_to_the_first_is_counted(text: str, second: str) -> None:
    assert second in [e.type for e in main_events(text)]


def test_what_a_second_statement_says_is_reported_apart() -> None:
    text = "Kenya rejected the accusation and said Somalia was arming the rebels in the south."
    assert [(e.type, e.modality) for e in main_events(text) if e.type == "AID"] == [("AID", "reported")]


def test_a_past_verb_the_parser_joins_to_a_gerund_is_the_subjects_act() -> None:
    # "accused the government of making ... and called for": the government did not call
    text = "The Pellane opposition party accused the government of making farmers pay twice and called for the governor to resign."
    assert actor_names(text, "called") == ["Pellane opposition party"]


def test_what_a_request_asks_for_stays_under_it() -> None:
    text = "The envoy Ann Vale urged both sides to protect civilians and allow aid convoys into Oskel."
    assert [e.type for e in main_events(text)] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        (
            "The Pellane junta, which seized power in a coup in 2021, expelled the Kessarian ambassador on Monday.",
            "COERCE",
        ),
        (
            "Dorvan, which brokered the truce between Marovia and the Velmar Front, accused both sides of breaking it.",
            "CONSULT",
        ),
    ],
)
def test_an_aside_set_off_by_commas_states_its_own_act(text: str, aside: str) -> None:
    assert aside in [e.type for e in main_events(text)]


def test_a_clause_that_picks_out_its_noun_stays_under_the_act() -> None:
    text = "Kessarian police arrested the reporter who criticized the governor Lena Ruto."
    assert [e.type for e in main_events(text)] == ["COERCE"]
