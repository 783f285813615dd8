"""Who acts in an event right on type (helper round 20): a speech act conjoined to what was said
is the speaker's, criticism drawn from someone is theirs (and lends them to no other act), a
group's "they" brings the side it belongs to, and a country named among nationalities acts with
them."""

from __future__ import annotations

from event_support import actor_names


def test_a_speech_act_after_what_goes_on_is_the_speakers() -> None:
    # "was conducting": an act under way does not go on into a past act of the navy's own
    text = (
        "A Marovian spokesman, Arno Veld, said the navy was conducting routine patrols in its "
        "own waters and accused Dorvan of seizing a fishing boat."
    )
    assert actor_names(text, "accused") == ["Arno Veld"]


def test_a_speech_act_after_a_nested_report_is_the_speakers() -> None:
    text = (
        "The Velmar Front said the arrests showed Marovia was settling scores and called on "
        "prosecutors to act impartially."
    )
    assert actor_names(text, "called") == ["Velmar Front"]


def test_a_speech_act_after_a_state_of_having_is_the_speakers() -> None:
    text = (
        "A spokesman, Tomas Brell, said Marovia had undisputed rights over the islands and urged "
        "Dorvan to control its fishermen."
    )
    assert actor_names(text, "urged") == ["Tomas Brell"]


def test_criticism_drawn_from_a_party_is_that_partys() -> None:
    text = (
        "Marovian police detained the editor on Monday. The arrests have drawn criticism from "
        "the Velmar Front, which says the case is political."
    )
    assert actor_names(text, "criticism") == ["Velmar Front"]


def test_a_groups_they_brings_the_side_its_phrase_names() -> None:
    text = "Supporters of the Velmar Front said they would hold a sit-in outside the court on Friday."
    assert "Velmar Front" in actor_names(text, "hold a sit-in")


def test_a_country_named_among_nationalities_acts_with_them() -> None:
    text = "Israeli and U.S. strikes hit Kessaria's air bases in June, Pellane's defense ministry said."
    assert actor_names(text, "hit") == ["Israeli", "United States"]


def test_fighting_that_broke_out_between_two_sides_is_theirs() -> None:
    # the parser hangs the between-phrase on the verb of breaking out, not on the noun
    text = (
        "Fighting broke out on Monday between Marovian government forces and the Velmar Front in "
        "the port city of Oskel."
    )
    assert actor_names(text, "Fighting") == ["Marovian government forces", "Velmar Front"]
