"""Events stated by a noun that names its parties (event_named_nouns): 'talks between Marovia and
Dorvan', 'the Oskel-Pellane war', 'a Kessarian and Marovian proposal', 'the withdrawal of Marovian
troops', wherever the noun stands; and the nouns that name a topic or a thing, which are no act."""

from __future__ import annotations

import pytest
from tests.event_support import event_at, events_of, main_at, main_events, main_types, record_of

POSITIVE = [
    # between / among + parties
    ("The conflict between Oskel and Pellane has displaced thousands of farmers.", "conflict", "ASSAULT"),
    (
        "Officials argued over who started the long conflict between Marovia and Dorvan.",
        "started the long conflict",
        "ASSAULT",
    ),
    ("The war between Kessaria and Oskel entered its fourth winter.", "war", "ASSAULT"),
    ("The brief skirmish between Marovia and Dorvan left two soldiers wounded.", "skirmish", "ASSAULT"),
    ("Refugee numbers fell after a 2019 agreement among Marovia, Dorvan and Pellane.", "agreement", "AGREE"),
    ("Prices rose after the accord between Kessaria and Oskel on grain exports.", "accord", "AGREE"),
    ("Ann Vale said the pact between Pellane and Dorvan would hold.", "pact", "AGREE"),
    ("Talks between Marovia and the Velmar Front resumed quietly.", "Talks", "CONSULT"),
    (
        "Negotiations among Oskel, Pellane and Marovia have stalled over water rights.",
        "Negotiations",
        "CONSULT",
    ),
    # with + party
    (
        "Dorvan said discussions with the Kessarian Development Fund are progressing well.",
        "discussions",
        "CONSULT",
    ),
    ("Clashes with Dorvan left the border town empty.", "Clashes", "ASSAULT"),
    ("The dialogue with Pellane was described as constructive by Tomas Brell.", "dialogue", "CONSULT"),
    # against + party
    ("The campaign of airstrikes against the Velmar Front drew criticism.", "airstrikes", "ASSAULT"),
    ("The offensive against the Velmar Front slowed in the mountains.", "offensive", "ASSAULT"),
    ("Protests against Arno Veld filled the capital's main square.", "Protests", "PROTEST"),
    ("The marches against the Dorvan government grew larger each week.", "marches", "PROTEST"),
    # by + party
    ("The walkout by the Marovian dockworkers union shut the port.", "walkout", "PROTEST"),
    ("The withdrawal by Dorvan from the hills surprised observers.", "withdrawal", "RETREAT"),
    ("The refusal by Kessaria angered the negotiators.", "refusal", "REJECT"),
    # of + party
    ("The withdrawal of Marovian troops from Oskel was completed on Monday.", "withdrawal", "RETREAT"),
    ("A meeting of Kessarian and Oskel foreign ministers ended without a statement.", "meeting", "CONSULT"),
    ("The first protests of the Velmar Front broke the curfew.", "protests", "PROTEST"),
    # two parties joined by a hyphen or by "and"
    ("The Oskel-Pellane conflict has cost billions.", "conflict", "ASSAULT"),
    ("The summit in Velmar follows Marovia-Dorvan talks in the capital.", "talks", "CONSULT"),
    ("The statement answered a Kessarian and Marovian proposal for a joint patrol.", "proposal", "REQUEST"),
    ("Observers watched the Marovia-Dorvan negotiations closely.", "negotiations", "CONSULT"),
    ("Diplomats called the Pellane-Oskel accord a turning point.", "accord", "AGREE"),
    ("The Kessaria-Oskel clashes spread to the coast.", "clashes", "ASSAULT"),
    ("The U.S.-Canada talks in Ottawa ended early.", "talks", "CONSULT"),
    ("Clashes between Velmar Front fighters and Oskel police were reported overnight.", "Clashes", "ASSAULT"),
    ("The truce between Marovia and Dorvan held through the weekend.", "truce", "RETREAT"),
    ("The summit between Marovia and Dorvan produced a joint statement.", "summit", "CONSULT"),
    ("The meeting between Ann Vale and Tomas Brell lasted an hour.", "meeting", "CONSULT"),
    ("The consultations between Pellane and Kessaria covered fishing rights.", "consultations", "CONSULT"),
    ("The rally against Arno Veld drew thousands in the capital.", "rally", "PROTEST"),
    ("The conflict among Oskel, Pellane and the Velmar Front flared again.", "conflict", "ASSAULT"),
]

NEGATIVE = [
    ("Tomas Brell spent a great deal of money on the campaign.", "deal"),
    ("Lena Ruto collects war movies from Dorvan.", "war"),
    ("The war on drugs has failed, Tomas Brell said in Oskel.", "war"),
    ("The councillors booked a meeting room in Pellane.", "meeting"),
    ("Arno Veld resigned over a conflict of interest.", "conflict"),
    ("The conflict of interest rules were tightened in Kessaria.", "conflict"),
    ("Ann Vale wrote a book about war in Marovia.", "war"),
    ("The war in Oskel was a frequent topic of the lecture.", "war"),
    ("Lena Ruto said the war was far from her village in Dorvan.", "war"),
    ("Arno Veld spoke of possible talks with Pellane.", "talks"),
    ("Kessaria is supportive of security cooperation with Oskel.", "cooperation"),
    ("The proposal to cut taxes was debated in Marovia.", "proposal"),
    ("Ann Vale read the proposal over lunch.", "proposal"),
    ("The discussion of the budget ran late in Dorvan.", "discussion"),
    ("The discussion was lively, Lena Ruto said.", "discussion"),
    ("A conflict of laws arose in the Pellane courts.", "conflict"),
    ("The war years shaped Arno Veld's writing.", "war"),
    ("Tomas Brell studied the history of the conflict.", "conflict"),
    ("Ann Vale said the war museum in Oskel reopened.", "war"),
    ("The talks format suited Lena Ruto.", "talks"),
    ("The proposal from the architects for a new bridge in Dorvan was shown.", "proposal"),
    ("The conflict over the budget in Pellane continued.", "conflict"),
    ("The post-war economy of Marovia grew.", "war"),
    ("A proposal of marriage surprised Tomas Brell.", "proposal"),
    ("Arno Veld wants a discussion about schools.", "discussion"),
    ("The cross-border talks format was praised in Oskel.", "talks"),
    ("Ann Vale said the conflict was over in her family.", "conflict"),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), POSITIVE)
def test_a_noun_naming_its_parties_is_their_act(text: str, trigger: str, kind: str) -> None:
    assert kind in main_at(text, trigger)


# The object of a verb of its own is found, as an act the verb's act is about (governed by it).
OBJECTS = [
    ("Ann Vale welcomed the talks between Marovia and Dorvan.", "talks", "CONSULT"),
    ("Tomas Brell condemned the war between Oskel and Pellane.", "war", "ASSAULT"),
    ("Arno Veld praised the withdrawal of Dorvan troops from the valley.", "withdrawal", "RETREAT"),
    ("Lena Ruto praised the discussions between Dorvan and Kessaria.", "discussions", "CONSULT"),
    ("The minister welcomed the negotiations with the Velmar Front.", "negotiations", "CONSULT"),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), OBJECTS)
def test_the_object_of_another_verb_naming_its_parties_is_found(text: str, trigger: str, kind: str) -> None:
    assert kind in [e.type for e in events_of(text) if e.trigger.text == trigger]


@pytest.mark.parametrize(("text", "trigger"), NEGATIVE)
def test_a_noun_naming_a_topic_or_a_thing_is_no_act(text: str, trigger: str) -> None:
    assert main_at(text, trigger) == []


def test_the_parties_of_a_conflict_between_them_are_its_actors() -> None:
    record = record_of("Officials argued over who started the long conflict between Marovia and Dorvan.")
    names = {e.id: e.name for e in record.entities}
    event = next(e for e in record.events if e.type == "ASSAULT")
    assert {names[i] for i in event.actors} == {"Marovia", "Dorvan"}


def test_a_series_of_airstrikes_takes_in_its_noun_and_its_target() -> None:
    text = "Marovian units carried out a long series of airstrikes on the Velmar Front in Oskel."
    record = record_of(text)
    names = {e.id: e.name for e in record.entities}
    event = next(e for e in record.events if e.type == "ASSAULT")
    assert event.trigger.text == "carried out a long series of airstrikes"
    assert any("Velmar Front" in names[i] for i in event.recipients)


def test_a_relative_clause_on_named_talks_states_its_own_act() -> None:
    text = (
        "The summit follows Marovia-Dorvan talks in Velmar, where Dorvan said it is ready to accept a truce."
    )
    assert "AGREE" in [e.type for e in main_events(text)]


# Guards: what a noun naming its parties does not state as a new act.


def test_a_noun_that_names_what_a_thing_is_called_is_no_act() -> None:
    text = "Tomas Brell said the summit can be seen as a meeting of Pellanese and Kessarian ministers."
    assert main_at(text, "meeting") == []


def test_the_release_of_prisoners_names_who_is_let_go_not_who_acts() -> None:
    text = "The envoy said Pellane expected the immediate release of all Dorvan prisoners held in Oskel."
    assert main_at(text, "release") == []


def test_a_noun_repeating_a_verbs_act_with_a_shared_party_is_no_new_act() -> None:
    text = (
        "Finance Minister Lena Ruto confirmed that Marovia is negotiating a new loan program worth two"
        " billion dollars. Marovia said on Sunday that discussions with the Kessarian Development Fund"
        " are progressing well."
    )
    assert main_types(text).count("CONSULT") == 1


def test_a_noun_repeating_an_act_named_by_the_same_noun_is_no_new_act() -> None:
    text = (
        "The Velmar Front stepped up its attacks after the withdrawal of Marovian troops began in May."
        ' Arno Veld said: "We see the withdrawal of forces by Marovia as a victory."'
    )
    assert main_types(text).count("RETREAT") == 1


def test_a_possessed_noun_naming_its_parties_repeats_the_act_too() -> None:
    text = (
        "Finance Minister Lena Ruto said Marovia is negotiating a new loan program with the Kessarian"
        " Development Fund. Ruto said her talks with the Kessarian Development Fund had gone well."
    )
    assert main_types(text).count("CONSULT") == 1


def test_a_noun_after_a_denied_or_governed_act_of_its_parties_is_still_their_act() -> None:
    text = "Dorvan refused to meet Marovia in May. Talks between Marovia and Dorvan resumed on Monday."
    assert "CONSULT" in main_at(text, "Talks")


def test_a_relative_clause_saying_what_was_done_with_the_act_is_part_of_it() -> None:
    text = (
        "The United States, which brokered a peace accord between Marovia and Dorvan that was signed"
        " in Velmar last year, urged both sides to stop the fighting."
    )
    assert main_at(text, "signed") == []


def test_a_participle_after_a_noun_act_of_its_type_tells_the_same_act() -> None:
    text = (
        "Marovian units carried out a long series of airstrikes on the Velmar Front in Oskel,"
        " hitting targets near the river."
    )
    assert main_types(text).count("ASSAULT") == 1


def test_an_act_takes_no_actors_from_a_repeated_mention_left_out() -> None:
    text = (
        "Marovia is negotiating a loan with the Kessarian Development Fund. Arno Veld of Dorvan criticized"
        " the plan. Talks between Marovia and the Kessarian Development Fund went well on Sunday, and"
        " protests broke out in Oskel."
    )
    record = record_of(text)
    names = {e.id: e.name for e in record.entities}
    protests = event_at(record, "protests")
    assert protests.actors_from in {e.id for e in record.events}
    assert "Kessarian Development Fund" not in [names[i] for i in protests.actors]
