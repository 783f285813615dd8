"""Acts the rules used to miss (invented sentences): money given as a sum in aid, a grant or a loan
with its sum, money released or withheld; operations scaled back or wound down; accords and ties
ended and bodies left. And their near misses: a sum given to a campaign, a country or a meeting
left, a season ended, ambitions scaled back, talks that end without an accord."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    "text",
    [
        "Pellane announced an additional 30 million pounds in humanitarian aid for Marovia.",
        "Kessaria announced a further $45 million in emergency assistance for the refugees of Dorvan.",
        "Oskel approved 12 million euros in aid for the flood victims of Marovia on Friday.",
    ],
)
def test_a_sum_announced_in_aid_is_aid(text: str) -> None:
    assert "AID" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kessaria announced a grant of $70 million to Marovia in October.",
        "The Velmar Development Bank announced a $2 billion loan to Dorvan on Thursday.",
        "The fund approved a disbursement of about $800 million to Pellane.",
    ],
)
def test_a_grant_a_loan_or_a_disbursement_with_its_sum_is_aid(text: str) -> None:
    assert "AID" in main_types(text)


def test_money_released_as_a_sum_is_aid() -> None:
    assert "AID" in main_types("The European Union released 25 million euros for food programs in Marovia.")


@pytest.mark.parametrize(
    "text",
    [
        "The student received a loan from the bank in Oskel.",
        "The city of Oskel won a federal grant to repair its roads.",
        "Arno Veld gave $5 million to the Vale campaign last spring.",
    ],
)
def test_a_bare_grant_or_a_donation_is_no_aid(text: str) -> None:
    assert "AID" not in main_types(text)


def test_goods_supplied_with_a_list_are_aid() -> None:
    assert "AID" in main_types("Kessaria provided the North with fuel, cash and spare parts.")


def test_material_supplied_to_a_person_is_no_aid() -> None:
    assert "AID" not in main_types("Ann Vale provided Lena Ruto with fresh material for her speeches.")


@pytest.mark.parametrize(
    "text",
    [
        "Pellane has withheld large sums from the Marovian authority in recent years.",
        "Dorvan withheld $300 million in customs revenue from Marovia.",
    ],
)
def test_money_withheld_is_a_sanction(text: str) -> None:
    assert "SANCTION" in main_types(text)


def test_survivors_treated_by_medics_are_aided() -> None:
    assert "AID" in main_types(
        "Medics from the Oskel Relief Corps treated 240 survivors of the blast in Pellane."
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The U.N. later scaled back operations in northern Marovia.", "scaled"),
        ("The Dorvan army scaled down its operations along the river in June.", "scaled"),
        ("Kessaria wound down its peacekeeping mission in Pellane last year.", "wound"),
        ("The Marovian army drew down its troops from the border region.", "drew"),
    ],
)
def test_operations_or_forces_cut_back_retreat(text: str, trigger: str) -> None:
    assert "RETREAT" in main_at(text, trigger)


@pytest.mark.parametrize(
    "text",
    [
        "The Oskel company scaled back its ambitions in Pellane.",
        "The U.N. scaled up operations in southern Marovia.",
    ],
)
def test_ambitions_scaled_back_or_operations_scaled_up_are_no_retreat(text: str) -> None:
    assert "RETREAT" not in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The junta in Marovia ended defense agreements with Dorvan.",
        "Pellane ended diplomatic relations with Kessaria on Sunday.",
        "Dorvan terminated its security pact with Oskel in March.",
    ],
)
def test_ending_accords_or_ties_is_a_sanction(text: str) -> None:
    assert "SANCTION" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Velmar ended without an agreement on Friday.",
        "The war between Oskel and Pellane ended with a peace accord in 2002.",
        "The Oskel club ended the season with a win over Pellane.",
    ],
)
def test_what_ends_with_an_accord_or_a_season_ended_is_no_sanction(text: str) -> None:
    assert "SANCTION" not in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marovia left the regional bloc in January.",
        "Marovia has also left the organization, officials in Oskel said.",
        "The junta, together with Dorvan and Pellane, left the regional bloc VELCOM to form a new alliance.",
    ],
)
def test_a_state_leaving_a_body_is_a_sanction(text: str) -> None:
    assert "SANCTION" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Marovian delegation left the country on Tuesday.",
        "President Arno Veld left the meeting in Oskel early.",
        "The former minister Tomas Brell left the organization in 2019.",
        "The countries failed to agree, leaving the landmark treaty unable to take effect.",
        "The ruling left the alliance to settle the dispute on its own.",
    ],
)
def test_leaving_a_place_a_meeting_or_a_job_is_no_sanction(text: str) -> None:
    assert "SANCTION" not in main_types(text)
