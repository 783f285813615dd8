"""Event actors, round 23b, on invented sentences: plural nouns that stand for parties named
before. "All three governments" and "the three governments" are the three countries a story
listed together (also far back, also where it listed them as places); "both forces" are two armed
parties named together; "the sides" with no number are the last two named together, also
further back than the sentence before; "both parliaments" are two countries; "the governments"
said again after "both governments" are the same two."""

from __future__ import annotations

from event_support import actor_names, argument_names

THREE_LISTED = (
    "A United Nations panel will look into the killings of farmers in Chad, Sudan and Libya. "
    "The panel has nine members. It will report in April. Its chair said he expected little help. "
)


def test_all_three_governments_are_the_three_countries_listed_far_back() -> None:
    text = THREE_LISTED + "All three governments have expelled foreign reporters this year."
    assert actor_names(text, "expelled") == ["Chad", "Sudan", "Libya"]


def test_delegations_of_the_three_governments_are_the_three_countries() -> None:
    text = (
        "The council voted to open an inquiry into abuses in Chad, Sudan and Libya, and "
        "delegations from the three governments walked out of the hall in protest."
    )
    assert actor_names(text, "walked") == ["Chad", "Sudan", "Libya"]


def test_both_forces_are_the_two_armed_parties_named_together() -> None:
    text = (
        "Ethiopian troops and Fano militiamen clashed near Gondar on Sunday. "
        "Both forces agreed on Monday to pull back from the town."
    )
    assert actor_names(text, "agreed") == ["Ethiopian troops", "Fano"]


def test_the_sides_named_further_back_are_the_pair_named_together() -> None:
    text = (
        "Ethiopian troops and Fano militiamen clashed near Gondar on Sunday. "
        "Hospitals in the region said they were short of blood, and the Red Cross sent medicines "
        "to the town. "
        "The sides accuse each other of shelling the market."
    )
    assert actor_names(text, "accuse") == ["Ethiopian troops", "Fano"]


def test_the_sides_are_the_pair_named_together() -> None:
    text = (
        "Ethiopian troops and Fano militiamen clashed near Gondar on Sunday. "
        "Church leaders urged the sides to stop the fighting."
    )
    assert argument_names(text, "urged")[1] == ["Ethiopian troops", "Fano"]


def test_both_parliaments_are_the_two_countries() -> None:
    text = (
        "Kyrgyzstan and Tajikistan signed a border treaty in March. "
        "Both parliaments ratified the treaty in May."
    )
    assert actor_names(text, "ratified") == ["Kyrgyzstan", "Tajikistan"]


def test_the_governments_said_again_are_the_same_two() -> None:
    text = (
        "Belize and Guatemala took their border dispute to the world court in 2019. "
        "Fishermen say navy patrols often stop their boats on the river. "
        "Both governments have tried to keep such incidents quiet. "
        '"The governments blame the fishermen, and we pay for it," said a trader in Punta Gorda.'
    )
    assert actor_names(text, "blame") == ["Belize", "Guatemala"]
