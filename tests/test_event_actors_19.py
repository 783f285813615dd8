"""Who acts in an event right on type (helper round 19): an officer's word on arrests, a past verb
the parser hung on its subject, carrying on with an act, members listed after the object, private
people near a deed of force, and a country's own armed forces."""

from __future__ import annotations

from event_support import actor_names, argument_names


def test_an_officer_reporting_arrests_made_them() -> None:
    # a police chief (a person, not the force itself) telling of arrests in the passive
    text = (
        "Acting Police Commissioner Arno Veld told reporters in Pellane on Monday. "
        "He said nine suspects had been arrested."
    )
    assert actor_names(text, "arrested") == ["Arno Veld"]


def test_a_past_verb_hung_on_its_subject_is_the_subjects_act() -> None:
    # no verb for the parser but the participle with its own object: the board gave the loan
    text = (
        "The Pellane Development Bank's executive board approved on Monday a loan of about "
        "$2 billion to Marovia under its aid program. Finance Minister Tomas Brell welcomed the decision."
    )
    record_actors, recipients = argument_names(text, "approved on Monday a loan")
    assert record_actors == ["Pellane Development Bank"]
    assert recipients == ["Marovia"]


def test_pressing_ahead_with_a_crackdown_is_carrying_it_out() -> None:
    text = (
        "Marovian authorities pressed ahead with a crackdown on independent media. "
        "On Tuesday, a court in Dorvan sentenced Arno Veld to five years."
    )
    assert actor_names(text, "crackdown") == ["Marovian authorities"]


def test_members_listed_after_an_object_of_words_act_with_the_subject() -> None:
    text = "Local officials also criticized the raid, including Mayor Arno Veld of Pellane."
    actors, recipients = argument_names(text, "criticized")
    assert actors == ["Local officials", "Arno Veld"]
    assert "Arno Veld" not in recipients
    # after the object of a deed, they are what it was done to
    deed = "Marovian troops raided several offices, including the Kessaria Times."
    assert argument_names(deed, "raided") == (["Marovian troops"], ["Kessaria Times"])


def test_private_people_near_a_detention_are_not_its_doers() -> None:
    text = (
        "Families of the prisoners held a rally outside the Justice Ministry in Pellane, demanding "
        "their release. Tomas Brell, a student, said he had been detained for a year without trial."
    )
    assert "Families" not in actor_names(text, "detained")


def test_a_countrys_strikes_are_made_by_its_own_army_too() -> None:
    # a real country, for its code: the one armed force of that code the story names
    text = (
        "Peru has for years carried out airstrikes against the Velmar Front in the jungle. "
        "The Peruvian army said on Monday that it had destroyed 40 camps."
    )
    assert actor_names(text, "carried out airstrikes") == ["Peru", "Peruvian army"]
