"""Event recall, round 19: verbs that name a political act we did not report. A court fines
someone, orders someone held for a term, or throws out charges; people are held by an armed group,
counted by the dozen; an army ousts a president; a legislature removes a leader from office or
impeaches one; a state designates a group an extremist organization or a country one of particular
concern; an army neutralizes or eliminates fighters; a board revokes a party's registration; a
tribunal or a cabinet directs another party to act. And the senses these verbs do not have
("removed the rubble", "designated a successor", "neutralized the smell"). Every sentence is
invented."""

from __future__ import annotations

from event_support import actor_names, main_at, main_types


def test_a_court_fining_someone_coerces_them() -> None:
    text = "A court in Oskel on Tuesday fined a Pellane opposition deputy 90,000 crowns for his posts."
    assert main_at(text, "fined") == ["COERCE"]


def test_people_held_by_a_group_the_recognizer_calls_a_person_are_detained() -> None:
    text = "The verdicts raised fears for dozens of United Nations employees held by the Houthis."
    assert main_at(text, "held") == ["COERCE"]
    assert actor_names(text, "held") == ["Houthis"]


def test_staff_held_by_an_armed_group_are_detained() -> None:
    text = "Those detentions bring to 40 the number of U.N. personnel held by the Velmar Front."
    assert main_at(text, "held") == ["COERCE"]
    assert "COERCE" not in main_types("The boy was held by his mother Lena Ruto at the gate.")
    assert "COERCE" not in main_types("Dozens of ballots held by the Dorvan election board were counted.")


def test_an_army_ousting_a_president_coerces_him() -> None:
    text = "The Dorvan army ousted President Arno Veld on Sunday."
    assert main_at(text, "ousted") == ["COERCE"]


def test_removing_a_leader_from_office_or_impeaching_one_is_a_sanction() -> None:
    text = "The caretaker cabinet took over after the Pellane parliament removed the previous president."
    assert main_at(text, "removed") == ["SANCTION"]
    text = "Lawmakers in Oskel impeached Governor Tomas Brell on Monday."
    assert main_at(text, "impeached") == ["SANCTION"]
    text = "The Dorvan senate voted on Friday and removed Ann Vale from office."
    assert main_at(text, "removed") == ["SANCTION"]
    assert "SANCTION" not in main_types("Marovian crews removed the rubble from the Oskel bridge.")
    assert "SANCTION" not in main_types("Kessaria said it had removed the mines near the border.")


def test_designating_a_group_extremist_or_a_state_of_concern_is_a_sanction() -> None:
    text = "Velmar's owner, Norland Media, which Dorvan has designated an extremist group, said nothing."
    assert main_at(text, "designated") == ["SANCTION"]
    text = "Marovia last year designated Pellane a country of particular concern over its jails."
    assert main_at(text, "designated") == ["SANCTION"]
    assert "SANCTION" not in main_types("The Oskel president designated Arno Veld his successor on Monday.")
    assert "SANCTION" not in main_types("Kessaria designated the port a zone of concern for shipping.")


def test_an_army_neutralizing_fighters_attacks_them() -> None:
    text = "The Pellane army said its troops had neutralized about twenty assailants near Kessaria."
    assert main_at(text, "neutralized") == ["ASSAULT"]
    text = "The ministry said dozens of terrorists were neutralized in a raid backed by helicopters."
    assert main_at(text, "neutralized") == ["ASSAULT"]
    assert "ASSAULT" not in main_types("Dorvan engineers neutralized the smell from the Oskel plant.")


def test_revoking_a_partys_registration_is_a_sanction() -> None:
    text = "The Marovian election board revoked the Velmar Front's registration last spring."
    assert main_at(text, "revoked the Velmar Front's registration") == ["SANCTION"]


def test_directing_a_party_to_act_is_a_demand() -> None:
    text = "A Kessarian tribunal instructed Dorvan not to sell the grain reserve while it hears the case."
    assert main_at(text, "instructed") == ["REQUEST"]
    assert actor_names(text, "instructed") == ["Kessarian tribunal"]
    text = "Under pressure from Oskel, the Pellane cabinet tasked the army with collecting all rifles."
    assert main_at(text, "tasked") == ["REQUEST"]
    text = "Governor Lena Ruto told Velmar council members to impose a curfew on the market."
    assert main_at(text, "told") == ["REQUEST"]
    assert "REQUEST" not in main_types("Tomas Brell told reporters to expect a long night in Oskel.")
    assert "REQUEST" not in main_types("The Marovian judge ordered him to be released on bail.")


def test_an_army_eliminating_fighters_attacks_them() -> None:
    text = "The Oskel army said on Friday it had eliminated 30 terrorists near the Pellane border."
    assert main_at(text, "eliminated") == ["ASSAULT"]
    assert "ASSAULT" not in main_types("Marovia eliminated tariffs on Dorvan grain last week.")


def test_a_court_throwing_out_charges_rejects_them() -> None:
    text = "A Kessaria court later threw out the charges that prosecutors had filed against Arno Veld."
    assert main_at(text, "threw out the charges") == ["REJECT"]


def test_a_court_ordering_someone_held_for_a_term_detains_them() -> None:
    text = "A Velmar court ordered the cleric held for three months pending trial on Tuesday."
    assert main_at(text, "ordered") == ["COERCE"]
    assert "COERCE" not in main_types("The Marovian judge ordered the vote held on Sunday.")


def test_what_a_removal_happened_amid_is_counted_too() -> None:
    text = "Governor Arno Veld was impeached on Monday amid accusations of bribery in Kessaria."
    assert main_at(text, "impeached") == ["SANCTION"]
    assert main_at(text, "accusations") == ["ACCUSE"]
