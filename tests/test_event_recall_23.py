"""Events missed on real news (helper hy): goods of aid given, handed out or distributed; envoys
sent to a party; an act named by a noun whose relative clause says it broke out or followed.
Invented sentences."""

from event_support import main_at, main_types

# Goods of aid given, handed out or distributed to a party are aid; the verb alone is not.


def test_gave_weapons_is_aid() -> None:
    text = "The Oskel government gave weapons to the Velmar Front in 2019."
    assert main_at(text, "gave weapons") == ["AID"]


def test_handed_out_food_is_aid() -> None:
    text = "The Red Cross handed out food to displaced families in Ardo on Tuesday."
    assert main_at(text, "handed out food") == ["AID"]


def test_distributed_rations_is_aid() -> None:
    text = "Marovian soldiers distributed rations to villagers after the floods."
    assert main_at(text, "distributed rations") == ["AID"]


def test_sent_shipments_is_aid() -> None:
    text = "Dorvan has sent fuel shipments to Pellane to ease its energy crisis."
    assert main_at(text, "sent fuel shipments") == ["AID"]


def test_handed_out_leaflets_is_no_aid() -> None:
    text = (
        "The mayor of Ardo handed out leaflets at the market on Sunday, and the Red Cross "
        "handed out food to families in the camp."
    )
    assert main_types(text).count("AID") == 1


# An envoy or a delegation sent to a party goes to talk with it.


def test_sent_an_envoy_is_consulting() -> None:
    text = "The African Union sent an envoy to Marovia on Monday to press for a truce."
    assert main_at(text, "sent an envoy") == ["CONSULT"]


def test_dispatched_a_delegation_is_consulting() -> None:
    text = "Kessaria dispatched a delegation to Dorvan last week."
    assert main_at(text, "dispatched a delegation") == ["CONSULT"]


# A noun whose relative clause says it broke out, went on or followed names an act that took place.


def test_protests_that_erupted_took_place() -> None:
    text = "The protests that erupted in Ardo last spring left nine people dead."
    assert main_at(text, "protests") == ["PROTEST"]


def test_fighting_that_followed_took_place() -> None:
    text = "The fighting that followed displaced thousands of families in Velmar."
    assert main_at(text, "fighting") == ["ASSAULT"]


def test_negotiations_which_resumed_took_place() -> None:
    text = "The negotiations which resumed in Doha on Friday stalled again."
    assert main_at(text, "negotiations") == ["CONSULT"]


def test_talks_that_could_begin_are_not_told() -> None:
    text = (
        "The talks that could begin next month would cover the border, and the talks that "
        "resumed in Doha on Friday stalled again, a diplomat in Ardo said."
    )
    assert main_types(text).count("CONSULT") == 1


# A noun of an attack on a person that names whom it struck tells the act, wherever it stands.


def test_assassination_of_a_leader_took_place() -> None:
    text = "Clashes in Ardo followed the assassination of a militia leader in May."
    assert main_at(text, "assassination") == ["ASSAULT"]


def test_kidnapping_of_an_envoy_took_place() -> None:
    text = "The kidnapping of two Marovian aid workers in Ardo shocked the region."
    assert main_at(text, "kidnapping") == ["ASSAULT"]


# A coup named with its date or country, or as the time of another act, took place.


def test_coup_named_with_its_year_took_place() -> None:
    text = "The Pellane junta has ruled the country since the 2021 coup."
    assert main_at(text, "coup") == ["COERCE"]


def test_coup_in_a_country_took_place() -> None:
    text = "Relations between Dorvan and Niger soured after the coup in Niger."
    assert main_at(text, "coup") == ["COERCE"]


# An accusation that names a party it came from was made.


def test_accusations_from_the_opposition_were_made() -> None:
    text = "The Oskel interior minister brushed off accusations from the opposition party on Friday."
    assert main_at(text, "accusations") == ["ACCUSE"]


# Table rows: the misread past "retook", reinforcements moved, money a donor cuts or reduces.


def test_retook_a_town_is_seizing() -> None:
    text = "Marovian forces retook the border town of Ardo on Sunday."
    assert main_at(text, "retook") == ["COERCE"]


def test_moving_reinforcements_is_mobilizing() -> None:
    text = "The Kenyan army was moving reinforcements into the valley, officials said."
    assert main_at(text, "moving reinforcements") == ["MOBILIZE"]


def test_reduced_aid_is_sanction() -> None:
    text = "Germany reduced its aid to Niger last year after the junta expelled its envoy."
    assert main_at(text, "reduced its aid") == ["SANCTION"]


def test_cut_contributions_is_sanction() -> None:
    text = "Several donors, including the United States, cut contributions to the agency this year."
    assert main_at(text, "cut contributions") == ["SANCTION"]


# Table rows: patrols stepped up, fighters recruited, ties deepened.


def test_stepped_up_patrols_is_mobilizing() -> None:
    text = "Oskel and Pellane stepped up coastal patrols after the arrivals rose."
    assert main_at(text, "stepped up coastal patrols") == ["MOBILIZE"]


def test_recruited_fighters_is_mobilizing() -> None:
    text = "The Velmar Front recruited hundreds of fighters in the border villages last year."
    assert "MOBILIZE" in main_types(text)


def test_deepened_ties_is_cooperating() -> None:
    text = "Marovia and Kessaria deepened security ties during the president's visit."
    assert main_at(text, "deepened security ties") == ["COOPERATE"]


# A relative clause with no relative word has for object the noun it hangs on.


def test_sanctions_a_power_imposed_are_its_sanctions() -> None:
    text = "The sanctions Marovia imposed on Dorvan last year hurt its economy."
    assert main_at(text, "imposed") == ["SANCTION"]
