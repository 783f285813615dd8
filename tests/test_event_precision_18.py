"""Counted events that were no act: a fight only dated, an amount measured by, a draft rule's aim,
cold, chatter (invented sentences)."""

from event_support import main_at, main_types


def test_fighting_named_only_by_its_time_is_no_act() -> None:
    assert "ASSAULT" not in main_types(
        "Many traders left Pellane during last year's fighting amid reports of looting."
    )
    assert (
        main_at(
            "Hotel bookings fell sharply after the March violence, during which several shops were burned.",
            "violence",
        )
        == []
    )
    # its sides, or a verb that makes it happen, tell the act
    assert main_at("Sunday's fighting between the army and the Velmar Front left ten dead.", "fighting") == [
        "ASSAULT"
    ]
    assert main_at("Violence broke out in Oskel on Sunday.", "Violence") == ["ASSAULT"]


def test_an_act_a_than_clause_measures_by_is_not_told() -> None:
    assert main_at("Dorvan received fewer weapons than Marovia had promised.", "promised") == []
    assert "REQUEST" not in main_types(
        "The Oskel agency received 20 million euros, some 40 million euros less than it had sought, an official said."
    )
    # a pace compared tells both acts
    assert main_at("The Velmar Front is rebuilding faster than it is being disarmed.", "disarmed") == [
        "RETREAT"
    ]


def test_an_observation_mission_deployed_cooperates() -> None:
    assert main_at(
        "The Oskel League has deployed a full election observation mission to Pellane, with about 200 monitors.",
        "deployed",
    ) == ["COOPERATE"]
    assert main_at("Marovia deployed a military mission to the border.", "deployed") == ["MOBILIZE"]


def test_what_a_draft_rule_or_a_freedom_would_allow_is_not_done() -> None:
    assert (
        main_types("The mayor told officials to draft regulations to ban the sale of fireworks in Oskel.")
        == []
    )
    assert main_types("Lawmakers in Pellane introduced a bill to ban imports from Dorvan.") == []
    assert main_types("The Dorvan charter guarantees the freedom to seek and share information.") == []


def test_what_cold_freezes_is_no_sanction() -> None:
    assert main_types("When the Pellane mayor's car got frozen into a block of ice, he walked.") == []
    assert main_at("The Oskel bank accounts were frozen by Marovia.", "frozen") == ["SANCTION"]


def test_chatter_and_a_household_s_talk_are_no_talks() -> None:
    assert main_types("The Oskel film has everyone talking.") == []
    assert main_types("Years ago Tomas Brell and his wife began talking about a move to Pellane.") == []
    assert main_at("Ann Vale and Tomas Brell talked for an hour in Dorvan.", "talked") == ["CONSULT"]
