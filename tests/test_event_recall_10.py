"""Events dateline missed (event type recall, round 10), on invented wire sentences: ships and
towns seized or taken back; parties barred, institutions closed, the internet cut; sanctions
lists, terrorist designations, funding ended, bodies quit; mediators; military aircraft and
ships sent or entering airspace; forces sent to help an ally; wars with a named side; denials of
a charge; forces falling back. And what is none of these: a remark seized on, a lead regained, a
list of speakers, a race quit, a trade war, a source asking to stay unnamed, troops "backed by"
others."""

from __future__ import annotations

import pytest

from event_support import actor_names, main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia seized the tanker Halvik Star on Tuesday on suspicion of smuggling fuel.", "seized"),
        ("Dorvan forces recaptured the river town of Tarsin on Sunday.", "recaptured"),
        ("The Velmar Front regained several villages near Pellane last year.", "regained"),
        ("The district fell a year after Velmar Front fighters overran it.", "overran"),
        ("The rebels said their fighters had taken two villages east of Oskel.", "taken two villages"),
        ("Kessaria has barred foreign journalists from entering Oskel.", "barred"),
        ("The junta closed universities to women in the north.", "closed universities"),
        ("Authorities in Dorvan cut internet access across the country on Friday.", "cut internet access"),
        (
            "Pellane suspended two foreign radio stations over their coverage.",
            "suspended two foreign radio stations",
        ),
    ],
)
def test_coercion_of_ships_towns_groups_and_media(text: str, trigger: str) -> None:
    assert "COERCE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("taken", "trigger", "not_taken"),
    [
        ("Marovia seized the tanker Halvik Star on Tuesday on suspicion of smuggling fuel.", "seized",
         "Ann Vale seized on the remark at the debate."),
        ("The Velmar Front regained several villages near Pellane last year.", "regained",
         "Tomas Brell regained the lead in the polls."),
        ("The junta closed universities to women in the north.", "closed universities",
         "The firm closed the deal with its suppliers."),
    ],
)  # fmt: skip
def test_coercion_not_idioms_polls_or_business(taken: str, trigger: str, not_taken: str) -> None:
    assert "COERCE" in main_at(taken, trigger)
    assert "COERCE" not in main_types(not_taken)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia added twelve Dorvan firms to its entity list.", "added"),
        ("The bloc has placed forty ships on its sanctions list.", "placed"),
        ("Kessaria designated the Velmar Front a terrorist organization.", "designated"),
        ("Ministers approved a new package of sanctions against Dorvan.", "approved a new package"),
        ("Marovia ended its humanitarian funding for Oskel last year.", "ended its humanitarian funding"),
        ("Pellane cut off most official contact with Dorvan in 2019.", "cut off most official contact"),
        ("Dorvan quit the defense pact in March.", "quit"),
        ("Marovia completed its withdrawal from the World Health Organization.", "completed its withdrawal"),
        ("Marovia is putting heavy tariffs on Dorvan steel.", "putting heavy tariffs"),
    ],
)
def test_sanctions_lists_designations_and_relations_cut(text: str, trigger: str) -> None:
    assert "SANCTION" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("sanction", "trigger", "no_sanction"),
    [
        ("Marovia added twelve Dorvan firms to its entity list.", "added",
         "Ann Vale added her name to the list of speakers."),
        ("Kessaria designated the Velmar Front a terrorist organization.", "designated",
         "Dorvan designated a new envoy for the talks."),
        ("Dorvan quit the defense pact in March.", "quit", "Tomas Brell quit the race on Monday."),
    ],
)  # fmt: skip
def test_sanction_lists_designations_and_bodies_left_not_speakers_envoys_races(
    sanction: str, trigger: str, no_sanction: str
) -> None:
    assert "SANCTION" in main_at(sanction, trigger)
    assert "SANCTION" not in main_types(no_sanction)


@pytest.mark.parametrize(
    "text",
    [
        "Ann Vale cut into Tomas Brell's support in the suburbs.",
        "Pellane suspended two foreign radio stations over their coverage.",
    ],
)
def test_no_sanction_in_a_share_of_support_or_silenced_media(text: str) -> None:
    assert "SANCTION" not in main_types(text)


def test_a_mediator_named_on_a_deal_mediates() -> None:
    text = "Marovia and Dorvan agreed to a truce brokered by Kessaria in May."
    assert "CONSULT" in main_at(text, "brokered")
    assert actor_names(text, "brokered") == ["Kessaria"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Marovia sent thirty military aircraft around Pellane on Wednesday.",
            "sent thirty military aircraft",
        ),
        ("A Dorvan fighter jet briefly entered Kessarian airspace.", "entered Kessarian airspace"),
        ("Two Marovian jets violated Oskel airspace for ten minutes.", "violated Oskel airspace"),
    ],
)
def test_military_aircraft_sent_or_entering_airspace_mobilize(text: str, trigger: str) -> None:
    assert "MOBILIZE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The Security Council voted to extend the mission's mandate until June.",
            "extend the mission's mandate",
        ),
        ("Dorvan has sent thousands of troops to help Marovia fight the Velmar Front.", "sent thousands"),
    ],
)
def test_mandates_and_forces_sent_to_help_are_aid(text: str, trigger: str) -> None:
    assert "AID" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Pellane has been at war with the Velmar Front since 2021.", "been at war"),
        ("Dorvan's war with the Velmar Front entered its third year.", "war"),
    ],
)
def test_a_war_with_a_side_is_an_assault(text: str, trigger: str) -> None:
    assert "ASSAULT" in main_at(text, trigger)


def test_a_trade_war_is_no_assault() -> None:
    assert "ASSAULT" in main_at("Dorvan's war with the Velmar Front entered its third year.", "war")
    assert "ASSAULT" not in main_types("Marovia's trade war with Dorvan entered its third year.")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kessaria accused Dorvan of arming the Velmar Front, a charge Dorvan denies.", "denies"),
        ("Officials say the army works with the Velmar Front, a charge Pellane rejects.", "rejects"),
        ("Dorvan has blocked the opening of membership talks with Kessaria.", "blocked the opening"),
    ],
)
def test_denials_of_a_charge_and_blocked_talks_are_rejections(text: str, trigger: str) -> None:
    assert "REJECT" in main_at(text, trigger)


def test_fighters_giving_ground_retreat_fleeing_residents_do_not() -> None:
    assert "RETREAT" in main_at("The governor said the militants fled after a brief firefight.", "fled")
    assert "RETREAT" in main_at("Army drones forced Velmar Front fighters to fall back toward Oskel.", "fall")
    assert "RETREAT" not in main_types("Thousands of residents fled the fighting in Oskel.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Velmar Front offered a different account of the clash.", "AGREE"),
        ("A trader who asked that his name be withheld said prices had doubled.", "REQUEST"),
        ("A nurse who asked to be identified only as Mira said the clinic had closed.", "REQUEST"),
        ("Marovian troops backed by Kessarian drones held the bridge.", "SUPPORT"),
    ],
)
def test_accounts_unnamed_sources_and_backed_troops_are_no_events(text: str, kind: str) -> None:
    assert kind not in main_types(text)
