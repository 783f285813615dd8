"""AID and AGREE where real news uses their words for something else: a speech delivered, a hand
in founding a group, knowledge provided, delegates awarded, money given to a campaign, an offer of
words, and a view agreed with. Invented sentences."""

from __future__ import annotations

from event_support import main_at


def test_a_defense_delivered_is_no_aid_food_to_refugees_is() -> None:
    assert (
        main_at(
            "Senator Tomas Brell delivered a fiery defense of the Velmar Front at the rally in Oskel.",
            "delivered",
        )
        == []
    )
    assert main_at("The Marovian army delivered food to the refugees in Oskel.", "delivered") == ["AID"]


def test_helping_found_a_group_is_no_aid() -> None:
    assert main_at("Lena Ruto, who helped found the Velmar Front in 2004, spoke on Tuesday.", "helped") == []


def test_helping_draft_a_platform_is_no_aid() -> None:
    assert main_at("Arno Veld helped draft the party's platform before the vote.", "helped") == []


def test_money_to_a_foundation_is_no_aid_vaccines_to_a_state_are() -> None:
    assert main_at("Arno Veld gave money to the Pellane Foundation in 2014.", "gave money") == []
    assert main_at("Marovia donated vaccines to Dorvan in February.", "donated") == ["AID"]


def test_delegates_awarded_are_no_aid() -> None:
    assert (
        main_at("The Pellane state party awards its delegates proportionally to the candidates.", "awards")
        == []
    )


def test_immunity_granted_is_no_aid() -> None:
    assert main_at("The Dorvan prosecutor granted immunity to an aide of Ann Vale.", "granted") == []


def test_support_lent_is_no_aid_weapons_provided_are() -> None:
    assert main_at("Tomas Brell lent his support to candidates in Oskel.", "lent") == []
    assert main_at("Marovia provided Dorvan with weapons and training.", "provided") == ["AID"]


def test_a_retort_offered_is_no_agreement() -> None:
    assert main_at("Senator Ann Vale offered a sharp retort to Tomas Brell on Tuesday.", "offered") == []


def test_an_endorsement_offered_is_no_agreement_a_ceasefire_is() -> None:
    assert main_at("Governor Ann Vale offered her endorsement to Arno Veld on Friday.", "offered") == []
    assert main_at("Dorvan offered a ceasefire to the Velmar Front on Sunday.", "offered") == ["AGREE"]


def test_agreeing_that_a_rival_is_an_opportunist_is_no_agreement() -> None:
    assert main_at("Senator Tomas Brell said he agrees that Ann Vale is a total opportunist.", "agrees") == []


def test_agreeing_with_a_judgement_is_no_agreement_agreeing_to_act_is() -> None:
    assert (
        main_at("The Marovian foreign minister agreed with Lena Ruto that the plan was unworkable.", "agreed")
        == []
    )
    assert main_at("Dorvan and Kessaria agreed on Tuesday to reopen the border crossing.", "agreed") == [
        "AGREE"
    ]


def test_a_report_provided_is_no_aid_access_to_water_is() -> None:
    text = "The Dorvan police provided the Marovian interior ministry with a detailed report on the riots."
    assert main_at(text, "provided") == []
    assert main_at("The Marovian army provided the refugees with access to clean water.", "provided") == [
        "AID"
    ]


def test_self_funding_a_campaign_is_no_aid() -> None:
    assert main_at("Senator Arno Veld was largely self-funding his campaign in Pellane.", "funding") == []


def test_a_poll_share_agreeing_is_no_agreement() -> None:
    text = "In the Oskel poll, 48 percent of Dorvan voters agreed and 40 percent disagreed."
    assert main_at(text, "agreed") == []
