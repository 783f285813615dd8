"""Event precision, fifth round: senses and forms that are no event an analyst counts, and the
right type for some that are. Invented sentences only (Marovia, Dorvan, Pellane, Kessaria, the
Velmar Front)."""

from __future__ import annotations

from event_support import event_at, events_of, record_of
from event_support import main_types as counted_types

# -- modality -------------------------------------------------------------------------------------


def test_what_one_side_expects_of_another_is_no_promise() -> None:
    text = "Marovia expects the Velmar Front to uphold its promises."
    assert counted_types(text) == []


def test_carrying_on_an_act_keeps_its_type() -> None:
    text = "The Dorvan interior ministry said it will continue working with the Kessaria police."
    event = event_at(record_of(text), "working")
    assert (event.type, event.modality) == ("COOPERATE", "future")


def test_the_means_of_a_possible_act_is_not_done() -> None:
    text = '"Oskel can end it by withdrawing his troops," Ann Vale told reporters.'
    assert event_at(record_of(text), "withdrawing").modality == "hypothetical"


def test_a_for_to_clause_is_wanted_not_done() -> None:
    text = (
        "The statement answered a Dorvan proposal made on Monday for the Council to lift sanctions "
        "on Marovia and to ease curbs on its workers."
    )
    assert counted_types(text) == []


def test_what_one_is_pressed_to_do_is_not_done() -> None:
    text = "Marovia conducted missile tests in an effort to pressure Dorvan to grant sanctions relief."
    assert "AID" not in counted_types(text)


def test_what_a_law_authorizes_is_no_act() -> None:
    text = "Last winter Marovia passed a harbour statute that authorizes shooting at Dorvan trawlers."
    assert counted_types(text) == []


def test_a_gerund_judged_as_a_subject_is_no_act() -> None:
    text = "Negotiating with the militias is deemed unlawful in Kessaria, Arno Veld notes."
    assert "CONSULT" not in counted_types(text)


# -- accusations spoken in quotes ------------------------------------------------------------------


def test_a_label_others_give_is_not_the_speakers_blame() -> None:
    text = '"Meeting the Velmar Front is deemed a crime in Kessaria," said Arno Veld.'
    assert counted_types(text) == []


def test_the_charge_a_conviction_names_is_no_second_accusation() -> None:
    text = (
        "People often lose their visas when they are convicted of crimes, said Lena Ruto, a Marovian lawyer."
    )
    assert not any(e.mode == "disapprove" for e in events_of(text))


# -- senses ------------------------------------------------------------------------------------------


def test_a_vow_of_ones_own_goal_is_no_agreement() -> None:
    assert counted_types("Chancellor Ann Vale has vowed to make Marovia free of coal within ten years.") == []


def test_a_vow_to_withdraw_is_still_a_commitment() -> None:
    assert "AGREE" in counted_types("Dorvan vowed to withdraw its troops from Pellane.")


def test_visiting_places_where_no_one_is_met_is_no_visit() -> None:
    assert counted_types("Girls in Pellane still enjoy visiting cinemas, pools and gardens on Fridays.") == []


def test_a_vehicle_travelling_is_no_visit() -> None:
    text = "The overnight train was traveling west from Pellane to Oskel when gunmen opened fire."
    assert "CONSULT" not in counted_types(text)


def test_a_crowd_massing_in_protest_is_a_protest() -> None:
    text = (
        "On Friday, hundreds of people, many holding Kessarian flags, massed in front of the Dorvan "
        "embassy in Oskel in protest of the raids."
    )
    assert counted_types(text) == ["PROTEST"]


# -- types -------------------------------------------------------------------------------------------


def test_military_support_given_is_aid() -> None:
    text = "The Dorvan government gives military support to Marovia's rivals."
    assert event_at(record_of(text), "gives military support").type == "AID"


def test_a_missile_launched_at_no_one_is_a_show_of_force() -> None:
    text = "Analysts said Marovia seems set to launch an intercontinental missile before the summit."
    assert event_at(record_of(text), "launch an intercontinental missile").type == "MOBILIZE"


def test_a_missile_fired_at_a_target_stays_an_assault() -> None:
    text = "Marovia fired a missile on the port of Pellane on Tuesday."
    assert event_at(record_of(text), "fired a missile").type == "ASSAULT"


def test_breaking_a_truce_is_violating_it() -> None:
    assert counted_types("The Velmar Front broke the truce on Monday.") == ["ASSAULT"]


def test_taking_hostages_is_coercion() -> None:
    assert counted_types("Velmar Front fighters took 40 passengers hostage.") == ["COERCE"]


def test_keeping_agencies_out_is_a_restriction() -> None:
    text = "The Dorvan army does not allow aid agencies to go to these areas."
    event = event_at(record_of(text), "allow")
    assert (event.type, event.mode) == ("COERCE", "restrict")
