"""Types read from the construction: a protest called for a date, forces expelled, backing made
of things supplied, people seized or villages raided by an armed band, a mission sent to watch,
weapons burned, both sides pressed, posts that are positions, a state's protest."""

from event_support import main_at


def test_a_strike_called_for_a_date_is_the_protest_not_a_threat() -> None:
    dated = "The Dorvan Workers Union said it would hold a two-day general strike on May 3 against the pension bill."
    assert main_at(dated, "strike") == ["PROTEST"]
    # bound to a demand, the same call holds the protest over the government
    bound = "The Velmar Front said it would boycott the Pellane vote unless its jailed members were freed."
    assert main_at(bound, "boycott") == ["THREATEN"]


def test_expelling_a_states_troops_cuts_a_relation() -> None:
    text = "Since the coup, the Marovian junta has expelled Dorvan troops and closed their last base."
    assert main_at(text, "expelled") == ["SANCTION"]
    # forces driven from a town are beaten in a fight, no relation cut
    fought = "Velmar Front fighters expelled government forces from the town of Oskel on Sunday."
    assert main_at(fought, "expelled") == ["COERCE"]


def test_backing_made_of_things_supplied_is_aid() -> None:
    text = "Dorvan backed the Velmar Front with weapons and cash during the war in Pellane."
    assert main_at(text, "backed") == ["AID"]
    assert main_at("Arno Veld supported the Kessaria bill with his vote on Monday.", "supported") == [
        "SUPPORT"
    ]


def test_people_seized_by_an_armed_band_are_abducted() -> None:
    assert main_at("Gunmen seized 14 bus passengers near Oskel on Sunday.", "seized") == ["ASSAULT"]
    assert main_at("Bandits grabbed six students from a school in Pellane.", "grabbed") == ["ASSAULT"]
    # a state's police arrest; a ship taken with its crew is captured, not kidnapped
    assert main_at("Marovian police seized two suspects in Oskel on Sunday.", "seized") == ["COERCE"]
    ship = "Velmar Front fighters seized the car carrier Oskel Star in May and held its crew for a year."
    assert main_at(ship, "seized") == ["COERCE"]


def test_villages_raided_by_an_armed_band_are_attacked() -> None:
    text = "Velmar Front fighters raided two villages near Oskel overnight, residents said."
    assert main_at(text, "raided") == ["ASSAULT"]
    assert main_at("Marovian police raided the offices of the Dorvan Herald on Monday.", "raided") == [
        "COERCE"
    ]


def test_a_mission_sent_to_watch_a_vote_is_cooperation() -> None:
    text = "The Kessaria Council has deployed a full election observation mission to Marovia for the vote."
    assert main_at(text, "deployed") == ["COOPERATE"]


def test_fighters_burning_their_weapons_disarm() -> None:
    text = "In July a first group of Velmar Front fighters burned their weapons at a ceremony near Oskel."
    assert main_at(text, "burned their weapons") == ["RETREAT"]


def test_pressing_both_sides_asks_them() -> None:
    text = "Dorvan and Marovia were pressing both sides to accept a three-month truce in Pellane."
    assert main_at(text, "pressing") == ["REQUEST"]


def test_attacks_on_border_posts_are_blows_not_words() -> None:
    text = "The two states fought their worst clashes in years after Dorvan attacks on Marovian border posts."
    assert main_at(text, "attacks") == ["ASSAULT"]


def test_a_state_protesting_an_arrest_accuses() -> None:
    text = "Marovia's foreign ministry on Tuesday protested the arrest of an ethnic Marovian mayor by Dorvan police."
    assert main_at(text, "protested") == ["ACCUSE"]
    assert main_at("Thousands of students protested the tuition rise in Oskel.", "protested") == ["PROTEST"]


def test_a_force_authorized_by_its_name_is_aid() -> None:
    text = "In May the Kessaria Council authorized a larger Oskel Stabilization Force of up to 900 personnel."
    assert main_at(text, "authorized") == ["AID"]
