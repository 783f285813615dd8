"""REQUEST and AGREE where wire copy uses their words for something else: a goal sought, an
abstract thing that 'demands', and a thing accepted that is no party's proposal. Invented
sentences."""

from __future__ import annotations

import pytest

from event_support import argument_names, main_at


def test_seeking_independence_is_no_request_seeking_help_is() -> None:
    assert (
        main_at(
            "The Dorvan command sent a warning to the Oskel militias seeking independence from Marovia.",
            "seeking",
        )
        == []
    )
    assert main_at("Marovia is seeking help from Dorvan to rebuild the port of Oskel.", "seeking") == [
        "REQUEST"
    ]


def test_seeking_the_nomination_is_no_request() -> None:
    assert main_at("Arno Veld, who is seeking the Velmar Front's nomination, toured Oskel.", "seeking") == []


def test_public_interest_demands_is_no_request_a_minister_demands_is() -> None:
    assert (
        main_at(
            "The court said the public interest demands that the vacant seat in Pellane be filled soon.",
            "demands",
        )
        == []
    )
    assert main_at("The Dorvan minister demands that Marovia withdraw its troops from Oskel.", "demands") == [
        "REQUEST"
    ]


def test_hard_times_calling_for_measures_is_no_request() -> None:
    assert main_at("Hard times call for hard measures in Kessaria, Lena Ruto wrote.", "call") == []


def test_accepting_turbines_is_no_agreement_accepting_a_proposal_is() -> None:
    assert main_at("Ann Vale said the village of Oskel now accepts the new wind turbines.", "accepts") == []
    assert main_at("Marovia accepted the Dorvan proposal for a truce on Monday.", "accepted") == ["AGREE"]


def test_a_navy_accepting_a_ship_is_no_agreement() -> None:
    assert main_at("The Kessarian navy accepted the old frigate into service on Friday.", "accepted") == []


def test_an_appeal_that_attracts_voters_asks_no_one() -> None:
    assert main_at("Senator Arno Veld appeals to young voters in Oskel.", "appeals") == []


def test_an_appeal_for_calm_asks() -> None:
    assert main_at("Marovia appealed for calm after the clashes in Oskel.", "appealed") == ["REQUEST"]
    assert main_at("The Red Cross appealed to donors for fuel.", "appealed") == ["REQUEST"]


def test_relations_hitting_a_low_is_no_attack() -> None:
    assert main_at("Relations between Marovia and Kessaria hit a low last year.", "hit") == []


def test_a_town_hit_by_missiles_is_attacked() -> None:
    assert main_at("Oskel was hit by Marovian missiles overnight.", "hit") == ["ASSAULT"]


def test_asking_a_leader_for_relief_is_a_request_to_that_leader() -> None:
    # the parser hangs "for" on the one asked, not on "asked": still a request, not a question
    text = "At the summit, Marovian leader Arno Veld asked Dorvan President Tomas Brell for sanctions relief."
    assert main_at(text, "asked") == ["REQUEST"]
    assert argument_names(text, "asked") == (["Arno Veld"], ["Tomas Brell"])


def test_one_leader_talking_about_a_topic_meets_no_one() -> None:
    assert main_at("President Tomas Brell talked about the truce at a rally in Oskel.", "talked") == []
    assert main_at("Arno Veld is now talking about immigration, his weak point.", "talking") == []


def test_two_sides_talking_about_a_topic_are_talks() -> None:
    assert main_at("Brell and Veld talked about the truce on Monday.", "talked") == ["CONSULT"]
    assert main_at("Marovia talked with Dorvan about the border.", "talked") == ["CONSULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Arno Veld beat out Tomas Brell by just one point in the latest survey.", "beat"),
        ("Veld beat Brell 51% to 36% in Oskel.", "beat"),
        ("The ruling party beat the opposition in the runoff on Sunday.", "beat"),
        ("Marovia's exports beat analysts' expectations in March.", "beat"),
    ],
)
def test_a_win_in_a_contest_or_over_a_thing_is_no_beating(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police beat protesters with batons in Oskel on Sunday.",
        "The Velmar Front beat back an army offensive near Pellane.",
    ],
)
def test_a_beating_is_an_assault(text: str) -> None:
    assert main_at(text, "beat") == ["ASSAULT"]


def test_keeping_a_rival_from_winning_restrains_no_one() -> None:
    assert main_at("The Velmar Front vowed to stop Arno Veld from winning a third term.", "stop") == []
    assert main_at("Police prevented lawyers from visiting Ann Vale in prison.", "prevented") == ["COERCE"]


def test_a_crowd_cheering_backs_no_one_cheering_someone_does() -> None:
    assert main_at("The crowd cheered as Arno Veld spoke in Oskel.", "cheered") == []
    assert main_at("Governments had cheered on Kessaria's investment spree.", "cheered") == ["SUPPORT"]


def test_recognizing_a_danger_recognizes_no_state() -> None:
    assert main_at("Marovia recognized the importance of the vote in Dorvan.", "recognized") == []
    assert main_at("Marovia recognized Kessaria's independence on Monday.", "recognized") == ["SUPPORT"]


def test_a_decision_a_party_calls_illegal_is_its_accusation() -> None:
    text = "The election board revoked the party's registration, a decision the Velmar Front called illegal."
    assert main_at(text, "called illegal") == ["ACCUSE"]
    assert argument_names(text, "called illegal")[0] == ["Velmar Front"]
