"""Event types and recall, round 20: penalties of courts, riot control, stated concern, measures of
commerce, envoys expelled and the loss of papers. Invented sentences only."""

from __future__ import annotations

from event_support import main_at, main_types


def test_a_conviction_is_a_penalty() -> None:
    # a court's conviction punishes (COERCE, as a sentence does), no mere accusation
    text = "A military court in Marovia convicted four Velmar Front officers over the killings."
    assert main_at(text, "convicted") == ["COERCE"]


def test_a_passive_conviction_is_a_penalty_too() -> None:
    text = "Opposition leader Arno Veld was convicted of treason by a Dorvan court last year."
    assert main_at(text, "convicted") == ["COERCE"]


def test_a_prosecution_is_a_penalty() -> None:
    text = "The Dorvan attorney general's office prosecuted dozens of Pellane Voice journalists."
    assert main_at(text, "prosecuted") == ["COERCE"]


def test_tear_gas_fired_at_a_crowd_is_riot_control() -> None:
    text = "Marovian police fired tear gas and rubber bullets at protesters in Dorvan on Tuesday."
    assert main_at(text, "fired tear gas") == ["COERCE"]


def test_live_rounds_fired_stay_force() -> None:
    text = "Soldiers in Oskel fired live ammunition and tear gas at the crowd near the palace."
    assert "ASSAULT" in main_types(text)
    assert "COERCE" not in main_types(text)


def test_raised_concerns_are_a_complaint() -> None:
    text = "Rights groups have raised concerns about the treatment of detainees in Pellane prisons."
    assert main_at(text, "raised concerns") == ["ACCUSE"]


def test_a_party_deeply_concerned_by_an_act_complains() -> None:
    text = "The Kessarian Foreign Ministry said it was deeply concerned by the arrests in Dorvan."
    assert main_at(text, "concerned") == ["ACCUSE"]


def test_a_personal_worry_is_no_complaint() -> None:
    text = "Lena Ruto, the Marovian trade minister, said she was concerned about her health."
    assert "ACCUSE" not in main_types(text)


def test_brought_before_a_judge_is_held_to_answer() -> None:
    text = "Velmar Front commander Tomas Brell was brought before a judge in Oskel on Monday."
    assert main_at(text, "brought") == ["COERCE"]


def test_visa_restrictions_on_officials_are_a_sanction() -> None:
    text = "Dorvan imposed visa restrictions on 40 Marovian officials on Tuesday."
    assert main_at(text, "imposed visa restrictions") == ["SANCTION"]


def test_restricted_exports_are_a_sanction() -> None:
    text = "Kessaria restricted exports of rare earth minerals to Dorvan after the naval clash."
    assert main_at(text, "restricted") == ["SANCTION"]


def test_restrictions_on_movement_stay_coercion() -> None:
    text = "The Marovian government imposed restrictions on movement in the capital."
    assert main_at(text, "imposed restrictions") == ["COERCE"]


def test_a_nationality_stripped_is_coercion() -> None:
    text = "The Marovian government stripped Ann Vale of her nationality in 2023."
    assert "COERCE" in main_types(text)


def test_passports_cancelled_are_coercion() -> None:
    text = "Pellane authorities canceled the passports of several exiled Velmar Front activists."
    assert main_at(text, "canceled the passports") == ["COERCE"]


def test_an_envoy_expelled_is_a_diplomatic_sanction() -> None:
    # as 'the expulsion of the envoy' already is (CONVENTIONS.md: expelling diplomats)
    text = "Kessaria expelled the Dorvan envoy on Friday over the spying affair."
    assert main_types(text) == ["SANCTION"]


def test_regret_for_anothers_decision_is_criticism() -> None:
    text = "The Dorvan government regretted the Marovian decision to leave the trade body."
    assert main_at(text, "regretted") == ["ACCUSE"]


def test_regret_for_ones_own_mistake_stays_an_apology() -> None:
    text = "The Marovian army regretted its mistake in the shelling of a Dorvan village."
    assert main_at(text, "regretted") == ["CONCEDE"]


def test_analysts_raising_concerns_make_no_complaint() -> None:
    text = "Analysts are raising concerns that a Marovian update to its sea law could provoke Dorvan."
    assert "ACCUSE" not in main_types(text)


def test_referred_to_prosecutors_is_held_to_answer() -> None:
    text = "Lawyers said 15 of those detained in Oskel had been referred to prosecutors."
    assert main_at(text, "referred") == ["COERCE"]


def test_an_unsealed_arrest_warrant_is_coercion() -> None:
    text = "The International Criminal Court on Tuesday unsealed an arrest warrant for Tomas Brell."
    assert main_at(text, "unsealed an arrest warrant") == ["COERCE"]
