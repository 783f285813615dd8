"""Who acts when the actor is named by a pronoun after a report's source, by "his government" in
the words of the one who speaks for it, or by "the" and the last word of a name said before
(invented sentences)."""

from __future__ import annotations

from event_support import actor_names


def test_a_pronoun_after_a_source_goes_on_with_the_one_reported_on() -> None:
    text = (
        "Judges in Oskel jailed Lena Ruto for sedition on Friday, according to her lawyer, "
        "Tomas Brell. She denied the charge and plans to appeal."
    )
    assert actor_names(text, "denied") == ["Lena Ruto"]


def test_the_speaker_acts_with_his_own_government() -> None:
    text = 'Kessaria\'s envoy to the talks, Arno Veld, said his government "firmly rejects" the plan.'
    assert "Arno Veld" in actor_names(text, "rejects")


def test_the_last_word_of_a_name_takes_the_name_up() -> None:
    text = (
        "Lena Ruto visited the Dorvan Evangelical Church on Sunday. Prosecutors charged its bishop "
        "with plotting a coup, an accusation the church has rejected."
    )
    assert actor_names(text, "rejected") == ["Dorvan Evangelical Church"]


def test_the_ruling_party_no_name_was_given_for_acts_itself() -> None:
    text = "Students in Velmar have demanded a new vote, a call the ruling party has rejected."
    assert actor_names(text, "rejected") == ["ruling party"]


def test_a_name_set_off_after_a_description_of_one_person_acts() -> None:
    # the recognizer takes this name for no one; it is still who the description describes
    text = (
        "A lawmaker who represents part of Pellane in the House of Representatives, Musa Pellar, "
        "accused the federal government of failing the region."
    )
    assert actor_names(text, "accused") == ["Musa Pellar"]


def test_a_coast_guard_that_reports_an_arrest_in_the_passive_made_it() -> None:
    text = "Kessaria's coast guard said the skipper of the trawler was later taken into custody."
    assert actor_names(text, "taken") == ["Kessaria's coast guard"]


def test_a_plural_relative_after_two_names_is_said_of_both() -> None:
    text = (
        "Pellane's envoy said the council should heed the Oskel League and the regional bloc "
        "Velmar Union, which have called for the measures to be lifted."
    )
    assert actor_names(text, "called") == ["Oskel League", "Velmar Union"]


def test_a_message_put_down_to_a_group_is_the_groups_act() -> None:
    text = (
        "Gunmen raided a depot in Oskel on Monday. A video credited to the Velmar Front and "
        "passed around online denied any part in the raid."
    )
    assert actor_names(text, "denied") == ["Velmar Front"]


def test_the_one_whose_government_acts_acts_with_it() -> None:
    text = (
        "President Tomas Brell of Kessaria has sought to ease tensions with Dorvan. His government "
        "switched off loudspeakers along the border and has banned the Velmar Front."
    )
    assert "Tomas Brell" in actor_names(text, "banned")


def test_a_body_led_by_a_country_is_the_body() -> None:
    text = "A Pellane-led peace mission detained two gunmen near Oskel on Friday."
    assert actor_names(text, "detained") == ["Pellane-led peace mission"]
