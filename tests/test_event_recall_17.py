"""Event recall, round 17: classes of construction that named an act we did not report. Diplomatic
complaints ("summoned its charge d'affaires", "conveyed its concerns to"), grave wrongs said to be
committed, strikes carried out by forces or named with a nation, attacks named with an armed group,
expulsions, gerund fighting between two sides, crackdowns on a target, military operations and
charges someone faces. Every sentence is invented."""

from __future__ import annotations

from event_support import main_at, main_types


def test_summoning_a_diplomat_of_any_rank_is_a_complaint() -> None:
    text = "Pellane's foreign ministry said it had summoned a Kessarian diplomat after the jamming."
    assert main_at(text, "summoned a Kessarian diplomat") == ["ACCUSE"]
    text = "The Oskel ministry summoned Dorvan's charge d'affaires in Velmar over the border shooting."
    assert "ACCUSE" in main_types(text)


def test_concern_conveyed_to_a_government_is_a_complaint() -> None:
    text = "Oskel said it had conveyed its concerns to Marovia through diplomatic channels."
    assert main_at(text, "conveyed its concerns") == ["ACCUSE"]


def test_grave_wrongs_committed_are_an_accusation() -> None:
    text = "Monitors in Velmar say both factions have committed abuses against farmers."
    assert main_at(text, "committed abuses") == ["ACCUSE"]
    text = "The Dorvan envoy said a militia that has committed genocide cannot be rewarded."
    assert "ACCUSE" in main_types(text)


def test_strikes_carried_out_or_conducted_are_attacks() -> None:
    text = "Marovia carries out near-daily strikes that it says target the Velmar Front."
    assert main_at(text, "carries out near-daily strikes") == ["ASSAULT"]
    text = "The Kessarian command said it conducted a strike near Dorvan on Sunday."
    assert main_at(text, "conducted a strike") == ["ASSAULT"]


def test_a_nation_named_before_strikes_makes_them_attacks_not_labour() -> None:
    text = "Relief work in Oskel has stalled since Marovian strikes began on the port."
    assert main_at(text, "strikes") == ["ASSAULT"]
    assert "ASSAULT" not in main_types("French rail strikes disrupted travel across Pellane in May.")


def test_an_armed_group_named_before_attacks_says_who_attacked() -> None:
    text = "The monitors said settler attacks during the harvest had reached a record in Velmar."
    assert main_at(text, "attacks") == ["ASSAULT"]


def test_an_expulsion_of_people_is_coercion_and_of_envoys_a_sanction() -> None:
    text = "Relations have been strained by Kessaria's mass expulsion of Oskel migrants."
    assert main_at(text, "expulsion") == ["COERCE"]
    text = "Dorvan's expulsion of two Kessarian diplomats angered Kessaria."
    assert main_at(text, "expulsion") == ["SANCTION"]


def test_fighting_between_two_sides_is_an_attack_without_a_subject() -> None:
    text = "Fighting between Marovian troops and Velmar Front militias has displaced thousands in Oskel."
    assert main_at(text, "Fighting") == ["ASSAULT"]
    assert "ASSAULT" not in main_types("Fighting between the two teams was fierce in the final.")


def test_a_crackdown_named_with_its_target_took_place() -> None:
    text = "Kessarian authorities pressed ahead with a crackdown on independent radio stations."
    assert main_at(text, "crackdown") == ["COERCE"]


def test_military_operations_and_air_campaigns_are_attacks() -> None:
    text = "The Velmar Front said its raid was revenge for military operations in Oskel last spring."
    assert "ASSAULT" in main_at(text, "operations")
    assert main_at("The Marovian air campaign escalated over the winter.", "campaign") == ["ASSAULT"]


def test_charges_faced_are_an_accusation_but_not_one_in_charge() -> None:
    text = "Lena Ruto said the two suspects faced charges of illegal party financing."
    assert main_at(text, "charges") == ["ACCUSE"]
    assert "ACCUSE" not in main_types("Tomas Brell is in charge of the Dorvan ministry of works.")
    assert "ACCUSE" not in main_types("Prosecutors in Pellane dropped the charges against Ann Vale.")


def test_a_measure_called_unjustified_or_unfair_blames_its_maker() -> None:
    text = "Marovia called the Kessarian lumber duties unjustified on Monday."
    assert main_at(text, "called the Kessarian lumber duties unjustified") == ["ACCUSE"]
    assert "ACCUSE" in main_types("Ann Vale called the Dorvan tax ruling unfair to farmers.")
