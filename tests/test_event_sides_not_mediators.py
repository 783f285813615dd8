"""'Both sides' are the parties, not the one who says so nor where a body is based: "The
centre's director said both sides had agreed" is not the centre agreeing, and "a Geneva-based
team" does not make Geneva a side."""

from __future__ import annotations

from event_support import actor_names

MEDIATED = (
    "Marovia and Kessaria exchanged 40 prisoners on Monday. Marrow thanked the mediators, a team "
    "from the Geneva-based Centre for Dialogue. The centre's director, Omar Vale, said in a statement "
    "that both sides had agreed in principle to a second exchange."
)


def test_the_mediator_who_reports_it_is_no_side() -> None:
    actors = actor_names(MEDIATED, "agreed")
    assert not {"Centre", "Centre for Dialogue", "Omar Vale"} & set(actors)


def test_where_a_body_is_based_is_no_side() -> None:
    assert "Geneva" not in actor_names(MEDIATED, "agreed")


def test_sides_named_in_the_sentence_before_are_still_found() -> None:
    text = (
        "Marovian and Kessarian envoys met in Geneva on Monday. Marovia and Kessaria traded "
        "prisoners at the border. A spokesman for the Centre for Dialogue said both sides had agreed "
        "to meet again."
    )
    assert actor_names(text, "agreed") == ["Marovia", "Kessaria"]
