"""Wrong senses of event words (invented sentences): a participle cut from a passive relative
clause that the parser reads as a past tense; a passive harm with no doer; services halted; an
ultimatum; a panel's mandate; how far a plan is funded; reluctance; working with scholars or the
press; onlookers' warnings; fuel burnt at home; things pulled out of the ground."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The board completed the third review of a two-year credit line agreed in May 2024 with Marovia.",
            "agreed",
        ),
        (
            "Reserves in Dorvan ended the year well below the level agreed with the lenders.",
            "agreed",
        ),
    ],
)
def test_a_participle_read_as_a_past_tense_describes_its_noun(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == []


def test_a_main_verb_after_its_subject_still_acts() -> None:
    assert "AGREE" in main_types("Marovia agreed in May to release the Dorvan prisoners.")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Riot police fired tear gas at marchers in Oskel on Monday. Four officers were injured.", "injured"),
        ("Two Dorvan border guards were wounded on Friday when a shell landed near their post.", "wounded"),
    ],
)
def test_a_passive_harm_with_no_doer_is_an_outcome(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == []


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Two Dorvan border guards were wounded by Velmar Front fighters near Oskel.", "wounded", "ASSAULT"),
        ("Nineteen migrants were rescued by the Marovian coast guard on Tuesday.", "rescued", "AID"),
        ("Velmar Front gunmen wounded two Dorvan border guards near Oskel.", "wounded", "ASSAULT"),
        (
            "Dorvan shelled Oskel on Monday. Two Marovian soldiers were wounded in the shelling.",
            "wounded",
            "ASSAULT",
        ),
    ],
)
def test_a_harm_or_rescue_with_its_doer_or_act_stays_an_act(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


@pytest.mark.parametrize(
    "text",
    [
        "Ferry services between Oskel and Pellane were suspended for a third day because of high waves.",
        "Tomas Brell said all food deliveries in the district had been suspended pending a review.",
    ],
)
def test_services_suspended_with_no_one_named_are_a_halt(text: str) -> None:
    assert "SANCTION" not in main_types(text)


def test_a_party_suspending_flights_still_sanctions() -> None:
    assert "SANCTION" in main_types("Marovia suspended all flights to Dorvan on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        '"The Velmar Front had one message for the villagers of Oskel: surrender or be killed," Arno Veld said.',
        '"The Velmar Front told the Oskel dock workers: cooperate with us or die," Ann Vale said.',
    ],
)
def test_an_ultimatum_is_no_act(text: str) -> None:
    assert not {"ASSAULT", "COOPERATE"} & set(main_types(text))


def test_a_mandate_of_a_panel_sends_no_force() -> None:
    text = "The resolution extends the mandate of a panel of experts that monitors the embargo on Marovia."
    assert "AID" not in main_types(text)


def test_a_mission_mandate_still_aids() -> None:
    text = "The council extended the mandate of the peacekeeping mission in Oskel for a year."
    assert "AID" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The relief plan for Oskel was only 30 percent funded this year.",
        "The U.N. appeal for Pellane is less than a quarter funded, Lena Ruto said.",
    ],
)
def test_how_far_a_plan_is_funded_names_no_donor(text: str) -> None:
    assert "AID" not in main_types(text)


def test_a_donor_named_still_funds() -> None:
    assert "AID" in main_types("The Oskel clinic is funded by Dorvan.")


@pytest.mark.parametrize(
    "text",
    [
        "Several governments in Pellane were reluctant to make concessions to the Velmar Front before the vote.",
        "Kessaria remains unwilling to release the Oskel prisoners, Tomas Brell said.",
    ],
)
def test_what_a_party_is_reluctant_to_do_is_not_done(text: str) -> None:
    assert not {"CONCEDE", "RETREAT"} & set(main_types(text))


@pytest.mark.parametrize(
    "text",
    [
        "Pellane Heritage, an NGO that worked with the archaeologists, said the site was older than thought.",
        "Ann Vale worked with The Oskel Courier and other news outlets to expose the scheme.",
    ],
)
def test_working_with_scholars_or_the_press_is_no_cooperation(text: str) -> None:
    assert "COOPERATE" not in main_types(text)


def test_working_with_a_force_is_cooperation() -> None:
    assert "COOPERATE" in main_types("Marovian police worked with the Dorvan army to free the hostages.")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts warn that a new conflict could draw in Dorvan, whose troops fought in Oskel.",
        "At a rally in Oskel, speakers warned that a Velmar Front victory would drag Marovia into war.",
    ],
)
def test_onlookers_warning_of_what_others_may_do_threaten_nothing(text: str) -> None:
    assert "THREATEN" not in main_types(text)


def test_a_party_warning_of_its_own_act_threatens() -> None:
    assert "THREATEN" in main_types("The Velmar Front warned that it would attack Dorvan convoys.")


def test_a_shutdown_hitting_growth_is_no_blow() -> None:
    text = "Economists in Oskel say that a refinery shutdown would hit growth next year."
    assert "ASSAULT" not in main_types(text)


def test_burning_fuel_at_home_is_no_riot() -> None:
    text = '"We burn cardboard to heat water for the children," said Lena Ruto, a mother of four.'
    assert not {"PROTEST", "ASSAULT"} & set(main_types(text))


def test_rioters_burning_an_embassy_still_riot() -> None:
    assert "PROTEST" in main_types("Rioters burned the Dorvan embassy in Oskel.")


@pytest.mark.parametrize(
    "text",
    [
        '"Marovia has spent three decades pulling the poison of war out of its soil," Tomas Brell said.',
        "Dorvan has spent a decade pulling mines out of its fields.",
    ],
)
def test_pulling_a_thing_out_withdraws_no_one(text: str) -> None:
    assert "RETREAT" not in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dorvan pulled its troops out of Oskel on Monday.",
        "Marovia pulled its ambassador out of Pellane.",
        "Dorvan pulled its forces back from the border.",
    ],
)
def test_pulling_forces_or_envoys_out_is_a_retreat(text: str) -> None:
    assert "RETREAT" in main_types(text)


def test_funds_named_by_their_giver_still_aid() -> None:
    assert "AID" in main_types("The Oskel clinic was funded with Dorvan grants.")
