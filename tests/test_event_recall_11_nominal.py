"""Events stated by a noun that names its parties (event_named_nouns): 'talks between Marovia and
Dorvan', 'the Oskel-Pellane war', 'a Kessarian and Marovian proposal', 'the withdrawal of Marovian
troops', wherever the noun stands; and the nouns that name a topic or a thing, which are no act."""

from __future__ import annotations

import pytest
from tests.event_support import events_of, main_at, main_events, record_of

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
